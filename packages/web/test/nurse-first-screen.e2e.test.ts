/**
 * The nurse's first screen (issue 12, the remaining gaps): with the browser's clock pinned to
 * 2026-12-01 (the notice deadline of seven documents 30 days away, GEMUTV's end 395 days away),
 * the deadline banner on the guide is one line per notice for a person who is not signed in, so
 * the first question is on the first screen of a 360 × 740 phone; the full text is one click
 * away, and stays in full on Avtal. The questions come in the order a nurse meets them: in
 * special housing the wish for the region's open clinic right after the housing form. Desktop
 * and 360 px, axe clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  currentAnswer,
  eventually,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  startApp,
  visit,
  type RunningApp,
} from './browser.testkit.js';

const TODAY = new Date('2026-12-01T09:00:00+01:00');
const PHONE = { width: 360, height: 740 };

async function pinned(browser: Browser, width: number): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const { page, context, errors } = await openPage(browser, width, width < 600 ? PHONE.height : 900);
  await page.clock.setFixedTime(TODAY);
  return { page, close: () => context.close(), errors };
}

/** The legends of the guide's questions, top to bottom. */
async function questionOrder(page: Page): Promise<string[]> {
  return page
    .locator('.guide-steps > li')
    .evaluateAll((items) => items.map((li) => (li.querySelector('legend, label')?.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

describe.skipIf(!hasChromium)('Sjuksköterskans första skärm', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  for (const width of [1280, PHONE.width]) {
    it(`tidsfristerna tar en rad var i guiden utan inloggning, och första frågan syns på första skärmen (${String(width)} px)`, async () => {
      const { page, close, errors } = await pinned(browser, width);
      await visit(page, app.url, 'ansvarsguide');
      const banner = page.getByRole('region', { name: 'Tidsfrister i avtalet' });
      await banner.waitFor();
      const lines = banner.getByRole('status');
      expect(await lines.allInnerTexts()).toEqual(['Sista dag för uppsägning om 30 dagar (7 dokument)', 'GEMUTV upphör om 395 dagar']);
      // One line each (two at most on a phone, whose narrow width may wrap the count).
      const heights = await lines.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      for (const h of heights) expect(h).toBeLessThan(width < 600 ? 56 : 36);
      // The first question, its label and its field, within the first screen without scrolling.
      const first = page.locator('#q-registeredMunicipality');
      const box = await first.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(width < 600 ? PHONE.height : 900);
      expect(await axeViolations(page)).toEqual([]);
      if (width < 600) await screenshot(page, 'ansvarsguide-360-start', { fullPage: false });
      // The documents and the dates are one click away.
      await banner.locator('summary').first().click();
      const notice = await lines.first().innerText();
      expect(notice).toMatch(/Sista dag för uppsägning om 30 dagar, 31 december 2026\./);
      for (const id of ['PRINC', 'ORD', 'SABO', 'MT', 'SYNHOR', 'PALL', 'TILL']) expect(notice).toContain(`(${id})`);
      expect(await banner.getByRole('link', { name: 'Se giltighet och uppsägning under Avtal' }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      // Avtal shows the banner in full, also to a person who is not signed in.
      await visit(page, app.url, 'avtal');
      const full = await page.getByRole('region', { name: 'Tidsfrister i avtalet' }).getByRole('status').allInnerTexts();
      expect(full).toHaveLength(2);
      expect(full[0]).toMatch(/^Sista dag för uppsägning om 30 dagar, 31 december 2026\. Gäller .*\(ORD\)/);
      // Nothing failed in the page beyond the 401 of asking who is signed in (nobody).
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
      await close();
    });

    it(`i särskilt boende kommer önskemålet om regionens öppna mottagning direkt efter boendeformen (${String(width)} px)`, async () => {
      const { page, close, errors } = await pinned(browser, width);
      await visit(page, app.url, 'ansvarsguide');
      await page.getByLabel('Var är personen folkbokförd?').selectOption({ label: 'Krokom' });
      const housing = page.getByRole('group', { name: /Hur bor personen/ });
      await housing.getByRole('radio', { name: 'Ordinärt boende', exact: true }).check();
      await page
        .getByRole('group', { name: /ansluten till Storsjögläntan/ })
        .getByRole('radio', { name: 'Nej', exact: true })
        .check();
      // Changed to special housing after Storsjögläntan was answered: that answer stays, the wish comes first.
      await housing.getByRole('radio', { name: 'Särskilt boende (SoL)', exact: true }).check();
      await eventually(async () => {
        expect(await questionOrder(page)).toEqual([
          'Var är personen folkbokförd?',
          'Hur bor personen?',
          'Vill personen få sin vård på regionens öppna mottagning?',
          'Är personen ansluten till Storsjögläntan?',
        ]);
      });
      expect(
        await page
          .getByRole('group', { name: /ansluten till Storsjögläntan/ })
          .getByRole('radio', { name: 'Nej', exact: true })
          .isChecked(),
      ).toBe(true);
      await page
        .getByRole('group', { name: /regionens öppna mottagning/ })
        .getByRole('radio', { name: 'Ja', exact: true })
        .check();
      await eventually(async () => {
        const order = await questionOrder(page);
        expect(order.slice(2, 5)).toEqual([
          'Vill personen få sin vård på regionens öppna mottagning?',
          'Är personen ansluten till Storsjögläntan?',
          'Gäller frågan tid då personen vistas i daglig verksamhet (LSS) eller dagverksamhet (SoL)?',
        ]);
      });
      await page
        .getByRole('group', { name: /daglig verksamhet/ })
        .getByRole('radio', { name: 'Nej', exact: true })
        .check();
      await eventually(async () => {
        expect((await currentAnswer(page)).rule).toBe('R4o');
      });
      // Every question asked is still there and can be changed: no wish gives the municipality (R4).
      await page
        .getByRole('group', { name: /regionens öppna mottagning/ })
        .getByRole('radio', { name: 'Nej', exact: true })
        .check();
      await eventually(async () => {
        expect((await currentAnswer(page)).rule).toBe('R4');
      });
      expect(await axeViolations(page)).toEqual([]);
      // Nothing failed in the page beyond the 401 of asking who is signed in (nobody).
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
      await close();
    });
  }
});
