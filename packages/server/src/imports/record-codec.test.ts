import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRecordData, encodeRecordData, isCompact, legacyDataText, recordKey, stateKey } from './record-codec.js';

const daytime = {
  date: '2026-09-15',
  start: '15:20',
  lender: '2313',
  hirer: 'region',
  minutes: { intervention: 122, administration: '11.5', reporting: 9, travel: 33, travelCombinable: false },
  storsjoglantan: false,
  registeredMunicipality: '2313',
  reference: 'B-2',
};

describe('record codec', () => {
  it('stores a daytime record as an array of its values and reads the same object back, keys in order', () => {
    const text = encodeRecordData('daytime-assignments', daytime);
    expect(text).toBe('["2026-09-15","15:20","2313","region",[122,"11.5",9,33,false],false,"2313",null,"B-2"]');
    expect(isCompact(text)).toBe(true);
    expect(JSON.stringify(decodeRecordData('daytime-assignments', text))).toBe(JSON.stringify(daytime));
    expect(legacyDataText('daytime-assignments', text)).toBe(JSON.stringify(daytime));
    expect(text.length).toBeLessThan(JSON.stringify(daytime).length / 2);
  });

  it('keeps null where the kind stores null and leaves out what the record leaves out', () => {
    const other = { ...daytime, registeredMunicipality: null, homeRegion: 'Region Västernorrland' };
    delete (other as { reference?: string }).reference;
    const text = encodeRecordData('daytime-assignments', other);
    expect(isCompact(text)).toBe(true);
    expect(decodeRecordData('daytime-assignments', text)).toEqual(other);
    expect(Object.keys(decodeRecordData('daytime-assignments', text))).not.toContain('reference');
  });

  it('stores as an object what does not fit the layout exactly, and reads it back as it was', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['daytime-assignments', { ...daytime, extra: 1 }],
      ['daytime-assignments', { start: daytime.start, date: daytime.date }],
      ['daytime-assignments', { ...daytime, reference: null }],
      ['daytime-assignments', { ...daytime, minutes: { ...daytime.minutes, travelCombinable: undefined } }],
      ['a-kind-without-layout', { a: 1 }],
    ];
    for (const [kind, data] of cases) {
      const text = encodeRecordData(kind, data);
      expect(text).toBe(JSON.stringify(data));
      expect(decodeRecordData(kind, text)).toEqual(JSON.parse(JSON.stringify(data)));
    }
  });

  it('round-trips any values of a layout (property)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(value, value, fc.option(value, { nil: undefined }), (year, count, source) => {
        const data = { year, count, ...(source === undefined ? {} : { source }) };
        const text = encodeRecordData('connected-counts', data);
        expect(isCompact(text)).toBe(true);
        expect(JSON.stringify(decodeRecordData('connected-counts', text))).toBe(JSON.stringify(data));
      }),
    );
  });

  it('keys are 22 base64url characters that differ with any column, the fields or the import', () => {
    const c = { period: '2026-09', sellerCode: '2313', buyerCode: 'region', municipalityCode: '2313', amountOre: null };
    const text = encodeRecordData('daytime-assignments', daytime);
    const key = recordKey('daytime-assignments', c, text);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(recordKey('daytime-assignments', c, text)).toBe(key);
    const others = [
      recordKey('ombud-tasks', c, text),
      recordKey('daytime-assignments', { ...c, period: '2026-10' }, text),
      recordKey('daytime-assignments', { ...c, amountOre: 0 }, text),
      recordKey('daytime-assignments', { ...c, buyerCode: null }, text),
      recordKey('daytime-assignments', c, encodeRecordData('daytime-assignments', { ...daytime, reference: 'B-3' })),
      stateKey('daytime-assignments', c, text, 'import-1'),
      stateKey('daytime-assignments', c, text, 'import-2'),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});
