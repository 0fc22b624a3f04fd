import { describe, expect, it } from 'vitest';
import {
  frailtyMet,
  pruneState,
  stateFromQuery,
  stateToQuery,
  visibleProductFlags,
  visibleQuestions,
  type GuideState,
} from './guide-state.js';
import { toAssessInput } from './assess.js';

const q = (s: string): GuideState => stateFromQuery(new URLSearchParams(s));
const ord = 'registeredMunicipality=2380&housing=ordinart&storsjoglantan=false&atDayActivity=false';

describe('the guide asks only what the answer still depends on', () => {
  it('starts with the municipality of registration, then housing (which every answer needs)', () => {
    expect(visibleQuestions({})).toEqual(['registeredMunicipality']);
    expect(visibleQuestions(q('registeredMunicipality=2326'))).toEqual(['registeredMunicipality', 'housing']);
  });
  it('stops the care questions after R1 when the person is not registered in the county', () => {
    expect(visibleQuestions(q('registeredMunicipality=none&housing=ordinart'))).toEqual([
      'registeredMunicipality',
      'housing',
      'homeRegion',
      'products',
      'time',
    ]);
  });
  it('stops after R2 for Storsjögläntan', () => {
    expect(visibleQuestions(q('registeredMunicipality=2380&housing=ordinart&storsjoglantan=true'))).toEqual([
      'registeredMunicipality',
      'housing',
      'storsjoglantan',
      'products',
      'time',
    ]);
  });
  it("asks in special housing for the wish for the region's open clinic, not the criteria nor patient safety (R4/R4o)", () => {
    const sabo = 'registeredMunicipality=2380&housing=sarskilt_boende&storsjoglantan=false';
    // The wish is asked right after the housing form, above the (answered) Storsjögläntan question.
    expect(visibleQuestions(q(sabo)).slice(-2)).toEqual(['prefersHealthCentre', 'storsjoglantan']);
    const noWish = visibleQuestions(q(`${sabo}&prefersHealthCentre=false`));
    expect(noWish).not.toContain('atDayActivity');
    expect(noWish).not.toContain('safeAtHome');
    expect(noWish.at(-1)).toBe('time');
    // With the wish (or unknown wish) the day activity decides first (R3 before R4o), never patient safety.
    const wish = visibleQuestions(q(`${sabo}&prefersHealthCentre=true`));
    expect(wish).toContain('atDayActivity');
    expect(wish).not.toContain('preferenceRisksSafety');
    expect(wish).not.toContain('products');
    expect(visibleQuestions(q(`${sabo}&prefersHealthCentre=unknown&atDayActivity=false`)).at(-1)).toBe('time');
    expect(toAssessInput(q(`${sabo}&prefersHealthCentre=true&atDayActivity=false`))).toMatchObject({
      housing: 'sarskilt_boende',
      prefersHealthCentre: true,
      atDayActivity: false,
    });
    expect(pruneState(q(`${sabo}&prefersHealthCentre=false&atDayActivity=true`))).not.toHaveProperty('atDayActivity');
  });
  it('asks the criteria one by one in ordinary housing and stops at the first one not met (R7)', () => {
    expect(visibleQuestions(q(ord)).at(-1)).toBe('safeAtHome');
    expect(visibleQuestions(q(`${ord}&safeAtHome=true`)).at(-1)).toBe('needOver14Days');
    const stopped = visibleQuestions(q(`${ord}&safeAtHome=true&needOver14Days=false&cfs=7`));
    expect(stopped).not.toContain('cfs');
    expect(stopped.at(-1)).toBe('time');
  });
  it('asks about cognitive impairment only at CFS 5', () => {
    const base = `${ord}&safeAtHome=true&needOver14Days=true`;
    expect(visibleQuestions(q(`${base}&cfs=5`))).toContain('cognitiveImpairment');
    expect(visibleQuestions(q(`${base}&cfs=6`))).not.toContain('cognitiveImpairment');
    expect(visibleQuestions(q(`${base}&cfs=4`))).not.toContain('cannotReachHealthCentre');
  });
  it('asks about the wish for the health centre only when all criteria are met, and about safety only if so wished', () => {
    const all = `${ord}&safeAtHome=true&needOver14Days=true&cfs=6&cannotReachHealthCentre=true`;
    expect(visibleQuestions(q(all)).at(-1)).toBe('prefersHealthCentre');
    expect(visibleQuestions(q(`${all}&prefersHealthCentre=false`))).not.toContain('preferenceRisksSafety');
    expect(visibleQuestions(q(`${all}&prefersHealthCentre=true`)).at(-1)).toBe('preferenceRisksSafety');
  });
  it('keeps asking after an unknown criterion (the service then lists it as missing)', () => {
    expect(visibleQuestions(q(`${ord}&safeAtHome=unknown`)).at(-1)).toBe('needOver14Days');
  });
  it('asks the wish for the open clinic right after special housing, above Storsjögläntan and day activity', () => {
    const sabo = 'registeredMunicipality=2380&housing=sarskilt_boende';
    expect(visibleQuestions(q(sabo))).toEqual(['registeredMunicipality', 'housing', 'prefersHealthCentre', 'storsjoglantan']);
    expect(visibleQuestions(q(`${sabo}&prefersHealthCentre=true&storsjoglantan=false`))).toEqual([
      'registeredMunicipality',
      'housing',
      'prefersHealthCentre',
      'storsjoglantan',
      'atDayActivity',
    ]);
    // Changed from ordinary housing after answering Storsjögläntan: that answer stays, and the wish is asked above it.
    const changed = visibleQuestions(q('registeredMunicipality=2380&housing=lss_bostad&storsjoglantan=false&atDayActivity=false'));
    expect(changed).toEqual(['registeredMunicipality', 'housing', 'prefersHealthCentre', 'storsjoglantan']);
    expect(stateToQuery(q('registeredMunicipality=2380&housing=korttidsplats&storsjoglantan=false')).get('storsjoglantan')).toBe('false');
    // In ordinary housing the health-centre wish stays last, after the criteria.
    const all = `${ord}&safeAtHome=true&needOver14Days=true&cfs=6&cannotReachHealthCentre=true`;
    expect(visibleQuestions(q(all)).indexOf('prefersHealthCentre')).toBeGreaterThan(
      visibleQuestions(q(all)).indexOf('cannotReachHealthCentre'),
    );
  });
  it('shows the inputs the service lists as missing: physician listing and product follow-ups', () => {
    const sabo = 'registeredMunicipality=2380&housing=sarskilt_boende&storsjoglantan=false&prefersHealthCentre=false';
    expect(visibleQuestions(q(sabo))).not.toContain('listedAtOtherHealthCentre');
    expect(visibleQuestions(q(sabo), ['listedAtOtherHealthCentre'])).toContain('listedAtOtherHealthCentre');
    const product = q(`${sabo}&p0=consumables`).products?.[0] ?? { flags: {} };
    expect(visibleProductFlags(product, 0, ['products[0].workEnvironment'])).toEqual(['workEnvironment']);
    expect(visibleProductFlags(product, 0, ['products[1].workEnvironment'])).toEqual([]);
    expect(visibleProductFlags(product, 0, [])).toEqual([]);
  });
});

describe('a question once answered stays visible and changeable', () => {
  it('keeps the Storsjögläntan question for a visitor after it is answered (the service asked for it)', () => {
    const visitor = 'registeredMunicipality=none&housing=ordinart';
    expect(visibleQuestions(q(visitor), ['storsjoglantan'])).toContain('storsjoglantan');
    // Answered: the service no longer lists it as missing, but the question stays.
    expect(visibleQuestions(q(`${visitor}&storsjoglantan=true`), [])).toContain('storsjoglantan');
    expect(stateToQuery(q(`${visitor}&storsjoglantan=true`)).get('storsjoglantan')).toBe('true');
  });
  it('keeps an answered physician listing visible', () => {
    const sabo = 'registeredMunicipality=2380&housing=sarskilt_boende&storsjoglantan=false&prefersHealthCentre=false';
    expect(visibleQuestions(q(`${sabo}&listedAtOtherHealthCentre=true`), [])).toContain('listedAtOtherHealthCentre');
  });
});

describe('several products in one answer', () => {
  const done = 'registeredMunicipality=2380&housing=ordinart&storsjoglantan=true';
  it('reads and writes one row per product, each with its own follow-ups', () => {
    const s = q(`${done}&p0=incontinence&p1=aid&p1.afterDischarge=false&p2=`);
    expect(s.products).toEqual([{ kind: 'incontinence', flags: {} }, { kind: 'aid', flags: { afterDischarge: false } }, { flags: {} }]);
    expect(stateToQuery(s).toString()).toBe(`${done}&p0=incontinence&p1=aid&p1.afterDischarge=false&p2=`);
  });
  it('sends each row with a kind as one product question, in order', () => {
    expect(toAssessInput(q(`${done}&p0=incontinence&p1=&p2=aid&p2.afterDischarge=unknown&p2.workEnvironment=true`))?.['products']).toEqual([
      { kind: 'incontinence' },
      { kind: 'aid', workEnvironment: true },
    ]);
  });
  it('reads a link from before several products as the first row', () => {
    expect(q(`${done}&productKind=consumables&workEnvironment=false`).products).toEqual([
      { kind: 'consumables', flags: { workEnvironment: false } },
    ]);
  });
});

describe('frailty (ORD 3a/3b)', () => {
  it('is met at 6 or more, or at 5 with cognitive impairment', () => {
    expect(frailtyMet({ cfs: 6 })).toBe(true);
    expect(frailtyMet({ cfs: 5, cognitiveImpairment: true })).toBe(true);
    expect(frailtyMet({ cfs: 5, cognitiveImpairment: false })).toBe(false);
    expect(frailtyMet({ cfs: 5 })).toBeUndefined();
    expect(frailtyMet({ cfs: 4 })).toBe(false);
  });
});

describe('URL state and the assess request', () => {
  it('round-trips and drops answers that no longer matter', () => {
    const s = q('registeredMunicipality=none&housing=ordinart&safeAtHome=true&time=09:30');
    expect(pruneState(s)).toEqual({ registeredMunicipality: 'none', housing: 'ordinart', time: '09:30' });
    expect(stateToQuery(s).toString()).toBe('registeredMunicipality=none&housing=ordinart&time=09%3A30');
  });
  it('ignores malformed values instead of guessing', () => {
    expect(q('cfs=12&housing=slott&time=25:00&registeredMunicipality=Berg&date=igår&productKind=godis&p0=godis')).toEqual({});
  });
  it('holds no personal data: only known keys survive', () => {
    expect(stateToQuery(q('namn=Anna&personnummer=19121212-1212&registeredMunicipality=2326')).toString()).toBe(
      'registeredMunicipality=2326',
    );
  });
  it('sends unknown answers as omitted, never as false, and one product question with its flags', () => {
    const input = toAssessInput(
      q(
        `${ord}&safeAtHome=unknown&needOver14Days=true&cfs=unknown&cannotReachHealthCentre=true&prefersHealthCentre=false&p0=consumables&p0.workEnvironment=false&p0.afterDischarge=unknown`,
      ),
    );
    expect(input).toEqual({
      registeredMunicipality: '2380',
      housing: 'ordinart',
      storsjoglantan: false,
      atDayActivity: false,
      needOver14Days: true,
      cannotReachHealthCentre: true,
      prefersHealthCentre: false,
      products: [{ kind: 'consumables', workEnvironment: false }],
    });
    // Before the care questions are answered, a product question in a hand-edited link is not sent.
    expect(toAssessInput(q(`${ord}&p0=aid`))).not.toHaveProperty('products');
    expect(toAssessInput(q('registeredMunicipality=2380'))).toBeUndefined();
  });
});
