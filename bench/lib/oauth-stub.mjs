// Stands in for https://oauth.lithub.cc, which the Waline server fetches on every request
// (its fetch-oauth-service middleware) to list login providers: an empty list, from a
// separate process, because the benchmark's own event loop is blocked while wrk runs.
// Prints the port it listens on.
import { createServer } from 'node:http';

const BODY = JSON.stringify({ services: [] });
const server = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(BODY);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
