import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatKronor, groupDigits, kronor, mulOre, ore, parseKronor, sumOre } from './money.js';
import { parseDecimal } from './decimal.js';
import { SamverkanError } from './errors.js';

describe('ore guard', () => {
  it('accepts safe integers and refuses fractions and unsafe values', () => {
    expect(ore(12)).toBe(12);
    expect(() => ore(1.5, 'pris')).toThrow(/pris: 1.5 är inte ett helt antal öre/);
    expect(() => ore(2 ** 60)).toThrow(SamverkanError);
    expect(() => ore(10n ** 20n)).toThrow(/för stort/);
  });
});

describe('formatKronor', () => {
  it('formats in Swedish with grouping, decimal comma and unit', () => {
    expect(formatKronor(ore(123456))).toBe('1\u00a0234,56 kr');
    expect(formatKronor(ore(25222580))).toBe('252\u00a0225,80 kr');
    expect(formatKronor(ore(-5))).toBe('\u22120,05 kr');
    expect(formatKronor(ore(100), { unit: false })).toBe('1,00');
  });

  // Grouping is done by hand (speed); it must write exactly what Intl's sv-SE grouping writes.
  const intlWhole = new Intl.NumberFormat('sv-SE', { useGrouping: true, maximumFractionDigits: 0 });
  it('groups digits exactly as Intl sv-SE does, for every safe amount', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger(), fc.integer()), (value) => {
        const n = BigInt(value);
        const abs = n < 0n ? -n : n;
        const expected = `${n < 0n ? '\u2212' : ''}${intlWhole.format(abs / 100n)},${(abs % 100n).toString().padStart(2, '0')} kr`;
        expect(formatKronor(ore(value))).toBe(expected);
        expect(groupDigits(abs.toString())).toBe(intlWhole.format(abs));
      }),
      { numRuns: 3000 },
    );
    for (const digits of ['0', '12', '123', '1234', '12345', '123456', '1234567']) {
      expect(groupDigits(digits)).toBe(intlWhole.format(BigInt(digits)));
    }
  });
});

describe('parseKronor', () => {
  it.each([
    ['1 234,56', 123456],
    ['1234.5', 123450],
    ['-12', -1200],
    ['12 kr', 1200],
    ['0,05', 5],
  ])('%s → %d öre', (text, expected) => {
    expect(parseKronor(text, 'belopp')).toBe(expected);
  });
  it('refuses more than two decimals and non-numbers, naming the field', () => {
    expect(() => parseKronor('1,234', 'lön')).toThrow(/lön: "1,234" är inte ett belopp/);
    expect(() => parseKronor('abc', 'lön')).toThrow(/lön/);
  });
  it('round-trips every amount through the Swedish format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (n) => {
        expect(parseKronor(formatKronor(ore(n)), 'x')).toBe(n);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('multiplies by an exact rate with a named rounding', () => {
    // 64 000 öre × 1,029 = 65 856 öre exactly
    expect(mulOre(ore(64000), parseDecimal('1,029', 'f'), 'half-up')).toBe(65856);
    expect(mulOre(ore(1), parseDecimal('0.5', 'f'), 'half-up')).toBe(1);
    expect(mulOre(ore(1), parseDecimal('0.5', 'f'), 'half-even')).toBe(0);
    expect(sumOre([kronor(1), ore(50)])).toBe(150);
  });
});
