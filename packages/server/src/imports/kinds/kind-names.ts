/** The import kinds' Swedish names; no imports, so `samverkan import --help` can list them without loading the kinds. */

/**
 * The Swedish name of each kind, as `samverkan import` takes it (the English name stays an alias,
 * and is what the API, the history and the audit store).
 */
export const swedishKindNames: Readonly<Record<string, string>> = {
  'daytime-assignments': 'uppdrag-dagtid',
  'ombud-tasks': 'syn-och-horselombud',
  'mt-work-orders': 'mt-arbetsordrar',
  'mt-inventory': 'mt-inventarier',
  'inpatient-staff': 'personal-sluten-vard',
  'connected-counts': 'anslutna-storsjoglantan',
  'index-values': 'indexvarden',
  'allocation-keys': 'fordelningsnycklar',
  'development-budgets': 'utvecklingsbudgetar',
  population: 'folkmangd',
};
