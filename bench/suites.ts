/**
 * Every benchmark `npm run bench` runs, in order. A suite not yet written has `load: null` and is
 * listed in bench/results.md as "not yet measured". To plug a suite in, export `suite: Suite`
 * (bench/harness/suite.ts) from its module and point `load` at it.
 */
import type { Suite } from './harness/suite.js';

export interface SuiteEntry {
  readonly name: string;
  /** Heading used when the suite is not (yet) measured. */
  readonly title: string;
  readonly load: (() => Promise<Suite>) | null;
}

export const suites: readonly SuiteEntry[] = [
  {
    name: 'responsibility',
    title: 'Rules (Ansvarsguide) against zen-engine, json-rules-engine and a raw lookup',
    load: async () => (await import('./responsibility/suite.js')).suite,
  },
  { name: 'import', title: 'Import against DuckDB', load: async () => (await import('./import/suite.js')).suite },
  { name: 'billing', title: 'Billing run: time and memory', load: async () => (await import('./billing/suite.js')).suite },
  { name: 'api', title: 'API against bare Fastify', load: async () => (await import('./api/suite.js')).suite },
  { name: 'web', title: 'Web: bytes on the wire and the guide', load: async () => (await import('./wire/suite.js')).suite },
  {
    name: 'sqlite-vs-postgres',
    title: 'SQLite against PostgreSQL: the same import and billing',
    load: async () => (await import('./sqlite-vs-postgres/suite.js')).suite,
  },
];
