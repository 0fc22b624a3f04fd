/**
 * Our side of the totals: the records as `samverkan import` stored them, read back from the
 * database and priced with core's own functions (billable minutes of ORD.uppdrag-dagtid, started
 * hours × the rate), daytime and not Storsjögläntan only. So equal totals prove that every row
 * was stored, once, with the minutes and parties the file gave.
 */
import type { Kysely } from 'kysely';
import { billableMinutes, ore, parseClockTime, priceStartedHours, type AssignmentMinutes } from '@samverkan/core';
import type { Database } from '@samverkan/server/dist/store/schema.js';
import { decodeRecordData } from '@samverkan/server/dist/imports/record-codec.js';
import type { PairTotal } from './pair-totals.js';

const PAGE = 5000;
const DAY_START = 8 * 60;
const DAY_END = 17 * 60;

interface StoredDaytime {
  readonly start: string;
  readonly minutes: AssignmentMinutes;
  readonly storsjoglantan: boolean;
}

/** Totals per seller → buyer pair and month over the stored daytime assignments. */
export async function storedTotals(db: Kysely<Database>, rateOre: number): Promise<PairTotal[]> {
  const rate = ore(rateOre, 'timpris');
  const totals = new Map<string, { seller: string; buyer: string; period: string; ore: bigint; records: number }>();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('import_rows')
      .innerJoin('imports', 'imports.id', 'import_rows.import_id')
      .select(['import_rows.id', 'import_rows.seller_code', 'import_rows.buyer_code', 'import_rows.period', 'import_rows.data_json'])
      .where('import_rows.kind', '=', 'daytime-assignments')
      .where('imports.status', '=', 'complete')
      .where('import_rows.id', '>', after)
      .orderBy('import_rows.id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const d = decodeRecordData('daytime-assignments', r.data_json) as unknown as StoredDaytime;
      const at = parseClockTime(d.start, 'starttid');
      if (d.storsjoglantan || at < DAY_START || at >= DAY_END) continue;
      const amount = priceStartedHours(billableMinutes(d.minutes, 'uppdrag', 'ORD.uppdrag-dagtid').minutes, rate).amountOre;
      const k = `${r.seller_code ?? ''}|${r.buyer_code ?? ''}|${r.period}`;
      const t = totals.get(k) ?? { seller: r.seller_code ?? '', buyer: r.buyer_code ?? '', period: r.period, ore: 0n, records: 0 };
      t.ore += BigInt(amount);
      t.records += 1;
      totals.set(k, t);
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) break;
    after = last.id;
  }
  return [...totals.values()]
    .map((t) => ({ seller: t.seller, buyer: t.buyer, period: t.period, ore: Number(t.ore), records: t.records }))
    .sort((a, b) => (a.seller + a.buyer + a.period < b.seller + b.buyer + b.period ? -1 : 1));
}
