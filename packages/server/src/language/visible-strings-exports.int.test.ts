/**
 * Issue 12: the language scan beyond the web app, the CLI's main commands and the PDFs
 * (visible-strings.int.test.ts): the error catalogue's messages as written in the code (as the
 * edges show them: API field names in Swedish, language/plain-message.ts), the Excel
 * workbook's cells, the SIE file's texts, the Peppol invoice's notes and names, and the .ics
 * calendar (summaries, descriptions and its alarms, the e-mail-free reminders) hold no internal
 * identifier (identifier-check.testkit.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { calendarForYear } from '@samverkan/core';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { calendarToIcs } from '../calendar/ics.js';
import { unfold } from '../calendar/ics-parse.testkit.js';
import { renderUbl } from '../exports/peppol/render-ubl.js';
import { creditFixture, invoiceFixture, municipalityInvoiceFixture } from '../exports/render-fixtures.testkit.js';
import { renderSie } from '../exports/sie/render-sie.js';
import { renderWorkbook } from '../exports/xlsx/render-workbook.js';
import { offending } from './identifier-check.testkit.js';
import { plainMessage } from './plain-message.js';

const packages = fileURLToPath(new URL('../../../', import.meta.url));

/** The non-test TypeScript files under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.(test|testkit|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** A message argument as a person reads it: a template's `${…}` parts become "…" (the value shown there). */
function messageText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `…${s.literal.text}`).join('');
  return undefined;
}

/** Every literal message of `new SamverkanError(code, message…)` and `invalidInput(field, message…)` in `file`. */
function errorMessages(file: string): { where: string; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { where: string; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const call =
      ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'SamverkanError'
        ? node.arguments?.[1]
        : ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'invalidInput'
          ? node.arguments[1]
          : undefined;
    const text = call === undefined ? undefined : messageText(call);
    if (text !== undefined) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      out.push({ where: `${file.slice(packages.length)}:${String(line + 1)}`, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('the error catalogue’s messages', () => {
  it('hold no internal identifier as the API and the CLI show them (field names in Swedish)', () => {
    const messages = ['core/src', 'server/src'].flatMap((d) => sources(join(packages, d))).flatMap(errorMessages);
    // The walk finds the messages (hundreds of them); an empty list would prove nothing.
    expect(messages.length).toBeGreaterThan(200);
    expect(messages.flatMap((m) => offending(m.where, plainMessage(m.text)))).toEqual([]);
  });
});

describe('the exports’ texts', () => {
  const docs = [
    invoiceFixture(),
    creditFixture(),
    invoiceFixture('mt-variable'),
    invoiceFixture('tillaggsbelopp'),
    municipalityInvoiceFixture(),
  ];

  it('Excel: every cell a person reads', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderWorkbook(docs)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') cells.push(cell.value);
          else if (cell.value !== null && typeof cell.value === 'object' && 'richText' in cell.value)
            cells.push(cell.value.richText.map((r) => r.text).join(''));
        });
      });
    });
    expect(cells.length).toBeGreaterThan(50);
    expect(offending('Excel', cells.join('\n'))).toEqual([]);
  });

  it('SIE: the file’s texts (company, accounts, vouchers)', () => {
    const texts = (['seller', 'buyer'] as const).flatMap((side) =>
      [...iconv.decode(renderSie([invoiceFixture(), creditFixture()], { side }), 'cp437').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(
        (m) => m[1] ?? '',
      ),
    );
    expect(texts.length).toBeGreaterThan(5);
    expect(offending('SIE', texts.join('\n'))).toEqual([]);
  });

  it('Peppol: the notes, names and descriptions of the invoice and the credit note', () => {
    const texts = docs.flatMap((d) =>
      [...renderUbl(d).matchAll(/<cbc:(?:Note|Name|Description|PaymentNote|Note)>([^<]*)<\/cbc:/g)].map((m) => m[1] ?? ''),
    );
    expect(texts.length).toBeGreaterThan(10);
    expect(offending('Peppol', texts.join('\n'))).toEqual([]);
  });
});

describe('the calendar (.ics) and its reminders', () => {
  it('summaries, descriptions and alarms hold no internal identifier', () => {
    const agreement = readAgreement();
    const texts = [2026, 2027].flatMap((year) =>
      unfold(calendarToIcs(agreement, year, calendarForYear(agreement, year)))
        .filter((l) => /^(SUMMARY|DESCRIPTION|X-WR-CALNAME)[:;]/.test(l))
        .map((l) =>
          l
            .replace(/^[A-Z-]+(?:;[^:]*)?:/, '')
            .replace(/\\n/g, '\n')
            .replace(/\\([,;\\])/g, '$1'),
        ),
    );
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.some((t) => t.includes('Tolkningar av avtalstexten:'))).toBe(true);
    expect(offending('.ics', texts.join('\n'))).toEqual([]);
  });
});
