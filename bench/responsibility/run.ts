/**
 * Benchmark of the Ansvarsguide's care-responsibility table (R1–R8 with the four criteria):
 * 1 000 000 seeded random situations through our engine, json-rules-engine and @gorules/zen-engine,
 * all encoding the same table (generated from rules/care-responsibility.yaml, see raw-table.ts).
 * Every situation a peer evaluates must get the same rule id and party as ours. Writes the figures
 * to bench/results.md (its own section) and prints them.
 *
 * Environment: BENCH_N (default 1 000 000), BENCH_SEED (default 20260101), BENCH_PEER_SECONDS
 * (default 180: a peer too slow for all situations in that time runs on a sample of the first ones).
 *
 * Run: `npm run bench` (builds bench/ with tsc -b, then node bench/dist/responsibility/run.js).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { assess, assessCareResponsibility, housings, type MunicipalityRef, type Situation, type Tri } from '@samverkan/core';
import { FIELDS, generate } from './generate.js';
import { loadShipped, repoRoot } from './load.js';
import { jsonRulesEngine, runJsonRulesEngine } from './peer-json-rules-engine.js';
import { careRulesForPeers } from './raw-table.js';
import { runZen, zenDecision } from './peer-zen.js';

const N = Number(process.env['BENCH_N'] ?? 1_000_000);
const SEED = Number(process.env['BENCH_SEED'] ?? 20260101);
const PEER_SECONDS = Number(process.env['BENCH_PEER_SECONDS'] ?? 180);
const W = FIELDS.length;
const TRI = ['false', 'true', 'unknown'] as const;

const { agreement, rules, compileMs } = loadShipped();
const ruleIds = rules.care.views.map((v) => v.id);
const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
const parties = ['region', 'kommun', 'undecided'];
const municipalities: MunicipalityRef[] = [...rules.municipalities.values()];
const data = generate(N, SEED);

function situation(i: number): Situation {
  const o = i * W;
  const d = (k: number): number => data[o + k] ?? 0;
  return {
    date: '2026-03-01',
    municipality: d(0) === 8 ? null : (municipalities[d(0)] ?? null),
    homeRegion: null,
    storsjoglantan: d(1) as Tri,
    atDayActivity: d(2) as Tri,
    housing: housings[d(3)] ?? 'ordinart',
    safeAtHome: d(4) as Tri,
    needOver14Days: d(5) as Tri,
    cfs: d(6) === 9 ? null : d(6) + 1,
    cognitiveImpairment: d(7) as Tri,
    cannotReachHealthCentre: d(8) as Tri,
    prefersHealthCentre: d(9) as Tri,
    preferenceRisksSafety: d(10) as Tri,
    listedAtOtherHealthCentre: 2,
    timeMinutes: null,
    products: [],
  };
}

function facts(i: number): Record<string, string | number> {
  const o = i * W;
  const d = (k: number): number => data[o + k] ?? 0;
  const t = (k: number): string => TRI[d(k)] ?? 'unknown';
  return {
    registered: d(0) === 8 ? 'false' : 'true',
    storsjoglantan: t(1),
    atDayActivity: t(2),
    housing: housings[d(3)] ?? 'ordinart',
    safeAtHome: t(4),
    needOver14Days: t(5),
    cfs: d(6) === 9 ? 0 : d(6) + 1,
    cognitiveImpairment: t(7),
    cannotReachHealthCentre: t(8),
    prefersHealthCentre: t(9),
    preferenceRisksSafety: t(10),
  };
}

interface Run {
  readonly name: string;
  readonly count: number;
  readonly seconds: number;
  readonly rule: Uint8Array;
  readonly party: Uint8Array;
}

function perSecond(r: Run): number {
  return r.count / r.seconds;
}

// --- Our engine: the care question (rule, party, municipality, clauses with quotes) ---------------
function runOurs(): Run {
  const rule = new Uint8Array(N);
  const party = new Uint8Array(N);
  let clauseCount = 0;
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    const care = assessCareResponsibility(rules, situation(i)).careResponsibility;
    rule[i] = ruleIndex.get(care.rule) ?? 255;
    party[i] = parties.indexOf(care.party);
    clauseCount += care.clauses.length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (clauseCount < N) throw new Error('an answer without clauses');
  return { name: 'samverkan (care question)', count: N, seconds, rule, party };
}

// --- Our engine: the whole answer (care, criteria, physician, performing, duties, handover …) ------
function runOursFull(): Run {
  const rule = new Uint8Array(N);
  const party = new Uint8Array(N);
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    const a = assess(agreement, rules, situation(i));
    rule[i] = ruleIndex.get(a.careResponsibility.rule) ?? 255;
    party[i] = parties.indexOf(a.careResponsibility.party);
  }
  return { name: 'samverkan (whole answer)', count: N, seconds: (performance.now() - started) / 1000, rule, party };
}

/** Run an async peer over the first situations within the time budget, `window` evaluations in flight. */
async function runPeer(name: string, evaluate: (f: Record<string, string | number>) => Promise<{ rule: string; party: string }>, window: number): Promise<Run> {
  const rule = new Uint8Array(N);
  const party = new Uint8Array(N);
  const started = performance.now();
  let count = 0;
  const deadline = started + PEER_SECONDS * 1000;
  while (count < N) {
    const end = Math.min(N, count + 10_000);
    for (let i = count; i < end; i += window) {
      const batch = [];
      for (let j = i; j < Math.min(end, i + window); j++) batch.push(evaluate(facts(j)).then((r) => [j, r] as const));
      for (const [j, r] of await Promise.all(batch)) {
        rule[j] = ruleIndex.get(r.rule) ?? 255;
        party[j] = parties.indexOf(r.party);
      }
    }
    count = end;
    if (performance.now() > deadline) break;
  }
  return { name, count, seconds: (performance.now() - started) / 1000, rule, party };
}

function disagreements(ours: Run, peer: Run): number[] {
  const bad: number[] = [];
  for (let i = 0; i < peer.count; i++) if (ours.rule[i] !== peer.rule[i] || ours.party[i] !== peer.party[i]) bad.push(i);
  return bad;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('sv-SE');
}

function sh(cmd: string): string {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const peerRules = careRulesForPeers(rules);
  const zen = zenDecision(peerRules);
  const jre = jsonRulesEngine(peerRules);
  console.log(`${fmt(N)} situationer (frö ${String(SEED)}); regeltabellen kompilerad på ${compileMs.toFixed(0)} ms; ${String(zen.rows)} rader i zen-tabellen.`);

  // Warm-up so every engine is measured hot.
  for (let i = 0; i < 20_000; i++) assessCareResponsibility(rules, situation(i));
  for (let i = 0; i < 2_000; i++) {
    await runZen(zen.decision, facts(i));
    await runJsonRulesEngine(jre, facts(i));
  }

  const ours = runOurs();
  console.log(`${ours.name}: ${fmt(perSecond(ours))}/s`);
  const full = runOursFull();
  console.log(`${full.name}: ${fmt(perSecond(full))}/s`);
  const zenRun = await runPeer('@gorules/zen-engine', (f) => runZen(zen.decision, f), 64);
  console.log(`${zenRun.name}: ${fmt(perSecond(zenRun))}/s över ${fmt(zenRun.count)}`);
  const jreRun = await runPeer('json-rules-engine', (f) => runJsonRulesEngine(jre, f), 1);
  console.log(`${jreRun.name}: ${fmt(perSecond(jreRun))}/s över ${fmt(jreRun.count)}`);

  const checks = [full, zenRun, jreRun].map((r) => ({ r, bad: disagreements(ours, r) }));
  for (const { r, bad } of checks) {
    if (bad.length > 0) {
      const i = bad[0] ?? 0;
      console.error(`${r.name} avviker i ${String(bad.length)} situationer, t.ex. ${JSON.stringify(facts(i))}: ${ruleIds[ours.rule[i] ?? 0] ?? '?'} mot ${ruleIds[r.rule[i] ?? 0] ?? '?'}`);
    }
  }
  const undecided = ours.party.reduce((n, p) => n + (p === 2 ? 1 : 0), 0);

  const machine = `${sh('nproc')} CPU (${cpus()[0]?.model ?? sh("grep -m1 'model name' /proc/cpuinfo")}), Node ${process.version}, ${process.platform}`;
  const row = (r: Run, base: Run): string =>
    `| ${r.name} | ${fmt(r.count)} | ${r.seconds.toFixed(2)} s | **${fmt(perSecond(r))}** | ${(perSecond(base) / perSecond(r)).toFixed(1)}× | ${r === base ? '–' : `${fmt(r.count - (checks.find((c) => c.r === r)?.bad.length ?? 0))} / ${fmt(r.count)}`} |`;
  const section = [
    '<!-- bench:responsibility -->',
    '## Responsibility (Ansvarsguide)',
    '',
    `Measured by \`npm run bench\` (bench/responsibility/) on ${new Date().toISOString().slice(0, 10)}, ${machine}.`,
    `${fmt(N)} random care situations (seed ${String(SEED)}; every input uniform over its values, unknown included: ${fmt(undecided)} undecided answers) through the care-responsibility table R1–R8 with the four criteria. The peers get the same table, generated from \`rules/care-responsibility.yaml\` (${String(peerRules.length)} rules, ${String(zen.rows)} decision-table rows). Agreement = same rule id and party on every situation the peer evaluated. The rule tables compile (with every overlap, gap and unknown-input check) in ${compileMs.toFixed(0)} ms.`,
    '',
    '| engine | situations | time | situations/s | ours is faster by | agrees with ours |',
    '|---|---|---|---|---|---|',
    row(ours, ours),
    row(full, ours).replace(/\| [\d.]+× \|/, `| (${(perSecond(ours) / perSecond(full)).toFixed(1)}× slower than the care question alone) |`),
    row(zenRun, ours),
    row(jreRun, ours),
    '',
    `- *samverkan (care question)*: \`assessCareResponsibility\` — rule id, party, municipality, unit, the clauses with their Swedish quotes, missing inputs, and the four criteria; one cell lookup in the compiled decision table.`,
    `- *samverkan (whole answer)*: \`assess\` — also physician, who performs and billing, vision/hearing, duties and handover routines (the JSON of \`samverkan assess --json\`).`,
    `- *@gorules/zen-engine* ${String(zen.rows)}-row JDM decision table, hit policy first, evaluated with 64 evaluations in flight (its async API); rule id and party only.`,
    `- *json-rules-engine*: one rule per table rule with distinct priorities and \`engine.stop()\` on the first success; rule id and party only.`,
    zenRun.count < N || jreRun.count < N
      ? `- Peers slower than ${String(PEER_SECONDS)} s for all situations ran on a sample: the first ${fmt(zenRun.count)} (zen) and ${fmt(jreRun.count)} (json-rules-engine) of the same seeded sequence; agreement is checked on that sample.`
      : '- Every engine evaluated all situations.',
    '<!-- /bench:responsibility -->',
  ].join('\n');
  const path = join(repoRoot, 'bench/results.md');
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = '# Benchmark results\n';
  }
  const re = /<!-- bench:responsibility -->[\s\S]*?<!-- \/bench:responsibility -->/;
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, text);
  console.log(section);
  const failed = checks.filter((c) => c.bad.length > 0);
  if (failed.length > 0) process.exitCode = 1;
  const zenFactor = perSecond(ours) / perSecond(zenRun);
  const jreFactor = perSecond(ours) / perSecond(jreRun);
  console.log(`Mål: ≥10× json-rules-engine (${jreFactor.toFixed(1)}×), ≥2× zen-engine (${zenFactor.toFixed(1)}×).`);
  zen.engine.dispose();
}

await main();
