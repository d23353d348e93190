/* Parley proof-of-work worker (docs/spam.md): solves parleyd's challenges with
 * parley-pow.wasm (core's SHA-256 and solver) off the page's main thread. A classic
 * worker: the host starts it from a Blob URL whose code importScripts() this file,
 * since a page may not start a Worker from parleyd's origin directly.
 * Message in: {wasm: URL of parley-pow.wasm, challenge, bits}; out: {challenge, nonce},
 * nonce "" when none was found (or the wasm failed to load). */
/* eslint-env worker */
(() => {
  'use strict';
  // parleyd's nonces are decimal uint64s; this range holds a 32-bit proof with room.
  const RANGE = 2 ** 40;
  let solver;
  onmessage = ({ data }) => {
    solver =
      solver ||
      fetch(data.wasm)
        .then((r) => r.arrayBuffer())
        .then((bytes) => WebAssembly.instantiate(bytes))
        .then(({ instance: { exports: x } }) => (x._initialize && x._initialize(), x));
    const answer = (nonce) => postMessage({ challenge: data.challenge, nonce });
    solver
      .then((x) => {
        const bytes = new TextEncoder().encode(data.challenge);
        new Uint8Array(x.memory.buffer, x.parley_pow_buffer(), bytes.length).set(bytes);
        const nonce = x.parley_pow_solve(bytes.length, data.bits, 0, RANGE);
        answer(nonce < 0 ? '' : String(nonce));
      })
      .catch(() => answer(''));
  };
})();
