/* The floor of a client benchmark (bench/client/serve.mjs): fetches a system's response,
 * reads it into a string and adds one element. Whatever a client does with the response
 * comes on top of this. */
(() => {
  const from = document.currentScript.dataset.from;
  fetch(from)
    .then((r) => r.text())
    .then((text) => {
      const p = document.createElement('p');
      p.className = 'bench-floor';
      p.textContent = `${text.length} characters`;
      document.body.append(p);
    });
})();
