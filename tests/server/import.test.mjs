// parleyd import / export / thread move|merge: real files through the real binary, then
// what a reader gets over HTTP from the real server on the same database.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { startParleyd } from '../support/parleyd.mjs';
import { comments, parleyd, storeArgs } from './commands.mjs';
import { get } from './client.mjs';

const run = promisify(execFile);
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SITES = [{ id: 'blog', origins: ['http://localhost:8081'] }];

async function importFile(server, format, file, site = 'blog') {
  return parleyd(['import', ...storeArgs(server), '--site', site, '--format', format, file]);
}

const utc = (...parts) => Date.UTC(...parts) / 1000;

describe('import', () => {
  let server;
  let dir;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-import-'));
    server = await startParleyd({ sites: SITES });
  });
  after(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a WordPress export with threading, dates, authors and approval state', async () => {
    // The fixture's oversize comment: 12,500 characters, over the 10,000 limit.
    const source = await readFile(path.join(FIXTURES, 'wordpress.wxr'), 'utf8');
    const file = path.join(dir, 'wordpress.wxr');
    await writeFile(file, source.replace('OVERSIZE', 'word '.repeat(2500)));

    const res = await importFile(server, 'wxr', file);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), 'imported 6, already present 0, skipped 2');
    assert.match(res.stderr, /wxr:20:52 \(\/2011\/08\/second\/\): skipped: .*too long/);
    assert.match(res.stderr, /wxr:12:38 .*a pingback, not a comment/);
    assert.match(res.stderr, /wxr:20:51 .*website dropped/);

    // Spam (35) and pending (37) are stored but not shown.
    const raids = await comments(server, '/2011/07/raids/');
    assert.deepEqual(raids.map((c) => c.author), ['Jane Roe', 'The Owner']);
    const [jane, owner] = raids;
    assert.equal(jane.created, utc(2011, 6, 28, 14, 22, 3));
    assert.equal(jane.website, 'https://jane.example');
    assert.equal(jane.depth, 0);
    assert.equal(owner.parent, jane.id);
    assert.equal(owner.depth, 1);
    assert.equal(owner.created, utc(2011, 6, 28, 16, 5, 0));
    assert.ok(!('email' in jane), 'emails never reach readers');
    // WordPress HTML became Markdown and was rendered by core: tags it allows survive,
    // everything else is text or gone.
    assert.match(jane.html, /I <strong>loved<\/strong> the part/);
    assert.match(jane.html, /<a href="https:\/\/example.org\/raid" rel="[^"]*">second raid<\/a>/);
    assert.match(jane.html, /2\*3\*4 = 24/);
    assert.doesNotMatch(jane.html, /script|alert/);
    assert.match(owner.html, /Thanks Jane!<br \/>\nSee you/);

    const counts = await get(server,
      '/api/counts?site=blog&page=/2011/07/raids/&page=/2011/08/second/');
    assert.deepEqual(counts.json.counts, { '/2011/07/raids/': 2, '/2011/08/second/': 1 });

    // The trashed comment 50 has a reply: it stays as a placeholder, without its text.
    const second = await comments(server, '/2011/08/second/');
    assert.equal(second.length, 2);
    assert.equal(second[0].deleted, true);
    assert.equal(second[0].author, '');
    assert.equal(second[0].html, '');
    assert.equal(second[1].parent, second[0].id);
    assert.equal(second[1].author, 'Replier');
    assert.equal(second[1].website, '', 'a javascript: URL is not kept');

    // Idempotent: the same file again adds nothing.
    const again = await importFile(server, 'wxr', file);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout.trim(), 'imported 0, already present 6, skipped 2');
    assert.deepEqual(await comments(server, '/2011/07/raids/'), raids);
  });

  it('imports a Disqus export, placing a reply listed before its parent', async () => {
    const res = await importFile(server, 'disqus', path.join(FIXTURES, 'disqus.xml'), 'blog');
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), 'imported 5, already present 0, skipped 1');
    assert.match(res.stderr, /disqus:9000012: skipped: its thread 7999999 is not in the file/);

    const raids = await comments(server, '/2011/07/raids/');
    const jane = raids.find((c) => c.created === utc(2011, 6, 28, 14, 22, 3) && c.html.includes('First paragraph'));
    const bob = raids.find((c) => c.author === 'Bob');
    assert.ok(jane && bob);
    assert.equal(bob.parent, jane.id);
    assert.equal(bob.depth, 1);
    assert.match(jane.html, /<p>First paragraph.<\/p>\n<p>Second one, with <code>a &lt; b<\/code> and a bad link.<br \/>\nNew line.<\/p>/);
    // Disqus's redirect is unwrapped to the link the commenter wrote.
    assert.match(bob.html, /Agreed — and <em>thanks<\/em> for the <a href="https:\/\/example.org\/"/);
    assert.ok(!raids.some((c) => c.author === 'Spammer'));

    // The thread link had ?utm_source=feed#disqus_thread: the page is its path.
    const second = await comments(server, '/2011/08/second/');
    const guest = second.find((c) => c.author === 'Guest Reader');
    const placeholder = second.find((c) => c.id === guest.parent);
    assert.equal(placeholder.deleted, true);

    const again = await importFile(server, 'disqus', path.join(FIXTURES, 'disqus.xml'), 'blog');
    assert.equal(again.stdout.trim(), 'imported 0, already present 5, skipped 1');
  });

  it('imports an Isso database (Markdown kept, modes mapped)', async () => {
    const db = path.join(dir, 'isso.db');
    // Isso's own schema (isso/db/threads.py, isso/db/comments.py).
    const sql = `
      CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
      CREATE TABLE comments (
        tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
        created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
        text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
        likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
        notification INTEGER DEFAULT 0);
      INSERT INTO threads VALUES (1, '/isso/post/', 'An Isso post');
      INSERT INTO comments VALUES (1, 1, NULL, 1600000000.25, NULL, 1, '192.0.2.0',
        'Hello **Isso**', 'Iris', 'iris@example.org', 'https://iris.example', 0, 0, x'00', 0);
      INSERT INTO comments VALUES (1, 2, 1, 1600000100.5, NULL, 1, '192.0.2.0',
        'A reply', NULL, NULL, NULL, 0, 0, x'00', 0);
      INSERT INTO comments VALUES (1, 3, NULL, 1600000200, NULL, 2, '192.0.2.0',
        'Pending', 'Pat', NULL, NULL, 0, 0, x'00', 0);
      INSERT INTO comments VALUES (1, 4, NULL, 1600000300, NULL, 4, '192.0.2.0',
        '', NULL, NULL, NULL, 0, 0, x'00', 0);
      INSERT INTO comments VALUES (1, 5, 4, 1600000400, NULL, 1, '192.0.2.0',
        'Under a deleted one', 'Dee', NULL, NULL, 0, 0, x'00', 0);`;
    await run('sqlite3', [db, sql]);

    const res = await importFile(server, 'isso', db);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim(), 'imported 5, already present 0, skipped 0');
    const list = await comments(server, '/isso/post/');
    assert.deepEqual(list.map((c) => [c.author, c.deleted ?? false]),
      [['Iris', false], ['Anonymous', false], ['', true], ['Dee', false]]);
    assert.equal(list[0].html, '<p>Hello <strong>Isso</strong></p>\n');
    assert.equal(list[0].created, 1600000000);
    assert.equal(list[1].parent, list[0].id);
    assert.equal(list[3].parent, list[2].id);

    const again = await importFile(server, 'isso', db);
    assert.equal(again.stdout.trim(), 'imported 0, already present 5, skipped 0');
  });

  it('refuses hostile XML: entity expansion, deep nesting, broken files', async () => {
    const laughs = path.join(dir, 'laughs.xml');
    await writeFile(laughs, `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><item><title>&lol3;</title><wp:post_id>1</wp:post_id></item></channel></rss>`);
    const res = await importFile(server, 'wxr', laughs);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /line 2: a DOCTYPE is not allowed/);

    const deep = path.join(dir, 'deep.xml');
    await writeFile(deep, `<disqus>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</disqus>`);
    const deepRes = await importFile(server, 'disqus', deep);
    assert.equal(deepRes.code, 1);
    assert.match(deepRes.stderr, /nest deeper than 64 levels/);

    const broken = path.join(dir, 'broken.xml');
    await writeFile(broken, '<rss><channel><item>');
    const brokenRes = await importFile(server, 'wxr', broken);
    assert.equal(brokenRes.code, 1);
    assert.match(brokenRes.stderr, /broken.xml: line 1: /);

    const usage = await parleyd(['import', ...storeArgs(server), '--site', 'blog', '--format', 'csv', laughs]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--format must be wxr, disqus, isso or json/);
  });
});
