/**
 * The README's import columns are the kinds' declarations: regenerate with
 * `UPDATE_DOCS=1 npx vitest run packages/server/src/imports/columns-doc.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { COLUMNS_DOC_END, COLUMNS_DOC_START, importColumnsMarkdown } from './columns-doc.js';
import { importKinds } from './kinds/index.js';

const readme = join(import.meta.dirname, '../../../../README.md');

describe('import columns in the README', () => {
  const agreement = readAgreement();
  const expected = importColumnsMarkdown(agreement);

  it('says unit and allowed forms for every column of every kind', () => {
    for (const k of importKinds)
      for (const c of k.columns) expect(expected).toContain(`| \`${c.sv}\` (${c.key}) | ${c.required ? 'ja' : 'nej'} | ${c.format.unit} |`);
    expect(expected).toContain('heltal eller decimaltal med komma eller punkt, t.ex. 45 eller 37,5');
    expect(expected).toContain('antal hela minuter utan decimaler');
  });

  it('is what the README holds between its markers', () => {
    const text = readFileSync(readme, 'utf8');
    const start = text.indexOf(COLUMNS_DOC_START);
    const end = text.indexOf(COLUMNS_DOC_END);
    if (process.env['UPDATE_DOCS'] === '1' && start >= 0 && end > start) {
      writeFileSync(readme, `${text.slice(0, start)}${expected}${text.slice(end + COLUMNS_DOC_END.length)}`);
      return;
    }
    expect(start, 'README.md lacks the import columns markers').toBeGreaterThanOrEqual(0);
    expect(text.slice(start, end + COLUMNS_DOC_END.length)).toBe(expected);
  });
});
