// `parleyd export-html` (docs/seo-nojs.md): what a static site generator runs at build
// time, through the real CLI, on the database a running parleyd writes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { PARLEYD_PATH, startParleyd } from '../support/parleyd.mjs';
import { ORIGIN, draft, post } from './client.mjs';

const run = promisify(execFile);

async function exportHtml(args) {
  try {
    const { stdout, stderr } = await run(PARLEYD_PATH, ['export-html', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dataOf = (html) =>
  JSON.parse(/<script type="application\/json" class="parley-data">(.*?)<\/script>/s.exec(html)[1]);

describe('parleyd export-html', () => {
  let dir;
  let server;
  let store;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parleyd-export-'));
    server = await startParleyd({ dbPath: path.join(dir, 'parley.db') });
    store = server.pgUrl ? ['--store', 'postgres', '--pg', server.pgUrl] : ['--db', server.dbPath];
    assert.equal((await post(server, draft({ text: 'Exported *comment*', author: 'Ana <3' }))).status, 201);
  });
  after(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('is listed in parleyd --help, and has its own --help', async () => {
    const { stdout } = await run(PARLEYD_PATH, ['--help']);
    assert.match(stdout, /export-html/);
    const res = await exportHtml(['--help']);
    assert.equal(res.code, 0);
    for (const flag of ['--site', '--page', '--title', '--lang', '--base', '--return', '--parts', '--share',
      '--share-style', '--mount', '--out', '--in-place']) {
      assert.ok(res.stdout.includes(flag), flag);
    }
  });

  it('writes the thread, its plain form and its data to stdout', async () => {
    const res = await exportHtml(['--site', 'demo', '--page', '/2011/07/raids/', '--title', 'Raids',
      '--base', 'https://comments.example/', ...store]);
    assert.equal(res.code, 0, res.stderr);
    const html = res.stdout;
    assert.match(html, /^<section class="parley-comments" id="parley-comments" lang="en" dir="ltr"/);
    assert.match(html, /<h2 [^>]*>One Response to “Raids”<\/h2>/);
    assert.match(html, /<span class="parley-author"><a class="parley-author-link" href="https:\/\/ana.example" rel="nofollow ugc noopener noreferrer">Ana &lt;3<\/a><\/span>/);
    assert.match(html, /<p>Exported <em>comment<\/em><\/p>/);
    assert.match(html, /<form [^>]*method="post" action="https:\/\/comments.example\/form\/comments\?site=demo"/);
    const data = dataOf(html);
    assert.equal(data.count, 1);
    assert.equal(data.page, '/2011/07/raids/');
    // Slim: the comment's rendering is in the section above, not again in the data.
    assert.equal(data.comments[0].html, '');
    assert.ok(Math.abs(data.rendered_at - Date.now() / 1000) < 60);
  });

  it('--lang renders in that language; --out writes a file', async () => {
    const out = path.join(dir, 'thread.html');
    const res = await exportHtml(['--site', 'demo', '--page', '/2011/07/raids/', '--lang', 'de',
      '--out', out, ...store]);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout, '');
    const html = await readFile(out, 'utf8');
    assert.match(html, /lang="de"/);
    assert.equal(dataOf(html).lang, 'de');
    // Without --base or a configured public_url: the address parleyd would listen on.
    assert.match(html, /action="http:\/\/127.0.0.1:8080\/form\/comments\?site=demo"/);
  });

  it('--in-place replaces what is between the markers, and can run again', async () => {
    const page = path.join(dir, 'index.html');
    await writeFile(page, '<html><body><div id="parley-thread"><!-- parley-thread -->old<!-- /parley-thread --></div></body></html>\n');
    const args = ['--site', 'demo', '--page', '/2011/07/raids/', '--in-place', page, ...store];
    assert.equal((await exportHtml(args)).code, 0);
    assert.equal((await post(server, draft({ text: 'A second one' }))).status, 201);
    assert.equal((await exportHtml(args)).code, 0);
    const html = await readFile(page, 'utf8');
    assert.ok(html.startsWith('<html><body><div id="parley-thread"><!-- parley-thread --><section'));
    assert.ok(html.endsWith('</script>\n<!-- /parley-thread --></div></body></html>\n'));
    assert.doesNotMatch(html, /old/);
    assert.equal(html.match(/<section /g).length, 1);
    assert.equal(dataOf(html).count, 2);
  });

  it('--parts holds the mount\'s share bar, Like block and hearts around the comments, in its order', async () => {
    const page = '/2011/08/parts/';
    const id = (await post(server, draft({ page, text: 'Liked' }))).json.id;
    const liked = await fetch(`${server.url}/api/likes?site=demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ page, comment: id, token: 'f'.repeat(32) }),
    });
    assert.equal(liked.status, 200, await liked.text());
    const res = await exportHtml(['--site', 'demo', '--page', page, '--parts', 'comments,likes,share',
      '--share', 'bluesky,sms,copy', '--share-style', 'labels', '--mount', '2', ...store]);
    assert.equal(res.code, 0, res.stderr);
    const html = res.stdout;
    const at = (what) => html.indexOf(what);
    assert.equal(at('<section class="parley-comments" id="parley-2-comments"'), 0);
    assert.ok(at('<div class="parley-likes"') > at('</section>'));
    assert.ok(at('<section class="parley-spread parley-spread--labels" id="parley-2-spread"') > at('<div class="parley-likes"'));
    assert.deepEqual([...html.matchAll(/ data-parley-key="spread-([a-z]+)"/g)].map((m) => m[1])
      .filter((k) => !['list', 'server', 'status'].includes(k)), ['bluesky', 'sms', 'copy']);
    // A static page cannot know its reader's device: SMS shows where the pointer is coarse.
    assert.match(html, /<li class="parley-spread-item parley-spread-coarse"><a class="parley-spread-link parley-spread-sms"/);
    assert.match(html, /<li class="parley-spread-item"><a class="parley-spread-link parley-spread-bluesky"/);
    assert.ok(html.includes(`<span class="parley-like-count" data-parley-key="like-count-${id}">1</span>`));
    assert.match(html, /<form [^>]*class="parley-form"/);
    assert.equal(dataOf(html).parts, 'comments,likes,share');
    assert.equal(dataOf(html).hearts, true);
    // Without --parts, as before: the comments only.
    const plain = (await exportHtml(['--site', 'demo', '--page', page, ...store])).stdout;
    assert.match(plain, /^<section class="parley-comments" id="parley-comments"/);
    assert.doesNotMatch(plain, /parley-likes|parley-spread|parley-comment-like/);
    assert.equal(dataOf(plain).parts, undefined);
  });

  for (const [name, args, code, message] of [
    ['no --page', ['--site', 'demo'], 2, /--site and a valid --page are required/],
    ['a page that is no page key', ['--site', 'demo', '--page', 'raids'], 2, /valid --page/],
    ['an unknown flag', ['--site', 'demo', '--page', '/a/', '--nope', 'x'], 2, /unknown option --nope/],
    ['a flag without value', ['--site', 'demo', '--page'], 2, /--page needs a value/],
    ['--out with --in-place', ['--site', 'demo', '--page', '/a/', '--out', 'a', '--in-place', 'b'], 2, /exclude/],
    ['a file without markers', ['--site', 'demo', '--page', '/a/', '--in-place', '/dev/null'], 1, /has no <!-- parley-thread -->/],
    ['--mount 0', ['--site', 'demo', '--page', '/a/', '--parts', '', '--mount', '0'], 2, /--mount is the mount's number on the page, 1 to 999/],
    ['--share without --parts', ['--site', 'demo', '--page', '/a/', '--share', 'x'], 2, /go with --parts/],
    ['--mount without --parts', ['--site', 'demo', '--page', '/a/', '--mount', '1'], 2, /go with --parts/],
  ]) {
    it(`refuses ${name} with exit code ${code}`, async () => {
      const res = await exportHtml([...store, ...args]);
      assert.equal(res.code, code, res.stderr);
      assert.match(res.stderr, message);
    });
  }
});
