// The floor of the server benchmark: the sandbox's own stack (Hono on @hono/node-server over
// node:http) with one bare route answering a tiny JSON. Prints `listening on URL`; exits on SIGTERM.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.all('*', (c) => c.json({ status: 'ok' }));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening on http://127.0.0.1:${info.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
