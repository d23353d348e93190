// Privacy over real HTTP (docs/privacy.md): the salted IP digests of comments and likes
// are blanked once past their retention, by the server's purge thread and by
// `parleyd privacy purge-ips`; what that changes for the owner in /admin, and what it
// must not break. Runs on SQLite and, with PARLEY_STORE=postgres, on PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { OWNER_PASSWORD, createAccount, logIn } from '../support/admin.mjs';
import { PARLEYD_PATH, startParleyd } from '../support/parleyd.mjs';
import { sqlAt } from '../support/postgres.mjs';
import { ORIGIN, draft, post } from './client.mjs';

const run = promisify(execFile);
const OWNER = 'owner@example.org';
// The test server's retention: long enough that a comment checked right after posting
// still has its digest, short enough that the test waits only seconds for the purge.
const RETENTION_SECONDS = 4;
const PURGE_WAIT_MS = 20_000;

let n = 0;
function unique(overrides = {}) {
  n += 1;
  return draft({ page: `/p/${n}/`, text: `comment ${n}`, email: `r${n}@example.org`,
    author: `Reader ${n}`, ...overrides });
}

// One SQL query on the server's own database, as an operator would run it.
async function sql(server, statement) {
  if (server.pgUrl) return sqlAt(server.pgUrl, statement);
  return (await run('sqlite3', [server.dbPath, statement])).stdout.trim();
}

async function like(server, page) {
  const res = await fetch(`${server.url}/api/likes?site=demo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ page, token: randomUUID() }),
  });
  assert.equal(res.status, 200, await res.text());
}

const banButton = (id) => `name="one" value="ban-ip:${id}"`;

function storeFlags(server) {
  return server.pgUrl ? ['--store', 'postgres', '--pg', server.pgUrl] : ['--db', server.dbPath];
}

async function ownerOf(server) {
  const made = await createAccount(server, { email: OWNER, password: OWNER_PASSWORD });
  assert.equal(made.code, 0, made.stderr);
  return logIn(server, OWNER, OWNER_PASSWORD);
}

describe('IP digest purge by the server', () => {
  let server;
  let owner;
  before(async () => {
    server = await startParleyd({
      extraArgs: ['--moderation', 'all', '--ip-hash-seconds', String(RETENTION_SECONDS),
        '--admin-logins-per-minute', '0', '--likes-per-minute', '0'],
    });
    owner = await ownerOf(server);
  });
  after(() => server?.stop());

  it('blanks a held comment\'s digest once past the retention: "Ban this address" disappears', async () => {
    const old = unique();
    const held = await post(server, old);
    assert.equal(held.status, 202, held.text);
    await like(server, old.page);
    assert.ok((await owner.get('/admin/queue?site=demo')).text.includes(banButton(held.json.id)),
      'a fresh comment can be banned by address');

    let queue;
    const deadline = Date.now() + PURGE_WAIT_MS;
    do {
      await new Promise((r) => setTimeout(r, 250));
      queue = await owner.get('/admin/queue?site=demo');
    } while (queue.text.includes(banButton(held.json.id)) && Date.now() < deadline);
    assert.ok(!queue.text.includes(banButton(held.json.id)), 'the address is forgotten');
    assert.match(queue.text, new RegExp(`value="ban-email:${held.json.id}"`),
      'the email digest stays: bans by email still work');
    assert.equal(await sql(server, `SELECT ip_hash FROM comments WHERE id = ${held.json.id}`), '');
    const page = old.page.replaceAll("'", "''");
    // A purge run blanks comments, then likes, in two statements (PostgreSQL commits each
    // alone): the like's digest may go a moment after the comment's.
    const blankLikes = () => sql(server, `SELECT count(*) FROM likes WHERE page = '${page}' AND ip_hash = ''`);
    while ((await blankLikes()) !== '1' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await blankLikes(), '1');

    // A newer comment keeps its digest until its own retention passes.
    const fresh = await post(server, unique());
    assert.equal(fresh.status, 202);
    assert.ok((await owner.get('/admin/queue?site=demo')).text.includes(banButton(fresh.json.id)));
    assert.notEqual(await sql(server, `SELECT ip_hash FROM comments WHERE id = ${fresh.json.id}`), '');
  });

  it('a stale "Ban this address" on a purged comment bans nothing and never fails', async () => {
    const held = await post(server, unique());
    await sql(server, `UPDATE comments SET ip_hash = '' WHERE id = ${held.json.id}`);
    const res = await owner.post('/admin/queue', { site: 'demo', one: `ban-ip:${held.json.id}` });
    assert.ok(res.status < 500, `status ${res.status}`);
    assert.equal(await sql(server, "SELECT count(*) FROM bans WHERE kind = 'ip'"), '0');
    assert.equal((await post(server, unique())).status, 202, 'posting from the address still works');
  });
});

describe('parleyd privacy purge-ips', () => {
  let server;
  let owner;
  before(async () => {
    server = await startParleyd({ extraArgs: ['--moderation', 'all', '--admin-logins-per-minute', '0'] });
    owner = await ownerOf(server);
  });
  after(() => server?.stop());

  it('blanks at once what is older than the retention given, and reports how many', async () => {
    const first = await post(server, unique());
    const second = await post(server, unique());
    const queue = (await owner.get('/admin/queue?site=demo')).text;
    assert.ok(queue.includes(banButton(first.json.id)) && queue.includes(banButton(second.json.id)),
      'the default retention (30 days) keeps them');

    const kept = await run(PARLEYD_PATH, ['privacy', 'purge-ips', ...storeFlags(server)]);
    assert.equal(kept.stdout, 'blanked 0 IP digests\n');

    const purged = await run(PARLEYD_PATH,
      ['privacy', 'purge-ips', '--ip-hash-days', '0', ...storeFlags(server)]);
    assert.equal(purged.stdout, 'blanked 2 IP digests\n');
    const after = (await owner.get('/admin/queue?site=demo')).text;
    assert.ok(!after.includes(banButton(first.json.id)) && !after.includes(banButton(second.json.id)));
    assert.equal((await post(server, unique())).status, 202, 'posting still works');
  });

  it('refuses a bad retention or subcommand with usage, not a crash', async () => {
    await assert.rejects(run(PARLEYD_PATH, ['privacy', 'purge-ips', '--ip-hash-days', '-1',
      ...storeFlags(server)]), (err) => err.code === 2 && /--ip-hash-days needs a number from 0 to 3650/.test(err.stderr));
    await assert.rejects(run(PARLEYD_PATH, ['privacy', 'forget-everything']),
      (err) => err.code === 2 && /unknown command "forget-everything"/.test(err.stderr));
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-privacy-'));
    try {
      const config = path.join(dir, 'bad.json');
      await writeFile(config, JSON.stringify({ privacy: { ip_hash_days: 4000 } }));
      await assert.rejects(run(PARLEYD_PATH, ['--config', config, '--site', 'demo', '--port', '0']),
        (err) => err.code === 2 && /"privacy.ip_hash_days" must be 0 to 3650/.test(err.stderr));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const help = await run(PARLEYD_PATH, ['--help']);
    assert.match(help.stdout, /privacy purge-ips/);
    assert.match(help.stdout, /--ip-hash-days N/);
  });
});
