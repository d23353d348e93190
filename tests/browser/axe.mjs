// axe-core (WCAG 2.2 A and AA) on a page of a browser test: the one way the Chromium tests
// check accessibility, for the widget and for parleyd's own pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let source;

/**
 * Runs axe on `selector` and asserts that it found no violation. `passes`: rule ids axe
 * must have passed, so that it really looked at what the test is about (a form's labels,
 * the buttons' names); without, at least one rule must have passed.
 * axe is evaluated through DevTools, not added as a <script>: a page's CSP would block it.
 * @returns the axe result, for further checks
 */
export async function assertAxeClean(page, state, { selector = '#parley-thread', passes = [] } = {}) {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(
    ([sel, tags]) => window.axe.run(sel === 'document' ? document : sel, { runOnly: { type: 'tag', values: tags } }),
    [selector, WCAG_TAGS],
  );
  const violations = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.html).join('\n  ')}`);
  assert.deepEqual(violations, [], `axe violations with ${state}`);
  assert.ok(result.passes.length > 0, `axe looked at ${state}`);
  for (const id of passes) {
    assert.ok(result.passes.some((p) => p.id === id), `axe checked ${id} (${state})`);
  }
  return result;
}
