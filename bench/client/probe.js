/* Benchmark probe, loaded first in <head>: records when the first and when `count`
 * elements matching `selector` are in the DOM, on the page's own clock
 * (performance.now(), 0 = navigation).
 * It says so on the console: the benchmark waits for that message rather than polling
 * the page, because a polling script compiled and run in the page during the rendering
 * (playwright's waitForFunction) would be measured with it. */
(() => {
  const data = document.currentScript.dataset;
  const want = Number(data.count);
  const observer = new MutationObserver(() => {
    if (window.benchFirstAt === undefined && document.querySelector(data.selector)) {
      window.benchFirstAt = performance.now();
    }
    if (document.querySelectorAll(data.selector).length >= want) {
      observer.disconnect();
      window.benchShownAt = performance.now();
      console.log('bench: shown');
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
