/**
 * The project's own check of a Peppol BIS Billing 3.0 document: the UBL 2.1 element order, the
 * CEN EN 16931 rules and the Peppol/Swedish rules that bear on our invoices and credit notes. It
 * does not replace the official validation (XSD + schematron), which the acceptance check runs;
 * it catches the same mistakes in every unit test and before any file leaves the system.
 */
import { parseXml, NS } from './xml-tree.js';
import { contextOf } from './rule-context.js';
import { checkUblSequence } from './ubl-sequence.js';
import { cenCoreRules } from './cen-core-rules.js';
import { cenVatRules } from './cen-vat-rules.js';
import { peppolRules } from './peppol-rules.js';
import type { RuleViolation } from './rule-violation.js';

/** Every rule `xml` breaks (errors and warnings), in document order per rule family. */
export function validatePeppol(xml: string): RuleViolation[] {
  const root = parseXml(xml);
  const expectedNs = root.name === 'Invoice' ? NS.invoice : root.name === 'CreditNote' ? NS.creditNote : null;
  if (expectedNs === null || root.uri !== expectedNs) {
    return [
      { rule: 'UBL-XSD-ROOT', flag: 'fatal', path: `/${root.name}`, message: 'Dokumentet är varken en UBL 2.1 Invoice eller CreditNote.' },
    ];
  }
  const ctx = contextOf(root);
  ctx.out.push(...checkUblSequence(root));
  cenCoreRules(ctx);
  cenVatRules(ctx);
  peppolRules(ctx);
  return ctx.out;
}
