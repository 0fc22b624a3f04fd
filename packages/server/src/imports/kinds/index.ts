/**
 * Every import kind, by the name used in `POST /api/v1/imports/:kind` and `samverkan import <kind>`.
 * Add a kind by adding its file and one line here.
 */
import type { ImportKind } from './kind.js';
import { daytimeAssignmentsKind } from './daytime-assignments.js';
import { ombudTasksKind } from './ombud-tasks.js';
import { mtWorkOrdersKind } from './mt-work-orders.js';
import { mtInventoryKind } from './mt-inventory.js';
import { inpatientStaffKind } from './inpatient-staff.js';
import { connectedCountsKind } from './connected-counts.js';
import { indexValuesKind } from './index-values.js';
import { allocationKeysKind } from './allocation-keys.js';
import { developmentBudgetsKind } from './development-budgets.js';
import { populationKind } from './population.js';

/** All kinds, in the order the documentation lists them. */
export const importKinds: readonly ImportKind<unknown>[] = [
  daytimeAssignmentsKind,
  ombudTasksKind,
  mtWorkOrdersKind,
  mtInventoryKind,
  inpatientStaffKind,
  connectedCountsKind,
  indexValuesKind,
  allocationKeysKind,
  developmentBudgetsKind,
  populationKind,
];

/** The kind named `name`, or undefined. */
export function findImportKind(name: string): ImportKind<unknown> | undefined {
  return importKinds.find((k) => k.kind === name);
}
