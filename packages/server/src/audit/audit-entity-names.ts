/**
 * Readable names for the things audit entries point at, looked up when the log is read (the
 * stored entity id stays as written: it is hashed into the chain). A basis is named by flow,
 * period, parties and invoice number, a dispute by its subject, a user by display name, a run by
 * its label; ids that already read as names (index `VPI:2026`, parameter `x@2026-01-01`) are
 * rewritten in words. An id whose row is gone keeps its id.
 */
import type { Kysely } from 'kysely';
import type { Agreement } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { partyName } from '../billing/basis-view.js';
import { flowInfo, isBillingFlow } from '../billing/periods.js';
import { runLabel } from '../billing/run-label.js';

/** (entity, entity id) → readable name. */
export type EntityNames = (entity: string, entityId: string) => string;

const BATCH = 500;

function flowTitle(flow: string): string {
  return isBillingFlow(flow) ? flowInfo[flow].title : flow;
}

async function rowsById<T>(ids: readonly string[], load: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await load(ids.slice(i, i + BATCH))));
  return out;
}

/** Name ids that already carry their meaning (`series:year`, `name@date`, `party/unit@date`). */
function nameFromId(agreement: Agreement, entity: string, id: string): string | undefined {
  if (entity === 'index_values') {
    const [series, year] = id.split(':');
    return series !== undefined && year !== undefined ? `${series} ${year}` : undefined;
  }
  if (entity === 'parameter_values' || entity === 'allocation_keys') {
    const at = id.lastIndexOf('@');
    return at > 0 ? `${id.slice(0, at)} från ${id.slice(at + 1)}` : undefined;
  }
  if (entity === 'parties') {
    const at = id.lastIndexOf('@');
    if (at <= 0) return undefined;
    const [code = '', unit] = id.slice(0, at).split('/');
    return `${partyName(agreement, code)}${unit === undefined ? '' : `, ${unit}`} från ${id.slice(at + 1)}`;
  }
  return undefined;
}

/** Look up the names of the `entries`' things: one query per table and 500 ids. */
export async function auditEntityNames(
  db: Kysely<Database>,
  agreement: Agreement,
  entries: readonly { readonly entity: string; readonly entityId: string }[],
): Promise<EntityNames> {
  const ids = (entity: string): string[] => [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityId))];
  const names = new Map<string, string>();
  const put = (entity: string, id: string, name: string): void => {
    names.set(`${entity}\u0000${id}`, name);
  };
  for (const u of await rowsById(ids('users'), (b) =>
    db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', b).execute(),
  )) {
    put('users', u.id, `${u.display_name} (${u.username})`);
  }
  for (const d of await rowsById(ids('disputes'), (b) =>
    db.selectFrom('disputes').select(['id', 'subject']).where('id', 'in', b).execute(),
  ))
    put('disputes', d.id, d.subject);
  for (const r of await rowsById(ids('billing_runs'), (b) =>
    db.selectFrom('billing_runs').select(['id', 'flow', 'period', 'sequence']).where('id', 'in', b).execute(),
  )) {
    put('billing_runs', r.id, `${runLabel(r.sequence)}, ${flowTitle(r.flow)} ${r.period}`);
  }
  for (const i of await rowsById(ids('imports'), (b) => db.selectFrom('imports').select(['id', 'filename']).where('id', 'in', b).execute()))
    put('imports', i.id, i.filename);
  const bases = await rowsById(ids('invoice_bases'), (b) =>
    db
      .selectFrom('invoice_bases')
      .select(['id', 'flow', 'period', 'seller_code', 'buyer_code', 'invoice_number', 'credit_of'])
      .where('id', 'in', b)
      .execute(),
  );
  for (const b of bases) {
    const what = b.credit_of === null ? flowTitle(b.flow) : `Kreditnota, ${flowTitle(b.flow)}`;
    const number = b.invoice_number === null ? '' : `, nr ${b.invoice_number}`;
    put(
      'invoice_bases',
      b.id,
      `${what} ${b.period}, ${partyName(agreement, b.seller_code)} till ${partyName(agreement, b.buyer_code)}${number}`,
    );
  }
  for (const t of await rowsById(ids('terminations'), (b) =>
    db.selectFrom('terminations').select(['id', 'document', 'notice_date']).where('id', 'in', b).execute(),
  )) {
    const doc =
      t.document === 'ALL' ? 'hela samverkansavtalet' : (agreement.documents.find((d) => d.id === t.document)?.shortTitle ?? t.document);
    put('terminations', t.id, `Uppsägning av ${doc} ${t.notice_date}`);
  }
  return (entity, entityId) => names.get(`${entity}\u0000${entityId}`) ?? nameFromId(agreement, entity, entityId) ?? entityId;
}
