/**
 * Issue 12: the CLI's text output of the commands visible-strings.int.test.ts does not run — a
 * billing run that bills, approve, every export format, credit, the settlement and status-report
 * PDFs, the calendar written as .ics, a guide batch with a bad line, users add, audit verify,
 * db backup and restore, and the help of every subcommand — holds no internal identifier
 * (identifier-check.testkit.ts). In-process through the CLI entry (cli/main.ts `run`). `start`
 * is left out: it serves until stopped and prints the same log lines the service tests read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samverkanInProcess } from '../cli/cli-run.testkit.js';
import { offending } from './identifier-check.testkit.js';

describe('the CLI’s text output of the remaining commands', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = async (args: readonly string[], stdin?: string): Promise<{ status: number | null; text: string }> => {
    const r = await samverkanInProcess(args, stdin === undefined ? { env } : { env, stdin });
    return { status: r.status, text: r.stdout + r.stderr };
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-strings-cli-'));
    env = { SAMVERKAN_VAR_DIR: dir, SAMVERKAN_DB_FILE: join(dir, 'demo.sqlite'), LOG_LEVEL: 'warn', DATABASE_URL: '' };
    expect((await cli(['db', 'init', '--demo'])).status).toBe(0);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('hold no internal identifier, from a billing run to a restored backup', async () => {
    const found: string[][] = [];
    const texts: Record<string, string> = {};
    const step = async (name: string, args: readonly string[], stdin?: string): Promise<string> => {
      const r = await cli(args, stdin);
      texts[name] = r.text;
      expect(r.text.trim(), `${name} prints something`).not.toBe('');
      found.push(...offending(`samverkan ${name}`, r.text));
      return r.text;
    };
    await step('billing run', ['billing', 'run', 'dagtid', '2026-01']);
    const listed = await cli(['billing', 'list', '--json']);
    const bases = (JSON.parse(listed.text) as { invoiceBases: { id: string; warnings?: unknown }[] }).invoiceBases;
    const id = bases[0]?.id ?? '';
    expect(id).not.toBe('');
    await step('billing approve (refused: provisional values)', ['billing', 'approve', id]);
    const refusal = JSON.parse((await samverkanInProcess(['billing', 'approve', id, '--json'], { env })).stdout) as {
      error: { details: { id: string }[] };
    };
    await step('billing approve', ['billing', 'approve', id, '--confirm-provisional', ...refusal.error.details.map((d) => d.id)]);
    for (const format of ['pdf', 'xlsx', 'sie', 'peppol'])
      await step(`billing export ${format}`, ['billing', 'export', id, '--format', format, '--out', dir]);
    await step('billing credit', ['billing', 'credit', id, '--reason', 'Fel antal timmar']);
    await step('billing list', ['billing', 'list']);
    await step('billing run tillaggsbelopp', ['billing', 'run', 'tillaggsbelopp', '2026']);
    const till = (
      JSON.parse((await samverkanInProcess(['billing', 'list', '--flow', 'tillaggsbelopp', '--json'], { env })).stdout) as {
        invoiceBases: { id: string; billingRunId: string }[];
      }
    ).invoiceBases;
    for (const b of till) {
      const asked = JSON.parse((await samverkanInProcess(['billing', 'approve', b.id, '--json'], { env })).stdout) as {
        error?: { details: { id: string }[] };
      };
      const confirm = asked.error === undefined ? [] : ['--confirm-provisional', ...asked.error.details.map((d) => d.id)];
      expect((await cli(['billing', 'approve', b.id, ...confirm])).status).toBe(0);
    }
    await step('billing settlement', ['billing', 'settlement', '--run', till[0]?.billingRunId ?? '', '--out', dir]);
    await step('agreements --report', ['agreements', '--report', join(dir, 'avtalslage.pdf')]);
    await step('calendar --ics', ['calendar', '--year', '2026', '--ics', join(dir, 'arshjul.ics')]);
    await step(
      'assess --batch with a bad line',
      ['assess', '--batch', '-'],
      '{"housing":"ordinart","registeredMunicipality":"2380"}\n{"housing":"slott"}\n',
    );
    await step(
      'users add',
      ['users', 'add', '--username', 'ny.ekonom', '--role', 'region_economist', '--display-name', 'Ny Ekonom', '--password-stdin'],
      'ett-langt-losenord-1\n',
    );
    await step('audit verify', ['audit', 'verify']);
    await step('db backup', ['db', 'backup', join(dir, 'kopia.sqlite')]);
    const restoreEnv = { ...env, SAMVERKAN_DB_FILE: join(dir, 'aterlast.sqlite') };
    const restored = await samverkanInProcess(['db', 'restore', join(dir, 'kopia.sqlite')], { env: restoreEnv });
    found.push(...offending('samverkan db restore', restored.stdout + restored.stderr));
    expect(restored.status).toBe(0);
    expect(found).toEqual([]);
    expect(texts['billing approve']).toContain('Godkänt: faktura');
    // The refusal says what to type in the terminal, not the API's field.
    expect(texts['billing approve (refused: provisional values)']).toContain(`(npx samverkan billing approve ${id} --confirm-provisional `);
    expect(texts['billing export pdf']).toMatch(/^Sparad: .+\.pdf \([\d,]+ kB\)/m);
    expect(texts['billing settlement']).toMatch(/^Sparad: .+\.pdf/m);
  }, 180_000);

  it('the help of every subcommand holds no internal identifier', async () => {
    const found: string[][] = [];
    for (const c of [
      ['billing', 'run'],
      ['billing', 'list'],
      ['billing', 'approve'],
      ['billing', 'credit'],
      ['billing', 'export'],
      ['billing', 'settlement'],
      ['db', 'init'],
      ['db', 'backup'],
      ['db', 'restore'],
      ['users', 'add'],
      ['audit', 'verify'],
      ['start'],
    ]) {
      const r = await cli([...c, '--help']);
      expect(r.text, `${c.join(' ')} --help`).toContain('Användning: samverkan');
      found.push(...offending(`samverkan ${c.join(' ')} --help`, r.text, true));
    }
    expect(found).toEqual([]);
  }, 60_000);
});
