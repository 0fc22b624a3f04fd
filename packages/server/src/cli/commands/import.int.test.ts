/**
 * `samverkan import` against both databases: an accepted file (JSON report),
 * the same file again (nothing added), a file with bad rows (exit 2 and every bad row listed),
 * unknown kinds and missing files — in-process through the CLI's entry, with the real binary once
 * for its exit code and its stdout/stderr. And streaming (the binary, for its memory): a 200 000-row CSV generated on the fly imports
 * within a JS heap capped at 96 MB, with peak RSS less than 150 MB over a 10-row import. (The
 * 1 000 000-row figure belongs to the benchmark against DuckDB, issue 6; this keeps the test
 * under a minute.)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, hasStackTrace, repoRoot, samverkanInProcess } from '../cli-run.testkit.js';
import { databaseTargets, sqliteTarget, type TestDatabase } from '../../testing/databases.testkit.js';

const bin = join(repoRoot, 'packages/server/bin/samverkan.js');
const HEADER = 'datum;starttid;utförare;beställare;insatstid;administration;återrapportering;restid;resa samordnad;referens\n';
const MUNICIPALITIES = ['Östersund', 'Krokom', 'Berg', 'Bräcke', 'Härjedalen', 'Ragunda', 'Strömsund', 'Åre'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Write `rows` generated daytime assignments to `path`, streaming (the file is never in memory). */
async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER);
  for (let i = 0; i < rows; i++) {
    const m = MUNICIPALITIES[i % 8] ?? 'Berg';
    const lends = i % 2 === 0;
    const line = `2026-03-${String(1 + (i % 28)).padStart(2, '0')};${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')};${lends ? m : 'region'};${lends ? 'region' : m};${String(10 + (i % 90))};${String(i % 15)};${String(i % 7)};${String(i % 30)};${i % 3 === 0 ? 'ja' : 'nej'};R${String(i)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

beforeAll(() => {
  buildPackages();
}, 180_000);

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: samverkan import`, () => {
    let db: TestDatabase;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    const binary = (args: string[]): Run => {
      const r = spawnSync('node', [bin, ...args], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const run = (args: string[]): Promise<Run> => samverkanInProcess(args, { env: { ...env, DATABASE_URL: db.options.databaseUrl } });

    beforeAll(async () => {
      db = await target.create();
      dir = mkdtempSync(join(tmpdir(), 'samverkan-import-cli-'));
      env = { ...process.env, SAMVERKAN_VAR_DIR: dir, LOG_LEVEL: 'warn' };
      delete env['DATABASE_URL'];
      if (db.options.databaseUrl !== undefined) env['DATABASE_URL'] = db.options.databaseUrl;
      else env['SAMVERKAN_DB_FILE'] = db.options.sqliteFile;
    });
    afterAll(async () => {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports a file once, reports JSON, and adds nothing the second time', async () => {
      const file = join(dir, 'uppdrag.csv');
      writeFileSync(file, `${HEADER}2026-03-02;09:00;Östersund;region;61;0;0;0;nej;A\n2026-03-03;10:00;region;Krokom;30;5;5;0;nej;B\n`);
      const first = await run(['import', 'daytime-assignments', file, '--json']);
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        kind: 'daytime-assignments',
        filename: 'uppdrag.csv',
        rows: 2,
        inserted: 2,
        duplicates: 0,
        alreadyImported: false,
      });
      const again = await run(['import', 'daytime-assignments', file]);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('inget nytt');
    });

    it('exits 2 and lists every bad row when a file is refused; nothing is written', async () => {
      const file = join(dir, 'fel.csv');
      writeFileSync(
        file,
        `${HEADER}2026-03-04;09:00;Östersund;region;30;0;0;0;nej;C\n2026-13-01;09:00;Östersund;region;30;0;0;0;nej;D\n2026-03-05;09:00;Oslo;region;30;0;0;0;nej;E\n`,
      );
      const text = await run(['import', 'daytime-assignments', file]);
      expect(text.status).toBe(2);
      expect(text.stderr).toContain('rad 3, kolumn "datum"');
      expect(text.stderr).toContain('rad 4, kolumn "utförare"');
      expect(text.stderr).toContain('inget har sparats');
      // The summary first, then the problems it points to, each once.
      expect(text.stderr.indexOf('2 problem på 2 rader')).toBeGreaterThanOrEqual(0);
      expect(text.stderr.indexOf('Rätta felen nedan')).toBeLessThan(text.stderr.indexOf('rad 3, kolumn "datum"'));
      expect(text.stderr.indexOf('rad 3, kolumn "datum"')).toBeLessThan(text.stderr.indexOf('rad 4, kolumn "utförare"'));
      expect(text.stderr.split('inget har sparats')).toHaveLength(2);
      expect(hasStackTrace(text.stderr)).toBe(false);
      // The binary: exit code 2, the JSON document alone on stdout, the Swedish list on stderr.
      const json = binary(['import', 'daytime-assignments', file, '--json']);
      expect(json.status).toBe(2);
      expect(json.stderr).toContain('2 problem på 2 rader');
      expect(hasStackTrace(json.stdout + json.stderr)).toBe(false);
      const body = JSON.parse(json.stdout) as { error: { code: string; details: { line: number; field: string }[] } };
      expect(body.error.code).toBe('SAMV_ERR_IMPORT_REJECTED');
      expect(body.error.details.map((d) => [d.line, d.field])).toEqual([
        [3, 'datum'],
        [4, 'utförare'],
      ]);
      // Row C was valid but must not have been written: importing just it adds one record.
      const alone = join(dir, 'c.csv');
      writeFileSync(alone, `${HEADER}2026-03-04;09:00;Östersund;region;30;0;0;0;nej;C\n`);
      expect(JSON.parse((await run(['import', 'daytime-assignments', alone, '--json'])).stdout)).toMatchObject({ inserted: 1 });
    });

    it('takes the Swedish kind names (English kept as aliases) and lists them in --help', async () => {
      const file = join(dir, 'svenska.csv');
      writeFileSync(file, `${HEADER}2026-04-06;09:00;Östersund;region;37,5;0;0;0;nej;SV\n`);
      const sv = await run(['import', 'uppdrag-dagtid', file, '--json']);
      expect(sv.status, sv.stderr).toBe(0);
      expect(JSON.parse(sv.stdout)).toMatchObject({ kind: 'daytime-assignments', inserted: 1 });
      const help = await run(['import', '--help']);
      expect(help.status).toBe(0);
      for (const [svName, en] of [
        ['uppdrag-dagtid', 'daytime-assignments'],
        ['syn-och-horselombud', 'ombud-tasks'],
        ['folkmangd', 'population'],
      ])
        expect(help.stdout).toMatch(new RegExp(`${svName}\\s+${en}`));
    });

    it('names unknown kinds and missing files in Swedish with exit 2', async () => {
      const kind = await run(['import', 'okand', join(dir, 'x.csv')]);
      expect(kind.status).toBe(2);
      expect(kind.stderr).toContain('okänd importtyp');
      const missing = await run(['import', 'daytime-assignments', join(dir, 'finns-inte.csv')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('kunde inte läsas');
    });
  });
}

describe.skipIf(!sqliteTarget.available)('SQLite: samverkan import streams with flat memory', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await sqliteTarget.create();
    dir = mkdtempSync(join(tmpdir(), 'samverkan-import-stream-'));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Import `file` with the heap capped; returns the report and the process's peak RSS in MB. */
  function measured(file: string): { report: { rows: number; inserted: number }; rssMb: number } {
    const probe = join(dir, 'rss-probe.mjs');
    const rssFile = join(dir, 'rss.txt');
    writeFileSync(
      probe,
      "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.SAMV_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SAMVERKAN_VAR_DIR: dir,
      SAMVERKAN_DB_FILE: db.options.sqliteFile,
      LOG_LEVEL: 'warn',
      SAMV_RSS_FILE: rssFile,
    };
    delete env['DATABASE_URL'];
    const r = spawnSync(
      'node',
      ['--max-old-space-size=96', '--import', probe, bin, 'import', 'daytime-assignments', file, '--json', '--no-progress'],
      { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 },
    );
    if (r.status !== 0) throw new Error(`import ${file}: ${String(r.status)} ${r.stderr}`);
    return { report: JSON.parse(r.stdout) as { rows: number; inserted: number }, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  }

  it('imports 200 000 rows with a 96 MB heap and peak RSS under 150 MB above a 10-row import', async () => {
    const small = join(dir, 'small.csv');
    const big = join(dir, 'big.csv');
    await generate(small, 10);
    await generate(big, 200_000);
    const baseline = measured(small);
    expect(baseline.report.inserted).toBe(10);
    const large = measured(big);
    expect(large.report).toMatchObject({ rows: 200_000, inserted: 199_990 });
    expect(large.rssMb - baseline.rssMb).toBeLessThan(150);
  }, 120_000);
});
