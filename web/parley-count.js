/* Parley counts: fills the "N Comments" links of an index page with one request.
 * <a href="/post/#comments">…</a> or <a data-parley-count="/post/">…</a>, and
 * <script async src="https://comments.example/parley-count.js" data-parley-site="blog">.
 * The server words and pluralises the text (core catalogs); this only copies it in.
 * docs/embed.md */
((doc) => {
  'use strict';
  const script = doc.currentScript;
  if (!script) return;
  const links = [...doc.querySelectorAll('a[data-parley-count],a[href$="#comments"]')];
  // The page key: the attribute's value, else the link's path (the widget's default key).
  const pageOf = (a) => a.dataset.parleyCount || new URL(a.href, location).pathname;
  // parleyd answers at most 100 pages per request (core kMaxCountPages).
  const pages = [...new Set(links.map(pageOf))].slice(0, 100);
  if (!pages.length) return;
  const query = new URLSearchParams({
    site: script.dataset.parleySite,
    lang: script.dataset.parleyLang || doc.documentElement.lang || navigator.language,
  });
  for (const page of pages) query.append('page', page);
  fetch(new URL('/api/counts?' + query, script.src))
    .then((res) => res.json())
    .then(({ text }) => {
      for (const a of links) {
        const words = text && text[pageOf(a)];
        if (words) a.textContent = words;
      }
    })
    .catch((err) => console.error('Parley:', err));
})(document);
