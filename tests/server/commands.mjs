// Runs parleyd's data commands (import, export, thread) against the database a running
// test server uses, for tests/server/{import,export}.test.mjs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { PARLEYD_PATH } from '../support/parleyd.mjs';
import { thread } from './client.mjs';

const run = promisify(execFile);

// The store flags that point a command at the database `server` uses.
export function storeArgs(server) {
  return server.pgUrl ? ['--store', 'postgres', '--pg', server.pgUrl] : ['--db', server.dbPath];
}

// Runs parleyd to completion: {code, stdout, stderr}.
export async function parleyd(args) {
  try {
    const { stdout, stderr } = await run(PARLEYD_PATH, args, { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// The comments a reader gets for a page of site "blog".
export async function comments(server, page) {
  const res = await thread(server, page, 'blog');
  assert.equal(res.status, 200);
  return res.json.comments;
}

// A running server learns of a command's change from the database: at once on SQLite
// (its change counter), a moment later on PostgreSQL (NOTIFY). Reads the page (bounded
// polling) until `settled(comments)` holds, and returns the last comments read.
const SETTLE_TRIES = 50;
const SETTLE_PAUSE_MS = 100;
export async function commentsOnceSettled(server, page, settled) {
  let list;
  for (let i = 0; i < SETTLE_TRIES; ++i) {
    list = await comments(server, page);
    if (settled(list)) break;
    await new Promise((resolve) => { setTimeout(resolve, SETTLE_PAUSE_MS); });
  }
  return list;
}
