/**
 * `GET /api/v1/clauses?q=&document=`: the clauses results cite, with their Swedish quotes. `q`
 * matches every word (case-insensitive) in the id, heading or quote.
 */
import Type from 'typebox';
import type { Clause } from '@samverkan/core';
import type { RegisterRoutes } from '../app/app-context.js';

const Query = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Sökord; alla ord måste finnas i id, rubrik eller citat' })),
    document: Type.Optional(Type.String({ pattern: '^[A-Z]+$', description: 'Dokument-id, t.ex. ORD' })),
  },
  { additionalProperties: false },
);

/** Clauses matching every word of `q` (all when empty). */
export function searchClauses(clauses: Iterable<Clause>, q: string | undefined, document: string | undefined): Clause[] {
  const words = (q ?? '')
    .toLocaleLowerCase('sv')
    .split(/\s+/)
    .filter((w) => w !== '');
  const out: Clause[] = [];
  for (const c of clauses) {
    if (document !== undefined && c.document !== document) continue;
    const text = `${c.id} ${c.heading} ${c.quote}`.toLocaleLowerCase('sv');
    if (words.every((w) => text.includes(w))) out.push(c);
  }
  return out;
}

/** Register the clauses route. */
export const registerClauses: RegisterRoutes = (app, ctx) => {
  app.get('/api/v1/clauses', { schema: { tags: ['avtal'], summary: 'Sök klausuler', querystring: Query } }, (request) => ({
    clauses: searchClauses(ctx.agreement.clauses.values(), request.query.q, request.query.document),
  }));
};
