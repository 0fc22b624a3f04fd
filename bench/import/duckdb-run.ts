/**
 * The peer as a process of its own, like ours (`samverkan import`): `node duckdb-run.js <csv> <rate>`
 * prints DuckDB's per-pair-per-month totals as JSON. Both sides then pay a process start.
 */
import { duckdbTotals } from './duckdb-totals.js';

const [path, rate] = process.argv.slice(2);
if (path === undefined || rate === undefined) throw new Error('usage: duckdb-run <csv> <rate öre>');
process.stdout.write(`${JSON.stringify(await duckdbTotals(path, Number(rate)))}\n`);
