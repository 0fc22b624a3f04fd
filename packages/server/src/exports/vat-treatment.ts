/**
 * VAT treatment per billing flow (docs/decisions/0141-vat-treatment-per-flow.md, refined in
 * 0150-vat-treatment-per-flow-and-peppol-vat-ids.md): the flows that bill health-care services
 * performed for the other party are exempt (UNCL5305 `E`, the exemption for sjukvård in 10 kap.
 * mervärdesskattelagen (2023:200), formerly 3 kap. 4 § ML 1994, VATEX-EU-132-1B); the flows that share costs under the
 * agreement (MT, tilläggsbelopp, development funds, cost regulation after a dispute) are not
 * supplies at all and are outside the scope of VAT (`O`). A flow not listed is an error, so a new
 * flow cannot silently get a treatment.
 */
import { SamverkanError } from '@samverkan/core';
import { isBillingFlow, type BillingFlow } from '../billing/periods.js';
import type { DocumentVat } from './invoice-document.js';

const EXEMPT: DocumentVat = {
  category: 'E',
  exemptionReason: 'Undantag från skatteplikt för sjukvård enligt 10 kap. mervärdesskattelagen (2023:200)',
  exemptionCode: 'VATEX-EU-132-1B',
};
const OUTSIDE: DocumentVat = {
  category: 'O',
  exemptionReason: 'Kostnadsfördelning enligt samverkansavtal; ingen omsättning enligt mervärdesskattelagen',
  exemptionCode: 'VATEX-EU-O',
};

const treatment: Readonly<Record<BillingFlow, DocumentVat>> = {
  dagtid: EXEMPT,
  synhorsel: EXEMPT,
  'inpatient-staff': EXEMPT,
  'mt-fixed': OUTSIDE,
  'mt-variable': OUTSIDE,
  tillaggsbelopp: OUTSIDE,
  'development-funds': OUTSIDE,
  'cost-regulation': OUTSIDE,
};

/** The VAT treatment of `flow`'s invoices. */
export function vatTreatment(flow: string): DocumentVat {
  if (!isBillingFlow(flow))
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', `flow: "${flow}" har ingen beslutad momsbehandling.`, {
      field: 'flow',
      value: flow,
    });
  return treatment[flow];
}
