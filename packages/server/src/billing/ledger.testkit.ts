/**
 * Test support for the billing ledger at store level (no HTTP): a fresh database of a target with
 * the demo data (index values, allocation keys), users of each kind as the service sees them, and
 * records written straight into `imports`/`import_rows` the way the importers write them — fast
 * enough for months of 20 000 records and for property tests with many runs.
 */
import { randomUUID } from 'node:crypto';
import type { Agreement } from '@samverkan/core';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import type { SessionUser } from '../auth/session-user.js';
import { prepareStore } from '../store/prepare-store.js';
import type { Store } from '../store/db.js';
import type { DatabaseTarget } from '../testing/databases.testkit.js';
import { nowIso } from '../store/clock.js';

/** A migrated database with the demo data; `close()` drops it. */
export interface LedgerStore {
  readonly store: Store;
  readonly agreement: Agreement;
  close(): Promise<void>;
}

/** Open a fresh database of `target`. */
export async function openLedgerStore(target: DatabaseTarget): Promise<LedgerStore> {
  const db = await target.create();
  const agreement = readAgreement();
  const { store } = await prepareStore(db.options, agreement, true);
  return {
    store,
    agreement,
    async close() {
      await store.close();
      await db.drop();
    },
  };
}

/** The administrator, a region economist, or a municipality economist of `code`. */
export function userOf(kind: 'admin' | 'region' | { municipality: string }): SessionUser {
  if (kind === 'admin') return { id: 'u-admin', username: 'admin', displayName: 'Administratör', role: 'admin', municipality: null };
  if (kind === 'region')
    return { id: 'u-region', username: 'ekonom.region', displayName: 'Regionekonom', role: 'region_economist', municipality: null };
  return {
    id: `u-${kind.municipality}`,
    username: `ekonom.${kind.municipality}`,
    displayName: `Kommunekonom ${kind.municipality}`,
    role: 'municipality_economist',
    municipality: kind.municipality,
  };
}

/** One record as an importer would store it. */
export interface TestRecord {
  readonly id?: string;
  readonly period: string;
  readonly seller: string | null;
  readonly buyer: string | null;
  readonly municipality: string | null;
  readonly amountOre?: number | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Write `records` of `kind` as one import (one transaction); returns the record ids in order. */
export async function insertRecords(
  store: Store,
  kind: string,
  records: readonly TestRecord[],
  filename = `${kind}-${randomUUID().slice(0, 8)}.csv`,
): Promise<string[]> {
  const importId = randomUUID();
  const ids = records.map((r) => r.id ?? randomUUID());
  await store.transaction(async (trx) => {
    await trx
      .insertInto('imports')
      .values({
        id: importId,
        kind,
        filename,
        content_sha256: `test:${importId}`,
        municipality_code: null,
        row_count: records.length,
        uploaded_by: 'test',
        uploaded_at: nowIso(),
        demo: 0,
      })
      .execute();
    const rows = records.map((r, i) => ({
      id: ids[i] ?? randomUUID(),
      import_id: importId,
      line: i + 2,
      kind,
      period: r.period,
      seller_code: r.seller,
      buyer_code: r.buyer,
      municipality_code: r.municipality,
      amount_ore: r.amountOre ?? null,
      data_json: JSON.stringify(r.data),
      natural_key: `${importId}:${String(i)}`,
      demo: 0 as const,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('import_rows')
        .values(rows.slice(i, i + 500))
        .execute();
  });
  return ids;
}

const noTravel = { administration: 0, reporting: 0, travel: 0, travelCombinable: false } as const;

/** An ombud task (synhorsel) of `municipality` on `date`. */
export function ombudRecord(
  date: string,
  municipality: string,
  service: 'syncentralen' | 'horcentralen',
  intervention: number,
  id?: string,
): TestRecord {
  return {
    ...(id === undefined ? {} : { id }),
    period: date.slice(0, 7),
    seller: municipality,
    buyer: 'region',
    municipality,
    data: { date, municipality, service, minutes: { intervention, ...noTravel } },
  };
}

/** A daytime assignment (dagtid) between `lender` and `hirer` at 09:00, registered in the county. */
export function daytimeRecord(date: string, lender: string, hirer: string, intervention: number, id?: string): TestRecord {
  const municipality = lender === 'region' ? hirer : lender;
  return {
    ...(id === undefined ? {} : { id }),
    period: date.slice(0, 7),
    seller: lender,
    buyer: hirer,
    municipality,
    data: {
      date,
      start: '09:00',
      lender,
      hirer,
      minutes: { intervention, ...noTravel },
      storsjoglantan: false,
      registeredMunicipality: municipality,
    },
  };
}

/** An MT work order for `municipality` (work time, and travel and parts when given). */
export function workOrderRecord(
  date: string,
  municipality: string,
  minutes: number,
  travelOre: number,
  sparePartsOre: number,
  id?: string,
): TestRecord {
  return {
    ...(id === undefined ? {} : { id }),
    period: date.slice(0, 7),
    seller: 'region',
    buyer: municipality,
    municipality,
    data: { date, municipality, minutes, travelOre, consumablesOre: 0, sparePartsOre },
  };
}

/** A cost of municipal staff in inpatient care. */
export function inpatientRecord(date: string, municipality: string, amountOre: number, id?: string): TestRecord {
  return {
    ...(id === undefined ? {} : { id }),
    period: date.slice(0, 7),
    seller: municipality,
    buyer: 'region',
    municipality,
    amountOre,
    data: { date, municipality, document: 'ORD', agreementReference: 'ÖK-1', kind: 'salary', amountOre },
  };
}
