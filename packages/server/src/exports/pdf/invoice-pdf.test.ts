import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { creditFixture, invoiceFixture, invoiceLines, invoiceTotalOre } from '../render-fixtures.testkit.js';
import { hasPoppler, maybeScreenshot, pdfText } from './pdf-text.testkit.js';
import { renderInvoicePdf } from './invoice-pdf.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
/** The text with runs of spaces collapsed, so table columns read as one line. */
const flat = (t: string): string => t.replace(/[ ]+/g, ' ');

describe.runIf(hasPoppler)('invoice PDF (pdftotext present)', () => {
  it('holds both parties, identity, dates, reference, period, every line, the total, VAT and payment', async () => {
    const doc = invoiceFixture();
    expect(doc.totalOre).toBe(invoiceTotalOre);
    const pdf = await renderInvoicePdf(doc);
    maybeScreenshot(pdf, 'pdf-faktura');
    const text = flat(pdfText(pdf));
    for (const t of [
      'Faktura RJH-2026-000017',
      'Region Jämtland Härjedalen',
      'Org.nr 202100-5489',
      'Kyrkgatan 12',
      '831 31 Östersund',
      'Strömsunds kommun',
      'Org.nr 212000-0142',
      'Momsreg.nr SE212000014201',
    ])
      expect(text).toContain(t);
    expect(text).toMatch(/Fakturadatum 2026-04-02/);
    expect(text).toMatch(/Förfallodag 2026-05-02/);
    expect(text).toContain('Er referens =HYPERLINK("http://evil";"Er ref")');
    expect(text).toContain('Period 2026-03 (2026-03-01 – 2026-03-31)');
    // Each line: description, quantity with its Swedish unit, unit price, amount — in one text line.
    expect(text).toMatch(/1 Uppdrag dagtid, påbörjad timme 2 påbörjade timmar 659,00 kr 1 318,00 kr/);
    expect(text).toMatch(/2 MT arbete enligt timersättning 37 minuter 1 123,00 kr 692,52 kr/);
    expect(text).toContain('per 60 minuter');
    expect(text).toMatch(/3 Fast del, halvår 1 klumpsumma 12 345,67 kr 12 345,67 kr/);
    expect(text).toMatch(/4 Justering föregående period -1 st 50,01 kr -50,01 kr/);
    expect(text).toMatch(/5 Hjälpmedel åter, "Ö-vik" 3 hjälpmedel 33,33 kr 99,99 kr/);
    expect(text).toMatch(/6 Ändring av tillägg 1,5 timmar 1 000,01 kr 1 500,02 kr/);
    expect(invoiceLines).toHaveLength(6);
    expect(text).toMatch(/Summa exkl. moms 15 906,19 kr/);
    expect(text).toMatch(/Summa att betala 15 906,19 kr/);
    expect(text).toMatch(/Moms 0,00 kr – undantaget från skatteplikt/);
    expect(text).toMatch(/Betala 15 906,19 kr till bankgiro 123-4567 senast 2026-05-02/);
    expect(text).toContain('VPI 2026 (2,9 %) är ett exempelvärde');
    expect(text).toContain('EXEMPEL – demodata');
  });

  it('explains the calculation in an appendix: steps, the arithmetic in values, inputs with units, parameters, index, interpretations', async () => {
    const text = flat(pdfText(await renderInvoicePdf(invoiceFixture())));
    expect(text).toContain('Bilaga: så har beloppen räknats fram');
    expect(text).toContain('samverkansavtalet jamtland-2026, version 2026.1');
    expect(text).toContain('Påbörjade timmar');
    // The formula in the step's values and units, never the stored expression (issue 12).
    expect(text).toContain('Påbörjade timmar: 75 minuter / 60, avrundat uppåt till hela timmar = 2 timmar');
    expect(text).not.toContain('ceil(');
    expect(text).not.toContain('Formel');
    expect(text).toContain('Indata: Timpris: 659 kr; Timmar: 2 timmar');
    expect(text).toContain('Belopp: timpris × påbörjade timmar: 659 kr × 2 timmar = 1 318 kr');
    expect(text).toContain('Resultat: 1 318 kr');
    expect(text).toContain('Resultat: 75 minuter');
    expect(text).toContain('Indata: Start: 08:10; Slut: 09:25');
    expect(text).toContain('Avrundning: uppåt till hel timme');
    expect(text).toContain('Ersättning för uppdrag dagtid per påbörjad timme: 659,00 kr per påbörjad timme');
    expect(text).toContain('VPI 2026: 2,9 % (prognos) (EXEMPEL)');
    expect(flat(text)).toContain('Avrundning av indexerade värden (tolkning I6): hela kronor varje år');
  });

  it('a credit note names the invoice it credits and the reason, with negative lines and nothing to pay', async () => {
    const pdf = await renderInvoicePdf(creditFixture());
    maybeScreenshot(pdf, 'pdf-kreditfaktura');
    const text = flat(pdfText(pdf));
    expect(text).toContain('Kreditfaktura RJH-2026-K00003');
    expect(text).toContain('Krediterar faktura RJH-2026-000017 av 2026-04-02');
    expect(text).toContain('Orsak till kreditering Fel antal timmar i importen');
    expect(text).toMatch(/1 Uppdrag dagtid, påbörjad timme -2 påbörjade timmar 659,00 kr -1 318,00 kr/);
    expect(text).toMatch(/4 Justering föregående period 1 st 50,01 kr 50,01 kr/);
    expect(text).toMatch(/Summa kreditfaktura -15 906,19 kr/);
    expect(text).toContain('Kreditbeloppet 15 906,19 kr avräknas mot faktura RJH-2026-000017');
    expect(text).not.toContain('Förfallodag');
    expect(text).not.toContain('Observera');
  });
});

describe('invoice PDF bytes', () => {
  it('are deterministic: the same document gives the same SHA-256, another document another', async () => {
    const a = await renderInvoicePdf(invoiceFixture());
    // Another wall-clock day must not change a byte: the creation date comes from the document.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
    const b = await renderInvoicePdf(invoiceFixture()).finally(() => vi.useRealTimers());
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(a)).toBe(sha(b));
    expect(sha(await renderInvoicePdf(invoiceFixture('dagtid', { issueDate: '2026-04-03' })))).not.toBe(sha(a));
  });
});
