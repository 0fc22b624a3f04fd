/** Every billing flow's computation, by flow name. */
import type { BillingFlow } from '../periods.js';
import type { FlowInput, FlowResult } from '../basis-draft.js';
import { dagtidFlow } from './dagtid.js';
import { synhorselFlow } from './synhorsel.js';
import { mtFixedFlow } from './mt-fixed.js';
import { mtVariableFlow } from './mt-variable.js';
import { inpatientStaffFlow } from './inpatient-staff.js';
import { tillaggsbeloppFlow } from './tillaggsbelopp.js';
import { developmentFundsFlow } from './development-funds.js';
import { costRegulationFlow } from './cost-regulation.js';

/** The computation of each flow. */
export const flowComputations: Readonly<Record<BillingFlow, (input: FlowInput) => Promise<FlowResult>>> = {
  dagtid: dagtidFlow,
  synhorsel: synhorselFlow,
  'mt-fixed': mtFixedFlow,
  'mt-variable': mtVariableFlow,
  'inpatient-staff': inpatientStaffFlow,
  tillaggsbelopp: tillaggsbeloppFlow,
  'development-funds': developmentFundsFlow,
  'cost-regulation': costRegulationFlow,
};
