/**
 * `samverkan agreements` and `samverkan calendar` read the terminations recorded in the
 * configured database (SQLite file or DATABASE_URL), add those given with --terminated, and say
 * which source they used; without a database only --terminated counts, and no database is ever
 * created just to read. In-process through the CLI's entry against both databases; the built
 * binary once, for its exit code and streams when a database cannot be read.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../../agreement/read-agreement-dir.js';
import { prepareStore } from '../../store/prepare-store.js';
import { recordTermination } from '../../terminations/termination-store.js';
import { databaseTargets, type TestDatabase } from '../../testing/databases.testkit.js';
import { buildPackages, hasStackTrace, samverkan, samverkanInProcess, type CliRun } from '../cli-run.testkit.js';

beforeAll(() => {
  buildPackages();
}, 240_000);

interface Lifecycle {
  id: string;
  status: string;
  periodEnd: string;
}
interface AgreementsOut {
  agreements: Lifecycle[];
  terminationsSource: Record<string, unknown>;
}
interface CalendarOut {
  events: { id: string }[];
  terminationsSource: Record<string, unknown>;
}

const admin = { id: 'cli-test-admin', username: 'admin', displayName: 'Administratör', role: 'admin', municipality: null } as const;

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: agreements and calendar use the recorded terminations`, () => {
    let db: TestDatabase;
    let env: Record<string, string>;
    let description: string;

    const run = (args: string[]): Promise<CliRun> => samverkanInProcess(args, { env });
    const json = async (args: string[]): Promise<unknown> => {
      const r = await run([...args, '--json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout);
    };

    beforeAll(async () => {
      db = await target.create();
      const agreement = readAgreement();
      const prepared = await prepareStore(db.options, agreement, false);
      try {
        await recordTermination(prepared.store, agreement, admin, {
          document: 'ORD',
          noticeDate: '2026-12-31',
          reference: 'SVOM § 40',
          dialogueHeld: true,
        });
      } finally {
        await prepared.store.close();
      }
      if (db.options.databaseUrl !== undefined) {
        env = { DATABASE_URL: db.options.databaseUrl };
        description = `PostgreSQL ${new URL(db.options.databaseUrl).toString()}`;
      } else {
        env = { DATABASE_URL: '', SAMVERKAN_DB_FILE: db.options.sqliteFile };
        description = `SQLite ${db.options.sqliteFile}`;
      }
    }, 60_000);
    afterAll(async () => {
      await db.drop();
    });

    it('agreements: ORD terminated from the database, the source named in JSON and text', async () => {
      const out = (await json(['agreements', '--on', '2027-06-01'])) as AgreementsOut;
      expect(out.agreements.find((a) => a.id === 'ORD')).toMatchObject({ status: 'terminated', periodEnd: '2027-12-31' });
      expect(out.agreements.find((a) => a.id === 'SABO')).toMatchObject({ status: 'active' });
      expect(out.terminationsSource).toEqual({ kind: 'database', description, recorded: 1, fromOption: 0 });
      const text = await run(['agreements', '--on', '2027-06-01']);
      expect(text.status).toBe(0);
      expect(text.stdout).toContain(`Uppsägningar: 1 uppsägning registrerad i databasen (${description}).\n`);
      expect(text.stdout).toMatch(/^ORD\s+2\s+2026-01-01 – 2027-12-31\s+–\s+nej\s+uppsagt$/m);
    });

    it("--terminated adds to the database's terminations", async () => {
      const out = (await json(['agreements', '--on', '2027-06-01', '--terminated', 'SABO=2026-12-31'])) as AgreementsOut;
      expect(out.agreements.filter((a) => a.status === 'terminated').map((a) => a.id)).toEqual(['ORD', 'SABO']);
      expect(out.terminationsSource).toEqual({ kind: 'database', description, recorded: 1, fromOption: 1 });
      expect((await run(['agreements', '--on', '2027-06-01', '--terminated', 'SABO=2026-12-31'])).stdout).toContain(
        `Uppsägningar: 1 uppsägning registrerad i databasen (${description}) och 1 uppsägning från --terminated.\n`,
      );
    });

    it("calendar: from 2028 none of ORD's obligations, and the source is named", async () => {
      const in2027 = ((await json(['calendar', '--year', '2027'])) as CalendarOut).events.map((e) => e.id);
      expect(in2027).toEqual(expect.arrayContaining(['ord-gemensamt-mote', 'dagtid-indexering']));
      const out = (await json(['calendar', '--year', '2028'])) as CalendarOut;
      const ids = out.events.map((e) => e.id);
      for (const id of ['ord-gemensamt-mote', 'dagtid-indexering', 'uppsagning-sista-dag.ORD']) expect(ids).not.toContain(id);
      expect(ids).toEqual(expect.arrayContaining(['sabo-gemensamt-mote', 'uppsagning-sista-dag.SABO']));
      expect(out.terminationsSource).toEqual({ kind: 'database', description, recorded: 1, fromOption: 0 });
      expect((await run(['calendar', '--year', '2028'])).stdout).toContain(
        `\nUppsägningar: 1 uppsägning registrerad i databasen (${description}).\n`,
      );
      // With ALL given as an option on top, nothing is left once every document has ended.
      expect(((await json(['calendar', '--year', '2028', '--terminated', 'ALL=2026-06-01'])) as CalendarOut).events).toEqual([]);
    });
  });
}

describe('without a database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-nodb-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses only --terminated, says so, and creates no database file or folder', async () => {
    const file = join(dir, 'var', 'samverkan.sqlite');
    const env = { DATABASE_URL: '', SAMVERKAN_DB_FILE: file };
    const none = await samverkanInProcess(['calendar', '--year', '2028', '--json'], { env });
    expect(none.status).toBe(0);
    expect((JSON.parse(none.stdout) as CalendarOut).terminationsSource).toEqual({ kind: 'none' });
    const given = await samverkanInProcess(['agreements', '--on', '2027-06-01', '--terminated', 'ORD=2026-12-31', '--json'], { env });
    expect(given.status).toBe(0);
    const out = JSON.parse(given.stdout) as AgreementsOut;
    expect(out.terminationsSource).toEqual({ kind: 'option', fromOption: 1 });
    expect(out.agreements.find((a) => a.id === 'ORD')?.status).toBe('terminated');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(dirname(file))).toBe(false);
  });

  it('the binary: a SQLite file without the tables is refused in Swedish naming SAMVERKAN_DB_FILE (exit 2, nothing on stdout), and left unchanged', () => {
    const file = join(dir, 'empty.sqlite');
    writeFileSync(file, '');
    const r = samverkan(['agreements', '--on', '2027-06-01'], { DATABASE_URL: '', SAMVERKAN_DB_FILE: file });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Fel: SAMVERKAN_DB_FILE: de registrerade uppsägningarna kunde inte läsas från databasen \(SQLite .*empty\.sqlite\): .*Kör "samverkan db init"/,
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(statSync(file).size).toBe(0);
  });
});
