/**
 * `samverkan db backup` and `db restore` tell a person what was saved: the file with its size, the
 * checkpoint beside it and, per kind of thing, its Swedish name and count — never a table name.
 * `--json` keeps the table names for scripts. In-process through the CLI entry.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countedTables } from '../../store/backup.js';
import { samverkanInProcess } from '../cli-run.testkit.js';
import { fileSizeText, savedTableNames } from '../saved-tables.js';

describe('samverkan db backup and restore in words', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-backup-text-'));
    env = { SAMVERKAN_VAR_DIR: dir, SAMVERKAN_DB_FILE: join(dir, 'live.sqlite'), LOG_LEVEL: 'warn', DATABASE_URL: '' };
    expect((await samverkanInProcess(['db', 'init', '--demo'], { env })).status).toBe(0);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('names every counted table in Swedish', () => {
    expect(Object.keys(savedTableNames).sort()).toEqual([...countedTables].sort());
  });

  it('sizes read as a person says them', () => {
    expect(fileSizeText(812)).toBe('812 byte');
    expect(fileSizeText(49_357)).toBe('48,2 kB');
    expect(fileSizeText(1_363_149)).toBe('1,3 MB');
    expect(fileSizeText(3 * 1024 ** 3)).toBe('3 GB');
  });

  it('a backup prints the file, its size and what it holds by name, and a restore the same', async () => {
    const file = join(dir, 'kopia.sqlite');
    const r = await samverkanInProcess(['db', 'backup', file], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Säkerhetskopian är sparad i ${file} (${fileSizeText(statSync(file).size)}).`);
    expect(r.stdout).toContain(`Kontrollpunkten för granskningsloggen ligger bredvid: ${file}.checkpoint.json`);
    expect(r.stdout).toMatch(/^Användare\s+\d+$/m);
    expect(r.stdout).toMatch(/^Händelser i granskningsloggen\s+[\d ]+$/m);
    expect(r.stdout).toMatch(/^Fakturaunderlag\s+\d+$/m);
    for (const table of countedTables) expect(r.stdout, table).not.toMatch(new RegExp(`\\b${table}\\b`));

    const json = await samverkanInProcess(['db', 'backup', join(dir, 'kopia2.sqlite'), '--json'], { env });
    expect(Object.keys((JSON.parse(json.stdout) as { counts: object }).counts).sort()).toEqual([...countedTables].sort());

    const restored = await samverkanInProcess(['db', 'restore', file], { env: { ...env, SAMVERKAN_DB_FILE: join(dir, 'ny.sqlite') } });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('Databasen innehåller nu:');
    expect(restored.stdout).toMatch(/^Granskningsloggen är obruten: [\d ]+ händelser, senaste kontrollsumma [0-9a-f]+\.$/m);
    for (const table of countedTables) expect(restored.stdout, table).not.toMatch(new RegExp(`\\b${table}\\b`));
  }, 60_000);
});
