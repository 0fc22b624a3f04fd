/**
 * The Kysely `Database` interface: one table per interface, column names as in SQL (snake_case).
 * Portable types only, so the same queries run on SQLite and PostgreSQL:
 * - ids are text (UUIDs), dates `YYYY-MM-DD` and instants ISO-8601 UTC are text;
 * - money is BIGINT öre (read back as a number through `ore()`);
 * - exact decimals (percentages, weights) are text such as "2.9";
 * - flags are written as 0/1 (SQLite has no boolean; PostgreSQL casts '0'/'1') and read with `flag()`;
 * - JSON is text (canonical JSON where it is hashed).
 * Every record that concerns a municipality carries its code(s), so scoping is a WHERE clause.
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';

/** A boolean column: written as 0/1, read back as 0/1 (SQLite) or true/false (PostgreSQL). */
export type Flag = ColumnType<boolean | number, 0 | 1 | undefined, 0 | 1>;

/** Money in öre: BIGINT in both databases. */
export type OreColumn = ColumnType<number, number, number>;

export interface MunicipalitiesTable {
  code: string;
  name: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  /** One of `roles` in auth/roles.ts. */
  role: string;
  /** Set (only) for municipality economists. */
  municipality_code: string | null;
  /** argon2id hash; null for accounts that sign in only through OIDC. */
  password_hash: string | null;
  email: string | null;
  active: Flag;
  demo: Flag;
  created_at: string;
  /** Set when an administrator chose the password: the session may only change it (0007). */
  must_change_password: Flag;
}

/** OIDC identities linked to local users (`iss` + `sub` → user). */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session id; the id itself lives only in the cookie. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** Sealed state of the objects the change concerns (0008, decision 0100); null before 0008. */
  state_json: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IndexValuesTable {
  id: string;
  /** VPI, OPI or LPIK. */
  series: string;
  year: number;
  /** Yearly change in percent as an exact decimal string ("2.9"). */
  percent: string;
  /** `outcome` (utfall) or `forecast` (prognos). */
  kind: string;
  published_on: string | null;
  source: string;
  decision_ref: string | null;
  /** 1, 2, … per (series, year); the highest is current. */
  version: number;
  /** Example values shipped for trying the system, labelled as such in every output. */
  example: Flag;
  demo: Flag;
  recorded_at: string;
  recorded_by: string;
}

export interface ParameterValuesTable {
  id: string;
  /** A parameter id from the agreement's parameters.yaml. */
  parameter_id: string;
  valid_from: string;
  valid_to: string | null;
  /** Integer (öre, minutes, counts) or exact decimal, as text. */
  value: string;
  base_year: number | null;
  source: string;
  decision_ref: string;
  version: number;
  demo: Flag;
  recorded_at: string;
  recorded_by: string;
}

export interface AllocationKeysTable {
  id: string;
  /** Stable identifier of the key, e.g. `resursfordelning-exempel` (versions share it). */
  name: string;
  title: string;
  note: string | null;
  /** First year the key applies to. */
  valid_from: string;
  valid_to: string | null;
  /** JSON: `[{ id, name, weight: "0.4", measure, source, decision?, values: { "2380": "3900", … } }]`. */
  factors_json: string;
  source: string;
  decision_ref: string | null;
  example: Flag;
  demo: Flag;
  version: number;
  recorded_at: string;
  recorded_by: string;
}

export interface ImportsTable {
  id: string;
  /** Import kind, e.g. `daytime-assignments`, `mt-inventory`. */
  kind: string;
  filename: string;
  /** SHA-256 of the file bytes (idempotency). */
  content_sha256: string;
  /** The municipality the file concerns, when it concerns one. */
  municipality_code: string | null;
  row_count: number;
  uploaded_by: string;
  uploaded_at: string;
  demo: Flag;
  /**
   * `staging` while the rows are written in short transactions, `complete` once visible (0007).
   * Every reader of imports or import_rows must keep to `complete` imports.
   */
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  /** `host:pid` of the process writing a staging import (0007). */
  staged_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Last sign of life of the staging writer (0007); a stale one may be swept. */
  heartbeat_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Whether an import's rows are visible yet. */
export type ImportStatus = 'staging' | 'complete';

export interface ImportRowsTable {
  id: string;
  import_id: string;
  /** Line in the source file. */
  line: number;
  kind: string;
  /** `YYYY-MM`, `YYYY-H1`/`YYYY-H2` or `YYYY`; `YYYY-MM-DD` for counts taken on a date (inventories, population). */
  period: string;
  /** Party codes: a municipality code or the region's id (`region`). */
  seller_code: string | null;
  buyer_code: string | null;
  municipality_code: string | null;
  amount_ore: OreColumn | null;
  /** The record's fields, encoded by imports/record-codec.ts (compact array in the kind's field order, or an object; 0010). */
  data_json: string;
  demo: Flag;
  /** Short hash of the record (imports/record-codec.ts, 0010), unique per kind: re-imports add nothing. */
  natural_key: string | null;
  /** The 64-hex key a row had before 0010 re-keyed it (what audit seals made before hold); null for rows written since. */
  legacy_natural_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** For state-like records (inventory count, connected count, budget): what the value describes; the newest import wins (0002). */
  identity_key: string | null;
}

export interface BillingRunsTable {
  id: string;
  flow: string;
  period: string;
  status: string;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  demo: Flag;
  /** JSON of the options the run was started with (allocation key), reused by corrections (0002). */
  options_json: string | null;
  /** JSON: `{ notes: string[] }` — what the run registered but did not bill, reports beside the bases (0002). */
  summary_json: string | null;
  /** 1 = the run of its flow and period, ≥ 2 = tilläggskörning N; unique per flow and period (0006). */
  sequence: ColumnType<number, number | undefined, number>;
  /** Null = the whole county; else the municipality the run was limited to (0006). */
  scope: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InvoiceBasesTable {
  id: string;
  billing_run_id: string | null;
  flow: string;
  period: string;
  seller_code: string;
  buyer_code: string;
  /** draft → approved → sent; `credited` after a credit note. */
  status: string;
  total_ore: OreColumn;
  trace_json: string;
  /** For a credit note: the basis it credits. */
  credit_of: string | null;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  sent_at: string | null;
  demo: Flag;
  /** Unit of a party when a clause requires separate invoices (syncentralen, hörcentralen, MT) (0002). */
  seller_unit: string | null;
  buyer_unit: string | null;
  /** Editable only while draft (0002). */
  buyer_reference: string | null;
  note: string | null;
  /** For a draft computed afresh after a credit: the basis it replaces (0002). */
  replaces_id: string | null;
  /** JSON: the imports and records the basis was computed from (0002). */
  inputs_json: string | null;
  /** When a credit note credited this basis (status `credited`) (0006). */
  credited_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why it was credited, on the credited basis and on its credit note (0006). */
  credit_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The seller's number series (`<party>|<unit>|<year>`) and the number in it, set only when approved (0009). */
  invoice_series: ColumnType<string | null, string | null | undefined, string | null>;
  invoice_number: ColumnType<string | null, string | null | undefined, string | null>;
  /** Issue date (the approval day, Europe/Stockholm) and due date from the payment terms (0009). */
  issue_date: ColumnType<string | null, string | null | undefined, string | null>;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  payment_terms_days: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One version of a party's (or invoicing unit's) invoicing details (0009). */
export interface PartiesTable {
  id: string;
  party_code: string;
  /** The invoicing unit, or '' for the party itself. */
  unit_key: string;
  valid_from: string;
  version: number;
  legal_name: string;
  organisation_number: string;
  endpoint_scheme: string;
  endpoint_id: string;
  street: string | null;
  postal_code: string;
  city: string;
  /** SE + organisationsnummer + 01 when VAT-registered, else null. */
  vat_number: string | null;
  /** `bankgiro` | `plusgiro` | null. */
  payment_kind: string | null;
  payment_account: string | null;
  payment_terms_days: number;
  buyer_reference: string;
  /** JSON object flow → buyer reference (overrides `buyer_reference` for that flow). */
  flow_references_json: string;
  invoice_prefix: string;
  /** JSON array of the register fields still carrying placeholder (EXEMPEL) values. */
  placeholder_fields_json: string;
  demo: Flag;
  recorded_at: string;
  recorded_by: string;
}

/** The last number used in each seller series (0009). */
export interface InvoiceSeriesTable {
  series: string;
  last_number: number;
}

export interface InvoiceLinesTable {
  id: string;
  invoice_basis_id: string;
  line_no: number;
  description: string;
  /** Exact decimal as text (hours, devices, persons). */
  quantity: string;
  unit: string;
  unit_price_ore: OreColumn;
  amount_ore: OreColumn;
  steps_json: string;
  /** Stable category, e.g. `uppdrag-dagtid` (0002). */
  category: string | null;
  /** The unit price applies per this many units (Peppol BaseQuantity) (0002). */
  base_quantity: number | null;
  clause: string | null;
  line_date: string | null;
  reference: string | null;
  /** On a credit line: the line it credits (0002). */
  credits_line_id: string | null;
  /**
   * What the line bills, unique where set (0006): `record:<import row>:<category>`,
   * `dispute:<id>` or `alloc:<flow>:<period>:<seller>:<buyer>:<category>[:<part>]`; null on
   * credit notes and once the basis is credited (released for the corrected draft).
   */
  billing_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The imported record (import_rows.id) the line bills, for provenance (0006). */
  record_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DisputesTable {
  id: string;
  /** Agreement document id (ORD, SABO, …). */
  document: string;
  /** individ | organisation | storlek-fordelning | utforande (disputes.yaml). */
  level: string;
  subject: string;
  party_a_code: string;
  party_b_code: string;
  opened_on: string;
  /** Index into the escalation path's steps (0 = first). */
  current_step: number;
  /** open | decided | closed. */
  status: string;
  outcome: string | null;
  cost_regulation_ore: OreColumn | null;
  /** Who pays the cost regulation: `region` or a municipality code (0004). */
  cost_regulation_payer: string | null;
  /** Who receives it (the other party). */
  cost_regulation_payee: string | null;
  /** Day of the decision in Stockholm (`YYYY-MM-DD`); cleared when the dispute is escalated again. */
  decided_on: string | null;
  /** The forum of the escalation step that took the standing decision (0005). */
  decided_by_forum: ColumnType<string | null, string | null | undefined, string | null>;
  /** `parties` (proposed and confirmed by both parties' economists) or `forum-minutes` (0005). */
  decision_basis: ColumnType<string | null, string | null | undefined, string | null>;
  /** User id of whoever confirmed the proposal or recorded the forum's decision (0005). */
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decision_proposal_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Reference to the forum's minutes, for `forum-minutes` (0005). */
  forum_minutes: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: string;
  demo: Flag;
}

/** A decision one party's economist proposed, for the other party's economist to confirm (0005). */
export interface DisputeProposalsTable {
  id: string;
  dispute_id: string;
  step_no: number;
  forum: string;
  outcome: string;
  cost_regulation_ore: OreColumn | null;
  cost_regulation_payer: string | null;
  cost_regulation_payee: string | null;
  /** User id of the proposer. */
  proposed_by: string;
  /** The party the proposer speaks for: `region` or a municipality code. */
  proposed_by_party: string;
  proposed_at: string;
  /** pending | confirmed | superseded. */
  status: string;
  /** User id of whoever confirmed it, or whose action superseded it. */
  settled_by: string | null;
  settled_at: string | null;
}

export interface DisputeStepsTable {
  id: string;
  dispute_id: string;
  step_no: number;
  forum: string;
  /** opened | escalated | decided | closed. */
  action: string;
  note: string | null;
  actor: string;
  at: string;
}

/** A recorded termination (0003), PRINC.giltighet. */
export interface TerminationsTable {
  id: string;
  /** A document id (ORD, SABO, …) or `ALL` for the whole agreement. */
  document: string;
  notice_date: string;
  /** The decision's paragraph or registration number. */
  reference: string;
  /** Whether dialogue in the länsövergripande politisk samverkansarena preceded the notice. */
  dialogue_held: Flag;
  recorded_by: string;
  recorded_at: string;
  demo: Flag;
}

/** The whole database. */
export interface Database {
  municipalities: MunicipalitiesTable;
  users: UsersTable;
  user_identities: UserIdentitiesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  index_values: IndexValuesTable;
  parameter_values: ParameterValuesTable;
  allocation_keys: AllocationKeysTable;
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  billing_runs: BillingRunsTable;
  invoice_bases: InvoiceBasesTable;
  invoice_lines: InvoiceLinesTable;
  disputes: DisputesTable;
  dispute_proposals: DisputeProposalsTable;
  dispute_steps: DisputeStepsTable;
  terminations: TerminationsTable;
  parties: PartiesTable;
  invoice_series: InvoiceSeriesTable;
}

export type UserRow = Selectable<UsersTable>;
export type IndexValueRow = Selectable<IndexValuesTable>;
export type ParameterValueRow = Selectable<ParameterValuesTable>;
export type AllocationKeyRow = Selectable<AllocationKeysTable>;
export type DisputeRow = Selectable<DisputesTable>;
export type DisputeStepRow = Selectable<DisputeStepsTable>;
export type DisputeProposalRow = Selectable<DisputeProposalsTable>;
export type TerminationRow = Selectable<TerminationsTable>;
export type PartyRow = Selectable<PartiesTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
