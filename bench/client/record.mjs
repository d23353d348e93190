// The recorded threads of the client benchmarks: parleyd stores and renders a thread
// once, and its responses are kept, with the same comments converted to Waline's
// response format (the very same comment HTML), for bench/client/serve.mjs to replay.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SITE, postComment, startParleyd } from '../lib/parleyd.mjs';
import { OUT, ROOT, fail } from '../lib/report.mjs';

let texts; // read once: loader-ab records a thread per size and build
function corpus() {
  const file = join(OUT, 'corpus.json');
  if (!existsSync(file)) execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-corpus.mjs')], { stdio: 'inherit' });
  return (texts ??= JSON.parse(readFileSync(file, 'utf8')));
}

// Waline's list response: top-level comments, newest first, each with all its
// descendants flattened into `children` (pid: parent, rid: root), as @waline/vercel sends.
export function toWaline(thread) {
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  const rootOf = (c) => (c.parent ? rootOf(byId.get(c.parent)) : c);
  const card = (c) => ({
    objectId: c.id, comment: c.html, orig: '', nick: c.author, link: c.website, avatar: '',
    mail: '', type: 'guest', status: 'approved', like: 0, sticky: 0, time: c.created * 1000,
    insertedAt: new Date(c.created * 1000).toISOString(),
  });
  const roots = thread.comments.filter((c) => !c.parent).map((c) => ({ ...card(c), children: [] }));
  const rootCards = new Map(roots.map((r) => [r.objectId, r]));
  for (const c of thread.comments.filter((x) => x.parent)) {
    rootCards.get(rootOf(c).id).children.push({
      ...card(c), pid: c.parent, rid: rootOf(c).id,
      reply_user: { nick: byId.get(c.parent).author, link: byId.get(c.parent).website, avatar: '' },
    });
  }
  roots.reverse();
  return JSON.stringify({ errno: 0, errmsg: '', data: { page: 1, totalPages: 1, pageSize: thread.count, count: thread.count, data: roots } });
}

// Stores `count` comments from the corpus on one page through parleyd's API (every
// fourth a reply to the comment before it) and returns both recorded responses.
// `build`: the parleyd and assets to record with (bench/lib/parleyd.mjs).
export async function record(count, build = undefined) {
  const texts = corpus();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-client-'));
  const server = await startParleyd(join(dir, 'parley.db'), build);
  const page = `/bench/thread-${count}/`;
  try {
    let previous = 0;
    for (let i = 0; i < count; i += 1) {
      previous = (await postComment(server.url, page, texts[i], i % 4 === 3 ? previous : 0)).id;
    }
    const parley = await (await fetch(`${server.url}/api/comments?site=${SITE}&page=${encodeURIComponent(page)}`)).text();
    const thread = JSON.parse(parley);
    if (thread.count !== count) fail(`recorded ${thread.count} comments, not ${count}`);
    // What the loader fetches first (HTML first): the page's title and language are the
    // bench page's, as the loader sends them.
    const early = await (await fetch(`${server.url}/embed/thread?site=${SITE}&page=${encodeURIComponent(page)}` +
      '&title=Parley&lang=en&parts=comments&format=early')).text();
    if (!early.includes('class="parley-data"')) fail('parleyd sent no early rendering');
    return { page, parley, early, waline: toWaline(thread) };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
