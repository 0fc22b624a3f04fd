/**
 * Optional: the official validation of every document the renderer produces from the fixtures —
 * UBL 2.1 XSD (xmllint) and the CEN EN 16931 and Peppol BIS 3 schematron compiled to XSLT (Saxon
 * HE, XSLT 2.0). The artefacts are not shipped with the project (their licences and size); point
 * SAMVERKAN_PEPPOL_ARTEFACTS at a folder holding the official release's
 *   xsd/maindoc/UBL-Invoice-2.1.xsd, xsd/maindoc/UBL-CreditNote-2.1.xsd (with their common/ folder),
 *   CEN-EN16931-UBL.xslt, PEPPOL-EN16931-UBL.xslt
 * and install `libxml2-utils` and `libsaxonhe-java` (Debian). Without them the suite says so by
 * name and is skipped; the project's own rules (rules/) run in every test run regardless.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderUbl } from './render-ubl.js';
import { allFixtures } from './peppol-fixtures.testkit.js';
import { descendants, parseXml, textOf } from './rules/xml-tree.js';

const ARTEFACTS = process.env.SAMVERKAN_PEPPOL_ARTEFACTS ?? '';
const SAXON = process.env.SAMVERKAN_SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
const files = {
  invoiceXsd: join(ARTEFACTS, 'xsd/maindoc/UBL-Invoice-2.1.xsd'),
  creditNoteXsd: join(ARTEFACTS, 'xsd/maindoc/UBL-CreditNote-2.1.xsd'),
  cen: join(ARTEFACTS, 'CEN-EN16931-UBL.xslt'),
  peppol: join(ARTEFACTS, 'PEPPOL-EN16931-UBL.xslt'),
};
const available =
  ARTEFACTS !== '' && Object.values(files).every((f) => existsSync(f)) && existsSync(SAXON) && existsSync('/usr/bin/xmllint');

const SVRL = '{http://purl.oclc.org/dsdl/svrl}';

/** The failed assertions (errors and warnings) of an SVRL report, as `id (flag): text`. */
function failedAsserts(svrl: string): string[] {
  const root = parseXml(svrl);
  return [root, ...descendants(root)]
    .filter((e) => e.name === `${SVRL}failed-assert`)
    .map((e) => `${e.attrs.id ?? '?'} (${e.attrs.flag ?? '?'}): ${textOf(e.children.find((c) => c.name === `${SVRL}text`))}`);
}

describe.skipIf(!available)('official Peppol validation (needs SAMVERKAN_PEPPOL_ARTEFACTS, xmllint and Saxon HE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-peppol-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  test.each(allFixtures().map((d) => [d.basisId, d] as const))(
    '%s: UBL 2.1 XSD, CEN EN 16931 and Peppol BIS 3 with zero errors and warnings',
    (id, doc) => {
      const file = join(dir, `${id}.xml`);
      writeFileSync(file, renderUbl(doc));
      execFileSync('xmllint', ['--noout', '--schema', doc.isCredit ? files.creditNoteXsd : files.invoiceXsd, file], { stdio: 'pipe' });
      for (const xslt of [files.cen, files.peppol]) {
        const svrl = execFileSync('java', ['-cp', SAXON, 'net.sf.saxon.Transform', `-s:${file}`, `-xsl:${xslt}`], {
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        });
        expect(failedAsserts(svrl)).toEqual([]);
      }
    },
  );
});
