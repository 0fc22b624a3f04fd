/**
 * Test support: the text of a PDF as poppler's pdftotext extracts it (layout kept, so a line's
 * cells stay on one text line), and page 1 as PNG in docs/screenshots/ when UPDATE_SCREENSHOTS=1.
 * Tests that need it skip by name when poppler-utils is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when pdftotext and pdftoppm can be run. */
export const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;

/** The text of `pdf`, with no-break and narrow spaces as plain spaces and U+2212 as "-". */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .replace(/[\u00a0\u202f]/g, ' ')
      .replace(/\u2212/g, '-');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Number of pages, from pdfinfo-free counting of page objects. */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

const screenshots = fileURLToPath(new URL('../../../../../docs/screenshots/', import.meta.url));

/** Write page 1 of `pdf` to docs/screenshots/<name>.png, only when UPDATE_SCREENSHOTS=1. */
export function maybeScreenshot(pdf: Buffer, name: string): void {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-png-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    renameSync(join(dir, 'page.png'), join(screenshots, `${name}.png`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
