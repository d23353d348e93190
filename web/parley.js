/* Parley loader: the only script every page pays for, even before scrolling. It finds
 * the mount, links the stylesheet and, when the thread nears the viewport, puts
 * parleyd's early rendering of the thread into the mount (HTML first), then loads the
 * widget script (Emscripten glue + web/host.js), which adopts it and does the rest.
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
  // Mounts in the order their scripts run (document order unless async): the ids of
  // parleyd's early rendering and of the widget follow the number.
  const number = (Parley.mounts = (Parley.mounts || 0) + 1);

  // The one error reporter; fatal means the widget never started, so say so in place:
  // under the comments when the early rendering shows them (they stay readable).
  const report = (err, fatal) => {
    console.error('Parley:', err);
    if (fatal && mount) {
      const p = doc.createElement('p');
      const shown = mount.querySelector('.parley-comments');
      p.className = 'parley-load-error';
      p.textContent = shown
        ? 'Parley: the comment form could not be loaded.'
        : 'Parley: comments could not be loaded.';
      shown ? mount.append(p) : mount.replaceChildren(p);
    }
  };

  // Pages that enforce Trusted Types (docs/embed.md) allow the policy "parley" by name:
  // what goes through it is parleyd's, escaped by construction, and the widget script's
  // URL. Kept in this scope, so no other script can pass its strings through it. Without
  // Trusted Types, or when the page's policy refuses a second "parley" (a second mount),
  // the strings go as they are; the latter only costs that mount its early rendering.
  let trusted;
  try {
    trusted =
      win.trustedTypes &&
      trustedTypes.createPolicy('parley', { createHTML: (s) => s, createScriptURL: (s) => s });
  } catch (err) {}
  const trustedHTML = (s) => (trusted ? trusted.createHTML(s) : s);

  // One widget script per page, however many mounts: it defines Parley.host.
  const widget = url('__PARLEY_WIDGET_JS__');
  const wasm = url('__PARLEY_WIDGET_WASM__');
  const load = () =>
    (Parley.loaded =
      Parley.loaded ||
      new Promise((resolve, reject) => {
        const s = doc.createElement('script');
        s.src = trusted ? trusted.createScriptURL(widget) : widget;
        s.onload = resolve;
        s.onerror = () => reject('could not load ' + s.src);
        doc.head.append(s);
      }));

  // A task boundary; scheduler.yield() resumes ahead of other tasks, without timers' clamp.
  const pause = () => (win.scheduler && scheduler.yield ? scheduler.yield() : new Promise((next) => setTimeout(next)));
  // After the next frame is painted. Resuming ahead of other tasks, as pause() does, also
  // holds the page's rendering back: Chromium painted a long thread's first comments only
  // after parsing several more slices (bench/RESULTS.md). The timer is for a page that
  // renders no frames (hidden), where nobody waits for the paint.
  const painted = () =>
    new Promise((next) => {
      requestAnimationFrame(() => setTimeout(next));
      setTimeout(next, 100);
    });

  // HTML first (docs/seo-nojs.md): parleyd's rendering of the thread goes into the mount
  // while the widget's code downloads, so the comments show before the wasm arrives; the
  // widget then adopts those nodes. A long thread comes in slices: the first shows at once,
  // the others are parsed a task apart so that no task of the page is long. Skipped when
  // the page already holds a rendering, when the owner's words differ from parleyd's, or
  // when the mount shows no comments; a failure only means the widget fetches the thread
  // itself.
  const early = () => {
    const parts = data.parleyParts || '';
    if (data.parleyStrings || (parts && !/comments/.test(parts)) || mount.querySelector('.parley-data')) return;
    const q = new URLSearchParams({
      site: data.parleySite,
      page: data.parleyPage || location.pathname,
      title: data.parleyTitle || doc.title,
      lang: data.parleyLang || doc.documentElement.lang || 'en',
      parts,
      // The share bar's targets and style: its stand-in takes the room the widget's will.
      share: data.parleyShare || '',
      share_style: data.parleyShareStyle || '',
      // Its Share… and SMS buttons, which the widget's bar shows on such browsers.
      native: typeof navigator.share == 'function' ? 1 : 0,
      touch: win.matchMedia('(pointer: coarse)').matches ? 1 : 0,
      // parleyd names the ids as the widget of this mount will: "parley-2-…" for the second.
      mount: number,
      format: 'early',
    });
    // Escaped by construction in core's views, as the widget's own patches. Parsed for
    // this document (a template's nodes would each be adopted into it on insertion).
    const range = doc.createRange();
    range.selectNodeContents(mount);
    const parse = (s) => range.createContextualFragment(trustedHTML(s));
    // The first slice shows at once, and is painted before anything else is done. The
    // others are parsed out of the document and go in together: the page lays out and
    // paints them once, not once a slice.
    let rest;
    const take = (html) => {
      if (rest) {
        rest.append(parse(html));
        return pause();
      }
      mount.replaceChildren(parse(html));
      mount.setAttribute('data-parley-key', 'early'); // parley.css; the widget makes it root
      rest = doc.createDocumentFragment();
      return painted();
    };
    return fetch(api + '/embed/thread?' + q, { credentials: 'omit' })
      .then((r) => {
        if (!r.ok) return;
        // Read as it arrives: the first comments show while the rest still downloads.
        const reader = r.body.getReader();
        const text = new TextDecoder();
        let held = '';
        const more = () =>
          reader.read().then(({ done, value }) => {
            const slices = (held + text.decode(value, { stream: !done })).split('<!--parley-slice-->');
            held = done ? '' : slices.pop();
            let parsed = Promise.resolve();
            for (const html of slices) parsed = parsed.then(() => html && take(html));
            return parsed.then(() =>
              done ? rest && mount.querySelector('[data-parley-key="thread"]').append(rest) : more()
            );
          });
        return more();
      })
      .catch(() => {
        // Cut off halfway: the widget shows the whole thread itself rather than a part.
        if (rest) {
          mount.replaceChildren();
          mount.removeAttribute('data-parley-key');
        }
      });
  };

  // The widget script downloads beside the early rendering (a preload) but runs only
  // once the comments are in, which it adopts: run first, its evaluation held their
  // insertion back. A failure is told after the insertion, so nothing overwrites it.
  const start = () => {
    const shown = Promise.resolve(early());
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'script';
    link.href = widget;
    // Once a page, even when several mounts start together.
    if (!Parley.loaded && !('compiled' in Parley)) {
      doc.head.append(link);
      // The wasm, the longest download, is fetched and compiled meanwhile too, rather than
      // once the widget script runs; the host instantiates this. Without it (no
      // compileStreaming, or it failed) the glue fetches and compiles the wasm itself, and
      // reports what fails then.
      const compiled = (Parley.compiled =
        win.WebAssembly && WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(wasm)) : null);
      if (compiled) compiled.catch(() => {});
    }
    return shown
      .then(load)
      .then(() =>
        Parley.host({
          mount,
          number,
          data,
          api,
          wasm,
          compiled: Parley.compiled,
          pow: { worker: url('__PARLEY_POW_WORKER__'), wasm: url('__PARLEY_POW_WASM__') },
          report,
        })
      )
      .catch((err) => shown.then(() => report(err, true)));
  };

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
  // An include (docs/seo-nojs.md) is an early rendering already: marked so at once, its
  // Reply, hearts and stand-ins keep their room, and nothing moves when the widget starts.
  if (mount.querySelector('.parley-data')) mount.setAttribute('data-parley-key', 'early');
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
