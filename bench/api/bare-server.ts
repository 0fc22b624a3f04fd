/**
 * The ceiling of the API benchmark: a bare Fastify 5 app (no plugins, no hooks, logger off) in a
 * process of its own, like ours, answering each route with the exact bytes and content type ours
 * answered. Usage: node bare-server.js <routes.json>; prints the port on stdout.
 * routes.json: [{ method, path, contentType, body, answers? }] with body the response text; `answers`
 * maps a request body (as JSON text) to ours' answer for it, for the case that rotates bodies.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/** Header that marks a request of the case that rotates bodies (ours ignores it). */
const VARIED_HEADER = 'x-bench-varied';

interface BareRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
  readonly answers?: Readonly<Record<string, string>>;
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: bare-server.js <routes.json>');
const routes = JSON.parse(readFileSync(file, 'utf8')) as BareRoute[];
const app = Fastify({ logger: false });
for (const r of routes) {
  const bytes = Buffer.from(r.body, 'utf8');
  const answers = new Map(Object.entries(r.answers ?? {}).map(([k, v]) => [k, Buffer.from(v, 'utf8')]));
  app.route({
    method: r.method,
    url: r.path,
    // The case that rotates bodies (marked by a header both servers get) is answered with ours'
    // answer for each body: one lookup by its JSON text.
    handler: (request, reply) =>
      reply
        .type(r.contentType)
        .send(request.headers[VARIED_HEADER] === undefined ? bytes : (answers.get(JSON.stringify(request.body)) ?? bytes)),
  });
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${new URL(address).port}\n`);
