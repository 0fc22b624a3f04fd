import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { creditFixture, invoiceFixture, invoiceTotalOre, municipalityInvoiceFixture } from '../render-fixtures.testkit.js';
import { defaultSieAccounts, type SieAccountConfig } from './sie-accounts.js';
import { parseSie } from './sie-parse.testkit.js';
import { renderSie, renderSieFiles } from './render-sie.js';
import { quoted } from './sie-text.js';

const docs = [invoiceFixture(), creditFixture()];
const record = (p: ReturnType<typeof parseSie>, tag: string): string[][] => p.records.filter((r) => r[0] === tag).map((r) => r.slice(1));

describe('SIE 4I vouchers', () => {
  it('seller side: header records, kundfordran debet and intäkt kredit, every voucher zero, totals equal the bases to the öre', () => {
    const p = parseSie(renderSie(docs, { side: 'seller' }));
    expect(p.records.slice(0, 3)).toEqual([
      ['#FLAGGA', '0'],
      ['#FORMAT', 'PC8'],
      ['#SIETYP', '4'],
    ]);
    expect(record(p, '#PROGRAM')).toEqual([['Samverkan', '0.1.0']]);
    expect(record(p, '#GEN')).toEqual([['20260420', 'Samverkan']]);
    expect(record(p, '#FNAMN')).toEqual([['Region Jämtland Härjedalen']]);
    expect(record(p, '#ORGNR')).toEqual([['202100-5489']]);
    expect(record(p, '#RAR')).toEqual([['0', '20260101', '20261231']]);
    expect(record(p, '#KPTYP')).toEqual([['BAS2014']]);
    expect(record(p, '#KONTO')).toEqual([
      ['1510', 'Kundfordringar'],
      ['3004', 'Försäljning inom Sverige, momsfri'],
    ]);
    expect(p.vouchers).toHaveLength(2);
    for (const v of p.vouchers) expect(v.rows.reduce((s, r) => s + r.amountOre, 0n)).toBe(0n);
    const [inv, cred] = p.vouchers;
    expect(inv?.date).toBe('20260402');
    // The fixture rests on an example index value: the voucher text says so (issue 1/5, every export).
    expect(inv?.text).toBe('Faktura RJH-2026-000017 Strömsunds kommun Uppdrag dagtid 2026-03 (EJ SLUTLIGA VÄRDEN)');
    expect(inv?.rows[0]).toMatchObject({ account: '1510', amountOre: BigInt(invoiceTotalOre), date: '20260402' });
    expect(inv?.rows.slice(1).map((r) => [r.account, r.amountOre])).toEqual(docs[0]?.lines.map((l) => ['3004', BigInt(-l.amountOre)]));
    expect(cred?.text).toMatch(/^Kreditfaktura RJH-2026-K00003/);
    expect(cred?.text).not.toContain('EJ SLUTLIGA');
    expect(cred?.rows[0]).toMatchObject({ account: '1510', amountOre: BigInt(-invoiceTotalOre) });
    // Amounts: a dot and exactly two decimals.
    expect(p.text).toMatch(/#TRANS 1510 \{\} 15906\.19 20260402 /);
    expect(p.text).toMatch(/#TRANS 3004 \{\} -692\.52 /);
    expect(p.text).toMatch(/#TRANS 3004 \{\} 50\.01 /);
  });

  it('buyer side: kostnad debet and leverantörsskuld kredit in the buyer\u2019s books', () => {
    const p = parseSie(renderSie(docs, { side: 'buyer' }));
    expect(record(p, '#FNAMN')).toEqual([['Strömsunds kommun']]);
    expect(record(p, '#ORGNR')).toEqual([['212000-0142']]);
    expect(record(p, '#KONTO')).toEqual([
      ['2440', 'Leverantörsskulder'],
      ['4600', 'Legoarbeten och underentreprenader'],
    ]);
    const [inv, cred] = p.vouchers;
    expect(inv?.rows.at(-1)).toMatchObject({ account: '2440', amountOre: BigInt(-invoiceTotalOre) });
    expect(inv?.rows.slice(0, -1).reduce((s, r) => s + r.amountOre, 0n)).toBe(BigInt(invoiceTotalOre));
    expect(cred?.rows.at(-1)).toMatchObject({ account: '2440', amountOre: BigInt(invoiceTotalOre) });
    for (const v of p.vouchers) expect(v.rows.reduce((s, r) => s + r.amountOre, 0n)).toBe(0n);
  });

  it('accounts and cost-centre / project objects are configurable per party and per flow', () => {
    const config: SieAccountConfig = {
      ...defaultSieAccounts,
      chartOfAccounts: null,
      series: 'F',
      parties: {
        '2313': {
          accounts: {
            expense: { number: '4590', name: 'Köpt vård, region' },
            payable: { number: '2411', name: 'Leverantörsskulder, region' },
          },
          flows: { dagtid: { costCentre: { id: 'HS 12', name: 'Hemsjukvård Ö-vik' }, project: { id: 'P"7', name: 'Nära vård' } } },
        },
      },
    };
    const p = parseSie(
      renderSie(
        [...docs, municipalityInvoiceFixture()].filter((d) => d.buyer.code === '2313'),
        { side: 'buyer', config },
      ),
    );
    expect(record(p, '#KPTYP')).toEqual([]);
    expect(record(p, '#DIM')).toEqual([
      ['1', 'Kostnadsställe'],
      ['6', 'Projekt'],
    ]);
    expect(record(p, '#OBJEKT')).toEqual([
      ['1', 'HS 12', 'Hemsjukvård Ö-vik'],
      ['6', 'P"7', 'Nära vård'],
    ]);
    expect(record(p, '#KONTO')).toEqual([
      ['2411', 'Leverantörsskulder, region'],
      ['4590', 'Köpt vård, region'],
    ]);
    expect(p.vouchers.every((v) => v.series === 'F' && v.number === '')).toBe(true);
    expect(p.vouchers[0]?.rows[0]).toMatchObject({ account: '4590', objects: ['1', 'HS 12', '6', 'P"7'] });
    expect(() =>
      renderSie(docs, {
        side: 'seller',
        config: { ...config, parties: { region: { accounts: { revenue: { number: '30x', name: 'fel' } } } } },
      }),
    ).toThrow(/sie\.region\.dagtid\.revenue: kontonumret "30x" ska vara 4–6 siffror/);
  });

  it('is CP437 with å, ä, ö round-tripping; quotes and backslashes escaped; tabs and CRs from imports kept off the record', () => {
    const bytes = renderSie(docs, { side: 'seller' });
    // CP437: å 0x86, ä 0x84, ö 0x94, Ä 0x8E, Ö 0x99.
    expect([...bytes].includes(0x86) && [...bytes].includes(0x84) && [...bytes].includes(0x94) && [...bytes].includes(0x99)).toBe(true);
    expect(bytes.includes(Buffer.from('Ã', 'latin1'))).toBe(false);
    const text = iconv.decode(bytes, 'cp437');
    expect(text).toContain('Jämtland Härjedalen');
    expect(text).toContain('"5 Hjälpmedel åter, \\"Ö-vik\\""');
    expect(parseSie(bytes).vouchers[0]?.rows[5]?.text).toBe('5 Hjälpmedel åter, "Ö-vik"');
    expect(quoted('a\\b "c"\t–\u2212')).toBe('"a\\\\b \\"c\\" --"');
    expect(text.split('\r\n').every((l) => !l.includes('\t') && !l.includes('\r'))).toBe(true);
  });

  it('one file is one party\u2019s books: mixed sellers are refused, renderSieFiles makes one per party', () => {
    const mixed = [...docs, municipalityInvoiceFixture()];
    expect(() => renderSie(mixed, { side: 'seller' })).toThrow(
      /STR-2026-000004 har säljaren Strömsunds kommun, inte Region Jämtland Härjedalen/,
    );
    const files = renderSieFiles(mixed, { side: 'seller' });
    expect(files.map((f) => f.party.legalName)).toEqual(['Strömsunds kommun', 'Region Jämtland Härjedalen']);
    const sums = files.map((f) => parseSie(f.bytes).vouchers.map((v) => v.rows[0]?.amountOre));
    expect(sums).toEqual([[123456789n], [BigInt(invoiceTotalOre), BigInt(-invoiceTotalOre)]]);
    expect(() => renderSie([], { side: 'seller' })).toThrow(/minst ett godkänt underlag/);
  });

  it('refuses to write a voucher that does not balance', () => {
    const broken = invoiceFixture('dagtid', { totalOre: invoiceTotalOre + 1 });
    expect(() => renderSie([broken], { side: 'seller' })).toThrow(/RJH-2026-000017 balanserar inte \(1 öre\)/);
  });
});
