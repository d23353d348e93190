// What the widget's wasm is made of: code bytes per function and per library, read
// from a build linked with --profiling-funcs (function names kept). Used to decide where
// size work pays; not part of `npm run bench`'s results.
//
//   node bench/wasm-breakdown.mjs <module.wasm> [top N]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/wasm-breakdown.mjs <module.wasm> [top N]');
  process.exit(2);
}
const TOP = Number(topArg ?? 30);
const bytes = readFileSync(file);

let pos = 8; // magic + version
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return result;
  }
};
const str = () => {
  const n = leb();
  const s = bytes.toString('utf8', pos, pos + n);
  pos += n;
  return s;
};

const sections = [];
let importedFunctions = 0;
const bodies = [];
const names = new Map();
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  const end = pos + size;
  let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
    'start', 'element', 'code', 'data', 'datacount'][id] ?? `section ${id}`;
  if (id === 0) name = `custom "${str()}"`;
  sections.push({ name, size, data: bytes.subarray(start, end) });
  if (id === 2) {
    for (let n = leb(), i = 0; i < n; i += 1) {
      str(); str();
      const kind = bytes[pos++];
      if (kind === 0) { importedFunctions += 1; leb(); }
      else if (kind === 1) { pos += 1; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    for (let n = leb(), i = 0; i < n; i += 1) {
      const len = leb();
      bodies.push({ index: importedFunctions + i, size: len });
      pos += len;
    }
  } else if (name === 'custom "name"') {
    while (pos < end) {
      const sub = bytes[pos++];
      const subSize = leb();
      const subEnd = pos + subSize;
      if (sub === 1) for (let n = leb(), i = 0; i < n; i += 1) names.set(leb(), str());
      pos = subEnd;
    }
  }
  pos = end;
}

console.log(`${file}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
console.log('\nsections:');
for (const s of sections) console.log(`  ${s.name.padEnd(28)}${String(s.size).padStart(9)}  gzip ${gzipSync(s.data, { level: 9 }).length}`);

// Groups by what a name says it belongs to; the order of the tests matters.
const GROUPS = [
  ['nlohmann json', /nlohmann/],
  ['embind', /emscripten::|embind|_embind_/],
  ['parley markdown', /parley::markdown/],
  ['parley widget', /parley::widget/],
  ['parley core', /parley::/],
  ['iostream/locale', /std::__2::(basic_[io]stream|basic_ios|locale|ctype|num_put|num_get|ios_base|basic_streambuf|codecvt|moneypunct|time_put|collate|messages)/],
  ['std::string/containers', /std::__2::(basic_string|vector|__tree|map|unordered|__hash)/],
  ['libc/malloc', /^(dlmalloc|dlfree|malloc|free|memcpy|memset|memmove|strlen|emscripten_builtin|sbrk|__)/],
];
const totals = new Map();
for (const b of bodies) {
  const n = names.get(b.index) ?? `func${b.index}`;
  const group = GROUPS.find(([, re]) => re.test(n))?.[0] ?? 'other';
  totals.set(group, (totals.get(group) ?? 0) + b.size);
}
console.log('\ncode bytes by group (uncompressed):');
for (const [g, n] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${g.padEnd(28)}${String(n).padStart(9)}`);
console.log(`\nlargest ${TOP} functions:`);
for (const b of [...bodies].sort((a, b) => b.size - a.size).slice(0, TOP)) {
  console.log(`  ${String(b.size).padStart(7)}  ${(names.get(b.index) ?? `func${b.index}`).slice(0, 150)}`);
}
