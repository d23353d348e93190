#!/usr/bin/env node
// The demo's identity provider: a real OpenID Connect provider (the npm package
// oidc-provider, the one the tests use) on loopback, so anyone can try "Log in with
// Demo ID" without an account anywhere. Log in as "ada" with any password.
//
//   node demo/login-provider.mjs [--port 8082] [--parleyd http://localhost:8080]
//
// demo/parley.json names this issuer and its client; parleyd's public URL (the
// --parleyd origin) is where the provider sends the popup back.
import { parseArgs } from 'node:util';

import { startOidcProvider } from '../tests/support/oidc-provider.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8082' },
    parleyd: { type: 'string', default: 'http://localhost:8080' } },
});
const idp = await startOidcProvider({ port: Number(values.port) });
idp.registerClient({ redirectUris: [`${values.parleyd}/auth/callback`] });
console.log(`demo identity provider: ${idp.issuer}  (log in as "ada", any password)`);
const stop = () => idp.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
