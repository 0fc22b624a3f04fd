/**
 * Test support: approve an invoice basis as a person does in the web app — read its provenance
 * warnings (example or forecast values) and confirm each of them by id.
 */
import type { Client } from '../testing/test-server.testkit.js';

/** The ids of basis `id`'s provenance warnings as `c` sees them (empty for a final basis). */
export async function provenanceIds(c: Client, id: string): Promise<string[]> {
  const res = await c.request('GET', `/api/v1/invoice-bases/${id}`);
  if (res.status !== 200) return [];
  return ((res.body as { invoiceBasis: { provenance?: { warnings: { id: string }[] } } }).invoiceBasis.provenance?.warnings ?? []).map(
    (w) => w.id,
  );
}

/** `POST …/approve` confirming every warning of the basis. */
export async function approveConfirmed(c: Client, id: string): Promise<{ status: number; body: unknown }> {
  return c.request('POST', `/api/v1/invoice-bases/${id}/approve`, { confirmProvisional: await provenanceIds(c, id) });
}
