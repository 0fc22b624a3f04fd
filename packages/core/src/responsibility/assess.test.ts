import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { isSamverkanError } from '../errors.js';
import { assess, timeBandOf } from './assess.js';
import { housings, productFlags, productKinds } from './inputs.js';
import { compileResponsibilityRules } from './load-rules.js';
import { parseSituation } from './situation.js';

const agreement = shippedAgreement();
const rules = compileResponsibilityRules(agreement);

const yesNo = fc.option(fc.boolean(), { nil: undefined });
const situationInput = fc.record(
  {
    housing: fc.constantFrom(...housings),
    registeredMunicipality: fc.constantFrom('none', ...agreement.municipalities.map((m) => m.code)),
    atDayActivity: yesNo,
    storsjoglantan: yesNo,
    safeAtHome: yesNo,
    needOver14Days: yesNo,
    cfs: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    cognitiveImpairment: yesNo,
    cannotReachHealthCentre: yesNo,
    prefersHealthCentre: yesNo,
    preferenceRisksSafety: yesNo,
    listedAtOtherHealthCentre: yesNo,
    time: fc.option(
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      { nil: undefined },
    ),
    products: fc.array(
      fc.record(
        { kind: fc.constantFrom(...productKinds), ...Object.fromEntries(productFlags.map((f) => [f, yesNo])) },
        { requiredKeys: ['kind'] },
      ),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: ['housing', 'registeredMunicipality'] },
);

describe('assess', () => {
  it('is total and deterministic, and every decision cites a rule and clauses (property)', () => {
    fc.assert(
      fc.property(situationInput, (raw) => {
        const s = parseSituation(raw, rules, '2026-03-01');
        const a = assess(agreement, rules, s);
        const b = assess(agreement, rules, parseSituation(structuredClone(raw), rules, '2026-03-01'));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        const decisions = [a.careResponsibility, a.physician, a.performing, a.visionHearing, ...a.products];
        for (const d of decisions) {
          expect(d.rule).not.toBe('');
          expect(d.clauses.length).toBeGreaterThan(0);
          for (const c of d.clauses) expect(agreement.clauses.get(c.id)?.quote).toBe(c.quote);
        }
        // Undecided answers say what is missing; the top-level list holds every question's.
        for (const m of [a.careResponsibility, a.physician, a.performing, ...a.products].flatMap((d) => d.missing))
          expect(a.missing).toContain(m);
        if (a.careResponsibility.party === 'undecided') expect(a.careResponsibility.missing.length).toBeGreaterThan(0);
        else expect(a.careResponsibility.missing).toEqual([]);
        // The municipality is the registered one whenever the municipality is named.
        if (a.careResponsibility.party === 'kommun') expect(a.careResponsibility.municipality?.code).toBe(raw.registeredMunicipality);
        expect(a.agreement).toEqual({ id: 'jamtland-2026', version: '2026.1' });
        expect(a.products.length).toBe(raw.products?.length ?? 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('lists the duties that always hold, with clauses of the setting', () => {
    const home = assess(agreement, rules, parseSituation({ housing: 'ordinart', registeredMunicipality: '2380' }, rules, '2026-03-01'));
    const special = assess(
      agreement,
      rules,
      parseSituation({ housing: 'sarskilt_boende', registeredMunicipality: '2380' }, rules, '2026-03-01'),
    );
    expect(home.duties.map((d) => d.id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8']);
    expect(home.duties[1]?.clauses.map((c) => c.id)).toEqual(['ORD.lakemedel']);
    expect(special.duties[1]?.clauses.map((c) => c.id)).toEqual(['SABO.lakemedel']);
    expect(home.duties.map((d) => d.text).join(' ')).toMatch(
      /läkarmedverkan.*läkemedelsgenomgångar.*fast vårdkontakt.*livets slutskede.*hämtar läkemedel.*Rehabilitering.*Vårdhygien/s,
    );
  });

  it('splits the day at 08:00 and 17:00 using the parameters', () => {
    expect(timeBandOf(rules, 7 * 60 + 59, '2026-03-01')).toBe('evening_night');
    expect(timeBandOf(rules, 8 * 60, '2026-03-01')).toBe('day');
    expect(timeBandOf(rules, 16 * 60 + 59, '2026-03-01')).toBe('day');
    expect(timeBandOf(rules, 17 * 60, '2026-03-01')).toBe('evening_night');
    expect(timeBandOf(rules, 0, '2026-03-01')).toBe('evening_night');
  });

  it('refuses rules compiled from another agreement version', () => {
    const s = parseSituation({ housing: 'ordinart', registeredMunicipality: '2380' }, rules, '2026-03-01');
    try {
      assess({ meta: { ...agreement.meta, version: '2028.1' } }, rules, s);
      expect.unreachable();
    } catch (e) {
      expect(isSamverkanError(e) && e.code).toBe('SAMV_ERR_INTERNAL');
    }
  });
});
