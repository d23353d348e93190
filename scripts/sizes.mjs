// Prints what a reader downloads (gzip -9 and brotli) and fails past the budgets.
// Budgets are the promises in the README; raise one only with a reason in the commit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'build/dist';
const budgets = {
  'parley.js': 2048, // the loader every page pays for, even before scrolling
  'parley.css': 4096,
  // The counts script of index pages (remark42's counter: 0.8 KB).
  'parley-count.js': 1024,
  // Glue and wasm: -Oz widget code, emmalloc and the terser'd glue brought them to
  // 9.1 KB and 82 KB; the budgets keep ~20% headroom for the features in flight.
  // The host (web/host.js, ~1.3 KB) moved here from the loader, which every page pays
  // for, into the script only readers near the thread load; +2 KB for it.
  'parley-widget.js': 13312, // Emscripten glue + embind + the host
  // +20 KB for the share bar (issue 4): its 19 brand icons inline, as the issue requires
  // (path data from simple-icons, ~6.7 KB gzip), its strings in 18 catalogs (~4.3 KB),
  // and the URL templates, views and flow (~10 KB, built -Oz).
  // +14 KB for login (issue 3): provider row, popup/session flow and 15 strings x 18 languages.
  // +4.25 KB for issue 3's remaining login parts: brand marks for the provider row (five
  // simple-icons paths, ~1.3 KB gzip; X, Facebook and Mastodon reuse the share bar's),
  // three new strings x 18 languages ("Anonymous", the Change prompt, "still logged in"),
  // the guest-mode rule and the Change flow that keeps the session.
  // +1 KB for moderation (issue 5, docs/admin.md): "Comments are closed." and "Your comment
  // is awaiting moderation." in 18 languages (~0.6 KB), the closed/held/pinned handling.
  // +11 KB for likes (issue 4): the Like block, comment hearts, generated avatars and the
  // optimistic like/unlike flow (~5.5 KB gzip, built -Oz) and 10 strings x 18 languages
  // (~5 KB gzip); the only savings found (-Oz views, no second map) gave back ~1.1 KB.
  // Then -26 KB: the 18 message catalogs (~27 KB gzip compiled in) left the wasm;
  // parleyd serves the reader's one language (GET /api/i18n, ~1.7-2.4 KB gzip;
  // docs/i18n.md).
  // Then -11.6 KB: link-time optimisation of the wasm build (CMakeLists.txt).
  // Then -30 KB (issue 7): no nlohmann and no printf in the wasm (core's JsonReader and
  // JsonWriter), 144.5 -> 114.7 KB; the budget comes down with it, to ~12% headroom, so
  // the room is not spent unnoticed.
  'parley-widget.wasm': 131072,
  // The proof of work (docs/spam.md), fetched at a reader's first keystroke: the worker
  // that runs it (~0.5 KB) and core's SHA-256 and solver alone, no glue (~4.6 KB).
  'pow-worker.js': 1024,
  'parley-pow.wasm': 6144,
};

let failed = false;
let total = 0;
console.log('file                    bytes     gzip   brotli   budget(gzip)');
for (const [name, budget] of Object.entries(budgets)) {
  const data = readFileSync(join(dir, name));
  const gz = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  total += gz;
  const over = gz > budget;
  failed ||= over;
  console.log(
    `${name.padEnd(22)}${String(data.length).padStart(7)}${String(gz).padStart(9)}` +
      `${String(br).padStart(9)}${String(budget).padStart(10)}${over ? '  OVER BUDGET' : ''}`,
  );
}
console.log(`total gzip: ${total} bytes`);
if (failed) {
  console.error('Parley: a file is over its size budget');
  process.exit(1);
}
