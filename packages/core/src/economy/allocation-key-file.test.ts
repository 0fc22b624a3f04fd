import { describe, expect, it } from 'vitest';
import { parseAllocationKey } from './allocation-key-file.js';
import { keyShares } from './allocation-key.js';
import { caught, data, exampleKeyText } from './economy.testkit.js';

const parse = (text: string) => parseAllocationKey(text, 'nyckel.yaml', data().municipalities);

const minimal = `id: t
title: Test
example: false
factors:
  - id: andel-aldre
    name: Andel äldre
    weight: 1
    measure: Invånare 80+
    source: SCB
    values: { Berg: 1, "2305": 1, HÄRJEDALEN: 1, Krokom: 1, Ragunda: 1, Strömsund: 1, Åre: 1, östersund: 2 }
`;

describe('allocation key file (YAML)', () => {
  it('reads the shipped example, labelled as an example, with weights summing to exactly 1', () => {
    const k = parse(exampleKeyText());
    expect(k.example).toBe(true);
    expect(k.factors.map((f) => [f.id, `${String(f.weight.num)}/${String(f.weight.den)}`])).toEqual([
      ['andel-aldre', '2/5'],
      ['glesbygd', '3/10'],
      ['socioekonomi', '3/10'],
    ]);
    expect(k.factors.every((f) => f.source.includes('exempel'))).toBe(true);
  });

  it('accepts municipality names in any case and codes', () => {
    const shares = keyShares(parse(minimal), data().municipalities);
    expect(shares.at(-1)?.share).toEqual({ num: 2n, den: 9n });
  });

  it('refuses unknown keys, naming file, line and path', () => {
    const e = caught(() => parse(minimal.replace('example: false', 'example: false\nexempel: true')));
    expect(e.code).toBe('SAMV_ERR_FILE_FORMAT');
    expect(e.message).toMatch(/^nyckel\.yaml rad 4: .*okänd nyckel "exempel"/);
    expect(e.location.path).toBe('/exempel');
  });

  it('refuses a missing municipality, an unknown one and a repeated one', () => {
    expect(caught(() => parse(minimal.replace('Berg: 1, ', ''))).message).toContain('saknar värde för Berg');
    const unknown = caught(() => parse(minimal.replace('Berg: 1', 'Bergen: 1')));
    expect(unknown.message).toContain('okänd kommun "Bergen"');
    expect(unknown.location.path).toBe('/factors/0/values/Bergen');
    expect(caught(() => parse(minimal.replace('Berg: 1', 'Berg: 1, "2326": 1'))).message).toContain('förekommer två gånger');
  });

  it('refuses weights that do not sum to exactly 1', () => {
    const text = minimal.replace('weight: 1', 'weight: "0,5"');
    const e = caught(() => parse(text));
    expect(e.message).toContain('vikterna summerar till 0,5, inte exakt 1');
    expect(e.location.path).toBe('/factors');
    // 0,1 + 0,2 + 0,7 is exactly 1 (no float error)
    const three = caught(() =>
      parse(
        text.replace('weight: "0,5"', 'weight: 0.1') +
          minimal.split('factors:\n')[1]!.replace('andel-aldre', 'b').replace('weight: 1', 'weight: 0.2') +
          minimal.split('factors:\n')[1]!.replace('andel-aldre', 'c').replace('weight: 1', 'weight: 0.6'),
      ),
    );
    expect(three.message).toContain('0,9');
    const ok = parse(
      text.replace('weight: "0,5"', 'weight: 0.1') +
        minimal.split('factors:\n')[1]!.replace('andel-aldre', 'b').replace('weight: 1', 'weight: 0.2') +
        minimal.split('factors:\n')[1]!.replace('andel-aldre', 'c').replace('weight: 1', 'weight: "0,7"'),
    );
    expect(ok.factors).toHaveLength(3);
  });

  it('refuses negative measures and numbers that cannot be read exactly', () => {
    const neg = caught(() => parse(minimal.replace('Krokom: 1', 'Krokom: -3')));
    expect(neg.message).toContain('får inte vara negativt');
    expect(neg.location.path).toBe('/factors/0/values/Krokom');
    expect(caught(() => parse(minimal.replace('Krokom: 1', 'Krokom: 1e-9'))).message).toContain('kan inte läsas exakt');
    expect(caught(() => parse(minimal.replace('Krokom: 1', 'Krokom: många'))).code).toBe('SAMV_ERR_FILE_FORMAT');
  });

  it('refuses YAML syntax errors and duplicate keys with the line', () => {
    expect(caught(() => parse('id: a\nid: b\n')).message).toMatch(/rad 2: samma nyckel/);
  });
});
