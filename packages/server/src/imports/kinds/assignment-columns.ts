/**
 * The time columns shared by daytime assignments and ombud tasks: the billable time of an
 * assignment is intervention + administration (incl. documentation) + reporting back + travel
 * when the trip could not be combined with an ordinary visit (ORD.uppdrag-dagtid,
 * SYNHOR.ekonomisk-ersattning). Stored as core's `AssignmentMinutes`.
 */
import type { AssignmentMinutes } from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import type { RowReader } from '../row-reader.js';

/** The minute columns. */
export const minuteColumns: readonly ColumnSpec[] = [
  { key: 'intervention', sv: 'insatstid', aliases: ['uppdragstid', 'intervention_minutes', 'insatstid_min'], required: true, description: 'insatstid i minuter' },
  { key: 'administration', sv: 'administration', aliases: ['dokumentation', 'administration_minutes'], required: false, description: 'administration inklusive dokumentation, minuter (tomt = 0)' },
  { key: 'reporting', sv: 'återrapportering', aliases: ['aterrapportering', 'reporting_minutes'], required: false, description: 'återrapportering till beställaren, minuter (tomt = 0)' },
  { key: 'travel', sv: 'restid', aliases: ['travel_minutes'], required: false, description: 'restid i minuter (tomt = 0)' },
  { key: 'travel_combinable', sv: 'resa samordnad', aliases: ['resan_kunde_samordnas', 'samordnad_resa', 'travel_combined'], required: false, description: 'ja om resan kunde samordnas med ordinarie besök (restiden räknas då inte); tomt = nej' },
];

/** Read the minute columns of a row. */
export function readMinutes(row: RowReader): AssignmentMinutes | undefined {
  const intervention = row.count('intervention', 'insatstiden i minuter');
  const administration = row.count('administration', 'administrationstiden i minuter', 0);
  const reporting = row.count('reporting', 'återrapporteringstiden i minuter', 0);
  const travel = row.count('travel', 'restiden i minuter', 0);
  const travelCombinable = row.yesNo('travel_combinable');
  if (intervention === undefined || administration === undefined || reporting === undefined || travel === undefined || travelCombinable === undefined) return undefined;
  return { intervention, administration, reporting, travel, travelCombinable };
}
