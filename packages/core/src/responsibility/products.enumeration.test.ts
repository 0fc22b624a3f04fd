/**
 * Every product question (kind × housing × registration × Storsjögläntan × the seven flags, each
 * true/false/unknown) through `assess`, compared with the product exception list of
 * responsibility.md written here as an independent function, in the declared order (P1 first, then
 * the PALL exceptions S1/S2, then P3 before P2, P4, P5, M1, M2, M3, M4, base rule).
 *
 * Unknowns are judged at the level of the product rules: an answer is decided when every filling-in
 * gives the same outcome, where "follows the health-care responsibility" counts as one outcome.
 */
import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { assess } from './assess.js';
import { productFlags, productKinds, type ProductFlag, type ProductKind } from './inputs.js';
import { compileResponsibilityRules } from './load-rules.js';
import type { Situation, Tri } from './situation.js';

type Flags = Record<ProductFlag, boolean>;
const HOUSINGS = ['ordinart', 'sarskilt_boende', 'korttidsplats', 'lss_bostad'] as const;
const MTP: readonly ProductKind[] = ['medical_device', 'specialist_equipment', 'aid', 'diabetes', 'stoma', 'oxygen', 'incontinence'];

/** The spec's list for fully known inputs: rule and outcome class (`follows` = base rule / M4). */
function specProduct(kind: ProductKind, housing: string, registered: boolean, storsj: boolean, f: Flags): { rule: string; cls: string } {
  if (kind === 'consumables' && f.workEnvironment) return { rule: 'P1', cls: 'employer|' };
  if (storsj && ['consumables', 'nutrition', 'medical_device', 'specialist_equipment'].includes(kind))
    return { rule: 'S1', cls: 'region|Storsjögläntan' };
  if (storsj && registered && (kind === 'aid' || kind === 'incontinence')) return { rule: 'S2', cls: 'kommun|' };
  if (kind === 'consumables' && f.afterDischarge && f.notProcured) return { rule: 'P3', cls: 'region|specialiserade vården' };
  if (kind === 'consumables' && f.specialisedCare) return { rule: 'P2', cls: 'individual_agreement|' };
  if (kind === 'sampling') return { rule: 'P4', cls: 'region|' };
  if (kind === 'nutrition' && f.specialistResponsibility) return { rule: 'P5', cls: 'region|dietistmottagningen' };
  if ((kind === 'medical_device' || kind === 'specialist_equipment' || kind === 'aid') && f.physicianOnlyPrescription)
    return { rule: 'M1', cls: 'region|' };
  if (kind === 'diabetes' && f.specialistResponsibility) return { rule: 'M2-diabetes', cls: 'region|diabetesmottagningen' };
  if (kind === 'stoma' && f.specialistResponsibility) return { rule: 'M2-stoma', cls: 'region|stomimottagningen' };
  if (kind === 'oxygen' && f.specialistResponsibility) return { rule: 'M2-oxygen', cls: 'region|syrgasmottagningen' };
  if (kind === 'specialist_equipment' && f.afterDischarge) return { rule: 'M3', cls: 'region|specialiserade vården' };
  if (housing === 'ordinart' && f.onBehalfOfOther && MTP.includes(kind)) return { rule: 'M4', cls: 'follows' };
  return { rule: 'BAS', cls: 'follows' };
}

describe('every product question', () => {
  it('gets the outcome of the spec exception list, decided exactly when the unknowns do not matter', () => {
    const agreement = shippedAgreement();
    const rules = compileResponsibilityRules(agreement);
    const ostersund = rules.municipalities.get('2380') ?? null;
    const failures: string[] = [];
    let count = 0;
    const flagTris: Tri[][] = [];
    const rec = (acc: Tri[]): void => {
      if (acc.length === productFlags.length) flagTris.push(acc);
      else for (const t of [0, 1, 2] as const) rec([...acc, t]);
    };
    rec([]);
    const flags = Object.fromEntries(productFlags.map((f) => [f, false])) as Flags;
    const classIds = new Map<string, number>();
    const classNames: string[] = [];
    for (const kind of productKinds)
      for (const housing of HOUSINGS)
        for (const registered of [false, true])
          for (const storsj of [0, 1, 2] as const)
            for (const tris of flagTris) {
              // Expected: fill in the unknowns (Storsjögläntan and the flags) every way; outcome
              // classes are numbered, and `outcomes[mask]` is the class for one filling-in.
              const unknown = [storsj === 2, ...tris.map((t) => t === 2)];
              const n = unknown.length;
              const outcomes = new Int16Array(1 << n).fill(-1);
              const rulesSeen = new Set<string>();
              const classes = new Set<number>();
              const unknownMask = unknown.reduce((acc, u, i) => (u ? acc | (1 << i) : acc), 0);
              // Every submask of the unknown inputs is one filling-in.
              for (let mask = unknownMask; ; mask = (mask - 1) & unknownMask) {
                const val = (i: number, t: Tri): boolean => (t === 2 ? ((mask >> i) & 1) === 1 : t === 1);
                productFlags.forEach((f, k) => {
                  flags[f] = val(k + 1, tris[k] ?? 2);
                });
                const r = specProduct(kind, housing, registered, val(0, storsj), flags);
                let id = classIds.get(r.cls);
                if (id === undefined) {
                  id = classIds.size;
                  classIds.set(r.cls, id);
                  classNames.push(r.cls);
                }
                outcomes[mask] = id;
                classes.add(id);
                rulesSeen.add(r.rule);
                if (mask === 0) break;
              }
              const missing: string[] = [];
              unknown.forEach((u, i) => {
                if (!u) return;
                for (let mask = unknownMask; ; mask = (mask - 1) & unknownMask) {
                  if (outcomes[mask] !== outcomes[mask ^ (1 << i)]) {
                    missing.push(i === 0 ? 'storsjoglantan' : `products[0].${productFlags[i - 1] ?? ''}`);
                    break;
                  }
                  if (mask === 0) break;
                }
              });
              const s: Situation = {
                date: '2026-03-01',
                housing,
                municipality: registered ? ostersund : null,
                homeRegion: null,
                atDayActivity: 0,
                storsjoglantan: storsj,
                safeAtHome: 0,
                needOver14Days: 0,
                cfs: 3,
                cognitiveImpairment: 0,
                cannotReachHealthCentre: 0,
                prefersHealthCentre: 0,
                preferenceRisksSafety: 0,
                listedAtOtherHealthCentre: 0,
                timeMinutes: null,
                products: [
                  {
                    kind,
                    label: null,
                    flags: Object.fromEntries(productFlags.map((f, k) => [f, tris[k] ?? 2])) as Record<ProductFlag, Tri>,
                  },
                ],
              };
              const answer = assess(agreement, rules, s);
              const p = answer.products[0];
              const care = answer.careResponsibility;
              count++;
              const where = `${kind}/${housing}/${registered ? 'reg' : 'none'}/S${storsj}/${tris.join('')}`;
              if (!p) {
                failures.push(`${where}: no product answer`);
              } else if (classes.size === 1) {
                const cls = classNames[[...classes][0] ?? 0] ?? '';
                const [party, unit] = cls === 'follows' ? [care.party, care.unit ?? ''] : cls.split('|');
                if (!rulesSeen.has(p.rule)) failures.push(`${where}: rule ${p.rule}, expected one of ${[...rulesSeen].join(',')}`);
                else if (p.party !== party || (p.unit ?? '') !== unit)
                  failures.push(`${where}: ${p.party}/${p.unit ?? ''}, expected ${party ?? ''}/${unit ?? ''}`);
                else if (cls === 'follows' && care.party !== 'undecided' && p.via !== care.rule)
                  failures.push(`${where}: via ${p.via ?? 'null'}`);
                else if (cls === 'follows' && p.missing.join(',') !== care.missing.join(','))
                  failures.push(`${where}: missing ${p.missing.join(',')} vs care ${care.missing.join(',')}`);
                else if (cls !== 'follows' && p.missing.length > 0) failures.push(`${where}: decided but missing ${p.missing.join(',')}`);
              } else if (p.party !== 'undecided') {
                failures.push(`${where}: ${p.party} (${p.rule}) but the outcome depends on ${missing.join(',')}`);
              } else if ([...p.missing].sort().join(',') !== [...missing].sort().join(',')) {
                failures.push(`${where}: missing ${p.missing.join(',')}, expected ${missing.join(',')}`);
              }
              if (p && p.party === 'kommun' && p.municipality?.code !== '2380') failures.push(`${where}: kommun without Östersund`);
              if (p && p.clauses.length === 0) failures.push(`${where}: no clause`);
              if (failures.length > 20) throw new Error(failures.join('\n'));
            }
    expect(count).toBe(productKinds.length * 4 * 2 * 3 * 3 ** productFlags.length);
    expect(failures).toEqual([]);
  }, 120_000);
});
