/* Runs in the benchmark page: renders the corpus with each contender and reports comments
 * per second of wall time (a page cannot read its CPU time). Same protocol as
 * bench/markdown.mjs: one warm-up pass, then whole passes for at least minSeconds. */
window.benchMarkdown = async (minSeconds) => {
  const corpus = await (await fetch('/corpus.json')).json();
  const parley = await window.ParleyMarkdown();
  const md = window.markdownit({ html: false });
  const contenders = {
    parley: (s) => parley.render(s),
    markdownIt: (s) => md.render(s),
    markdownItDompurify: (s) => window.DOMPurify.sanitize(md.render(s)),
  };
  const time = (render) => {
    let bytes = 0;
    const pass = () => {
      for (const c of corpus) bytes += render(c).length;
    };
    pass();
    const start = performance.now();
    let passes = 0;
    do {
      pass();
      passes += 1;
    } while (performance.now() - start < minSeconds * 1000);
    return { commentsPerSecond: (corpus.length * passes * 1000) / (performance.now() - start), bytes };
  };
  const out = {};
  for (const [name, render] of Object.entries(contenders)) out[name] = time(render);
  return { comments: corpus.length, ...out };
};
