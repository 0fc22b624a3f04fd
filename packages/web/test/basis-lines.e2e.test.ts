/**
 * A large basis in a real browser against the real service: its page shows the first 500 lines,
 * says how many there are and that the exports hold them all, and fetches 500 more per click
 * until every line is shown, in order; axe clean (at 1280 px).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { login } from '../../server/src/testing/test-server.testkit.js';
import { uploadFile } from '../../server/src/imports/upload.testkit.js';
import { oneBasisDaytimeCsv } from '../../server/src/billing/one-basis.testkit.js';
import {
  axeViolations,
  demo,
  hasChromium,
  launchBrowser,
  openPage,
  settled,
  signIn,
  startApp,
  visit,
  type RunningApp,
} from './browser.testkit.js';

const LINES = 1_150;
/**
 * What axe reads on this page: the header, the notice with its button, and the first rows of each
 * window of lines (one component throughout; the whole page of 500 rows took axe 26 s). The
 * page as a whole is checked with a small basis in basis-history and workflows.
 */
const CHECKED = ['header', '.line-window', 'thead', 'tbody tr:nth-child(-n+10)'] as const;

describe.skipIf(!hasChromium)('Ett stort fakturaunderlag i webbläsaren', () => {
  let app: RunningApp;
  let browser: Browser;
  let basis: string;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const economist = await login(app.url, demo.regionEconomist);
    const imported = await uploadFile(app.url, economist, 'daytime-assignments', oneBasisDaytimeCsv(LINES, '2026-06'), 'juni-en-part.csv');
    if (imported.status !== 201) throw new Error(`importen: ${String(imported.status)} ${JSON.stringify(imported.body)}`);
    const run = await economist.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-06' });
    if (run.status !== 201) throw new Error(`körningen: ${String(run.status)} ${JSON.stringify(run.body)}`);
    const bases = (run.body as { invoiceBases: { id: string }[] }).invoiceBases;
    if (bases.length !== 1) throw new Error(`väntade ett underlag, fick ${String(bases.length)}`);
    basis = bases[0]?.id ?? '';
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  // One width: the table scrolls inside its own box at 360 px as on every basis page (basis-history).
  for (const width of [1280]) {
    it(`visar 500 rader i taget och hämtar fler på begäran (${String(width)} px)`, { timeout: 120_000 }, async () => {
      const { page, context, errors } = await openPage(browser, width, width < 600 ? 740 : 900);
      await signIn(page, app.url, demo.regionEconomist);
      errors.length = 0;
      await visit(page, app.url, `ekonomi/fakturering/${basis}`);
      const table = page.getByRole('table', { name: 'Fakturarader' });
      const rows = table.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(500);
      expect(await page.locator('.line-window').innerText()).toContain('Visar rad 1–500 av 1150. Alla rader finns i exporterna');
      expect(await axeViolations(page, { include: CHECKED })).toEqual([]);

      await page.getByRole('button', { name: 'Visa 500 rader till' }).click();
      await table.locator('tbody tr').nth(999).waitFor();
      await settled(page);
      expect(await page.locator('.line-window').innerText()).toContain('Visar rad 1–1000 av 1150.');
      await page.getByRole('button', { name: 'Visa 150 rader till' }).click();
      await table
        .locator('tbody tr')
        .nth(LINES - 1)
        .waitFor();
      await settled(page);
      expect(await rows.count()).toBe(LINES);
      // Every line once, in order; no button once all are shown.
      const numbers = await table.evaluate((t) => [...t.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent));
      expect(numbers.map(Number)).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
      expect(await page.getByRole('button', { name: /rader till/ }).count()).toBe(0);
      expect(await page.locator('.line-window').innerText()).toContain(`Visar rad 1–${String(LINES)} av ${String(LINES)}.`);
      // No second axe pass: the rows fetched are the same component as those checked above, and
      // axe over 1 150 rows took 16 s whatever it was limited to.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
