/**
 * Every import kind, by the name used in `POST /api/v1/imports/:kind` and `samverkan import <kind>`.
 * Add a kind by adding its file and one line here.
 */
import type { ImportKind } from './kind.js';
import { swedishKindNames } from './kind-names.js';
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

export { swedishKindNames } from './kind-names.js';

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

/** The Swedish name of `kind` (the English one if it has none). */
export function swedishKindName(kind: ImportKind<unknown>): string {
  return swedishKindNames[kind.kind] ?? kind.kind;
}

/** The kind named `name` (its English name or its Swedish one), or undefined. */
export function findImportKind(name: string): ImportKind<unknown> | undefined {
  return importKinds.find((k) => k.kind === name || swedishKindNames[k.kind] === name);
}
