import { describe, expect, it } from 'vitest';
import { formatKronorRounded, formatOre, parseKronorInput } from './money.js';
import { formatDecimalString, formatInteger, formatPercent, formatShare } from './numbers.js';
import { formatInputValue, formatValue } from './values.js';
import { formatDateLong, formatTimestamp, isIsoDate, positionInYear, todayInSweden } from './dates.js';

const sp = '\u00a0';

describe('formatOre (Swedish money from integer öre)', () => {
  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatOre(123456)).toBe(`1${sp}234,56${sp}kr`);
    expect(formatOre(25222580)).toBe(`252${sp}225,80${sp}kr`);
    expect(formatOre(5)).toBe(`0,05${sp}kr`);
    expect(formatOre(0)).toBe(`0,00${sp}kr`);
  });
  it('writes negatives with a minus sign and handles amounts beyond float precision exactly', () => {
    expect(formatOre(-12600)).toBe(`\u2212126,00${sp}kr`);
    expect(formatOre(Number.MAX_SAFE_INTEGER)).toBe(`90${sp}071${sp}992${sp}547${sp}409,91${sp}kr`);
    expect(formatOre('9007199254740999')).toBe(`90${sp}071${sp}992${sp}547${sp}409,99${sp}kr`);
  });
  it('can leave out the unit and round to whole kronor for axes', () => {
    expect(formatOre(123456, { unit: false })).toBe(`1${sp}234,56`);
    expect(formatKronorRounded(123450)).toBe(`1${sp}235${sp}kr`);
    expect(formatKronorRounded(-123449)).toBe(`\u22121${sp}234${sp}kr`);
  });
});

describe('parseKronorInput', () => {
  it('reads Swedish amounts into öre', () => {
    expect(parseKronorInput('1 234,56')).toEqual({ ok: true, ore: 123456 });
    expect(parseKronorInput('12 kr')).toEqual({ ok: true, ore: 1200 });
    expect(parseKronorInput('-12,5')).toEqual({ ok: true, ore: -1250 });
  });
  it('refuses three decimals and decimal points with a message that says how to write it', () => {
    const r = parseKronorInput('1,234');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Skriv kronor med decimalkomma/);
    expect(parseKronorInput('12.50').ok).toBe(false);
    expect(parseKronorInput('tolv').ok).toBe(false);
  });
});

describe('numbers', () => {
  it('formats integers, exact decimals and percentages the Swedish way', () => {
    expect(formatInteger(923)).toBe('923');
    expect(formatInteger(2025)).toBe('2025');
    expect(formatInteger(12345)).toBe(`12${sp}345`);
    expect(formatDecimalString('13476.5')).toBe(`13${sp}476,5`);
    expect(formatDecimalString('2.9')).toBe('2,9');
    expect(formatDecimalString('-0.25')).toBe('\u22120,25');
    expect(formatPercent('47.18')).toBe(`47,18${sp}%`);
  });
  it('computes shares half up in tenths of a percent (the MT example of the seed)', () => {
    expect(formatShare(381, 923)).toBe(`41,3${sp}%`);
    expect(formatShare(50, 923)).toBe(`5,4${sp}%`);
    expect(formatShare(1, 8)).toBe(`12,5${sp}%`);
    expect(formatShare(0, 0)).toBe(`0,0${sp}%`);
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('31/12/2026')).toBe(false);
  });
  it('gives today in Sweden, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(todayInSweden(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
  it('shows timestamps in Swedish time and long dates in Swedish', () => {
    expect(formatTimestamp('2026-06-01T12:05:00Z')).toBe('2026-06-01 14:05');
    expect(formatDateLong('2026-03-07')).toBe('7 mars 2026');
  });
  it('places a date in its month on the wheel', () => {
    expect(positionInYear('2026-03-31')?.month).toBe(3);
    const p = positionInYear('2026-01-01');
    expect(p?.fraction).toBeGreaterThan(0);
    expect(p?.fraction).toBeLessThan(1 / 365);
  });
});

describe('municipality names', () => {
  it('uses the genitive s only where Swedish does', async () => {
    const { municipalityName } = await import('../api/municipalities.js');
    expect(['Berg', 'Bräcke', 'Härjedalen', 'Krokom', 'Ragunda', 'Strömsund', 'Åre', 'Östersund'].map(municipalityName)).toEqual([
      'Bergs kommun',
      'Bräcke kommun',
      'Härjedalens kommun',
      'Krokoms kommun',
      'Ragunda kommun',
      'Strömsunds kommun',
      'Åre kommun',
      'Östersunds kommun',
    ]);
  });
});

describe('values of calculation steps', () => {
  it('shows öre units as kronor, per hour or per person', () => {
    expect(formatValue(112300, 'ore_per_hour')).toBe(`1${sp}123,00${sp}kr per timme`);
    expect(formatValue(64000, 'ore_per_started_hour')).toBe(`640,00${sp}kr per påbörjad timme`);
    expect(formatValue(13004340, 'öre')).toBe(`130${sp}043,40${sp}kr`);
    expect(formatValue('224.6', 'timmar')).toBe('224,6 timmar');
    expect(formatValue(480, 'minutes')).toBe('480 minuter');
    expect(formatValue(true)).toBe('ja');
    expect(formatValue(null)).toBe('–');
  });
  it('reads inputs named …Öre or …Ore as money and leaves years whole', () => {
    expect(formatInputValue('halvårskostnadÖre', 13004340)).toBe(`130${sp}043,40${sp}kr`);
    expect(formatInputValue('timprisOre', 115800)).toBe(`1${sp}158,00${sp}kr`);
    expect(formatInputValue('basår', 2025)).toBe('2025');
  });
});
