// Every entry of tests/security/xss-corpus.txt (script tags, event handlers, javascript:
// and data: URLs in every Markdown link form, entity and Unicode tricks, nested Markdown,
// SVG/MathML, broken tags, homoglyph and bidi-override links) is posted through the real
// API, then shown in Chromium by the real widget and by the no-JavaScript path
// (docs/seo-nojs.md): parleyd's embed page, and its HTML fragment included in a site's
// page without any Content-Security-Policy to fall back on. Before any page script runs,
// the test traps every way the payloads try to act: dialogs, eval, Function, string
// timers, any <script> element appearing, policy violations, and every network request.
// A single call, script or request to another origin than the page's or parleyd's fails
// the test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { UI_TIMEOUT_MS, launchBrowser, openReader, startStack } from './harness.mjs';

const CORPUS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../security/xss-corpus.txt');
// ⏎ stands for a line break inside an entry (see tests/security/gen-xss-corpus.mjs).
const CORPUS = readFileSync(CORPUS_FILE, 'utf8').split('\n').filter((l) => l !== '')
  .map((l) => l.replaceAll('\u23ce', '\n'));
// The issue asks for at least this many known attack strings.
const MIN_CORPUS_ENTRIES = 500;
// The longest display name the server accepts (core kMaxAuthorChars).
const MAX_AUTHOR_CHARS = 100;
// Posting is sequential (one ASan parleyd); a few in flight keep it quick.
const POSTS_IN_FLIGHT = 8;
// How long lazy payloads (image errors, autofocus, hover) get to fire; not a timing assertion.
const LAZY_GRACE_MS = 1000;
// The pointer sweep: enough steps of one scroll each to pass over a long thread.
const SWEEP_STEPS = 60;
const SWEEP_X = 300;
const SWEEP_Y_START = 50;
const SWEEP_Y_STEP = 10;
const SWEEP_SCROLL_PX = 2000;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// Installed before any page script: records every attempt to run code or to show a
// dialog. Each trap records and does nothing; the page's own scripts never use them
// (the widget works under a CSP without 'unsafe-eval').
function installTraps(page) {
  return page.addInitScript(() => {
    const seen = [];
    window.parleyXssSeen = seen;
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => { seen.push(`${name}(${args.join(',')})`); };
    }
    window.eval = (src) => { seen.push(`eval(${src})`); };
    const RealFunction = window.Function;
    window.Function = function TrappedFunction(...args) {
      seen.push(`Function(${args.join(',')})`);
      return RealFunction();
    };
    for (const name of ['setTimeout', 'setInterval']) {
      const real = window[name];
      window[name] = (fn, ...rest) => {
        if (typeof fn === 'string') {
          seen.push(`${name}("${fn}")`);
          return 0;
        }
        return real(fn, ...rest);
      };
    }
    // Something the page's policy blocked (on parleyd's embed page) was still an attempt.
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
    // Inside the comment section, any script element (HTML or SVG) and any element
    // carrying an on* handler attribute is an execution attempt. (Scripts elsewhere are
    // the page's and the loader's; a foreign one would show up as a foreign request.)
    // The one exception is the server-rendered thread's data, JSON that never runs.
    let dataScripts = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node.nodeType !== 1 || !node.closest('#parley-thread, .parley-comments')) continue;
          for (const el of [node, ...node.querySelectorAll('*')]) {
            const isData = el.matches('script.parley-data[type="application/json"]');
            if (isData && ++dataScripts === 1) continue;
            if (el.localName === 'script') seen.push(`script element: ${el.outerHTML.slice(0, 80)}`);
            for (const a of el.attributes) {
              if (/^on/i.test(a.name)) seen.push(`handler attribute ${a.name} on <${el.localName}>`);
            }
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

// Reads a value from the page through the DevTools protocol, not page.evaluate: the
// trapped window.eval would otherwise see (and break) Playwright's own evaluation.
async function inPage(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate',
    { expression, returnByValue: true, awaitPromise: true, timeout: UI_TIMEOUT_MS });
  await cdp.detach();
  assert.equal(exceptionDetails, undefined, `in-page check failed: ${exceptionDetails?.text}`);
  return result.value;
}

// Elements the thread may never contain: anything that runs, loads or submits (the
// reply buttons and the like hearts with their icon are the widget's own).
const ACTIVE_ELEMENTS = 'script,img,svg:not(.parley-heart),math,iframe,object,embed,style,link,' +
  'meta,base,form,video,audio,source,picture,template,portal,input,textarea,select,' +
  'button:not(.parley-reply):not(.parley-comment-like)';

async function post(api, text, author) {
  const res = await fetch(`${api}/api/comments?site=demo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ page: '/', title: 'XSS', text, author, email: 'm@example.org' }),
  });
  return { status: res.status, body: await res.json() };
}

async function postAll(api, entries) {
  const outcomes = [];
  let next = 0;
  async function worker() {
    while (next < entries.length) {
      const i = next++;
      const text = entries[i];
      // The entry is the display name too, where a name may be that long and that shape;
      // a refused name is retried as a plain one so the text is still shown.
      let outcome = [...text].length <= MAX_AUTHOR_CHARS ? await post(api, text, text) : null;
      if (!outcome || (outcome.status === 400 && outcome.body.field === 'author')) {
        outcome = await post(api, text, 'Mallory');
      }
      outcomes[i] = outcome;
    }
  }
  await Promise.all(Array.from({ length: POSTS_IN_FLIGHT }, worker));
  return outcomes;
}

test(`the XSS corpus (${CORPUS.length} entries) is stored and shown without running anything`,
  async (t) => {
    assert.ok(CORPUS.length >= MIN_CORPUS_ENTRIES, `corpus has ${CORPUS.length} entries`);
    const stack = await startStack(t);
    const outcomes = await postAll(stack.api, CORPUS);

    // Every entry is either stored or refused with a clear JSON error, never a 5xx.
    const refused = [];
    outcomes.forEach(({ status, body }, i) => {
      assert.ok(status === 201 || (status >= 400 && status < 500),
        `entry ${i} (${JSON.stringify(CORPUS[i])}): status ${status}`);
      if (status !== 201) {
        assert.equal(typeof body.error, 'string', `entry ${i}: error body ${JSON.stringify(body)}`);
        refused.push(i);
      }
    });
    const stored = outcomes.length - refused.length;
    t.diagnostic(`${stored} stored, ${refused.length} refused with a 4xx`);
    assert.ok(stored >= MIN_CORPUS_ENTRIES, `only ${stored} entries were stored`);

    const origins = [new URL(stack.pageUrl).origin, new URL(stack.api).origin];
    // A long thread arrives in slices, a frame apart: wait for the last one, or give up
    // after a while and report what is shown.
    const waitForWidget = `new Promise((resolve) => {
      const until = performance.now() + ${UI_TIMEOUT_MS * 0.8};
      const poll = () => {
        const n = document.querySelectorAll('.parley-comment').length;
        if (document.querySelector('h2.parley-count') && (n >= ${stored} ||
          (n > 0 && performance.now() > until))) resolve(n);
        else requestAnimationFrame(poll);
      };
      poll();
    })`;
    t.diagnostic('the widget');
    await assertInert(stack.pageUrl, origins, waitForWidget, stored);

    // Without JavaScript: parleyd's own embed page (under its policy: any blocked
    // attempt is reported as a violation) ...
    const thread = 'site=demo&page=/&title=XSS';
    const parsed = `document.querySelectorAll('.parley-comment').length`;
    t.diagnostic('the embed page');
    await assertInert(`${stack.api}/embed/thread?${thread}`, origins, parsed, stored);
    // ... and its fragment included in a site's page, as export-html or a server-side
    // include puts it, with no policy at all: only the escaping stands in the way.
    const fragment = await (await fetch(`${stack.api}/embed/thread?${thread}&format=fragment`)).text();
    const sitePage = `${stack.pageUrl}static-export/`;
    t.diagnostic('the fragment in a static page');
    await assertInert(sitePage, origins, parsed, stored, (page) => page.route(sitePage, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><title>XSS</title></head><body>
          <div id="parley-thread">${fragment}</div></body></html>`,
      })));
  });

// Opens `url` in a fresh reader with the traps installed, waits until `shownExpression`
// counts the comments (must be `expected`), gives lazy payloads their chance, and
// fails on anything the traps saw, any request outside `origins`, and any active
// element or non-http(s) link in the thread.
async function assertInert(url, origins, shownExpression, expected, prepare = async () => {}) {
  const reader = await openReader(browser, 'about:blank');
  const { page } = reader;
  const foreignRequests = [];
  page.on('request', (req) => {
    const requested = req.url();
    const origin = /^https?:/.test(requested) ? new URL(requested).origin : requested.slice(0, 40);
    if (!origins.includes(origin)) foreignRequests.push(requested);
  });
  await installTraps(page);
  await prepare(page);
  await page.goto(url);
  // As showThread() does, but without locators (they call the trapped eval).
  await inPage(page, "document.querySelector('#parley-thread, .parley-comments').scrollIntoView()");
  const shown = await inPage(page, shownExpression);
  assert.equal(shown, expected, 'every stored entry is shown');
  // Give anything lazy (image errors, autofocus, hover handlers) its chance to act:
  // sweep the pointer over the section while scrolling through it. (Raw input events:
  // Playwright's locator actions would call the trapped eval themselves.)
  for (let step = 0; step < SWEEP_STEPS; step++) {
    await page.mouse.move(SWEEP_X, SWEEP_Y_START + step * SWEEP_Y_STEP);
    await page.mouse.wheel(0, SWEEP_SCROLL_PX);
  }
  await page.waitForTimeout(LAZY_GRACE_MS);

  assert.deepEqual(await inPage(page, 'window.parleyXssSeen'), []);
  assert.deepEqual(foreignRequests, []);
  // Nothing in the thread is active content, and every link resolves to http(s)/mailto.
  const active = await inPage(page, `(() => {
    const root = document.querySelector('[data-parley-key="thread"]');
    const attr = (el) => ['href', 'src', 'action', 'formaction', 'xlink:href']
      .map((a) => el.getAttribute(a)).find((v) => v !== null);
    return {
      elements: [...root.querySelectorAll(${JSON.stringify(ACTIVE_ELEMENTS)})]
        .map((el) => el.localName),
      badLinks: [...root.querySelectorAll('[href],[src],[action],[formaction]')].map(attr)
        // As the browser resolves it: a relative link is fine, a scheme other than
        // http(s)/mailto is not, however it is disguised.
        .filter((u) => !['http:', 'https:', 'mailto:'].includes(new URL(u, document.baseURI).protocol)),
    };
  })()`);
  assert.deepEqual(active, { elements: [], badLinks: [] });
  reader.assertNoConsoleErrors();
  await reader.close();
}

