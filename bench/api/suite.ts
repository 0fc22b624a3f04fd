/**
 * API benchmark (issue 11, point 4): `POST /api/v1/assess` (anonymous), `POST /api/v1/calculations/price`
 * (signed in: session cookie and CSRF token) and `GET /healthz` of the real service (`samverkan start`
 * from dist, SQLite, demo data, logging at info) against the ceiling: a bare Fastify 5 route in a
 * process of its own returning the same bytes with the same content type. autocannon on loopback,
 * 10 connections, a bounded time per run; ours and the ceiling alternate (A B A B …) and the ratio
 * of req/s is taken per pair. Both answer the same bytes: ours is asked once before, and that
 * answer is what the ceiling serves.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stats } from '../harness/stats.js';
import { interleaved, ratios } from '../harness/paired.js';
import type { Row, Suite, SuiteOptions, SuiteResult } from '../harness/suite.js';
import { load, type LoadOptions, type LoadResult } from './autocannon.js';
import { startBare, startOurs, type Child } from './processes.js';
import { MAX_PRICE_ANSWERS } from '@samverkan/server/dist/calculations/recent-answers.js';

const CONNECTIONS = 10;
const P99_GOAL_MS = 10;
const RATIO_GOAL = 0.5;

interface Case {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  /** Bodies sent in turn instead of one body (the case that no recent-answers cache can serve). */
  readonly bodies?: readonly string[];
  readonly signedIn: boolean;
  readonly goal: boolean;
}

/** Distinct price bodies of the varied case: four times the price route's cache bound, so every request misses it. */
const VARIED_BODIES = 2000;
/** Marks the varied case's requests for the ceiling, which answers each body with ours' answer for it. */
const VARIED_HEADER = 'x-bench-varied';

/** `VARIED_BODIES` distinct valid price bodies: each flow with 1, 2, 3 … minutes. */
function variedPriceBodies(): string[] {
  const flows = ['dagtid', 'synhorsel', 'mt'] as const;
  return Array.from({ length: VARIED_BODIES }, (_, i) =>
    JSON.stringify({ flow: flows[i % flows.length], year: 2026, minutes: 1 + Math.floor(i / flows.length) }),
  );
}

const cases: readonly Case[] = [
  {
    name: 'POST /api/v1/assess (anonymous)',
    method: 'POST',
    path: '/api/v1/assess',
    // The shipped example situation (ordinary housing, products, an evening time).
    body: JSON.stringify(
      JSON.parse(readFileSync(new URL('../../../agreements/jamtland-2026/examples/assess-ordinart.json', import.meta.url), 'utf8')),
    ),
    signedIn: false,
    goal: true,
  },
  {
    name: 'POST /api/v1/calculations/price (signed in)',
    method: 'POST',
    path: '/api/v1/calculations/price',
    body: JSON.stringify({ flow: 'dagtid', year: 2026, minutes: 90 }),
    signedIn: true,
    goal: true,
  },
  {
    name: `POST /api/v1/calculations/price (signed in, ${VARIED_BODIES.toLocaleString('sv-SE')} distinct bodies in turn)`,
    method: 'POST',
    path: '/api/v1/calculations/price',
    bodies: variedPriceBodies(),
    signedIn: true,
    goal: true,
  },
  { name: 'GET /healthz', method: 'GET', path: '/healthz', signedIn: false, goal: false },
];

async function signIn(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ekonom.region', password: 'demo-samverkan' }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${String(res.status)} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function run(opts: SuiteOptions): Promise<SuiteResult> {
  const duration = opts.quick ? 2 : 10;
  const rounds = opts.quick ? 5 : 5;
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-api-'));
  const ours = await startOurs(dir);
  const failures: string[] = [];
  const rows: Row[] = [];
  const extra: string[] = ['| route | ours: bytes of the answer | non-2xx or errors (ours / ceiling, all runs) |', '|---|---|---|'];
  try {
    const auth = await signIn(ours.url);
    const answers = [];
    for (const c of cases) {
      const headers: Record<string, string> = {
        ...(c.body === undefined && c.bodies === undefined ? {} : { 'content-type': 'application/json' }),
        ...(c.signedIn ? auth : {}),
        ...(c.bodies === undefined ? {} : { [VARIED_HEADER]: '1' }),
      };
      // Ours' answer to every body the case sends (each must be a 200); the ceiling serves these bytes.
      const byBody: Record<string, string> = {};
      let contentType = 'application/json; charset=utf-8';
      for (const sent of c.bodies ?? [c.body]) {
        const res = await fetch(`${ours.url}${c.path}`, { method: c.method, headers, ...(sent === undefined ? {} : { body: sent }) });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`${c.name}: ${String(res.status)} ${text}`);
        contentType = res.headers.get('content-type') ?? contentType;
        byBody[sent ?? ''] = text;
      }
      const first = c.bodies?.[0] ?? c.body ?? '';
      answers.push({ c, headers, body: byBody[first] ?? '', byBody, contentType });
    }
    // One ceiling route per method and path: the single-body case's answer, and the varied case's answers by body.
    const routes = new Map<string, { method: string; path: string; contentType: string; body: string; answers: Record<string, string> }>();
    for (const a of answers) {
      const key = `${a.c.method} ${a.c.path}`;
      const route = routes.get(key) ?? { method: a.c.method, path: a.c.path, contentType: a.contentType, body: a.body, answers: {} };
      if (a.c.bodies === undefined) route.body = a.body;
      else Object.assign(route.answers, a.byBody);
      routes.set(key, route);
    }
    const routesFile = join(dir, 'routes.json');
    writeFileSync(routesFile, JSON.stringify([...routes.values()]));
    const bare = await startBare(routesFile, '/healthz');
    try {
      for (const a of answers) {
        const opt = (url: string): LoadOptions => ({
          url: `${url}${a.c.path}`,
          method: a.c.method,
          headers: a.headers,
          ...(a.c.body === undefined ? {} : { body: a.c.body }),
          ...(a.c.bodies === undefined ? {} : { bodies: a.c.bodies }),
          connections: CONNECTIONS,
          duration,
        });
        for (const sent of (a.c.bodies ?? [a.c.body]).slice(0, 20)) {
          const bareAnswer = await (
            await fetch(`${bare.url}${a.c.path}`, { method: a.c.method, headers: a.headers, ...(sent === undefined ? {} : { body: sent }) })
          ).text();
          if (bareAnswer !== a.byBody[sent ?? '']) failures.push(`${a.c.name}: the ceiling's answer differs from ours`);
        }
        const runs: { ours: LoadResult[]; bare: LoadResult[] } = { ours: [], bare: [] };
        // Server CPU per answer (µs): what a request costs the server whatever else loads the machine.
        const cpu: { ours: number[]; bare: number[] } = { ours: [], bare: [] };
        const measured = async (side: 'ours' | 'bare', child: Child): Promise<number> => {
          const before = child.cpuMs();
          const x = await load(opt(child.url));
          cpu[side].push(((child.cpuMs() - before) * 1000) / Math.max(1, x.answered));
          runs[side].push(x);
          return x.reqPerSec;
        };
        // Warm both (JIT, caches) with one short unmeasured run each.
        await load({ ...opt(ours.url), duration: 1 });
        await load({ ...opt(bare.url), duration: 1 });
        const r = await interleaved(
          {
            ours: () => measured('ours', ours),
            bare: () => measured('bare', bare),
          },
          { runs: rounds },
        );
        const ratio = stats(ratios(r.ours, r.bare));
        const cpuRatio = stats(ratios(cpu.bare, cpu.ours));
        const pct = (x: number): string => `${(100 * x).toFixed(0)} %`;
        // Under load the req/s ratio swings with whichever process the scheduler starves; the CPU
        // ratio does not. The goal is met only when both say so.
        const throughputGoal = ((): { met: boolean; detail?: string } => {
          const byReq = ratio.median >= RATIO_GOAL;
          const byCpu = Number.isNaN(cpuRatio.median) || cpuRatio.median >= RATIO_GOAL;
          if (byReq && byCpu) return { met: true };
          if (byReq)
            return {
              met: false,
              detail: `req/s reached ${pct(ratio.median)} in this loaded run, but the server CPU per answer is ${pct(cpuRatio.median)} of the ceiling's efficiency — missed by ${(100 * (RATIO_GOAL - cpuRatio.median)).toFixed(0)} percentage points there`,
            };
          return {
            met: false,
            detail: `missed by ${(100 * (RATIO_GOAL - ratio.median)).toFixed(0)} percentage points (server CPU per answer: ${pct(cpuRatio.median)} of the ceiling's efficiency)`,
          };
        })();
        const p99 = stats(runs.ours.map((x) => x.p99Ms));
        const bareP99 = stats(runs.bare.map((x) => x.p99Ms));
        const bad = (xs: LoadResult[]): number => xs.reduce((s, x) => s + x.non2xx + x.errors, 0);
        extra.push(`| ${a.c.name} | ${String(Buffer.byteLength(a.body))} | ${String(bad(runs.ours))} / ${String(bad(runs.bare))} |`);
        if (bad(runs.ours) > 0) failures.push(`${a.c.name}: ${String(bad(runs.ours))} answers of ours were not 2xx`);
        rows.push({
          measure: `${a.c.name}: throughput`,
          ours: { stats: stats(r.ours), unit: 'req/s' },
          peer: { name: 'bare Fastify 5', figure: { stats: stats(r.bare), unit: 'req/s' } },
          ratio: { label: 'of the ceiling', figure: { stats: ratio, unit: '%' } },
          ...(a.c.goal ? { goal: { text: '≥ 50 % of the ceiling', ...throughputGoal } } : {}),
        });
        rows.push({
          measure: `${a.c.name}: server CPU per answer (far less sensitive to the load than req/s)`,
          ours: { stats: stats(cpu.ours), unit: 'µs' },
          peer: { name: 'bare Fastify 5', figure: { stats: stats(cpu.bare), unit: 'µs' } },
          ratio: { label: 'ceiling ÷ ours (≥ 50 %: ours costs at most twice the ceiling)', figure: { stats: cpuRatio, unit: '%' } },
          ...(a.c.goal
            ? {
                goal: {
                  text: 'at most 2× the ceiling’s CPU per answer (part of the throughput goal)',
                  met: cpuRatio.median >= RATIO_GOAL,
                  ...(cpuRatio.median >= RATIO_GOAL
                    ? {}
                    : {
                        // From the per-pair ratio, as the goal is judged (the ratio of the two medians can read under 2×).
                        detail: `${(1 / cpuRatio.median).toFixed(2)}× the ceiling per pair (median)`,
                      }),
                },
              }
            : {}),
        });
        rows.push({
          measure: `${a.c.name}: p99 latency`,
          ours: { stats: p99, unit: 'ms' },
          peer: { name: 'bare Fastify 5', figure: { stats: bareP99, unit: 'ms' } },
          ...(a.c.goal
            ? {
                goal: {
                  text: 'p99 < 10 ms',
                  met: p99.median < P99_GOAL_MS,
                  ...(p99.median < P99_GOAL_MS ? {} : { detail: `${(p99.median - P99_GOAL_MS).toFixed(1)} ms over` }),
                },
              }
            : {}),
        });
      }
    } finally {
      await bare.stop();
    }
  } finally {
    await ours.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'API against bare Fastify',
    intro: [
      `The real service (\`samverkan start\` from dist, SQLite with the demo data, logging at info to /dev/null) and the ceiling (a bare Fastify 5 app, logger off, one route per path returning ours' exact answer bytes and content type), each in its own process; autocannon in the benchmark's process on loopback, ${String(CONNECTIONS)} connections, no pipelining, ${String(duration)} s per run, ${String(rounds)} interleaved rounds after a 1 s warm-up of each. The signed-in route carries the session cookie and the CSRF token of \`ekonom.region\`.`,
    ],
    rows,
    notes: [
      'Throughput counts 2xx answers per second; the ratio is ours ÷ ceiling within each round.',
      "All three processes (autocannon, ours, the ceiling when it runs) share the machine's 2 cores, so absolute figures fall with the load; the ratio is the figure to compare.",
      "Server CPU per answer: the server process's user + system time during the run (/proc/<pid>/stat) ÷ the answers it gave. It does not count the time the process waits for a core, so on a loaded machine it is the better figure that says whether the goal can be met: ≥ 50 % of the ceiling's req/s needs ours to cost at most twice the ceiling's CPU per answer. The throughput goal counts as met only when both ratios reach 50 %.",
      'The assess case and the first price case repeat one body, so after the first request ours answers from its recent-answers cache (decisions 0185 and 0230: the validated body and the reference version → the JSON bytes; the session, CSRF, role, text gate, bounds and schema still run on every request). Without that cache an assessment cost about 240 µs of server CPU (commit a4ec1bc).',
      `The varied price case sends ${VARIED_BODIES.toLocaleString('sv-SE')} distinct valid bodies in turn (each flow with 1, 2, 3 … minutes), more than the price cache holds (${String(MAX_PRICE_ANSWERS)} per reference version), so in this cyclic order every request misses it and is calculated, rendered and serialized anew: that row is the price route without any answer cache. The ceiling answers each of those bodies with ours' bytes for it (one map lookup by the body's JSON text), so both sides send the same answers.`,
      "Where ours' CPU still goes (cpu profiles of `samverkan start` under autocannon, December 2026, after decision 0230): Fastify's own per-request work, the cookie parse, the security headers (13 per answer), and for the calculation routes one prepared read of the reference version per request (decision 0185: a recorded value shows on the next call, in any process): in WAL mode any SQLite statement starts a read transaction, which costs 8–13 µs — more than half the ceiling's whole answer — whatever the query. A signed-in POST adds the JSON body checks (strict UTF-8, depth, prototype poisoning), Ajv, the text gate over the body, the session (cached, 0175) and the constant-time CSRF comparison; the uncached price adds the calculation with its Swedish step texts and ~2.8 KB of JSON (about 100 µs). Cut by decision 0230: the request line no longer goes through pino's redaction and is written in batches, one synchronous first hook instead of three hooks and an async onSend, no promise for a cached session, request loggers made only when something is logged, the session hash and CSRF token derived once per session, today's date once per day, recent price answers.",
    ],
    extra: extra.join('\n'),
    failures,
  };
}

/** The API suite. */
export const suite: Suite = { name: 'api', run };
