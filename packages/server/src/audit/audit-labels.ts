/**
 * Swedish words for what the audit trail stores in English (its action and entity columns are
 * hashed into the chain and never rewritten): shown by the web app and in the CSV export. An
 * action or entity without a word here is shown as stored, so a new one is never hidden.
 */

/** Stored action → Swedish (past tense, as in "Demo Regionekonom godkände …"). */
export const auditActionLabels: Readonly<Record<string, string>> = {
  create: 'skapade',
  update: 'ändrade',
  'update-password': 'ändrade lösenordet',
  'change-password': 'bytte sitt lösenord',
  'link-identity': 'kopplade en inloggning',
  'new-version': 'ny version',
  import: 'importerade',
  export: 'exporterade',
  approve: 'godkände',
  send: 'markerade som skickat',
  credit: 'krediterade',
  propose: 'föreslog beslut',
  decide: 'beslutade',
  escalate: 'eskalerade',
  close: 'avslutade',
  'introduce-audit-key': 'införde nyckel för granskningsloggen',
};

/** Stored entity (table) → Swedish. */
export const auditEntityLabels: Readonly<Record<string, string>> = {
  users: 'Användare',
  user_identities: 'Inloggningskoppling',
  disputes: 'Tvist',
  invoice_bases: 'Fakturaunderlag',
  billing_runs: 'Faktureringskörning',
  imports: 'Import',
  index_values: 'Indexvärde',
  parameter_values: 'Parametervärde',
  allocation_keys: 'Fördelningsnyckel',
  parties: 'Part i partsregistret',
  terminations: 'Uppsägning',
  audit_log: 'Granskningsloggen',
  agreement: 'Samverkansavtalet',
};

/** The Swedish word for a stored action (the stored word when none is known). */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

/** The Swedish word for a stored entity (the stored word when none is known). */
export function auditEntityLabel(entity: string): string {
  return auditEntityLabels[entity] ?? entity;
}
