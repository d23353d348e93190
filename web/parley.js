/* Parley loader and host. The WASM widget owns all state and rendering; this file only
 * forwards DOM events to it as JSON, applies the patches it returns and performs its
 * effects (fetch, localStorage). See docs/widget-protocol.md and docs/embed.md. */
(function (win, doc) {
  'use strict';
  var script = doc.currentScript;
  if (!script) return; // Not loaded by a <script> element we can read options from.

  var data = script.dataset;
  var apiBase = new URL(script.src).origin;
  var mount = doc.querySelector(data.parleyTarget || '#parley-thread');
  // parleyd replaces these with content-hashed /assets/... paths when it starts.
  var glueUrl = new URL('__PARLEY_WIDGET_JS__', apiBase).href;
  var wasmUrl = new URL('__PARLEY_WIDGET_WASM__', apiBase).href;
  var cssUrl = new URL('__PARLEY_CSS__', apiBase).href;
  var SAVED_KEY = 'parley:author';
  var TICK_MS = 60000;
  // Start loading well before the thread scrolls into view, so it is ready on arrival.
  var PRELOAD_MARGIN = '600px';
  var LOAD_FAILED = 'Parley: comments could not be loaded.';

  var Parley = (win.Parley = win.Parley || {});
  var widget;

  // The one place errors are reported. A fatal one (the module never ran) also tells the
  // reader, in the mount, instead of leaving an empty space.
  function report(err, fatal) {
    console.error('Parley:', err);
    if (fatal && mount) {
      var p = doc.createElement('p');
      p.className = 'parley-load-error';
      p.textContent = LOAD_FAILED;
      mount.textContent = '';
      mount.appendChild(p);
    }
  }

  function now() {
    return Math.floor(Date.now() / 1000);
  }

  function readSaved() {
    try {
      return JSON.parse(localStorage.getItem(SAVED_KEY));
    } catch (e) {
      return null; // Storage disabled or a corrupt entry: start with an empty form.
    }
  }

  function region(key) {
    var el = key === 'root' ? mount : mount.querySelector('[data-parley-key="' + key + '"]');
    if (!el) throw new Error('no region "' + key + '"');
    return el;
  }

  // The HTML comes from the C++ core, escaped by construction; a <template> parses it
  // inert (no script runs, no image loads) before it joins the document.
  function parse(html) {
    var t = doc.createElement('template');
    t.innerHTML = html;
    return t.content;
  }

  function apply(p) {
    var el = region(p.key);
    switch (p.op) {
      case 'html':
        el.textContent = '';
      // falls through
      case 'append':
        el.appendChild(parse(p.html));
        break;
      case 'move':
        region(p.to).appendChild(el);
        break;
      case 'attr':
        if (p.value == null) el.removeAttribute(p.name);
        else el.setAttribute(p.name, p.value);
        break;
      case 'value':
        if (typeof p.value == 'boolean') el.checked = p.value;
        else el.value = p.value;
        break;
      case 'focus':
        el.focus();
        break;
      default:
        throw new Error('unknown patch ' + p.op);
    }
  }

  function request(e) {
    var init = { method: e.method, mode: 'cors', credentials: 'omit' };
    if (e.body != null) {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = e.body;
    }
    fetch(apiBase + e.path, init)
      .then(function (r) {
        return r.text().then(function (body) {
          send({ type: 'response', request: e.request, status: r.status, body: body });
        });
      })
      .catch(function () {
        send({ type: 'response', request: e.request, status: 0, body: '' });
      });
  }

  function perform(e) {
    if (e.kind == 'fetch') return request(e);
    if (e.kind != 'save') throw new Error('unknown effect ' + e.kind);
    try {
      if (e.value == null) localStorage.removeItem(e.key);
      else localStorage.setItem(e.key, JSON.stringify(e.value));
    } catch (err) {
      // Private mode or a full quota: details are simply not remembered.
    }
  }

  // A throw while handling `start` leaves the reader with nothing, so it is fatal there.
  function send(event, fatal) {
    try {
      var out = JSON.parse(widget.handle(JSON.stringify(event)));
      out.patches.forEach(apply);
      out.effects.forEach(perform);
    } catch (err) {
      report(err, fatal);
    }
  }

  function field(el) {
    return el.closest('[data-parley-field]');
  }

  function onText(type) {
    return function (ev) {
      var el = field(ev.target);
      if (el && el.type != 'checkbox') send({ type: type, field: el.dataset.parleyField, value: el.value });
    };
  }

  function listen() {
    mount.addEventListener('click', function (ev) {
      var el = ev.target.closest('[data-parley-action]');
      if (!el || !mount.contains(el)) return;
      ev.preventDefault(); // Reply links are real links for no-JS readers; not here.
      var id = el.dataset.parleyId;
      send({ type: 'action', action: el.dataset.parleyAction, id: id ? +id : 0 });
    });
    mount.addEventListener('input', onText('input'));
    mount.addEventListener('focusout', onText('blur'));
    mount.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var fields = {};
      ev.target.querySelectorAll('[data-parley-field]').forEach(function (el) {
        fields[el.dataset.parleyField] = el.type == 'checkbox' ? el.checked : el.value;
      });
      send({ type: 'submit', fields: fields });
    });
    setInterval(function () {
      send({ type: 'tick', now: now() });
    }, TICK_MS);
  }

  // The glue defines the global factory ParleyWidget (Emscripten MODULARIZE); several
  // threads on one page share one download.
  function loadGlue() {
    return (Parley.glue =
      Parley.glue ||
      new Promise(function (resolve, reject) {
        var s = doc.createElement('script');
        s.src = glueUrl;
        s.async = true;
        s.onload = function () {
          resolve(win.ParleyWidget);
        };
        s.onerror = function () {
          reject(new Error('could not load ' + glueUrl));
        };
        doc.head.appendChild(s);
      }).then(function (factory) {
        return factory({
          locateFile: function (path) {
            return /\.wasm$/.test(path) ? wasmUrl : new URL(path, glueUrl).href;
          }
        });
      }));
  }

  function start() {
    loadGlue().then(function (Module) {
      widget = new Module.Widget();
      mount.setAttribute('data-parley-key', 'root');
      listen();
      send({
        type: 'start',
        site: data.parleySite,
        page: data.parleyPage || location.pathname,
        title: data.parleyTitle || doc.title,
        now: now(),
        saved: readSaved()
      }, true);
    }).catch(function (err) {
      report(err, true);
    });
  }

  if (!mount) return report('no element matches ' + (data.parleyTarget || '#parley-thread'));

  var css = doc.createElement('link');
  css.rel = 'stylesheet';
  css.href = cssUrl;
  doc.head.appendChild(css);

  if (!win.IntersectionObserver) return start();
  var io = new IntersectionObserver(
    function (entries) {
      if (!entries.some(function (en) { return en.isIntersecting; })) return;
      io.disconnect();
      start();
    },
    { rootMargin: PRELOAD_MARGIN }
  );
  io.observe(mount);
})(window, document);
