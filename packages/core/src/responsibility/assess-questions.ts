/**
 * The other questions of an answer — physician, who performs and billing, vision and hearing
 * ombud, products, handover routines — each one lookup in its compiled table.
 */
import { SamverkanError } from '../errors.js';
import type {
  AnswerParty,
  CareAnswer,
  HandoverAnswer,
  MunicipalityRef,
  PerformingAnswer,
  PhysicianAnswer,
  ProductAnswer,
  RateRef,
  VisionHearingAnswer,
} from './answer.js';
import { cachesOf, dateCaches, EMPTY, housingIndex, NO_PRODUCTS, sortedMissing, union2, type Caches } from './assess-cache.js';
import { boxesContain } from './condition.js';
import { physicianSpace, productFlags, productKindLabels, productKinds, productSpace, type TimeBand } from './inputs.js';
import type { ResponsibilityRules } from './load-rules.js';
import type { Situation } from './situation.js';

/** The value of a parameter valid on `date` (the latest value starting on or before it). */
function parameterValue(rules: ResponsibilityRules, id: string, date: string): { value: number | string; baseYear: number | null } {
  const p = rules.parameters.get(id);
  if (!p) throw new SamverkanError('SAMV_ERR_MISSING_PARAMETER', `Parametern ${id} saknas i avtalet.`, { field: id });
  let pick = p.values[0];
  for (const v of p.values) if (v.validFrom <= date && (pick === undefined || v.validFrom >= pick.validFrom)) pick = v;
  if (!pick) throw new SamverkanError('SAMV_ERR_MISSING_PARAMETER', `Parametern ${id} har inget värde.`, { field: id });
  return { value: pick.value, baseYear: pick.baseYear ?? null };
}

function rateRef(rules: ResponsibilityRules, id: string | undefined, date: string): RateRef | null {
  if (id === undefined) return null;
  const p = rules.parameters.get(id);
  if (!p) return null;
  const v = parameterValue(rules, id, date);
  return {
    parameter: id,
    title: p.title,
    valueOre: Number(v.value),
    baseYear: v.baseYear,
    index: p.indexation?.series ?? null,
    clause: p.clause,
  };
}

/** The time band of a clock time (ORD Arbete på annans uppdrag; bounds from parameters): day is [start, end). */
export function timeBandOf(rules: ResponsibilityRules, minutes: number, date: string): TimeBand {
  const c = cachesOf(rules);
  let bounds = c.dayBounds.get(date);
  if (!bounds) {
    bounds = [
      Number(parameterValue(rules, 'dagtid.dagtid-borjar', date).value),
      Number(parameterValue(rules, 'dagtid.dagtid-slutar', date).value),
    ];
    c.dayBounds.set(date, bounds);
  }
  return minutes >= bounds[0] && minutes < bounds[1] ? 'day' : 'evening_night';
}

export function careRuleDigit(rules: ResponsibilityRules, care: CareAnswer): number {
  if (care.party === 'undecided') return rules.careRuleIds.length;
  const i = rules.careRuleIds.indexOf(care.rule);
  return i < 0 ? rules.careRuleIds.length : i;
}

export function physicianAnswer(rules: ResponsibilityRules, c: Caches, s: Situation): PhysicianAnswer {
  const st = physicianSpace.strides;
  const cell = housingIndex(s.housing) * (st[0] ?? 0) + s.storsjoglantan * (st[1] ?? 0) + s.listedAtOtherHealthCentre * (st[2] ?? 0);
  const hit = c.physician[cell];
  if (hit) return hit;
  const t = rules.physician;
  const view = t.views[t.table.winner[cell] ?? 0];
  if (!view) throw new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellen för läkarmedverkan är trasig.');
  const o = view.outcome;
  const missing =
    o.party === 'undecided'
      ? sortedMissing(
          c,
          t.table.missingDims(cell).map((d) => physicianSpace.dims[d]?.name ?? ''),
        )
      : EMPTY;
  const answer: PhysicianAnswer = Object.freeze({
    party: o.party,
    municipality: null,
    unit: o.unit ?? null,
    fixedPhysicianContact: o.fixedPhysicianContact ?? null,
    rule: view.id,
    title: view.title,
    reason: o.reason,
    notes: view.notes,
    clauses: view.clauses[s.housing === 'ordinart' ? 'ordinart' : 'sarskilt'],
    missing,
  });
  c.physician[cell] = answer;
  return answer;
}

export function performingAnswer(
  rules: ResponsibilityRules,
  c: Caches,
  s: Situation,
  care: CareAnswer,
  careDigit: number,
): PerformingAnswer {
  const t = rules.performing;
  const band = s.timeMinutes === null ? null : timeBandOf(rules, s.timeMinutes, s.date);
  const st = t.table.space.strides;
  const cell = careDigit * (st[0] ?? 0) + (band === null ? 2 : band === 'day' ? 0 : 1) * (st[1] ?? 0);
  const view = t.views[t.table.winner[cell] ?? 0];
  if (!view) throw new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellen för utförande är trasig.');
  const o = view.outcome;
  const setting = s.housing === 'ordinart' ? 'ordinart' : 'sarskilt';
  const municipality = o.performer === 'kommun' ? s.municipality : null;
  const build = (missing: readonly string[]): PerformingAnswer =>
    Object.freeze({
      performer: o.performer,
      municipality,
      asHiredStaff: o.asHiredStaff ?? false,
      billing: o.billing,
      rate: rateRef(rules, o.parameter, s.date),
      invoicedBy: o.invoicedBy ?? null,
      invoicedTo: o.invoicedTo ?? null,
      timeBand: band,
      rule: view.id,
      title: view.title,
      reason: o.reason,
      notes: view.notes,
      clauses: view.clauses[setting],
      missing,
    });
  const dc = dateCaches(c, s.date);
  if (o.performer === 'undecided') {
    // The care rule's missing inputs stand for the care rule; the time for the time band.
    let missing = EMPTY;
    for (const d of t.table.missingDims(cell)) missing = union2(c, missing, d === 0 ? care.missing : TIME);
    // Undecided: no municipality, so the answer is one per missing list, cell and setting.
    let byCell = dc.performingUndecided.get(missing);
    if (!byCell) {
      byCell = [];
      dc.performingUndecided.set(missing, byCell);
    }
    const k = cell * 2 + (setting === 'ordinart' ? 0 : 1);
    let answer = byCell[k];
    if (!answer) {
      answer = build(missing);
      byCell[k] = answer;
    }
    return answer;
  }
  const muni = municipality === null ? 9 : (c.municipalityIndex.get(municipality.code) ?? 9);
  const key = (cell * 2 + (setting === 'ordinart' ? 0 : 1)) * 10 + muni;
  const cache = dc.performing;
  let answer = cache[key];
  if (!answer) {
    answer = build(EMPTY);
    cache[key] = answer;
  }
  return answer;
}

const TIME: readonly string[] = Object.freeze(['time']);

export function visionHearingAnswer(
  rules: ResponsibilityRules,
  c: Caches,
  s: Situation,
  care: CareAnswer,
  careDigit: number,
): VisionHearingAnswer {
  const t = rules.visionHearing;
  const cell = careDigit;
  const view = t.views[t.table.winner[cell] ?? 0];
  if (!view) throw new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellen för syn- och hörselombud är trasig.');
  const o = view.outcome;
  const setting = s.housing === 'ordinart' ? 'ordinart' : 'sarskilt';
  const info = rules.visionHearingInfo;
  const build = (missing: readonly string[]): VisionHearingAnswer =>
    Object.freeze({
      billable: o.billable === 'undecided' ? null : o.billable,
      rate: o.billable === true ? rateRef(rules, o.parameter, s.date) : null,
      rule: view.id,
      title: view.title,
      reason: o.reason,
      notes: view.notes,
      clauses: view.clauses[setting],
      missing,
      hearingTasks: info.hearingTasks,
      visionTasks: info.visionTasks,
      taskClauses: info.taskClauses,
      regionDuties: info.regionDuties[setting],
      municipalityDuties: info.municipalityDuties[setting],
    });
  const key = cell * 2 + (setting === 'ordinart' ? 0 : 1);
  const dc = dateCaches(c, s.date);
  if (o.billable === 'undecided') {
    // One answer per missing list (the care question's, shared), cell and setting.
    let byCell = dc.visionHearingUndecided.get(care.missing);
    if (!byCell) {
      byCell = [];
      dc.visionHearingUndecided.set(care.missing, byCell);
    }
    let undecided = byCell[key];
    if (!undecided) {
      undecided = build(care.missing);
      byCell[key] = undecided;
    }
    return undecided;
  }
  const cache = dc.visionHearing;
  let answer = cache[key];
  if (!answer) {
    answer = build(EMPTY);
    cache[key] = answer;
  }
  return answer;
}

export function productAnswers(rules: ResponsibilityRules, c: Caches, s: Situation, care: CareAnswer): readonly ProductAnswer[] {
  if (s.products.length === 0) return NO_PRODUCTS;
  const t = rules.products;
  const st = productSpace.strides;
  const setting = s.housing === 'ordinart' ? 'ordinart' : 'sarskilt';
  const base = housingIndex(s.housing) * (st[1] ?? 0) + (s.municipality === null ? 0 : 1) * (st[2] ?? 0) + s.storsjoglantan * (st[3] ?? 0);
  return s.products.map((q, index): ProductAnswer => {
    let cell = base + productKinds.indexOf(q.kind) * (st[0] ?? 0);
    for (let k = 0; k < productFlags.length; k++) cell += q.flags[productFlags[k] ?? 'workEnvironment'] * (st[4 + k] ?? 0);
    const view = t.views[t.table.winner[cell] ?? 0];
    if (!view) throw new SamverkanError('SAMV_ERR_INTERNAL', 'Regeltabellen för produkter är trasig.');
    const o = view.outcome;
    const follows = o.party === 'care_responsibility';
    const party: AnswerParty = o.party === 'care_responsibility' ? care.party : o.party;
    let missing = EMPTY;
    if (o.party === 'undecided') {
      missing = sortedMissing(
        c,
        t.table.missingDims(cell).map((d) => {
          const name = productSpace.dims[d]?.name ?? '';
          return (productFlags as readonly string[]).includes(name) ? `products[${index}].${name}` : name;
        }),
      );
    } else if (follows && care.party === 'undecided') {
      missing = care.missing;
    }
    const municipality: MunicipalityRef | null = party === 'kommun' ? s.municipality : null;
    return {
      index,
      kind: q.kind,
      kindLabel: productKindLabels[q.kind],
      label: q.label,
      party,
      municipality,
      unit: follows ? care.unit : (o.unit ?? null),
      via: follows && care.party !== 'undecided' ? care.rule : null,
      rule: view.id,
      title: view.title,
      reason: o.reason,
      notes: view.notes,
      clauses: view.clauses[setting],
      missing,
    };
  });
}

export function handoverAnswers(rules: ResponsibilityRules, c: Caches, s: Situation, careDigit: number): readonly HandoverAnswer[] {
  const housing = housingIndex(s.housing);
  const key = careDigit * 100 + housing * 10 + s.storsjoglantan;
  const hit = c.handover.get(key);
  if (hit) return hit;
  const digits = [careDigit, housing, s.storsjoglantan];
  const setting = s.housing === 'ordinart' ? 'ordinart' : 'sarskilt';
  const out: HandoverAnswer[] = [];
  for (const h of rules.handover) if (h.boxes === null || boxesContain(h.boxes, digits)) out.push(h.answer[setting]);
  const frozen = Object.freeze(out);
  c.handover.set(key, frozen);
  return frozen;
}
