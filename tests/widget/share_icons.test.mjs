// The share bar's icons are generated from the simple-icons package into a committed
// C++ source (core/share_icons.cpp); this fails when that file no longer matches what
// the generator makes from the installed package, so an upgrade cannot go unnoticed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const script = new URL('../../scripts/gen-share-icons.mjs', import.meta.url);
const source = new URL('../../core/share_icons.cpp', import.meta.url);

test('core/share_icons.cpp is what scripts/gen-share-icons.mjs generates', () => {
  const run = spawnSync(process.execPath, [script.pathname, '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('icons are paths only, and brands simple-icons lacks fall back to the neutral glyph', () => {
  const text = readFileSync(source, 'utf8');
  assert.doesNotMatch(text, /<svg|<path|fill=|xmlns/);
  assert.match(text, /case Target::LinkedIn:\n\s+return kFallback;/);
  assert.match(text, /case Target::Bluesky:\n\s+return "M[^"]+";  \/\/ Bluesky/);
});

test('the login row\'s marks: simple-icons brands, share bar paths reused, OpenID for the rest',
  () => {
    const login = readFileSync(new URL('../../core/login_icons.cpp', import.meta.url), 'utf8');
    const share = readFileSync(source, 'utf8');
    for (const brand of ['wordpress', 'google', 'github', 'gitlab']) {
      assert.match(login, new RegExp(`if \\(brand == "${brand}"\\)\\n\\s+return "[Mm][^"]+";`));
    }
    for (const [brand, target] of [['x', 'X'], ['facebook', 'Facebook'], ['mastodon', 'Mastodon']]) {
      assert.match(login, new RegExp(`if \\(brand == "${brand}"\\)\\n\\s+return share::icon_path\\(` +
        `share::Target::${target}\\);`));
    }
    assert.match(login, /\n {2}return "M[^"]+";  \/\/ OpenID\n\}/);
    // No path is stored twice in the wasm.
    const paths = [...`${share}\n${login}`.matchAll(/"([Mm][^"]{20,})"/g)].map((m) => m[1]);
    assert.equal(new Set(paths).size, paths.length);
  });
