/* Benchmark probe, loaded first in <head>: records when the first and when `count`
 * elements matching `selector` are in the DOM, and, when `ready` is given, when an
 * element matching it is (the widget running), on the page's own clock
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
    if (window.benchShownAt === undefined && document.querySelectorAll(data.selector).length >= want) {
      window.benchShownAt = performance.now();
    }
    if (window.benchReadyAt === undefined && (!data.ready || document.querySelector(data.ready))) {
      window.benchReadyAt = performance.now();
    }
    if (window.benchShownAt !== undefined && window.benchReadyAt !== undefined) {
      observer.disconnect();
      console.log('bench: shown');
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
