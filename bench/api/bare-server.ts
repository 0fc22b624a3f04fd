/**
 * The ceiling of the API benchmark: a bare Fastify 5 app (no plugins, no hooks, logger off) in a
 * process of its own, like ours, answering each route with the exact bytes and content type ours
 * answered. Usage: node bare-server.js <routes.json>; prints the port on stdout.
 * routes.json: [{ method, path, contentType, body }] with body the response text.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

interface BareRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: bare-server.js <routes.json>');
const routes = JSON.parse(readFileSync(file, 'utf8')) as BareRoute[];
const app = Fastify({ logger: false });
for (const r of routes) {
  const bytes = Buffer.from(r.body, 'utf8');
  app.route({ method: r.method, url: r.path, handler: (_request, reply) => reply.type(r.contentType).send(bytes) });
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${new URL(address).port}\n`);
