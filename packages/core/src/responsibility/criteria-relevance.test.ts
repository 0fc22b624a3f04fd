import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { buildIndexSeries, EMPTY_INDEX_SERIES } from '../indexation/index-series.js';
import { assessInput } from './assess-input.js';
import { compileResponsibilityRules } from './load-rules.js';

const agreement = shippedAgreement();
const rules = compileResponsibilityRules(agreement);
const answer = (raw: Record<string, unknown>): ReturnType<typeof assessInput> =>
  assessInput(agreement, rules, { date: '2026-03-01', ...raw }, { today: '2026-03-01', explain: true });

describe('criteria only where they decide, and the deciding sentence quoted', () => {
  it('lists no criteria for a visitor, a Storsjögläntan patient or day activity', () => {
    expect(answer({ housing: 'ordinart', registeredMunicipality: 'none' }).criteria).toEqual([]);
    expect(answer({ housing: 'ordinart', registeredMunicipality: '2380', storsjoglantan: true }).criteria).toEqual([]);
    expect(answer({ housing: 'ordinart', registeredMunicipality: '2380', storsjoglantan: false, atDayActivity: true }).criteria).toEqual(
      [],
    );
  });

  it('lists all four when they decide, also while some are unknown', () => {
    const a = answer({
      housing: 'ordinart',
      registeredMunicipality: '2380',
      storsjoglantan: false,
      atDayActivity: false,
      safeAtHome: true,
    });
    expect(a.careResponsibility.rule).toBe('R8');
    expect(a.criteria.map((c) => c.status)).toEqual(['met', 'unknown', 'unknown', 'unknown']);
  });

  it('quotes the criterion that is not met first: CFS 5 without cognitive impairment quotes criterion 3 in full', () => {
    const a = answer({
      housing: 'ordinart',
      registeredMunicipality: '2380',
      storsjoglantan: false,
      atDayActivity: false,
      safeAtHome: true,
      needOver14Days: true,
      cfs: 5,
      cognitiveImpairment: false,
      cannotReachHealthCentre: true,
    });
    expect(a.careResponsibility.rule).toBe('R7');
    expect(a.careResponsibility.clauses[0]?.id).toBe('ORD.ansvarsfordelning.kriterium-3');
    expect(a.careResponsibility.clauses[0]?.quote).toContain(
      'lindrig skörhet (5 på skalan i Clinical Frailty Scale) med samtidig kognitiv svikt',
    );
    expect(a.explanation).toContain('lindrig skörhet (5 på skalan i Clinical Frailty Scale)');
    expect(a.explanation).toContain('minst ett av kriterierna för kommunens ansvar inte är uppfyllt');
    // The rule's own clauses follow, each once.
    const ids = a.careResponsibility.clauses.map((c) => c.id);
    expect(ids).toContain('ORD.ansvarsfordelning.kriterier');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('rates in the price level of the date asked', () => {
  const day = {
    housing: 'ordinart',
    registeredMunicipality: '2380',
    storsjoglantan: false,
    atDayActivity: false,
    safeAtHome: false,
    time: '10:00',
  };
  const vpi2026 = buildIndexSeries([{ series: 'VPI', year: 2026, percent: '3.1' }]);

  it('uplifts the hired-staff rate to 2026 with the VPI value (640 kr → 660 kr)', () => {
    const a = assessInput(
      agreement,
      rules,
      { ...day, date: '2026-03-01' },
      { today: '2026-03-01', explain: true, rates: { parameters: agreement.parameters, index: vpi2026 } },
    );
    expect(a.performing.rate).toMatchObject({ parameter: 'dagtid.timpris', valueOre: 66000, baseYear: 2026 });
    expect(a.explanation).toContain('660,00 kr per påbörjad timme (2026 års nivå)');
  });

  it('keeps the base level, with its year, when the index value for the year is missing', () => {
    const a = assessInput(
      agreement,
      rules,
      { ...day, date: '2026-03-01' },
      { today: '2026-03-01', rates: { parameters: agreement.parameters, index: EMPTY_INDEX_SERIES } },
    );
    expect(a.performing.rate).toMatchObject({ valueOre: 64000, baseYear: 2025 });
  });
});
