/* The floors of a client benchmark (bench/client/serve.mjs): fetches a system's response
 * and reads it into a string, then adds one element (data-insert absent), or sets the
 * string as a mount's innerHTML in one go (data-insert="html": Parley's early rendering,
 * the quickest way a browser turns that HTML into DOM). Whatever a client does with the
 * response comes on top of the first; a client that shows HTML in slices, as Parley's
 * loader does, trades some of the second for its first comments painted sooner. */
(() => {
  const { from, insert } = document.currentScript.dataset;
  fetch(from)
    .then((r) => r.text())
    .then((text) => {
      const el = document.createElement(insert ? 'div' : 'p');
      if (insert) el.innerHTML = text;
      else {
        el.className = 'bench-floor';
        el.textContent = `${text.length} characters`;
      }
      document.body.append(el);
    });
})();
