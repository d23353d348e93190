// parleyd's own HTML pages in Chromium (/admin, /privacy): a browser context that
// records what those pages must never cause, CSP violations (as the page sees them and
// as the console reports them), console errors and uncaught exceptions, and checks a
// page with axe (WCAG A/AA).
//
//   const own = await openOwnPage(browser);
//   await own.page.goto(`${server.url}/privacy?site=demo`);
//   await own.assertClean('the form');
//   await own.assertAccessible('the form');
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { UI_TIMEOUT_MS } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource;

/** `contextOptions` go to browser.newContext (acceptDownloads...). */
export async function openOwnPage(browser, contextOptions = {}) {
  axeSource ??= await readFile(AXE, 'utf8');
  const context = await browser.newContext(contextOptions);
  // Runs before any page script, outside the page's CSP (DevTools protocol).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) {
      problems.push(msg.text());
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return {
    context,
    page,
    async assertClean(what, expected = []) {
      const violations = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(violations, [], `CSP violations on ${what}`);
      assert.deepEqual(problems.splice(0), expected, `console errors on ${what}`);
    },
    async assertAccessible(what) {
      // Evaluated through DevTools, not as a <script>: the page's CSP would block that.
      await page.evaluate(axeSource);
      const result = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
      const violations = result.violations.map((v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.html).join('\n  ')}`);
      assert.deepEqual(violations, [], `axe violations on ${what}`);
      assert.ok(result.passes.length > 0, `axe looked at ${what}`);
    },
    close: () => context.close(),
  };
}
