// The command line and the config file: what an operator types and reads.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { PARLEYD_PATH, startParleyd } from '../support/parleyd.mjs';
import { draft, get, post } from './client.mjs';

const run = promisify(execFile);

// Runs parleyd to completion (for flags that exit at once) and returns its outcome.
async function parleyd(args) {
  try {
    const { stdout, stderr } = await run(PARLEYD_PATH, args);
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('command line', () => {
  let dir;
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'parleyd-cli-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  it('--help lists every flag', async () => {
    const res = await parleyd(['--help']);
    assert.equal(res.code, 0);
    for (const flag of ['--config', '--listen', '--port', '--db', '--assets', '--site',
      '--origin', '--posts-per-minute', '--requests-per-minute', '--log-requests', '--version']) {
      assert.ok(res.stdout.includes(flag), flag);
    }
  });

  it('--version prints the version', async () => {
    const res = await parleyd(['--version']);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /^parleyd \d+\.\d+\.\d+\n$/);
  });

  for (const [name, args, message] of [
    ['an unknown flag', ['--nope'], /unknown option --nope/],
    ['no site at all', ['--port', '0'], /no sites configured/],
    ['--origin before --site', ['--origin', 'https://a.example', '--site', 'a'], /must follow/],
    ['an origin with a path', ['--site', 'a', '--origin', 'https://a.example/blog'], /without a path/],
    ['a port out of range', ['--site', 'a', '--port', '70000'], /--port/],
    ['a missing config file', ['--config', '/nonexistent/parley.json'], /cannot be read/],
  ]) {
    it(`refuses ${name} with exit code 2 and a message`, async () => {
      const res = await parleyd(args);
      assert.equal(res.code, 2);
      assert.match(res.stderr, message);
    });
  }

  it('refuses a config file with a member of the wrong type, naming it', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ port: 'eighty', sites: [{ id: 'a' }] }));
    const res = await parleyd(['--config', file]);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /"port" has the wrong type/);
  });

  it('reads sites and rate limits from the config file; flags override it', async () => {
    const file = path.join(dir, 'parley.json');
    await writeFile(file, JSON.stringify({
      listen: '127.0.0.1',
      port: 1,  // overridden by the helper's --port 0
      sites: [{ id: 'fromfile', title: 'File site', origins: ['https://file.example'] }],
      rate_limit: { posts_per_minute: 1, requests_per_minute: 100 },
    }));
    const server = await startParleyd({
      sites: [],
      // The helper turns limits off before extraArgs; the file is read first, then the
      // flags, so re-enable posts explicitly from the file's value.
      extraArgs: ['--config', file, '--posts-per-minute', '1'],
    });
    try {
      const options = { site: 'fromfile', origin: 'https://file.example' };
      assert.equal((await post(server, draft(), options)).status, 201);
      assert.equal((await post(server, draft(), options)).status, 429);
      assert.equal((await get(server, '/api/comments?site=demo&page=/a/')).status, 404);
    } finally {
      await server.stop();
    }
  });

  it('creates the database folder and logs one line per request, without queries or bodies', async () => {
    const dbPath = path.join(dir, 'made', 'by', 'parleyd', 'parley.db');
    // SQLite whatever $PARLEY_STORE says: the folder and file are what this test checks.
    const server = await startParleyd({ dbPath, store: 'sqlite', extraArgs: ['--log-requests'] });
    try {
      const email = 'logged.never@example.org';
      assert.equal((await post(server, draft({ email, text: 'secret body text' }))).status, 201);
      await get(server, '/api/comments?site=demo&page=/private-page/');
      assert.ok((await stat(dbPath)).isFile());
      // The GET is the last request: once its line is in, everything before it is too.
      const log = await server.logged(/^GET \/api\/comments 200 [\d.]+ms$/m);
      assert.match(log, /^POST \/api\/comments 201 [\d.]+ms$/m);
      for (const secret of [email, 'secret body text', 'private-page', 'site=']) {
        assert.ok(!log.includes(secret), `log contains ${secret}`);
      }
    } finally {
      await server.stop();
    }
  });

  it('is quiet by default', async () => {
    const server = await startParleyd();
    try {
      await get(server, '/healthz');
    } finally {
      await server.stop();
    }
    // After the stop all of stderr is in, so a late line cannot slip past the check.
    assert.ok(!/GET \/healthz/.test(server.stderr()), server.stderr());
  });

  // Every startParleyd().stop() checks SIGTERM (exit 0, no sanitizer report); Ctrl+C too:
  it('stops cleanly on SIGINT', async () => {
    const child = spawn(PARLEYD_PATH, ['--port', '0', '--site', 'a', '--db', path.join(dir, 'int.db')]);
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /Sanitizer|runtime error:/);
  });
});
