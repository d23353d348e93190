/* Benchmark probe, loaded first in <head>: records when `count` elements matching
 * `selector` are in the DOM, on the page's own clock (performance.now(), 0 = navigation). */
(() => {
  const data = document.currentScript.dataset;
  const want = Number(data.count);
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll(data.selector).length >= want) {
      observer.disconnect();
      window.benchShownAt = performance.now();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
