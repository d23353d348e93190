/* Parley loader: the only script every page pays for, even before scrolling. It finds
 * the mount, links the stylesheet and, when the thread nears the viewport, loads the
 * widget script (Emscripten glue + web/host.js), which does the rest.
 * docs/embed.md, docs/architecture.md */
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
  const Parley = (win.Parley = win.Parley || {});

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

  // One widget script per page, however many mounts: it defines Parley.host.
  const load = () =>
    (Parley.loaded =
      Parley.loaded ||
      new Promise((resolve, reject) => {
        const s = doc.createElement('script');
        s.src = url('__PARLEY_WIDGET_JS__');
        s.onload = resolve;
        s.onerror = () => reject('could not load ' + s.src);
        doc.head.append(s);
      }));

  const start = () =>
    load()
      .then(() =>
        Parley.host({
          mount,
          data,
          api,
          wasm: url('__PARLEY_WIDGET_WASM__'),
          pow: { worker: url('__PARLEY_POW_WORKER__'), wasm: url('__PARLEY_POW_WASM__') },
          report,
        })
      )
      .catch((err) => report(err, true));

  if (!mount) return report('no element matches ' + target);
  const css = url('__PARLEY_CSS__');
  // Several mounts on a page share one stylesheet.
  if (!doc.querySelector(`link[href="${css}"]`)) {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    // First in <head>: the site's own stylesheets come later, so its class rules
    // override Parley's (same weight, later wins) without !important.
    doc.head.prepend(link);
  }
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
