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

import { assertAxeClean } from './axe.mjs';
import { UI_TIMEOUT_MS } from './harness.mjs';


/** `contextOptions` go to browser.newContext (acceptDownloads...). */
export async function openOwnPage(browser, contextOptions = {}) {
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
    assertAccessible: (what) => assertAxeClean(page, what, { selector: 'document' }),
    close: () => context.close(),
  };
}
