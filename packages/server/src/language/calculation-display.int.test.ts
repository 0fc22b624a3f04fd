/**
 * Issue 12: a calculation's steps in the API carry the formula as a person reads it —
 * `display.calculation`, the arithmetic with the step's values and units, and `display.text`
 * ending in it — while `formula` stays the machine expression an API client may recompute from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_IDENTIFIER } from '@samverkan/core';
import { sqliteTarget } from '../testing/databases.testkit.js';
import { login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';

interface Step {
  id: string;
  formula?: string;
  display?: { text: string; calculation?: string; result: string };
}

describe('calculation steps in the API', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(sqliteTarget);
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('show the formula in values and units beside the machine expression', async () => {
    const viewer = await login(t.url, 'lasare');
    const res = await viewer.request('POST', '/api/v1/calculations/price', { flow: 'dagtid', year: 2026, minutes: 61 });
    expect(res.status).toBe(200);
    const steps = (res.body as { trace: { steps: Step[] } }).trace.steps;
    const priced = steps.find((s) => s.formula === 'ceil(minuter / 60) × timpris');
    expect(priced?.display?.calculation?.replace(/\u00a0/g, ' ')).toMatch(/^61 minuter ger 2 påbörjade timmar × [\d ]+ kr = [\d ]+ kr$/);
    expect(priced?.display?.text).toContain(priced?.display?.calculation ?? '–');
    for (const s of steps)
      if (s.display?.calculation !== undefined) expect(INTERNAL_IDENTIFIER.test(s.display.calculation), s.id).toBe(false);
  });
});
