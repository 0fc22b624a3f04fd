/**
 * Child process of the runner: runs one suite and writes its SuiteResult as JSON to the given file.
 * Usage: node --expose-gc bench/dist/run-suite.js <name> <out.json> [--quick]
 */
import { writeFileSync } from 'node:fs';
import { suites } from './suites.js';

const [name, out] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const entry = suites.find((s) => s.name === name);
if (!entry?.load || out === undefined) throw new Error(`no runnable suite named ${String(name)}`);
const suite = await entry.load();
const result = await suite.run({ quick });
writeFileSync(out, JSON.stringify(result));
// Suites may leave pools or engines open; the result is written, so end here.
process.exit(0);
