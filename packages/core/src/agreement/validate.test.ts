import { describe, expect, it } from 'vitest';
import { SamverkanError } from '../errors.js';
import { loadAgreement, type AgreementFileText } from './load.js';
import { shippedAgreementFiles } from './shipped-agreement.testkit.js';

/** The shipped files with one file's text replaced by `edit(text)`. */
function edited(path: string, edit: (text: string) => string): AgreementFileText[] {
  const files = shippedAgreementFiles();
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  const text = edit(file.text);
  expect(text).not.toBe(file.text);
  return files.map((f) => (f.path === path ? { path, text } : f));
}

/** Replace the first occurrence of `from` (which must exist). */
const replace =
  (from: string, to: string) =>
  (text: string): string => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };

/** 1-based line of the first line containing `needle` in `path` after editing. */
function lineOf(files: readonly AgreementFileText[], path: string, needle: string): number {
  const text = files.find((f) => f.path === path)?.text ?? '';
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

function loadError(files: readonly AgreementFileText[]): SamverkanError {
  try {
    loadAgreement(files);
  } catch (e) {
    if (e instanceof SamverkanError) return e;
    throw e;
  }
  throw new Error('expected SAMV_ERR_AGREEMENT_DATA');
}

describe('agreement data validation names file, line, path and value', () => {
  it('the shipped data loads without problems', () => {
    expect(() => loadAgreement(shippedAgreementFiles())).not.toThrow();
  });

  it('refuses an unknown key (a misplaced key must never be silently ignored)', () => {
    const files = edited('agreement.yaml', replace('version: "2026.1"', 'version: "2026.1"\nversio: "2026.2"'));
    const e = loadError(files);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toBe(
      `Avtalsdata är ogiltiga: agreement.yaml rad ${String(lineOf(files, 'agreement.yaml', 'versio:'))}: okänd nyckel "versio" vid /versio (värde "2026.2"); kontrollera stavning och indrag.`,
    );
    expect(e.location).toMatchObject({ file: 'agreement.yaml', path: '/versio', value: '2026.2' });
  });

  it('reports an unknown key inside a union (renewal) as that key, not as a wrong kind', () => {
    const files = edited(
      'documents.yaml',
      replace(
        'noticeMonths: 12, noticeForum: svom, clause: PRINC.giltighet',
        'noticeMonths: 12, noticeMonth: 12, noticeForum: svom, clause: PRINC.giltighet',
      ),
    );
    const e = loadError(files);
    expect(e.message).toContain('documents.yaml rad');
    expect(e.message).toContain('okänd nyckel "noticeMonth" vid /documents/0/renewal/noticeMonth (värde 12)');
    expect(e.details).toHaveLength(1);
  });

  it('refuses a renewal kind that does not exist and lists the allowed kinds', () => {
    const files = edited(
      'documents.yaml',
      replace(
        'renewal: { kind: auto, extensionYears: 2, noticeMonths: 12, noticeForum: svom, clause: PRINC.giltighet }',
        'renewal: { kind: ibland, clause: PRINC.giltighet }',
      ),
    );
    expect(loadError(files).message).toContain(
      'ogiltigt värde "ibland" vid /documents/0/renewal/kind: tillåtna värden för kind är auto, none.',
    );
  });

  it('refuses a unit that is not one of the allowed units ("kronor": money is öre)', () => {
    const files = edited('parameters.yaml', replace('unit: ore_per_started_hour', 'unit: kronor'));
    const e = loadError(files);
    const line = lineOf(files, 'parameters.yaml', 'unit: kronor');
    expect(e.message).toMatch(
      new RegExp(
        `^Avtalsdata är ogiltiga: parameters\\.yaml rad ${String(line)}: ogiltigt värde "kronor" vid /parameters/0/unit: tillåtna värden är ore, ore_per_hour, `,
      ),
    );
    expect(e.location).toMatchObject({ file: 'parameters.yaml', line, path: '/parameters/0/unit', value: 'kronor' });
  });

  it('refuses a date that does not exist (2026-13-01, 2027-02-29)', () => {
    const files = edited('documents.yaml', replace('validFrom: 2026-01-01', 'validFrom: 2026-13-01'));
    const line = lineOf(files, 'documents.yaml', '2026-13-01');
    expect(loadError(files).message).toBe(
      `Avtalsdata är ogiltiga: documents.yaml rad ${String(line)}: ogiltigt värde "2026-13-01" vid /documents/0/validFrom: ska vara ett giltigt datum ÅÅÅÅ-MM-DD (månad 01–12, dag som finns i månaden).`,
    );
    const leap = edited('documents.yaml', replace('validTo: 2027-12-31', 'validTo: 2027-02-29'));
    expect(loadError(leap).message).toContain('ogiltigt värde "2027-02-29" vid /documents/0/validTo: ska vara ett giltigt datum');
  });

  it('refuses a number where a decimal string or integer is required, saying what it must be', () => {
    const files = edited('parameters.yaml', replace('value: 64000,', 'value: 640.5,'));
    expect(loadError(files).message).toContain(
      'ogiltigt värde 640.5 vid /parameters/0/values/0/value: ska vara ett heltal eller ett decimaltal inom citattecken, t.ex. "1.5".',
    );
  });

  it('refuses a missing required key', () => {
    const files = edited('documents.yaml', replace('    shortTitle: Principer och resursfördelning\n', ''));
    const line = lineOf(files, 'documents.yaml', '- id: PRINC');
    expect(loadError(files).message).toBe(
      `Avtalsdata är ogiltiga: documents.yaml rad ${String(line)}: nyckeln "shortTitle" saknas vid /documents/0.`,
    );
  });

  it('refuses a dangling clause reference and says where to add the clause', () => {
    const files = edited('parameters.yaml', replace('clause: ORD.uppdrag-dagtid', 'clause: ORD.uppdrag-natt'));
    const line = lineOf(files, 'parameters.yaml', 'ORD.uppdrag-natt');
    expect(loadError(files).message).toBe(
      `Avtalsdata är ogiltiga: parameters.yaml rad ${String(line)}: klausulen "ORD.uppdrag-natt" vid /parameters/0/clause finns inte i clauses/ (lägg till den i clauses/ORD.yaml).`,
    );
  });

  it('refuses a duplicate clause id across files, naming both places', () => {
    const files = edited(
      'clauses/TILL.yaml',
      (t) => `${t}  - id: TILL.tvist\n    document: TILL\n    heading: Tvist\n    quote: "Tvister"\n`,
    );
    const e = loadError(files);
    expect(e.message).toMatch(
      /^Avtalsdata är ogiltiga: clauses\/TILL\.yaml rad \d+: klausul-id "TILL\.tvist" vid \/clauses\/\d+\/id förekommer redan vid \/clauses\/\d+\/id\.$/,
    );
    expect(e.location).toMatchObject({ file: 'clauses/TILL.yaml', value: 'TILL.tvist' });
  });

  it('refuses a duplicate obligation id', () => {
    const files = edited('obligations.yaml', replace('  - id: till-indexering', '  - id: till-avstamning'));
    expect(loadError(files).message).toContain('obligations.yaml rad');
    expect(loadError(files).message).toContain(
      'åtagande-id "till-avstamning" vid /obligations/1/id förekommer redan vid /obligations/0/id.',
    );
  });

  it('refuses a duplicate key inside one YAML map', () => {
    const files = edited('forums.yaml', replace('    level: politisk\n', '    level: politisk\n    level: lokal\n'));
    const line = lineOf(files, 'forums.yaml', 'level: lokal');
    expect(loadError(files).message).toMatch(
      new RegExp(`^Avtalsdata är ogiltiga: forums\\.yaml rad ${String(line)}: samma nyckel förekommer två gånger`),
    );
  });

  it('refuses invalid YAML, naming file and line', () => {
    const files = edited('decisions.yaml', replace('    body: Hälso- och sjukvårdsnämnden', '    body: "Hälso- och sjukvårdsnämnden'));
    const e = loadError(files);
    expect(e.code).toBe('SAMV_ERR_AGREEMENT_DATA');
    expect(e.message).toMatch(/^Avtalsdata är ogiltiga: decisions\.yaml rad \d+: YAML kunde inte läsas \(.+\)\.$/);
    expect(e.location.file).toBe('decisions.yaml');
  });

  it('refuses a missing file', () => {
    const files = shippedAgreementFiles().filter((f) => f.path !== 'disputes.yaml');
    expect(loadError(files).message).toBe('Avtalsdata är ofullständiga: filen disputes.yaml saknas i avtalsmappen.');
  });

  it("refuses a clause placed in another document's file", () => {
    const files = edited('clauses/MT.yaml', (t) => `${t}  - id: ORD.extra\n    document: ORD\n    heading: Extra\n    quote: "Extra"\n`);
    expect(loadError(files).message).toContain('clauses/MT.yaml rad');
    expect(loadError(files).message).toContain(
      'klausulen "ORD.extra" vid /clauses/10/document hör till dokumentet "ORD" men ligger i clauses/MT.yaml',
    );
  });

  it('checks obligations: owner, due date for the frequency, anchor year, renewing documents', () => {
    const owner = edited('obligations.yaml', replace('owner: lokal-samverkansarena', 'owner: kommunfullmäktige'));
    expect(loadError(owner).message).toContain('ägaren "kommunfullmäktige" vid /obligations/13/owner är varken ett forum');
    const due = edited('obligations.yaml', replace('due: "03-31"', 'due: "02-30"'));
    expect(loadError(due).message).toContain('ogiltigt värde "02-30" vid /obligations/0/due: ska vara ett datum MM-DD som finns varje år.');
    const anchor = edited('obligations.yaml', replace('    anchorYear: 2028\n', ''));
    expect(loadError(anchor).message).toContain('nyckeln "anchorYear" saknas vid /obligations/2');
    const perPeriod = edited('obligations.yaml', replace('documents: [PRINC, MT, ORD', 'documents: [GEMUTV, MT, ORD'));
    expect(loadError(perPeriod).message).toContain('dokumentet "GEMUTV" vid /obligations/20/documents/0 förlängs inte automatiskt');
  });

  it('checks that every dispute step names a forum', () => {
    const files = edited('disputes.yaml', replace('forum: sarskilda-utredare', 'forum: utredare'));
    expect(loadError(files).message).toContain('forumet "utredare" vid /paths/7/steps/0/forum finns inte i forums.yaml');
  });

  it('lists every problem in details, the first one in the message', () => {
    const files = edited('parameters.yaml', (t) =>
      t.replace('unit: ore_per_started_hour', 'unit: kronor').replace('unit: minutes', 'unit: minuter'),
    );
    const e = loadError(files);
    expect(e.details).toHaveLength(2);
    expect(e.message).toContain('(och 1 fel till)');
  });
});
