const { readFileSync } = require('fs');
const dir = 'build/wasm/widget';
const factory = require('/tmp/st/parley-widget.cjs');
const cat = JSON.stringify({ ...JSON.parse(readFileSync('i18n/en.json', 'utf8')), '@lang': 'en' });
const data = readFileSync('/tmp/data1000.json', 'utf8');
(async () => {
  const Module = await factory({ wasmBinary: readFileSync(dir + '/parley-widget.wasm') });
  const ev = JSON.stringify({ type: 'start', site: 'bench', page: '/bench/thread-1000/', title: 'Parley', now: 1796227086,
    origin: 'http://x', api: 'http://x', random: '00112233445566778899aabbccddeeff', lang: 'en', catalog: cat,
    parts: 'comments', share: {}, pow: true, mount: 1 });
  const bytes = new TextEncoder().encode(process.argv[2] === 'small' ? '' : data);
  for (let i = 0; i < 4; i++) {
    const w = new Module.Widget();
    const t0 = performance.now();
    if (bytes.length) w.payload(bytes.length).set(bytes);
    const a = w.handle(ev);
    const t1 = performance.now();
    console.log(`start ${i}: ${(t1 - t0).toFixed(2)} ms, ${a.length} bytes`);
  }
})();
