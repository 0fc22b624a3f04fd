import { describe, expect, it } from 'vitest';
import { describeChanges, knownRecordFields, recordFieldLabel, recordFieldValue, type RecordNames } from './record-fields.js';
import { INTERNAL_IDENTIFIER } from './glossary.js';

const known: Readonly<Record<string, string>> = {
  'actor|user:admin': 'Demo Administratör',
  'party|2380': 'Östersunds kommun',
  'party|region': 'Region Jämtland Härjedalen',
};
const names: RecordNames = (kind, id) => known[`${kind}|${id}`];

describe('record fields in the glossary (audit before/after)', () => {
  it('labels every known field in Swedish, without an internal identifier', () => {
    for (const k of knownRecordFields) {
      const label = recordFieldLabel(k);
      expect(label).not.toBe(k === 'id' ? 'id' : k);
      expect(label).not.toMatch(INTERNAL_IDENTIFIER);
    }
  });
  it('formats money in kronor, booleans as Ja/Nej, timestamps in Swedish time, codes by name', () => {
    const plain = (t: string): string => t.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(recordFieldValue('totalOre', 123450))).toBe('1 234,50 kr');
    expect(plain(recordFieldValue('costRegulationOre', 100_000))).toBe('1 000 kr');
    expect(recordFieldValue('active', false)).toBe('Nej');
    expect(recordFieldValue('vatRegistered', true)).toBe('Ja');
    expect(recordFieldValue('approvedAt', '2026-12-01T16:24:48.947Z')).toBe('2026-12-01 17:24');
    expect(recordFieldValue('validFrom', '2026-01-01')).toBe('2026-01-01');
    expect(recordFieldValue('approvedBy', 'user:admin', names)).toBe('Demo Administratör');
    expect(recordFieldValue('parties', ['2380', 'region'], names)).toBe('Östersunds kommun, Region Jämtland Härjedalen');
    expect(recordFieldValue('role', 'municipality_economist')).toBe('Ekonom, kommun');
    expect(recordFieldValue('status', 'credited')).toBe('krediterat');
    expect(recordFieldValue('percent', '2.6')).toBe('2,6 %');
    expect(recordFieldValue('paymentTermsDays', 30)).toBe('30 dagar');
    expect(recordFieldValue('placeholderFields', ['organisationNumber', 'vatNumber'])).toBe('Organisationsnummer, Momsregistreringsnummer');
    expect(recordFieldValue('address', { street: 'Rådhusgatan 44', postalCode: '83182', city: 'Östersund' })).toBe(
      'Gatuadress: Rådhusgatan 44; Postnummer: 83182; Ort: Östersund',
    );
    expect(recordFieldValue('seller', { id: '2380', name: 'Östersunds kommun' })).toBe('Östersunds kommun');
    expect(recordFieldValue('scope', null)).toBe('hela länet');
    expect(recordFieldValue('invoiceBases', ['0b1c', '9f2e', '77aa'])).toBe('3 st');
  });
  it('lists only the changed top-level fields, labelled, with both sides formatted', () => {
    const changes = describeChanges(
      { status: 'approved', totalOre: 64_000, approvedBy: null, note: 'x' },
      { status: 'credited', totalOre: 64_000, approvedBy: 'user:admin', note: 'x', creditReason: 'Fel antal timmar' },
      names,
    );
    expect(changes).toEqual([
      { field: 'status', label: 'Status', before: 'godkänt', after: 'krediterat' },
      { field: 'approvedBy', label: 'Godkänt av', before: '–', after: 'Demo Administratör' },
      { field: 'creditReason', label: 'Skäl till krediteringen', before: '–', after: 'Fel antal timmar' },
    ]);
    expect(describeChanges(null, { subject: 'abc-123' }, names, 'user_identities')[0]?.label).toBe('Id hos utfärdaren');
    expect(describeChanges(null, { subject: 'Hjälpmedel' }, names, 'disputes')[0]?.label).toBe('Ämne');
    expect(describeChanges(null, 5)).toEqual([{ field: 'värde', label: 'Värde', before: '–', after: '5' }]);
    expect(
      describeChanges(
        null,
        { kind: 'population' },
        (k, id) => (k === 'import-kind' && id === 'population' ? 'Folkmängd' : undefined),
        'imports',
      ),
    ).toEqual([{ field: 'kind', label: 'Typ av underlag', before: '–', after: 'Folkmängd' }]);
  });
});
