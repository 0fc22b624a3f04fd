/**
 * The validator against the reference documents of shared/peppol/examples, copied beside this
 * test (reference-examples/, or where SAMVERKAN_PEPPOL_EXAMPLES points): the passing ones give no
 * error and no warning; the failing one gives exactly the rules its README names.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validatePeppol } from './validate-peppol.js';

const EXAMPLES = process.env.SAMVERKAN_PEPPOL_EXAMPLES ?? resolve(import.meta.dirname, 'reference-examples');
const read = (name: string): string => readFileSync(join(EXAMPLES, name), 'utf8');
const INVALID = 'invalid-no-buyer-reference-bad-orgnr.xml';

describe('the reference examples', () => {
  test('are where the test looks for them', () => {
    expect(existsSync(EXAMPLES), `examples folder ${EXAMPLES}`).toBe(true);
  });
  const passing = existsSync(EXAMPLES)
    ? readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.xml') && f !== INVALID)
        .sort()
    : [];

  test('include the Swedish and the official examples', () => {
    expect(passing).toEqual(
      expect.arrayContaining([
        'min-invoice-se.xml',
        'min-creditnote-se.xml',
        'o-invoice-se.xml',
        'official-base-example.xml',
        'official-base-creditnote-correction.xml',
        'official-vat-category-E.xml',
        'official-vat-category-O.xml',
      ]),
    );
  });

  test.each(passing)('%s passes with zero errors and zero warnings', (file) => {
    expect(validatePeppol(read(file))).toEqual([]);
  });

  test('the invalid example fails with PEPPOL-EN16931-R003 once and PEPPOL-COMMON-R049 twice, nothing else', () => {
    const broken = validatePeppol(read(INVALID));
    expect(broken.map((b) => b.rule).sort()).toEqual(['PEPPOL-COMMON-R049', 'PEPPOL-COMMON-R049', 'PEPPOL-EN16931-R003']);
    expect(broken.filter((b) => b.rule === 'PEPPOL-COMMON-R049').map((b) => b.path)).toEqual([
      '/Invoice/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID',
      '/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID',
    ]);
  });
});

test('a document that is not UBL is refused as such', () => {
  expect(validatePeppol('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>').map((v) => v.rule)).toEqual([
    'UBL-XSD-ROOT',
  ]);
});

test('malformed XML is a Swedish error, not a stack trace', () => {
  expect(() => validatePeppol('<Invoice><cbc:ID>1</Invoice>')).toThrow(/XML-dokumentet kunde inte läsas/);
});
