/**
 * The care-responsibility table (rules/care-responsibility.yaml) re-expressed for the peer engines:
 * each rule becomes a list of "raw boxes" — for each raw input the values it allows — in a priority
 * order the table declares, so a first-match engine gives the same answers. The four criteria are
 * expanded into conditions on the raw inputs they are computed from (CFS and cognitive impairment
 * for frailty), from the same compiled criteria tables. Nothing is hand-written per rule.
 */
import { careSpace, criteriaSpace, decodeCell, valueOfDigit, type ResponsibilityRules } from '@samverkan/core';

/** A raw input value as the peers receive it: yes/no inputs as 'true' | 'false' | 'unknown', CFS 0 (unknown) or 1–9. */
export type RawValue = string | number;

/** Allowed values per raw input (inputs not named are unconstrained). */
export type RawBox = Readonly<Record<string, readonly RawValue[]>>;

/** One rule for the peers. */
export interface RawRule {
  readonly id: string;
  readonly party: string;
  readonly boxes: readonly RawBox[];
}

/** How a value of a rule table's input is given to the peers. */
export function rawValue(dimName: string, value: string | number | boolean): RawValue {
  if (dimName === 'cfs') return value === 'unknown' ? 0 : Number(value);
  return typeof value === 'boolean' ? String(value) : value;
}

/** A priority order consistent with the compiled table: whenever two rules match one situation, the winner comes first. */
function priorityOrder(rules: ResponsibilityRules): number[] {
  const t = rules.care.table;
  const n = t.rules.length;
  const after = Array.from({ length: n }, () => new Set<number>());
  const digits = new Uint8Array(careSpace.dims.length);
  for (let cell = 0; cell < careSpace.size; cell++) {
    decodeCell(careSpace, cell, digits);
    const w = t.winner[cell] ?? 0;
    t.rules.forEach((r, i) => {
      if (i !== w && r.boxes.some((b) => b.every((mask, d) => ((mask >> (digits[d] ?? 0)) & 1) === 1))) after[w]?.add(i);
    });
  }
  const order: number[] = [];
  const placed = new Set<number>();
  while (order.length < n) {
    const next = [...Array(n).keys()].find(
      (i) => !placed.has(i) && [...Array(n).keys()].every((j) => placed.has(j) || j === i || !after[j]?.has(i)),
    );
    if (next === undefined) throw new Error('the care table has no consistent priority order');
    order.push(next);
    placed.add(next);
  }
  return order;
}

/** For one criterion: the raw boxes (over the criteria inputs that matter) of each status. */
function criterionBoxes(rules: ResponsibilityRules, index: number): Map<number, RawBox[]> {
  const c = rules.criteria[index];
  if (!c) throw new Error('missing criterion');
  const statusDigit = { not_met: 0, met: 1, unknown: 2 } as const;
  // Which raw inputs can change this criterion's status.
  const relevant = criteriaSpace.dims.map((_, d) => {
    const digits = new Uint8Array(criteriaSpace.dims.length);
    for (let cell = 0; cell < criteriaSpace.size; cell++) {
      decodeCell(criteriaSpace, cell, digits);
      const base = c.table.winner[cell];
      for (let v = 0; v < (criteriaSpace.radices[d] ?? 0); v++) {
        const other = cell + (v - (digits[d] ?? 0)) * (criteriaSpace.strides[d] ?? 0);
        if (c.table.winner[other] !== base) return true;
      }
    }
    return false;
  });
  const dims = criteriaSpace.dims.flatMap((dim, d) => (relevant[d] ? [{ dim, d }] : []));
  // Group cells by status, then by the values of all relevant inputs but the last.
  const out = new Map<number, Map<string, Record<string, RawValue[]>>>();
  const digits = new Uint8Array(criteriaSpace.dims.length);
  for (let cell = 0; cell < criteriaSpace.size; cell++) {
    decodeCell(criteriaSpace, cell, digits);
    if (criteriaSpace.dims.some((_, d) => !relevant[d] && digits[d] !== 0)) continue;
    const status = statusDigit[c.table.rules[c.table.winner[cell] ?? 0]?.outcome ?? 'unknown'];
    const head = dims.slice(0, -1).map(({ dim, d }) => [dim.name, rawValue(dim.name, valueOfDigit(dim, digits[d] ?? 0))] as const);
    const last = dims[dims.length - 1];
    if (!last) continue;
    const key = JSON.stringify(head);
    const byStatus = out.get(status) ?? new Map<string, Record<string, RawValue[]>>();
    out.set(status, byStatus);
    const box: Record<string, RawValue[]> =
      byStatus.get(key) ?? Object.fromEntries<RawValue[]>([...head.map(([k, v]): [string, RawValue[]] => [k, [v]]), [last.dim.name, []]]);
    box[last.dim.name]?.push(rawValue(last.dim.name, valueOfDigit(last.dim, digits[last.d] ?? 0)));
    byStatus.set(key, box);
  }
  // Merge boxes that differ only in the first relevant input (e.g. CFS levels with the same
  // cognitive-impairment values), so the peers get compact rows.
  const first = dims[0]?.dim.name;
  const merge = (boxes: RawBox[]): RawBox[] => {
    if (first === undefined || dims.length < 2) return boxes;
    const groups = new Map<string, Record<string, RawValue[]>>();
    for (const b of boxes) {
      const rest = JSON.stringify(Object.entries(b).filter(([k]) => k !== first));
      const g = groups.get(rest);
      if (g) g[first]?.push(...(b[first] ?? []));
      else groups.set(rest, Object.fromEntries(Object.entries(b).map(([k, v]) => [k, [...v]])));
    }
    return [...groups.values()];
  };
  return new Map([...out].map(([s, m]) => [s, merge([...m.values()])]));
}

/** The care rules, highest priority first, as raw boxes with their party. */
export function careRulesForPeers(rules: ResponsibilityRules): RawRule[] {
  const criterionIndex = new Map<string, number>(rules.criteria.map((c, i) => [c.id, i]));
  const statusBoxes = rules.criteria.map((_, i) => criterionBoxes(rules, i));
  const t = rules.care.table;
  return priorityOrder(rules).map((i) => {
    const rule = t.rules[i];
    if (!rule) throw new Error('missing rule');
    const boxes: RawBox[] = rule.boxes.flatMap((box) => {
      let partial: Record<string, readonly RawValue[]>[] = [{}];
      careSpace.dims.forEach((dim, d) => {
        const mask = box[d] ?? 0;
        const radix = careSpace.radices[d] ?? 0;
        if (mask === (1 << radix) - 1) return;
        const allowed = [...Array(radix).keys()].filter((v) => (mask >> v) & 1);
        const c = criterionIndex.get(dim.name);
        if (c === undefined) {
          const name = dim.name === 'registered' ? 'registered' : dim.name;
          partial = partial.map((p) => ({ ...p, [name]: allowed.map((v) => rawValue(dim.name, valueOfDigit(dim, v))) }));
        } else {
          const options = allowed.flatMap((status) => statusBoxes[c]?.get(status) ?? []);
          partial = partial.flatMap((p) => options.map((o) => ({ ...p, ...o })));
        }
      });
      return partial;
    });
    return { id: rule.id, party: rule.outcome.party, boxes };
  });
}
