// Pages for the theming and host tests, served by the demo server at the demo's origin
// (startStack(t, {pages})): the demo post with other embed attributes, and host pages
// styled by Bootstrap 5 or Tailwind's preflight (their shipped CSS, from npm).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const DEMO = new URL('../../demo/index.html', import.meta.url);

// Tailwind ships preflight.css with --theme(--name, fallback) calls that its compiler
// replaces; a site gets the fallback (Tailwind's default theme), so serve that.
function tailwindPreflight() {
  const css = readFileSync(require.resolve('tailwindcss/preflight.css'), 'utf8');
  return css.replace(/--theme\(\s*--[\w-]+,\s*([^;]*?)\s*\)\s*;/g, '$1;');
}

// name -> the framework's CSS, served at /vendor/<name>.css.
export const FRAMEWORKS = {
  bootstrap: () => readFileSync(require.resolve('bootstrap/dist/css/bootstrap.min.css'), 'utf8'),
  tailwind: tailwindPreflight,
};

// The demo post with `attrs` (e.g. 'data-parley-theme="auto"') in place of the demo's
// theme attributes on its embed; under any path it shows the thread of "/".
export function demoWith(attrs) {
  const html = readFileSync(DEMO, 'utf8');
  const demoAttrs = 'data-parley-theme="host" data-parley-dark=".dark"';
  if (!html.includes(demoAttrs)) throw new Error('demo/index.html embed changed');
  return html.replace(demoAttrs, `data-parley-page="/" ${attrs}`);
}

// One embed snippet (the demo server points it at the test's parleyd); `attrs` are
// extra data-parley-* attributes.
export const embed = ({ target = '#parley-thread', attrs = '' } = {}) =>
  '<script async src="http://localhost:8080/parley.js" data-parley-site="demo" ' +
  `data-parley-target="${target}" ${attrs}></script>`;
