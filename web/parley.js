/* Parley host: forwards DOM events to the WASM widget, applies its patches, performs its
 * effects. No business logic lives here. docs/embed.md, docs/widget-protocol.md */
((win, doc) => {
  'use strict';
  const script = doc.currentScript;
  if (!script) return;
  const data = script.dataset;
  const api = new URL(script.src).origin;
  const target = data.parleyTarget || '#parley-thread';
  const mount = doc.querySelector(target);
  // parleyd substitutes the content-hashed /assets/ paths at startup.
  const url = (path) => new URL(path, api).href;
  const glueUrl = url('__PARLEY_WIDGET_JS__');
  const wasmUrl = url('__PARLEY_WIDGET_WASM__');
  const SAVED = 'parley:author';
  const TICK_MS = 60000;
  const Parley = (win.Parley = win.Parley || {});
  let widget, stream;

  // The one error reporter; fatal means the widget never rendered, so say so in place.
  const report = (err, fatal) => {
    console.error('Parley:', err);
    if (fatal && mount) {
      const p = doc.createElement('p');
      p.className = 'parley-load-error';
      p.textContent = 'Parley: comments could not be loaded.';
      mount.replaceChildren(p);
    }
  };

  const now = () => Math.floor(Date.now() / 1000);

  const region = (key) => {
    const el = key == 'root' ? mount : mount.querySelector(`[data-parley-key="${key}"]`);
    if (!el) throw Error('no region ' + key);
    return el;
  };

  // Core-rendered HTML, escaped by construction; a template parses it inert.
  const parse = (html) => {
    const t = doc.createElement('template');
    t.innerHTML = html;
    return t.content;
  };

  const patch = ({ op, key, html, to, name, value }) => {
    const el = region(key);
    if (op == 'html') el.replaceChildren(parse(html));
    else if (op == 'append') el.append(parse(html));
    else if (op == 'move') region(to).append(el);
    else if (op == 'attr') value == null ? el.removeAttribute(name) : el.setAttribute(name, value);
    else if (op == 'value') el[typeof value == 'boolean' ? 'checked' : 'value'] = value;
    else if (op == 'focus') el.focus();
    else throw Error('unknown patch ' + op);
  };

  // retry_after is readable only when parleyd exposes Retry-After to CORS; else absent.
  const respond = (request, status, body, retry) =>
    send({ type: 'response', request, status, body, retry_after: +retry || undefined });

  const effect = (e) => {
    if (e.kind == 'fetch') {
      const init = { method: e.method, mode: 'cors', credentials: 'omit' };
      if (e.body != null) {
        init.headers = { 'Content-Type': 'application/json' };
        init.body = e.body;
      }
      fetch(api + e.path, init).then(
        (r) => r.text().then((body) => respond(e.request, r.status, body, r.headers.get('Retry-After'))),
        () => respond(e.request, 0, '')
      );
    } else if (e.kind == 'listen') {
      // One stream per thread. EventSource reconnects by itself (with Last-Event-ID)
      // after network drops; when the server refuses it (CLOSED) the widget decides
      // when to try again.
      if (stream) stream.close();
      setTimeout(() => {
        const es = (stream = new EventSource(api + e.path));
        es.onmessage = (m) => send({ type: 'live', data: m.data, id: m.lastEventId });
        es.onerror = () => es.readyState == 2 && send({ type: 'live', closed: true });
      }, e.after);
    } else if (e.kind == 'save') {
      try {
        if (e.value == null) localStorage.removeItem(e.key);
        else localStorage.setItem(e.key, JSON.stringify(e.value));
      } catch (err) {} // Storage off or full: details just aren't remembered.
    } else throw Error('unknown effect ' + e.kind);
  };

  const send = (event, fatal) => {
    try {
      const out = JSON.parse(widget.handle(JSON.stringify(event)));
      out.patches.forEach(patch);
      out.effects.forEach(effect);
    } catch (err) {
      report(err, fatal);
    }
  };

  const on = (type, fn) => mount.addEventListener(type, fn);

  const forward = (type, domType) =>
    on(domType, (ev) => {
      const el = ev.target.closest('[data-parley-field]');
      if (el && el.type != 'checkbox') send({ type, field: el.dataset.parleyField, value: el.value });
    });

  const listen = () => {
    on('click', (ev) => {
      const el = ev.target.closest('[data-parley-action]');
      if (!el) return;
      ev.preventDefault();
      send({ type: 'action', action: el.dataset.parleyAction, id: +el.dataset.parleyId || 0 });
    });
    forward('input', 'input');
    forward('blur', 'focusout');
    on('submit', (ev) => {
      const fields = {};
      ev.preventDefault();
      ev.target.querySelectorAll('[data-parley-field]').forEach((el) => {
        fields[el.dataset.parleyField] = el.type == 'checkbox' ? el.checked : el.value;
      });
      send({ type: 'submit', fields });
    });
    setInterval(() => send({ type: 'tick', now: now() }), TICK_MS);
  };

  const saved = () => {
    try {
      return JSON.parse(localStorage.getItem(SAVED));
    } catch (err) {
      return null;
    }
  };

  // The glue defines the Emscripten factory ParleyWidget; threads on a page share it.
  const load = () =>
    (Parley.module =
      Parley.module ||
      new Promise((resolve, reject) => {
        const s = doc.createElement('script');
        s.src = glueUrl;
        s.onload = resolve;
        s.onerror = () => reject('could not load ' + glueUrl);
        doc.head.append(s);
      }).then(() =>
        win.ParleyWidget({
          locateFile: (path) => (/\.wasm$/.test(path) ? wasmUrl : new URL(path, glueUrl).href),
        })
      ));

  const start = () =>
    load()
      .then((Module) => {
        widget = new Module.Widget();
        mount.setAttribute('data-parley-key', 'root');
        listen();
        send({
          type: 'start',
          site: data.parleySite,
          page: data.parleyPage || location.pathname,
          title: data.parleyTitle || doc.title,
          now: now(),
          saved: saved(),
          // The owner's choice, else the page's language; the widget picks the catalog.
          lang: data.parleyLang || doc.documentElement.lang,
          strings: data.parleyStrings,
        }, true);
      })
      .catch((err) => report(err, true));

  if (!mount) return report('no element matches ' + target);
  const css = doc.createElement('link');
  css.rel = 'stylesheet';
  css.href = url('__PARLEY_CSS__');
  doc.head.append(css);
  if (!win.IntersectionObserver) return start();
  // Load well before the thread scrolls into view, so it is ready on arrival.
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((en) => en.isIntersecting)) {
        io.disconnect();
        start();
      }
    },
    { rootMargin: '600px' }
  );
  io.observe(mount);
})(window, document);
