// A real OpenID Connect provider on loopback for the login tests and the demo: the npm
// package `oidc-provider` with its built-in login and consent pages ("enter any login"),
// one confidential client for parleyd and two known test users.
//
//   const idp = await startOidcProvider();            // idp.issuer is known now
//   const server = await startParleyd(... idp.issuer ...);
//   idp.registerClient({ redirectUris: [`${server.url}/auth/callback`] });
//   ...
//   await idp.stop();
//
// The client is registered after parleyd starts because parleyd's port (and with it
// the exact redirect URI) is only known then.
import http from 'node:http';
import { Provider } from 'oidc-provider';

export const TEST_CLIENT = { id: 'parley-test', secret: 'parley-test-client-secret-0123456789' };
// The same, authenticating at the token endpoint with HTTP Basic (as X requires).
export const TEST_BASIC_CLIENT = { id: 'parley-test-basic', secret: 'parley-basic-secret-0123456789' };
// The one user the tests log in as (any other login is a user with only a `sub`). Their
// picture is served by this same loopback server (idp.picture), so a browser can load it.
export const TEST_USER = { login: 'ada', name: 'Ada Lovelace' };
// A second named user, for changing accounts ("Change"); no picture.
export const SECOND_USER = { login: 'grace', name: 'Grace Hopper' };
const AVATAR_PATH = '/avatars/ada.svg';
const AVATAR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" fill="#5b3a8c"/><text x="16" y="22" font-size="16" ' +
  'text-anchor="middle" fill="#fff" font-family="sans-serif">A</text></svg>';

// Lifetimes of the provider's own artifacts (a test login takes well under a second);
// parleyd's session lifetime is separate. Set explicitly: the defaults print notices.
const TTL_SECONDS = { AccessToken: 60, IdToken: 60, Interaction: 600, Session: 600, Grant: 600 };

function account(id, picture) {
  const claims = id === TEST_USER.login ? { sub: id, name: TEST_USER.name, picture }
    : id === SECOND_USER.login ? { sub: id, name: SECOND_USER.name } : { sub: id };
  return { accountId: id, claims: async () => claims };
}

/**
 * Starts the HTTP server; the provider itself is created by registerClient().
 * @param {{port?: number}} [options] a fixed port (the demo's); default: any free one
 */
export async function startOidcProvider({ port = 0 } = {}) {
  let provider = null;
  const server = http.createServer((req, res) => {
    if (req.url === AVATAR_PATH) {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(AVATAR_SVG);
      return;
    }
    if (!provider) {
      res.writeHead(503).end('no client registered yet');
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const picture = `${issuer}${AVATAR_PATH}`;
  // oidc-provider warns about its development-only interaction pages and keys; that is
  // exactly what a loopback test provider is, so those warnings are muted.
  const quiet = console.warn;
  return {
    issuer,
    client: TEST_CLIENT,
    picture,  // TEST_USER's picture URL
    /** @param {{redirectUris: string[]}} options */
    registerClient({ redirectUris }) {
      console.warn = () => {};
      try {
        provider = new Provider(issuer, {
          clients: [
            [TEST_CLIENT, 'client_secret_post'],
            [TEST_BASIC_CLIENT, 'client_secret_basic'],
          ].map(([client, method]) => ({
            client_id: client.id,
            client_secret: client.secret,
            redirect_uris: redirectUris,
            token_endpoint_auth_method: method,
            grant_types: ['authorization_code'],
            response_types: ['code'],
          })),
          findAccount: (_ctx, id) => account(id, picture),
          claims: { openid: ['sub'], profile: ['name', 'picture'] },
          pkce: { required: () => true },
          ttl: TTL_SECONDS,
          features: { devInteractions: { enabled: true } },
        });
      } finally {
        console.warn = quiet;
      }
      provider.on('server_error', (_ctx, err) => { console.error('oidc-provider:', err); });
    },
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
