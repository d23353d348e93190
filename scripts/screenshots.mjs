// Regenerates the theme screenshots in docs/img/ (docs/theming.md): the demo post with a
// short conversation, once per demo theme and once in dark mode, in Debian's Chromium.
// Needs a build (scripts/build.sh --test):  node scripts/screenshots.mjs
import { mkdir } from 'node:fs/promises';

import { startDemoServer } from '../demo/serve.mjs';
import { launchBrowser } from '../tests/browser/harness.mjs';
import { startParleyd } from '../tests/support/parleyd.mjs';

const OUT = new URL('../docs/img/', import.meta.url);
const SHOTS = [
  ['theme-default', ''],
  ['theme-classic', '?theme=classic'],
  ['theme-dark-minimal', '?theme=dark-minimal'],
  ['theme-default-dark', '?dark=1'],
];
// The reader's clock three hours on, so every date reads "3 hours ago".
const LATER_MS = 3 * 3600 * 1000;
const CONVERSATION = [
  { author: 'Maria Lopez', text: 'This matches what we see in outreach work: people come forward ' +
    'when they trust *someone*, rarely after a raid.' },
  { author: 'Sam Okafor', reply: 0, text: 'Agreed. The report\'s point about seized documents ' +
    'is the one I would **underline** for policy makers.' },
  { author: 'Jun Tanaka', text: 'Is there a summary in other languages? ' +
    'The full report is [here](https://example.org/report).' },
];

const demo = await startDemoServer({ port: 0 });
const origin = `http://localhost:${demo.port}`;
const parleyd = await startParleyd({ sites: [{ id: 'demo', origins: [origin] }] });
const api = `http://localhost:${parleyd.port}`;
demo.setApi(api);
const browser = await launchBrowser();
try {
  const ids = [];
  for (const c of CONVERSATION) {
    const res = await fetch(`${api}/api/comments?site=demo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ page: '/', title: 'Raids', parent: ids[c.reply] ?? 0, text: c.text,
        author: c.author, email: 'reader@example.org' }),
    });
    if (res.status !== 201) throw new Error(`seeding: ${res.status} ${await res.text()}`);
    ids.push((await res.json()).id);
  }
  await mkdir(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.clock.setFixedTime(Date.now() + LATER_MS);
  for (const [name, query] of SHOTS) {
    await page.goto(`${origin}/${query}`);
    const mount = page.locator('#parley-thread');
    await mount.scrollIntoViewIfNeeded();
    await page.locator('.parley-comment').nth(CONVERSATION.length - 1).waitFor();
    // The comments may be parleyd's early rendering: the form comes with the widget.
    await page.locator('.parley-field-text').waitFor();
    await page.evaluate(() => document.fonts.ready);
    // The heading, the conversation and the top of the form: enough to judge a theme.
    // Page coordinates, as fullPage screenshots take them.
    const [box, form] = await page.evaluate(() => ['.parley-comments', '.parley-field-text']
      .map((sel) => {
        const r = document.querySelector(sel).getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, width: r.width };
      }));
    await page.screenshot({
      path: new URL(`${name}.png`, OUT).pathname,
      fullPage: true,
      clip: { x: box.x - 16, y: box.y - 16, width: box.width + 32, height: form.y - box.y + 40 },
    });
    console.log(`docs/img/${name}.png`);
  }
} finally {
  await browser.close();
  await parleyd.stop();
  await demo.close();
}
