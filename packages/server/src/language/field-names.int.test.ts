/**
 * Issue 12: every field a client can send (every route's body, query and path, read from the
 * service's own OpenAPI document) has a Swedish display name, so a validation problem never names
 * a field by its English JSON name; and a real request shows it: the message in Swedish, the JSON
 * path machine-readable in `location.field` and each detail's `field`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_IDENTIFIER } from '@samverkan/core';
import { sqliteTarget } from '../testing/databases.testkit.js';
import { fetchRoutes } from '../testing/openapi-routes.testkit.js';
import { login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';
import { clientFields } from './api-field-names.testkit.js';
import { fieldDisplayName, fieldDisplayNames } from './field-names.js';

interface ErrorShape {
  error: { code: string; message: string; location: { field?: string }; details: { field: string; label: string; message: string }[] };
}

describe('Swedish names of the API’s fields', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(sqliteTarget);
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('every body, query and path field of every route has one', async () => {
    const { doc, routes } = await fetchRoutes(t.url);
    const fields = clientFields(routes, doc);
    // The walk reaches the routes' fields (a broken walk finding none would prove nothing).
    expect(new Set(fields.map((f) => f.field)).size).toBeGreaterThan(100);
    expect(fields.filter((f) => fieldDisplayName(f.field) === undefined).map((f) => `${f.route}: ${f.field}`)).toEqual([]);
  });

  it('the names are Swedish words, not identifiers', () => {
    const names = Object.values(fieldDisplayNames);
    expect(names.filter((n) => new RegExp(INTERNAL_IDENTIFIER.source).test(n) || !/^\p{Lu}/u.test(n))).toEqual([]);
    expect(fieldDisplayName('toString')).toBeUndefined();
  });

  it('a refused request names the field in Swedish and keeps the JSON path beside it', async () => {
    const admin = await login(t.url, 'admin');
    const res = await admin.request('POST', '/api/v1/parties', {
      partyCode: 'region',
      validFrom: '2026-01-01',
      legalName: 'Region Jämtland Härjedalen',
      organisationNumber: '232100-0214',
      address: { postalCode: '831 86', city: 'Östersund' },
      vatRegistered: true,
      vatNumber: 'SE2321000214010000000000',
      paymentTermsDays: 30,
      buyerReference: 'Ekonomi',
      invoicePrefix: 'RJH',
    });
    expect(res.status).toBe(400);
    const body = res.body as ErrorShape;
    expect(body.error.code).toBe('SAMV_ERR_INVALID_INPUT');
    expect(body.error.message).toMatch(/^Fältet ”Momsregistreringsnummer” /);
    expect(body.error.message).not.toContain('vatNumber');
    expect(body.error.location.field).toBe('body.vatNumber');
    expect(body.error.details[0]).toMatchObject({ field: 'body.vatNumber', label: 'Momsregistreringsnummer' });
    const guide = await fetch(`${t.url}/api/v1/assess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ housing: 'ordinart', registeredMunicipality: '2380', products: [{ label: 'Rullator' }] }),
    });
    const refused = (await guide.json()) as ErrorShape;
    expect(guide.status).toBe(400);
    expect(refused.error.details.map((d) => d.message).join(' ')).not.toMatch(new RegExp(INTERNAL_IDENTIFIER.source));
    expect(refused.error.details.some((d) => d.label === 'Typ (Produkter nr 1)' && d.field === 'body.products.0.kind')).toBe(true);
  });
});
