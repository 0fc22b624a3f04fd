/**
 * `samverkan assess` shows the hired-staff rate in the price level of the year of the date asked,
 * as `POST /api/v1/assess` does: from the `--index` file, else from the configured database's
 * index values (the demo database holds VPI 2026 = 3,1 %: 640 kr × 1,031 → 660 kr), else the
 * agreement's base value (640 kr, 2025 års nivå) — and asking never creates a database.
 * In-process through the CLI entry (cli/main.ts `run`).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samverkanInProcess } from '../cli-run.testkit.js';

const situation = {
  housing: 'ordinart',
  registeredMunicipality: '2380',
  storsjoglantan: false,
  atDayActivity: false,
  safeAtHome: false,
  time: '10:00',
  date: '2026-03-01',
};

interface Rate {
  readonly valueOre: number;
  readonly baseYear: number | null;
}

describe('samverkan assess: rates of the year asked', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let input: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-assess-rates-'));
    env = { SAMVERKAN_VAR_DIR: dir, SAMVERKAN_DB_FILE: join(dir, 'demo.sqlite'), LOG_LEVEL: 'warn', DATABASE_URL: '' };
    input = join(dir, 'situation.json');
    writeFileSync(input, JSON.stringify(situation));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function assess(extra: readonly string[] = []): Promise<{ rate: Rate; explained: string }> {
    const json = await samverkanInProcess(['assess', '--input', input, '--json', ...extra], { env });
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const body = JSON.parse(json.stdout) as { performing: { rate: Rate & { parameter: string } } };
    expect(body.performing.rate.parameter).toBe('dagtid.timpris');
    const explained = await samverkanInProcess(['assess', '--input', input, '--explain', ...extra], { env });
    expect(explained.status).toBe(0);
    return { rate: body.performing.rate, explained: explained.stdout };
  }

  it('without a database or --index: the base value, and no database is created', async () => {
    const r = await assess();
    expect(r.rate).toMatchObject({ valueOre: 64_000, baseYear: 2025 });
    expect(r.explained).toContain('640,00 kr per påbörjad timme (2025 års nivå)');
    expect(existsSync(join(dir, 'demo.sqlite'))).toBe(false);
  });

  it('with --index: that file’s VPI for the year of the date asked', async () => {
    const index = join(dir, 'index.csv');
    writeFileSync(index, 'series;year;percent\nVPI;2026;10\n');
    const r = await assess(['--index', index]);
    // 640 kr (2025) × 1,10 = 704 kr in 2026's price level.
    expect(r.rate).toMatchObject({ valueOre: 70_400, baseYear: 2026 });
    expect(r.explained).toContain('704,00 kr per påbörjad timme (2026 års nivå)');
  });

  it('with a database: its stored index values, as the API shows them (660 kr for 2026)', async () => {
    const init = await samverkanInProcess(['db', 'init', '--demo'], { env });
    expect(init.status).toBe(0);
    const r = await assess();
    expect(r.rate).toMatchObject({ valueOre: 66_000, baseYear: 2026 });
    expect(r.explained).toContain('660,00 kr per påbörjad timme (2026 års nivå)');
    expect(r.explained).not.toContain('640,00 kr');
  }, 60_000);
});
