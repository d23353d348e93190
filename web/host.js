/* Parley host: forwards DOM events to the WASM widget, applies its patches, performs its
 * effects. No business logic lives here. The build appends this file to the Emscripten
 * glue inside one function scope, so `ParleyWidget` (the module factory) is in scope and
 * nothing but `window.Parley` reaches the page's globals. One host per mount.
 * docs/widget-protocol.md */
/* global ParleyWidget */
((win, doc) => {
  'use strict';
  const SAVED = 'parley:author';
  const SERVER = 'parley:fediverse'; // the reader's fediverse server, for the share bar
  const TICK_MS = 60000;
  // From this many patches at once, the host indexes the mount's keyed elements first.
  const MANY_PATCHES = 64;
  // Patches with at most this much markup index their own keyed elements (fresh() below).
  const FEW_KEYS_HTML = 16384;
  const SLICE = 10000; // nonces per main-thread slice: ~10 ms, well short of a long task
  const Parley = (win.Parley = win.Parley || {});
  let module; // one WebAssembly instance per page; every mount has its own Widget

  const now = () => Math.floor(Date.now() / 1000);
  // Runs `fn` in a task of its own, soon: a message to ourselves. setTimeout(0) is held
  // back 4 ms once timers nest five deep, as a long thread's slices (and the proof of
  // work's main-thread slices) do: 20 slices waited 80 ms for nothing.
  const channel = new MessageChannel();
  const queued = [];
  channel.port1.onmessage = () => queued.shift()();
  const soon = (fn) => {
    queued.push(fn);
    channel.port2.postMessage(0);
  };
  const utf8 = new TextEncoder();
  const text = new TextDecoder();

  // Under Trusted Types (docs/embed.md) the page allows the policy "parley-widget" by name;
  // only this scope holds it. Through it go core's HTML, escaped by construction, and
  // the proof-of-work worker's Blob URL.
  let trusted;
  try {
    trusted =
      win.trustedTypes &&
      trustedTypes.createPolicy('parley-widget', { createHTML: (s) => s, createScriptURL: (s) => s });
  } catch (err) {}

  // Core-rendered HTML, escaped by construction; a template parses it inert.
  const parse = (html) => {
    const t = doc.createElement('template');
    t.innerHTML = trusted ? trusted.createHTML(html) : html;
    return t.content;
  };

  const stored = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (err) {
      return null;
    }
  };

  // Metadata lives in <head>: searching the document for a tag a page lacks walked every
  // comment already shown, six times over on a long thread.
  const meta = (name) => {
    const head = doc.head;
    const el = head.querySelector(`meta[property="og:${name}"]`) || head.querySelector(`meta[name="${name}"]`);
    return el ? el.content : '';
  };

  // What the share bar shares and what this browser can do (docs/share-and-likes.md).
  const share = (data) => {
    const canonical = doc.head.querySelector('link[rel="canonical"]');
    return {
      targets: data.parleyShare,
      style: data.parleyShareStyle,
      via: data.parleyVia,
      hashtags: data.parleyHashtags,
      clicks: data.parleyShareClicks != 'off',
      url: canonical ? canonical.href : location.href.split('#')[0],
      title: meta('title'),
      description: meta('description'),
      image: meta('image'),
      can_share: typeof navigator.share == 'function',
      touch: win.matchMedia('(pointer: coarse)').matches,
      server: stored(SERVER),
    };
  };

  Parley.host = ({ mount, number, data, api, wasm, compiled, pow, report }) => {
    let widget, stream, popup, watch;

    // The keyed elements by key, as each patch finds its own. A patch's element is
    // looked up where the cache has none, or where the one it has left the mount or its
    // key. A batch of many patches (a tick rewording 1,000 dates) indexes the whole mount
    // first: looking up each of them walked the mount every time, 150-200 ms for 1,000
    // (bench/tick.mjs). A single patch does not: indexing a long thread costs more
    // than one walk.
    const keyed = new Map();
    // A key names one element of the mount (docs/widget-protocol.md).
    const learn = (root) => {
      for (const el of root.querySelectorAll('[data-parley-key]')) keyed.set(el.getAttribute('data-parley-key'), el);
    };
    const index = () => {
      keyed.clear();
      learn(mount);
    };
    const region = (key) => {
      if (key == 'root') return mount;
      let el = keyed.get(key);
      if (!el || !mount.contains(el) || el.getAttribute('data-parley-key') != key) {
        el = mount.querySelector(`[data-parley-key="${key}"]`);
        if (!el) throw Error('no region ' + key);
        keyed.set(key, el);
      }
      return el;
    };

    // New markup the size of a form brings its keys into the cache as it goes in: the
    // form sits after the thread, and finding each of its keys there walked past every
    // comment (~1 ms a key with 1,000 of them). A slice of comments is not indexed:
    // its hundreds of keys would cost more than the few lookups that follow.
    const fresh = (html) => {
      const nodes = parse(html);
      if (html.length <= FEW_KEYS_HTML) learn(nodes);
      return nodes;
    };

    const patch = ({ op, key, html, to, name, value }) => {
      const el = region(key);
      if (op == 'html') el.replaceChildren(fresh(html));
      else if (op == 'append') el.append(fresh(html));
      else if (op == 'prepend') el.prepend(fresh(html));
      else if (op == 'replace') el.replaceWith(fresh(html));
      else if (op == 'move') region(to).append(el);
      else if (op == 'attr') value == null ? el.removeAttribute(name) : el.setAttribute(name, value);
      else if (op == 'value') el[typeof value == 'boolean' ? 'checked' : 'value'] = value;
      else if (op == 'focus') el.focus();
      else throw Error('unknown patch ' + op);
    };

    // retry_after is readable only when parleyd exposes Retry-After to CORS; else absent.
    const respond = (request, status, body, retry) =>
      send({ type: 'response', request, status, retry_after: +retry || undefined }, false, body);

    // The proof of work (docs/spam.md) in a worker started from a Blob URL (a page may not
    // start one from parleyd's origin); where the page's CSP forbids blob: workers, the
    // same wasm on this thread, in slices that leave room for input.
    const work = ({ challenge, bits }) => {
      const done = (nonce) => send({ type: 'worked', challenge, nonce });
      const inline = () =>
        WebAssembly.instantiateStreaming(fetch(pow.wasm))
          .then(({ instance: { exports: x } }) => {
            const bytes = new TextEncoder().encode(challenge);
            new Uint8Array(x.memory.buffer, x.parley_pow_buffer(), bytes.length).set(bytes);
            const step = (first) => {
              const n = x.parley_pow_solve(bytes.length, bits, first, SLICE);
              n < 0 ? soon(() => step(first + SLICE)) : done('' + n);
            };
            step(0);
          })
          .catch(() => done(''));
      try {
        // The worker inherits the page's policy: under Trusted Types it needs its own
        // "parley-widget" (names are per global) for importScripts.
        const src = JSON.stringify(pow.worker);
        const code = `importScripts(self.trustedTypes ? trustedTypes.createPolicy('parley-widget', { createScriptURL: (s) => s }).createScriptURL(${src}) : ${src})`;
        const blob = URL.createObjectURL(new Blob([code]));
        const w = new Worker(trusted ? trusted.createScriptURL(blob) : blob);
        w.onmessage = (m) => (w.terminate(), done(m.data.nonce));
        w.onerror = () => (w.terminate(), inline());
        w.postMessage({ wasm: pow.wasm, challenge, bits });
      } catch (err) {
        inline();
      }
    };

    const effect = (e) => {
      if (e.kind == 'work') work(e);
      else if (e.kind == 'fetch') {
        const init = { method: e.method, mode: 'cors', credentials: 'omit', headers: {} };
        if (e.body != null) {
          init.headers['Content-Type'] = 'application/json';
          init.body = e.body;
        }
        if (e.bearer) init.headers.Authorization = 'Bearer ' + e.bearer;
        // The body's bytes as they came (UTF-8 JSON): the wasm reads bytes, so they need
        // not become a JS string first. A body cut off on its way is a network failure.
        fetch(api + e.path, init)
          .then((r) => r.arrayBuffer().then((body) => [r, new Uint8Array(body)]))
          .then(
            ([r, body]) => respond(e.request, r.status, body, r.headers.get('Retry-After')),
            () => respond(e.request, 0)
          );
      } else if (e.kind == 'listen') {
        // One stream per thread. EventSource reconnects by itself (with Last-Event-ID)
        // after network drops; when the server refuses it (CLOSED) the widget decides
        // when to try again.
        if (stream) stream.close();
        setTimeout(() => {
          const es = (stream = new EventSource(api + e.path));
          es.onmessage = (m) => send({ type: 'live', id: m.lastEventId }, false, m.data);
          es.onerror = () => es.readyState == 2 && send({ type: 'live', closed: true });
        }, e.after);
      } else if (e.kind == 'yield') {
        // A long thread arrives in slices: end this task so input and, when a frame is
        // due, paint run before the next slice. Not a frame each: that made a 1,000-comment
        // thread wait nine frames.
        soon(() => send({ type: 'resume' }));
      } else if (e.kind == 'popup') {
        // Opened within the click that caused this effect, so popup blockers allow it.
        if (popup) popup.close();
        clearInterval(watch);
        popup = e.close ? null : win.open(api + e.path, 'parley-login', 'popup,width=600,height=700');
        if (e.path && !popup) send({ type: 'login', blocked: true });
        // Closed without a message: said after a grace period for a message in flight.
        const p = popup;
        watch = p && setInterval(() => {
          if (!p.closed) return;
          clearInterval(watch);
          setTimeout(() => popup == p && ((popup = null), send({ type: 'login', closed: true })), 500);
        }, 300);
      } else if (e.kind == 'save') {
        try {
          if (e.value == null) localStorage.removeItem(e.key);
          else localStorage.setItem(e.key, JSON.stringify(e.value));
        } catch (err) {} // Storage off or full: details just aren't remembered.
      } else if (e.kind == 'copy') {
        const copied = (ok) => send({ type: 'copied', ok });
        Promise.resolve()
          .then(() => navigator.clipboard.writeText(e.text))
          .then(() => copied(true), () => copied(false));
      } else if (e.kind == 'share') {
        // Still inside the click, as navigator.share requires; cancelling rejects.
        navigator.share({ title: e.title, text: e.text, url: e.url }).catch(() => {});
      } else if (e.kind == 'print') {
        win.print();
      } else if (e.kind == 'beacon') {
        navigator.sendBeacon(api + e.path, e.body);
      } else if (e.kind == 'download') {
        // Saves text the widget fetched as a file, through a Blob URL it revokes after.
        const a = doc.createElement('a');
        a.href = URL.createObjectURL(new Blob([e.text], { type: e.type }));
        a.download = e.name;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), TICK_MS);
      } else throw Error('unknown effect ' + e.kind);
    };

    // `payload`: the event's one large string (a response body, a live event's data, the
    // prerendered thread), passed beside the JSON rather than escaped into it, as UTF-8
    // bytes copied straight into the wasm memory. The answer is a view of that memory,
    // valid until the next call: its JSON line, then the patches' HTML back to back, each
    // patch saying how many bytes are its own. All is read before any patch applies (a
    // patch can make the page send the next event).
    const send = (event, fatal, payload) => {
      try {
        const bytes = payload instanceof Uint8Array ? payload : utf8.encode(payload || '');
        if (bytes.length) widget.payload(bytes.length).set(bytes);
        const answer = widget.handle(JSON.stringify(event));
        let at = answer.indexOf(10);
        const out = JSON.parse(text.decode(answer.subarray(0, at++)));
        out.patches.forEach((p) => p.bytes >= 0 && (p.html = text.decode(answer.subarray(at, (at += p.bytes)))));
        if (out.patches.length > MANY_PATCHES) index();
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
        // A share link opens by itself; the widget only counts the click.
        const link = ev.target.closest('a[data-parley-spread]');
        if (link) return send({ type: 'spread', target: link.dataset.parleySpread });
        const el = ev.target.closest('[data-parley-action]');
        if (!el) return;
        ev.preventDefault();
        const d = el.dataset;
        send({ type: 'action', action: d.parleyAction, id: +d.parleyId || 0, value: d.parleyValue });
      });
      // Escape inside an element with data-parley-escape is that action (closes a panel).
      on('keydown', (ev) => {
        const el = ev.key == 'Escape' && ev.target.closest('[data-parley-escape]');
        if (el) send({ type: 'action', action: el.dataset.parleyEscape, id: 0 });
      });
      forward('input', 'input');
      forward('blur', 'focusout');
      on('submit', (ev) => {
        const fields = {};
        ev.preventDefault();
        ev.target.querySelectorAll('[data-parley-field]').forEach((el) => {
          fields[el.dataset.parleyField] = el.type == 'checkbox' ? el.checked : el.value;
        });
        send({ type: 'submit', form: ev.target.dataset.parleyForm, fields });
      });
      setInterval(() => send({ type: 'tick', now: now() }), TICK_MS);
      // The login popup's outcome: only from parleyd's origin and only from our popup.
      win.addEventListener('message', (ev) => {
        const m = ev.data;
        if (!popup || ev.source !== popup || ev.origin !== api || !m || m.parley != 'login') return;
        popup = null;
        clearInterval(watch);
        send({ type: 'login', token: '' + (m.token || ''), error: '' + (m.error || '') });
      });
    };

    // data-parley-theme: light (the default), dark, auto (parley.css: the colour scheme
    // follows the reader's system), or host: dark while <html> matches data-parley-dark
    // (a selector, or an attribute name), following the site's own toggle live.
    const theme = () => {
      const mode = data.parleyTheme;
      if (mode != 'host') return mode && mount.setAttribute('data-parley-theme', mode);
      const html = doc.documentElement;
      const dark = data.parleyDark || '.dark';
      const sel = /^[\w-]+$/.test(dark) ? `[${dark}]` : dark;
      const sync = () => mount.setAttribute('data-parley-theme', html.matches(sel) ? 'dark' : 'light');
      sync();
      new MutationObserver(sync).observe(html, { attributes: true });
    };

    const prerendered = () => {
      // parleyd puts it beside the comments section, so it is one of the mount's own
      // children; searching the mount for it walked past every comment first.
      const el =
        Array.prototype.find.call(mount.children, (c) => c.matches('script.parley-data')) ||
        mount.querySelector('script.parley-data');
      if (!el) return '';
      el.remove();
      return el.textContent;
    };

    // The owner's choice, else the page's language; parleyd picks the catalog, fetched
    // while the wasm compiles (the wasm carries none).
    const lang = data.parleyLang || doc.documentElement.lang || 'en';
    const words = fetch(api + '/api/i18n?lang=' + encodeURIComponent(lang)).then((r) =>
      r.ok ? r.text() : Promise.reject('could not load the words: HTTP ' + r.status)
    );
    // The loader's compile of the wasm, begun while the comments showed (docs/embed.md);
    // without one, or when it could not fetch it as wasm, the glue fetches and compiles it
    // (locateFile). A CompileError is final: the page's CSP forbids WebAssembly (or the
    // bytes are bad), and the glue's two more downloads would only fail the same way.
    const glue = { locateFile: (path) => (/\.wasm$/.test(path) ? wasm : path) };
    const instantiate = (m) => ({
      ...glue,
      instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(m, imports).then((instance) => receive(instance, m), (err) => report(err, true));
        return {};
      },
    });
    module =
      module ||
      Promise.resolve(compiled).then(
        (m) => ParleyWidget(m ? instantiate(m) : glue),
        (err) => (err instanceof WebAssembly.CompileError ? Promise.reject(err) : ParleyWidget(glue))
      );
    return Promise.all([module, words]).then(([Module, catalog]) => {
      widget = new Module.Widget();
      mount.setAttribute('data-parley-key', 'root');
      try {
        theme();
      } catch (err) {
        report(err); // a bad data-parley-dark selector: the widget still works, light
      }
      listen();
      send(
        {
          type: 'start',
          site: data.parleySite,
          page: data.parleyPage || location.pathname,
          title: data.parleyTitle || doc.title,
          now: now(),
          saved: stored(SAVED),
          // Login: where the popup posts the token back, and what this browser remembers.
          origin: location.origin,
          api, // parleyd's origin, for links to its pages
          token: stored('parley:login:' + data.parleySite),
          // Edit tokens of the reader's own recent comments (docs/api.md).
          edits: stored('parley:edits:' + data.parleySite),
          instance: stored('parley:instance'),
          // The like token is random, never derived from the reader; the widget keeps
          // this one (save effect) only when the reader first likes.
          like_token: stored('parley:like-token'),
          random: Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
            (b + 256).toString(16).slice(1)).join(''),
          lang,
          catalog,
          strings: data.parleyStrings,
          parts: data.parleyParts,
          share: share(data),
          pow: !!pow,
          mount: number,
        },
        true,
        // Thread data parleyd rendered into the mount, which the widget takes over
        // (read once: the script element goes, leaving the mount to what it shows).
        prerendered()
      );
    });
  };
})(window, document);
