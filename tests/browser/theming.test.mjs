// Theming with plain CSS: a site's own class rule restyles a part without !important while
// its element rules leave the widget alone; dark mode light/dark/auto/host (following the
// page's own toggle live); the demo's three themes and its switcher. docs/theming.md
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { minifyCss } from '../../scripts/minify-css.mjs';
import { demoWith } from './embed-page.mjs';
import { launchBrowser, openReader, showThread, startStack, seedComment } from './harness.mjs';

const REPO = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, REPO), 'utf8');
const THEMES = readdirSync(new URL('demo/themes/', REPO)).filter((f) => f.endsWith('.css'));

// Default accent (the "Post Comment" background) in each scheme, as computed styles say.
const LIGHT_ACCENT = 'rgb(34, 113, 177)';
const DARK_ACCENT = 'rgb(114, 174, 230)';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

// [selector, declarations] of every style rule (media blocks flattened).
function rules(css) {
  return [...minifyCss(css).matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter(([, sel]) => !sel.startsWith('@'))
    .map(([, sel, body]) => [sel, body]);
}

// Classes that count towards specificity: none inside :where(…); inside :is(…), :not(…)
// and :has(…), those of their weightiest argument (as CSS counts them).
function weightedClasses(selector) {
  let weight = 0;
  let outside = '';
  for (let i = 0; i < selector.length; i += 1) {
    const fn = /^:(where|is|not|has)\(/.exec(selector.slice(i));
    if (!fn) {
      outside += selector[i];
      continue;
    }
    let depth = 1;
    let end = i + fn[0].length;
    for (; depth > 0; end += 1) {
      if (selector[end] === '(') depth += 1;
      if (selector[end] === ')') depth -= 1;
    }
    const inner = selector.slice(i + fn[0].length, end - 1);
    if (fn[1] !== 'where') weight += Math.max(...selectors(inner).map(weightedClasses));
    i = end - 1;
  }
  return weight + (outside.match(/\.[\w-]+/g) ?? []).length;
}

// The selectors of a list: split at its own commas, not at those inside :is(…) or :where(…).
function selectors(list) {
  const out = [''];
  let depth = 0;
  for (const c of list) {
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    if (c === ',' && depth === 0) out.push('');
    else out[out.length - 1] += c;
  }
  return out;
}

test('parley.css and the demo themes use single-class selectors only', () => {
  for (const file of ['web/parley.css', ...THEMES.map((f) => `demo/themes/${f}`)]) {
    for (const [list] of rules(read(file))) {
      for (const selector of selectors(list)) {
        assert.ok(weightedClasses(selector) <= 1, `${file}: ${selector} weighs more than a class`);
      }
    }
  }
});

test('every colour in parley.css comes from a documented --parley-* property', () => {
  const docs = read('docs/theming.md');
  const css = read('web/parley.css');
  const declared = new Set(css.match(/--parley-[\w-]+(?=:)/g));
  for (const name of declared) {
    if (name === '--parley-avatar-hue') continue; // set per colour class, documented there
    assert.ok(docs.includes(`\`${name}\``), `${name} is not documented in docs/theming.md`);
  }
  for (const [selector, body] of rules(css)) {
    // The load-error message replaces the section, so no property is in scope there.
    if (selector === '.parley-load-error') continue;
    for (const decl of body.split(';')) {
      if (decl.startsWith('--')) continue;
      assert.doesNotMatch(decl, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\((?!var)/i,
        `${selector} { ${decl} } hard-codes a colour`);
    }
  }
});

test('the demo themes only set --parley-* properties and rules on Parley classes', () => {
  assert.deepEqual(THEMES.sort(), ['classic.css', 'dark-minimal.css']);
  for (const file of THEMES) {
    for (const [list, body] of rules(read(`demo/themes/${file}`))) {
      for (const selector of list.split(',')) {
        assert.match(selector, /^\.parley-[\w-]+$/, `${file}: ${selector}`);
      }
      if (list === '.parley-comments') {
        for (const decl of body.split(';')) assert.match(decl, /^--parley-/, `${file}: ${decl}`);
      }
    }
  }
});

// Computed styles of the parts a test looks at.
const look = (page) => page.evaluate(() => {
  const css = (sel) => getComputedStyle(document.querySelector(sel));
  return {
    submitBg: css('.parley-submit').backgroundColor,
    submitRadius: css('.parley-submit').borderTopLeftRadius,
    submitFontSize: css('.parley-submit').fontSize,
    countFontSize: css('.parley-count').fontSize,
    inputMargin: css('.parley-input').marginTop,
    font: css('.parley-comments').fontFamily,
    sectionBg: css('.parley-comments').backgroundColor,
    scheme: css('.parley-comments').colorScheme,
    avatarDisplay: css('.parley-avatar')?.display,
    avatarRadius: css('.parley-avatar').borderTopLeftRadius,
    replyBorder: css('.parley-reply').borderTopStyle,
  };
});

// The demo post embedded with other theme attributes, at /<name>.html.
const EMBEDS = {
  none: '',
  light: 'data-parley-theme="light"',
  dark: 'data-parley-theme="dark"',
  auto: 'data-parley-theme="auto"',
  attribute: 'data-parley-theme="host" data-parley-dark="[data-theme=dark]"',
  'attribute-name': 'data-parley-theme="host" data-parley-dark="data-dark"',
};
const pages = Object.fromEntries(
  Object.entries(EMBEDS).map(([name, attrs]) => [`/${name}.html`, demoWith(attrs)]));

// The look of the widget on `path` of the demo server.
async function lookOf(stack, path) {
  const reader = await openReader(browser, 'about:blank');
  await reader.page.emulateMedia({ reducedMotion: 'reduce' });
  await reader.page.goto(new URL(path, stack.pageUrl).href);
  await showThread(reader.page);
  const result = await look(reader.page);
  reader.assertNoConsoleErrors();
  await reader.close();
  return result;
}

async function openEmbedded(stack, name, colorScheme = 'light') {
  const reader = await openReader(browser, 'about:blank');
  await reader.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  await reader.page.goto(new URL(`/${name}.html`, stack.pageUrl).href);
  await showThread(reader.page);
  return reader;
}

// Where Reply and the first comment's heart are centred, from the top of the page.
const actionCentres = (page) => page.evaluate(() => {
  const mid = (sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top + scrollY + r.height / 2;
  };
  return { reply: mid('.parley-reply'), heart: mid('.parley-comment-like') };
});

const accent = (page) => page.locator('.parley-submit')
  .evaluate((el) => getComputedStyle(el).backgroundColor);

// A site's own stylesheet, in <head> before the widget arrives: element-wide rules as
// resets and frameworks write them, and (second page) class rules of its own.
const ELEMENT_RULES = `button, input, textarea { margin: 20px; padding: 0; border-radius: 0;
  background: rgb(255, 0, 0); font-size: 30px; }
  h2, h3 { font-size: 50px; } ol, ul { list-style: square; padding-left: 100px; }`;
const CLASS_RULES = `.parley-submit { background: rgb(128, 0, 128); }
  .parley-comments { --parley-radius: 0px; }`;
const withSiteCss = (css) => demoWith('').replace('</head>', `<style>${css}</style></head>`);

test("a site's class rules restyle the widget without !important; its element rules do not",
  async (t) => {
    const stack = await startStack(t, { pages: {
      '/elements.html': withSiteCss(ELEMENT_RULES),
      '/classes.html': withSiteCss(ELEMENT_RULES + CLASS_RULES),
      '/none.html': demoWith(''),
    } });
    await seedComment(stack, { title: 'T', text: 'A *first* comment with `code`.' });
    const designed = await lookOf(stack, '/none.html');
    assert.equal(designed.submitBg, LIGHT_ACCENT);
    assert.deepEqual(await lookOf(stack, '/elements.html'), designed);
    const themed = await lookOf(stack, '/classes.html');
    assert.equal(themed.submitBg, 'rgb(128, 0, 128)');
    assert.equal(themed.submitRadius, '0px');
  });

test('dark mode: light is the default, dark is dark, auto follows the system live',
  async (t) => {
    const stack = await startStack(t, { pages });
    await seedComment(stack, { title: 'T', text: 'A *first* comment with `code`.' });
    for (const [name, system, want] of [
      ['none', 'dark', LIGHT_ACCENT],
      ['light', 'dark', LIGHT_ACCENT],
      ['dark', 'light', DARK_ACCENT],
      ['auto', 'light', LIGHT_ACCENT],
      ['auto', 'dark', DARK_ACCENT],
    ]) {
      const reader = await openEmbedded(stack, name, system);
      assert.equal(await accent(reader.page), want, `${EMBEDS[name]} on a ${system} system`);
      if (name === 'auto') {
        // The reader switches the system theme while reading: the widget follows.
        const flipped = system === 'dark' ? 'light' : 'dark';
        await reader.page.emulateMedia({ colorScheme: flipped });
        assert.equal(await accent(reader.page), flipped === 'dark' ? DARK_ACCENT : LIGHT_ACCENT);
      }
      reader.assertNoConsoleErrors();
      await reader.close();
    }
  });

test("dark mode 'host' follows the page's own toggle live", async (t) => {
  const stack = await startStack(t, { pages });
  await seedComment(stack, { title: 'T', text: 'A *first* comment with `code`.' });
  // The demo embeds with data-parley-theme="host" data-parley-dark=".dark" and has a toggle.
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await showThread(page);
  assert.equal(await accent(page), LIGHT_ACCENT);
  const toggle = page.getByRole('button', { name: 'Dark page' });
  await toggle.click();
  await page.waitForFunction((want) => getComputedStyle(
    document.querySelector('.parley-submit')).backgroundColor === want, DARK_ACCENT);
  await toggle.click();
  await page.waitForFunction((want) => getComputedStyle(
    document.querySelector('.parley-submit')).backgroundColor === want, LIGHT_ACCENT);
  reader.assertNoConsoleErrors();
  await reader.close();

  // An attribute selector, and a bare attribute name, on <html>.
  for (const [name, attr, value] of [['attribute', 'data-theme', 'dark'],
    ['attribute-name', 'data-dark', '']]) {
    const r = await openEmbedded(stack, name);
    assert.equal(await accent(r.page), LIGHT_ACCENT, EMBEDS[name]);
    await r.page.evaluate(([a, v]) => document.documentElement.setAttribute(a, v), [attr, value]);
    await r.page.waitForFunction((want) => getComputedStyle(
      document.querySelector('.parley-submit')).backgroundColor === want, DARK_ACCENT);
    r.assertNoConsoleErrors();
    await r.close();
  }
});

test('the demo has three deliberately different themes and a switcher', async (t) => {
  const stack = await startStack(t);
  await seedComment(stack, { title: 'T', text: 'A *first* comment with `code`.' });
  const reader = await openReader(browser, stack.pageUrl);
  const { page } = reader;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await showThread(page);
  const looks = {};
  const select = page.getByRole('combobox', { name: 'Comment theme' });
  for (const theme of ['default', 'classic', 'dark-minimal']) {
    await select.selectOption(theme);
    // The theme's stylesheet has loaded when its rules apply.
    await page.waitForFunction((name) => {
      const link = document.getElementById('demo-theme');
      return name === 'default' ? !link.sheet
        : link.sheet?.href.endsWith(`/themes/${name}.css`) && link.sheet.cssRules.length > 0;
    }, theme);
    looks[theme] = await look(page);
    // Buttons of different heights on one row: each theme keeps them centred on it.
    const { reply, heart } = await actionCentres(page);
    assert.ok(Math.abs(reply - heart) <= 1, `${theme}: Reply at ${reply}, the heart at ${heart}`);
    assert.equal(new URL(page.url()).searchParams.get('theme'),
      theme === 'default' ? null : theme);
  }
  assert.equal(looks.default.submitBg, LIGHT_ACCENT);
  assert.equal(looks.default.avatarRadius, '50%');
  assert.match(looks.classic.font, /Georgia/);
  assert.equal(looks.classic.avatarRadius, '0px');
  assert.equal(looks.classic.replyBorder, 'none');
  assert.equal(looks['dark-minimal'].sectionBg, 'rgb(20, 22, 27)');
  assert.equal(looks['dark-minimal'].scheme, 'dark');
  assert.equal(looks['dark-minimal'].avatarDisplay, 'none');
  // Pairwise, the themes differ in most of what was measured.
  const names = Object.keys(looks);
  for (const a of names) {
    for (const b of names.filter((n) => n > a)) {
      const differ = Object.keys(looks[a]).filter((k) => looks[a][k] !== looks[b][k]);
      assert.ok(differ.length >= 4, `${a} and ${b} differ only in ${differ}`);
    }
  }
  reader.assertNoConsoleErrors();
  await reader.close();
});
