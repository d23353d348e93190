// The demo page's theme switcher and light/dark toggle. The comment themes are plain
// CSS files in demo/themes/; the widget follows the toggle by itself because the embed
// says data-parley-theme="host" data-parley-dark=".dark". ?theme=<name>&dark=1 in the
// address picks both on load (the screenshot script and the tests use it).
const THEMES = ['default', 'classic', 'dark-minimal'];
const params = new URLSearchParams(location.search);
const link = document.getElementById('demo-theme');
const select = document.getElementById('demo-theme-select');
const dark = document.getElementById('demo-dark');

function remember() {
  const q = new URLSearchParams();
  if (select.value !== 'default') q.set('theme', select.value);
  if (dark.getAttribute('aria-pressed') === 'true') q.set('dark', '1');
  history.replaceState(null, '', q.size ? `?${q}` : location.pathname);
}

function setTheme(name) {
  select.value = THEMES.includes(name) ? name : 'default';
  if (select.value === 'default') link.removeAttribute('href');
  else link.href = `/themes/${select.value}.css`;
}

function setDark(on) {
  document.documentElement.classList.toggle('dark', on);
  dark.setAttribute('aria-pressed', String(on));
}

setTheme(params.get('theme'));
setDark(params.get('dark') === '1');
select.addEventListener('change', () => {
  setTheme(select.value);
  remember();
});
dark.addEventListener('click', () => {
  setDark(dark.getAttribute('aria-pressed') !== 'true');
  remember();
});
