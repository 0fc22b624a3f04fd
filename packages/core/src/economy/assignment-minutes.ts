/**
 * The billable time of one assignment (ORD.uppdrag-dagtid, SYNHOR.ekonomisk-ersattning): the sum
 * of intervention time, administration including documentation, reporting back to the orderer,
 * and travel time only when the trip could not be combined with an ordinary visit.
 */
import type { CalculationStep } from '../trace.js';
import { requireMinutes } from './hourly-pricing.js';

/** Minutes of one assignment, split as the clauses list them. */
export interface AssignmentMinutes {
  /** Insatstid / uppdragstid. */
  readonly intervention: number;
  /** Administration including documentation. */
  readonly administration: number;
  /** Återrapportering to the orderer. */
  readonly reporting: number;
  /** Restid. */
  readonly travel: number;
  /** True when the trip could be combined with an ordinary visit; travel then does not count. */
  readonly travelCombinable: boolean;
}

/** Total billable minutes and the step that shows the sum; each part is validated and named by `field`. */
export function billableMinutes(m: AssignmentMinutes, field: string, clause: string): { minutes: number; step: CalculationStep } {
  const intervention = requireMinutes(m.intervention, `${field}.insatstid`);
  const administration = requireMinutes(m.administration, `${field}.administration`);
  const reporting = requireMinutes(m.reporting, `${field}.aterrapportering`);
  const travel = requireMinutes(m.travel, `${field}.restid`);
  const countedTravel = m.travelCombinable ? 0 : travel;
  const minutes = intervention + administration + reporting + countedTravel;
  return {
    minutes,
    step: {
      id: `${field}:minuter`,
      description: m.travelCombinable && travel > 0 ? 'Debiterbar tid; restiden räknas inte eftersom resan kunde samordnas med ordinarie besök' : 'Debiterbar tid',
      formula: 'insatstid + administration + återrapportering + restid (om resan inte kunde samordnas)',
      inputs: { insatstid: intervention, administration, återrapportering: reporting, restid: travel, restidRäknas: !m.travelCombinable },
      result: minutes,
      unit: 'minuter',
      clauses: [clause],
    },
  };
}
