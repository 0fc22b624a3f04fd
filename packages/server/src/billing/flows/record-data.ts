/**
 * The JSON shapes the importers write into `import_rows.data_json` (imports/kinds/*; stored compactly and
 * decoded by imports/record-codec.ts, decision 0210), as the
 * billing flows read them back. One place, so the writer and the readers cannot drift apart.
 */
import type { AssignmentMinutes, InpatientCostKind, OmbudService } from '@samverkan/core';

/** `daytime-assignments`. */
export interface DaytimeData {
  readonly date: string;
  readonly start: string;
  readonly lender: string;
  readonly hirer: string;
  readonly minutes: AssignmentMinutes;
  readonly storsjoglantan: boolean;
  readonly registeredMunicipality: string | null;
  readonly homeRegion?: string;
  readonly reference?: string;
}

/** `ombud-tasks`. */
export interface OmbudData {
  readonly date: string;
  readonly municipality: string;
  readonly service: OmbudService;
  readonly minutes: AssignmentMinutes;
  readonly reference?: string;
}

/** `mt-work-orders`. */
export interface WorkOrderData {
  readonly date: string;
  readonly municipality: string;
  readonly minutes: number;
  readonly travelOre: number;
  readonly consumablesOre: number;
  readonly sparePartsOre: number;
  readonly reference?: string;
}

/** `mt-inventory`. */
export interface InventoryData {
  readonly snapshotDate: string;
  readonly municipality: string;
  readonly devices: number;
}

/** `inpatient-staff`. */
export interface InpatientData {
  readonly date: string;
  readonly municipality: string;
  readonly document: 'ORD' | 'SABO';
  readonly agreementReference: string;
  readonly kind: InpatientCostKind;
  readonly amountOre: number;
}

/** `connected-counts`. */
export interface ConnectedCountData {
  readonly year: number;
  readonly count: number;
  readonly source?: string;
}

/** `development-budgets`. */
export interface BudgetData {
  readonly year: number;
  readonly area: string;
  readonly budgetOre: number;
  readonly outcomeOre?: number;
}

/** `population`. */
export interface PopulationData {
  readonly date: string;
  readonly municipality: string;
  readonly population: number;
  readonly source?: string;
}
