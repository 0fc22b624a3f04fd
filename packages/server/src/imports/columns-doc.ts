/**
 * The README's import column tables, written from the kinds' column declarations (the same ones
 * the import page and the templates use). The README holds the output between two markers and
 * columns-doc.test.ts fails when it differs, so the documentation cannot drift from the code.
 */
import type { Agreement } from '@samverkan/core';
import { importKinds } from './kinds/index.js';
import { swedishKindNames } from './kinds/kind-names.js';
import type { ImportKind } from './kinds/kind.js';
import { templateColumns } from './templates.js';

/** The README markers around the generated text. */
export const COLUMNS_DOC_START = '<!-- importkolumner: genereras från imports/kinds/*.ts, se columns-doc.test.ts -->';
export const COLUMNS_DOC_END = '<!-- /importkolumner -->';

/** A table cell: pipes escaped, no line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function who(kind: ImportKind<unknown>): string {
  if (kind.action === 'reference:change') return 'administratören';
  return kind.countyWide
    ? 'administratören och regionens ekonomer'
    : 'ekonomerna (en kommunekonom bara rader där den egna kommunen är part)';
}

/** The Markdown of every kind's columns. */
export function importColumnsMarkdown(agreement: Agreement): string {
  const parts = importKinds.map((k) => {
    const rows = templateColumns(k, { agreement, filename: 'README' }).map(
      (c) =>
        `| \`${c.sv}\` (${c.key}) | ${c.required ? 'ja' : 'nej'} | ${cell(c.format.unit)} | ${cell(c.format.forms)} | ${cell(c.description)} |`,
    );
    return [
      `#### ${k.title} — \`${swedishKindNames[k.kind] ?? k.kind}\` (\`${k.kind}\`)`,
      '',
      `${k.description} Importeras av ${who(k)}. Mall: \`GET /api/v1/imports/templates/${k.kind}.csv\` eller \`.xlsx\`.`,
      '',
      '| kolumn | krävs | enhet | tillåtna former | beskrivning |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  });
  return `${COLUMNS_DOC_START}\n\n${parts.join('\n\n')}\n\n${COLUMNS_DOC_END}`;
}
