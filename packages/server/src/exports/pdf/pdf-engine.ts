/**
 * The one place PDFs are made: pdfmake on the server with the Roboto fonts pdfmake ships (they
 * hold å, ä, ö and the other Swedish letters, embedded as subsets so the text stays extractable),
 * no network or file access beyond those fonts, and a creation date taken from the document — so
 * the same input always gives the same bytes (pdfkit derives the file id from the metadata).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf')), '.');

const fonts = {
  Roboto: {
    normal: join(fontDir, 'Roboto-Regular.ttf'),
    bold: join(fontDir, 'Roboto-Medium.ttf'),
    italics: join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
};
const fontFiles = new Set(Object.values(fonts.Roboto));

/** Metadata every PDF carries; `created` is an ISO date (the document's issue date), never "now". */
export interface PdfMeta {
  readonly title: string;
  readonly subject: string;
  readonly created: string;
}

/** Render a pdfmake definition to bytes, deterministically. */
export async function renderPdf(definition: Omit<TDocumentDefinitions, 'info'>, meta: PdfMeta): Promise<Buffer> {
  // pdfmake is a process-wide singleton: set the same fonts and policies on every call.
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
  const date = new Date(`${meta.created}T00:00:00Z`);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    language: 'sv-SE',
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    ...definition,
    info: {
      title: meta.title,
      subject: meta.subject,
      author: 'Samverkan',
      creator: 'Samverkan',
      producer: 'Samverkan (pdfmake)',
      creationDate: date,
      modDate: date,
    },
  };
  return pdfmake.createPdf(doc).getBuffer();
}
