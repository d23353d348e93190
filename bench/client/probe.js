/* Benchmark probe, loaded first in <head>: records when the first and when `count`
 * elements matching `selector` are in the DOM, when the first of them is painted, and,
 * when `ready` is given, when an element matching it is (the widget running), on the
 * page's own clock (performance.now(), 0 = navigation).
 * "Painted" is the end of the main thread's work on the first frame that shows the first
 * element: a frame callback requested when the element appears runs at that frame's
 * start, and a user-blocking task posted from it runs as soon as the frame's style,
 * layout and paint are done (ahead of the page's own tasks, which would hold a message
 * or timer back).
 * It says so on the console: the benchmark waits for that message rather than polling
 * the page, because a polling script compiled and run in the page during the rendering
 * (playwright's waitForFunction) would be measured with it. */
(() => {
  const data = document.currentScript.dataset;
  const want = Number(data.count);
  const done = () => {
    if (window.benchShownAt !== undefined && window.benchReadyAt !== undefined && window.benchPaintedAt !== undefined) {
      console.log('bench: shown');
    }
  };
  const observer = new MutationObserver(() => {
    if (window.benchFirstAt === undefined && document.querySelector(data.selector)) {
      window.benchFirstAt = performance.now();
      requestAnimationFrame(() => scheduler.postTask(() => {
        window.benchPaintedAt = performance.now();
        done();
      }, { priority: 'user-blocking' }));
    }
    if (window.benchShownAt === undefined && document.querySelectorAll(data.selector).length >= want) {
      window.benchShownAt = performance.now();
    }
    if (window.benchReadyAt === undefined && (!data.ready || document.querySelector(data.ready))) {
      window.benchReadyAt = performance.now();
    }
    if (window.benchShownAt !== undefined && window.benchReadyAt !== undefined) {
      observer.disconnect();
      done();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
