import { describe, expect, it } from 'vitest';
import { shippedAgreement } from '../agreement/shipped-agreement.testkit.js';
import { isSamverkanError } from '../errors.js';
import { compileResponsibilityRules } from './load-rules.js';
import { parseSituation } from './situation.js';

const rules = compileResponsibilityRules(shippedAgreement());
const base = { housing: 'ordinart', registeredMunicipality: '2380' };

function refused(raw: unknown): { code: string; message: string; field: string | undefined } {
  try {
    parseSituation(raw, rules, '2026-03-01');
  } catch (e) {
    if (isSamverkanError(e)) return { code: e.code, message: e.message, field: e.location.field };
    throw e;
  }
  throw new Error('expected the input to be refused');
}

describe('parseSituation', () => {
  it('reads omitted and null yes/no inputs as unknown, never as false', () => {
    const s = parseSituation({ ...base, safeAtHome: null, needOver14Days: false, cannotReachHealthCentre: true }, rules, '2026-03-01');
    expect(s.safeAtHome).toBe(2);
    expect(s.atDayActivity).toBe(2);
    expect(s.needOver14Days).toBe(0);
    expect(s.cannotReachHealthCentre).toBe(1);
    expect(s.cfs).toBeNull();
    expect(s.timeMinutes).toBeNull();
    expect(s.date).toBe('2026-03-01');
    expect(s.municipality).toEqual({ code: '2380', name: 'Östersund' });
  });

  it('reads products with their flags, and `none` as not registered', () => {
    const s = parseSituation(
      {
        ...base,
        registeredMunicipality: 'none',
        date: '2026-05-02',
        time: '17:05',
        products: [{ kind: 'aid', label: 'Rullator', onBehalfOfOther: true }],
      },
      rules,
      '2026-03-01',
    );
    expect(s.municipality).toBeNull();
    expect(s.date).toBe('2026-05-02');
    expect(s.timeMinutes).toBe(17 * 60 + 5);
    expect(s.products).toEqual([
      {
        kind: 'aid',
        label: 'Rullator',
        flags: {
          workEnvironment: 2,
          specialisedCare: 2,
          afterDischarge: 2,
          notProcured: 2,
          specialistResponsibility: 2,
          physicianOnlyPrescription: 2,
          onBehalfOfOther: 1,
        },
      },
    ]);
  });

  it.each([
    [{ ...base, colour: 'blå' }, 'colour', 'okänd uppgift'],
    [{ ...base, products: [{ kind: 'aid', colour: 'blå' }] }, 'products[0].colour', 'okänd uppgift'],
    [{ ...base, cfs: 0 }, 'cfs', 'ska vara ett heltal 1–9'],
    [{ ...base, cfs: 10 }, 'cfs', 'ska vara ett heltal 1–9'],
    [{ ...base, cfs: 5.5 }, 'cfs', 'ska vara ett heltal 1–9'],
    [{ ...base, cfs: '6' }, 'cfs', 'ska vara ett heltal 1–9'],
    [{ ...base, housing: 'villa' }, 'housing', '"ordinart" (ordinärt boende)'],
    [{ registeredMunicipality: '2380' }, 'housing', 'saknas'],
    [{ housing: 'ordinart' }, 'registeredMunicipality', 'saknas'],
    [{ ...base, registeredMunicipality: '9999' }, 'registeredMunicipality', 'är ingen av länets kommuner'],
    [{ ...base, registeredMunicipality: 'Östersund' }, 'registeredMunicipality', '2380 Östersund'],
    [{ ...base, date: '2026-13-01' }, 'date', 'inget giltigt datum'],
    [{ ...base, date: '1 mars 2026' }, 'date', 'ÅÅÅÅ-MM-DD'],
    [{ ...base, date: '2025-06-30' }, 'date', 'före avtalets giltighet'],
    [{ ...base, time: '25:00' }, 'time', 'TT:MM'],
    [{ ...base, time: '7.30' }, 'time', 'TT:MM'],
    [{ ...base, safeAtHome: 'ja' }, 'safeAtHome', 'ska vara true, false eller utelämnas'],
    [{ ...base, products: [{ kind: 'blöjor' }] }, 'products[0].kind', '"consumables"'],
    [{ ...base, products: 'aid' }, 'products', 'lista'],
  ])('refuses %j naming the field %s', (raw, field, text) => {
    const e = refused(raw);
    expect(e.code).toBe('SAMV_ERR_INVALID_INPUT');
    expect(e.field).toBe(field);
    expect(e.message).toContain(field);
    expect(e.message).toContain(text);
  });

  it('refuses input that is not an object', () => {
    expect(refused([base]).code).toBe('SAMV_ERR_INVALID_INPUT');
    expect(refused('ordinart').code).toBe('SAMV_ERR_INVALID_INPUT');
  });

  it.each([
    [{ ...base, homeRegion: 'Patient 19121212-1212' }, 'homeRegion'],
    [{ ...base, products: [{ kind: 'aid', label: 'till 121212-1212' }] }, 'products[0].label'],
    [{ ...base, '191212121212': true }, '191212121212'],
  ])('refuses a personnummer anywhere in the input (%j)', (raw, where) => {
    const e = refused(raw);
    expect(e.code).toBe('SAMV_ERR_PERSONNUMMER');
    expect(e.message).toContain('personnummer');
    expect(e.message).toContain(where === '191212121212' ? 'indata' : where);
  });
});
