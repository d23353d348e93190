// A real OpenID Connect provider on loopback for the login tests and the demo: the npm
// package `oidc-provider` with its built-in login and consent pages ("enter any login"),
// one confidential client for parleyd and one known test user.
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
// The one user the tests log in as (any other login is a user with only a `sub`).
export const TEST_USER = {
  login: 'ada',
  name: 'Ada Lovelace',
  picture: 'http://127.0.0.1/avatars/ada.png',
};

// Lifetimes of the provider's own artifacts (a test login takes well under a second);
// parleyd's session lifetime is separate. Set explicitly: the defaults print notices.
const TTL_SECONDS = { AccessToken: 60, IdToken: 60, Interaction: 600, Session: 600, Grant: 600 };

function account(id) {
  const claims = id === TEST_USER.login
    ? { sub: id, name: TEST_USER.name, picture: TEST_USER.picture }
    : { sub: id };
  return { accountId: id, claims: async () => claims };
}

/** Starts the HTTP server; the provider itself is created by registerClient(). */
export async function startOidcProvider() {
  let provider = null;
  const server = http.createServer((req, res) => {
    if (!provider) {
      res.writeHead(503).end('no client registered yet');
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  // oidc-provider warns about its development-only interaction pages and keys; that is
  // exactly what a loopback test provider is, so those warnings are muted.
  const quiet = console.warn;
  return {
    issuer,
    client: TEST_CLIENT,
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
          findAccount: (_ctx, id) => account(id),
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
