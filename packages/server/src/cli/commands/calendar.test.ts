import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, hasStackTrace, samverkan as binary, samverkanInProcess, type CliRun } from '../cli-run.testkit.js';
import { parseIcsEvents } from '../../calendar/ics-parse.testkit.js';

beforeAll(() => {
  buildPackages();
}, 240_000);

// No database configured (a SQLite file that does not exist): only --terminated counts. The
// database source is tested in agreements-terminations.int.test.ts.
const noDatabase = { DATABASE_URL: '', SAMVERKAN_DB_FILE: join(tmpdir(), 'samverkan-calendar-test-no-db', 'none.sqlite') };
// In-process through the CLI's entry; the binary once, for an error's exit code and streams.
const samverkan = (args: string[]): Promise<CliRun> => samverkanInProcess(args, { env: noDatabase });

interface Out {
  year: number;
  events: { date: string; id: string; title: string; owner: string | null; frequency: string; clauses: string[]; documents: string[] }[];
  terminationsSource: { kind: string };
}

/** Run with --json: exit 0, nothing on stderr, stdout exactly one JSON document. */
async function json(args: string[]): Promise<Out> {
  const r = await samverkan(['calendar', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.endsWith('}\n')).toBe(true);
  return JSON.parse(r.stdout) as Out;
}

const svom = 'Länsövergripande politisk samverkansarena (SVOM, Sociala vård- och omsorgsgruppen)';

describe('samverkan calendar', () => {
  it('--owner filters on the owner (any case): the tjänstepersonsarena in 2027', async () => {
    expect(await json(['--year', '2027', '--owner', 'TJÄNSTEPERSONSARENA'])).toEqual({
      year: 2027,
      events: [
        {
          date: '2027-03-31',
          id: 'till-avstamning',
          title: 'Räkna anslutna personer till Storsjögläntan föregående år och stäm av tilläggsbeloppet',
          owner: 'Länsövergripande tjänstepersonsarena',
          frequency: 'yearly',
          clauses: ['TILL.avstamning', 'TILL.grundforutsattningar'],
          documents: ['TILL'],
          dateNote: 'datum anges inte i avtalet; visas 31 mars (tolkning I9)',
        },
        {
          date: '2027-12-31',
          id: 'till-uppfoljning',
          title: 'Uppföljning och utvärdering av tilläggsbeloppet',
          owner: 'Länsövergripande tjänstepersonsarena',
          frequency: 'every-2-years',
          clauses: ['TILL.utvardering-och-uppfoljning'],
          documents: ['TILL'],
          dateNote: 'datum anges inte i avtalet; visas 31 december (tolkning I9)',
        },
        {
          date: '2027-12-31',
          id: 'gemutv-uppfoljning',
          title: 'Uppföljning och utvärdering av gemensamma utvecklingsmedel',
          owner: 'Länsövergripande tjänstepersonsarena',
          frequency: 'yearly',
          clauses: ['GEMUTV.utvardering-och-uppfoljning', 'GEMUTV.bakgrund', 'PRINC.gemensamma-utvecklingsmedel'],
          documents: ['GEMUTV', 'PRINC'],
          dateNote: 'datum anges inte i avtalet; visas 31 december (tolkning I9)',
        },
        {
          date: '2027-12-31',
          id: 'avtal-uppfoljning',
          title: 'Uppföljning och utvärdering av samverkansavtalet',
          owner: 'Länsövergripande tjänstepersonsarena',
          frequency: 'yearly',
          clauses: ['PRINC.utvardering-och-uppfoljning'],
          documents: ['PRINC'],
          dateNote: 'datum anges inte i avtalet; visas 31 december (tolkning I9)',
        },
      ],
      terminationsSource: { kind: 'none' },
    });
  });

  it('2026: the whole wheel sorted by date, ending with the seven notice deadlines; --ics writes the same events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-ics-'));
    const file = join(dir, 'arshjul-2026.ics');
    const out = await json(['--year', '2026', '--ics', file]);
    expect(out.year).toBe(2026);
    expect(out.events).toHaveLength(46);
    expect(out.events.map((e) => e.date)).toEqual([...out.events.map((e) => e.date)].sort());
    expect(out.events[0]).toEqual({
      date: '2026-01-01',
      id: 'till-indexering',
      title: 'Indexuppräkning av tilläggsbelopp och justeringsbelopp enligt LPIK',
      owner: null,
      frequency: 'yearly',
      clauses: ['TILL.grundforutsattningar', 'PRINC.tillaggsbelopp'],
      documents: ['TILL', 'PRINC'],
    });
    expect(out.events.slice(-7).map((e) => [e.date, e.id, e.owner, e.frequency, e.documents.join()])).toEqual(
      ['PRINC', 'MT', 'ORD', 'SABO', 'SYNHOR', 'PALL', 'TILL'].map((doc) => [
        '2026-12-31',
        `uppsagning-sista-dag.${doc}`,
        svom,
        'per-period',
        doc,
      ]),
    );
    const ics = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true });
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(46);
    expect(parseIcsEvents(ics).map((e) => e.get('DTSTART')?.value)).toEqual(out.events.map((e) => e.date.replaceAll('-', '')));
  });

  it('--terminated leaves out the notice deadline of a terminated document', async () => {
    const out = await json(['--year', '2026', '--owner', 'svom', '--terminated', 'ORD=2026-06-01']);
    expect(out.events.map((e) => e.id)).toEqual(['PRINC', 'MT', 'SABO', 'SYNHOR', 'PALL', 'TILL'].map((d) => `uppsagning-sista-dag.${d}`));
    expect(out.terminationsSource).toEqual({ kind: 'option', fromOption: 1 });
  });

  it("--terminated: from the day after the final end none of the document's obligations is listed; ALL ends everything", async () => {
    const ids = async (args: string[]): Promise<string[]> => (await json(args)).events.map((e) => e.id);
    expect(await ids(['--year', '2027', '--terminated', 'ORD=2026-06-01'])).toEqual(
      expect.arrayContaining(['ord-gemensamt-mote', 'dagtid-indexering']),
    );
    const in2028 = await ids(['--year', '2028', '--terminated', 'ORD=2026-06-01']);
    for (const id of ['ord-gemensamt-mote', 'dagtid-indexering', 'uppsagning-sista-dag.ORD']) expect(in2028).not.toContain(id);
    expect(in2028).toContain('sabo-gemensamt-mote');
    expect((await json(['--year', '2028', '--terminated', 'ALL=2026-06-01'])).events).toEqual([]);
  });

  it('without --json prints a Swedish table', async () => {
    const r = await samverkan(['calendar', '--year', '2027', '--owner', 'utredare']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Årshjul 2027 (1 åtagande)\nUppsägningar: inga – ingen databas är konfigurerad och inget --terminated angavs.\n',
    );
    expect(r.stdout).toMatch(
      /^2027-12-31\s+Gemensamt möte för utvärdering och uppföljning av överenskommelsen om palliativ vård\s+Särskilda utredare för palliativ vård\s+PALL\.utvardering-och-uppfoljning$/m,
    );
  });

  it.each([
    [['--year', '1999'], 'Fel: --year: 1999 ligger utanför tillåtet intervall 2026–2200.\n'],
    [['--year', 'tjugo'], 'Fel: --year: "tjugo" är inget heltal.\n'],
    [[], 'Fel: --year: ange vilket år årshjulet gäller, t.ex. --year 2026.\n'],
    [
      ['--year', '2026', '--terminated', 'ORD'],
      'Fel: --terminated: "ORD" ska skrivas DOKUMENT=ÅÅÅÅ-MM-DD, t.ex. ORD=2026-06-30 eller ALL=2026-06-30.\n',
    ],
    [
      ['--year', '2026', '--ics', '/finns-inte/katalog/arshjul.ics'],
      'Fel: --ics: filen "/finns-inte/katalog/arshjul.ics" kunde inte skrivas. Kontrollera sökvägen och behörigheten.\n',
    ],
  ])('bad input %j exits 2 with a Swedish message naming the option, no stack trace', async (args, message) => {
    const r = await samverkan(['calendar', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('the binary: with --json an error is exactly one JSON document on stdout, exit 2', () => {
    const r = binary(['calendar', '--year', '1999', '--json'], noDatabase);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: '--year', value: '1999' } } });
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });
});
