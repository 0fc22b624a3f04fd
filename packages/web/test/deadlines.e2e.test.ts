/**
 * Deadlines that warn (issue 12, point 4) in a real browser against the real service, with the
 * browser's clock pinned to 2026-12-01: the notice deadline 2026-12-31 of the seven renewing
 * documents (30 days away) and GEMUTV's end 2027-12-31 as banners on the start page and on Avtal;
 * the årshjul marks past items, today and the next 30 days, and says where the agreement gives
 * no date. Axe clean at desktop and 360 px. The import page shows units, forms and templates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  demo,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startApp,
  visit,
  type RunningApp,
} from './browser.testkit.js';

const TODAY = new Date('2026-12-01T09:00:00+01:00');

async function pinned(browser: Browser, width: number): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const { page, context, errors } = await openPage(browser, width, width < 600 ? 800 : 900);
  await page.clock.setFixedTime(TODAY);
  return { page, close: () => context.close(), errors };
}

describe.skipIf(!hasChromium)('Tidsfrister i webbläsaren', () => {
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

  for (const width of [1280, 360]) {
    it(`visar uppsägningsfristen och GEMUTV:s slut på startsidan och under Avtal (${String(width)} px)`, async () => {
      const { page, close, errors } = await pinned(browser, width);
      await signIn(page, app.url, demo.manager);
      for (const route of ['ansvarsguide', 'avtal']) {
        await visit(page, app.url, route);
        const banner = page.getByRole('region', { name: 'Tidsfrister i avtalet' });
        await banner.waitFor();
        const notices = await banner.getByRole('status').allInnerTexts();
        expect(notices).toHaveLength(2);
        expect(notices[0]).toMatch(/^Sista dag för uppsägning om 30 dagar, 31 december 2026\./);
        for (const id of ['PRINC', 'ORD', 'SABO', 'MT', 'SYNHOR', 'PALL', 'TILL']) expect(notices[0]).toContain(`(${id})`);
        expect(notices[1]).toMatch(/^GEMUTV upphör om 395 dagar, 31 december 2027\./);
        expect(await axeViolations(page)).toEqual([]);
        if (width === 1280 && route === 'avtal') await screenshot(page, 'avtal');
      }
      // Nothing failed in the page beyond the sign-in's expected 401 before the session exists.
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
      await close();
    });

    it(`markerar passerat, i dag och de närmaste 30 dagarna i årshjulet (${String(width)} px)`, async () => {
      const { page, close } = await pinned(browser, width);
      await signIn(page, app.url, demo.manager);
      await visit(page, app.url, 'arshjul');
      const november = page.locator('li[data-timing]').filter({ hasText: '2026-11-30' }).first();
      expect(await november.getAttribute('data-timing')).toBe('past');
      expect(await november.innerText()).toContain('Passerat');
      const deadline = page.locator('li[data-timing]').filter({ hasText: 'Sista dag för uppsägning: Ordinärt boende (ORD)' });
      expect(await deadline.getAttribute('data-timing')).toBe('soon');
      expect(await deadline.innerText()).toContain('Om 30 dagar');
      const seminar = page.locator('li[data-timing]').filter({ hasText: 'samverkansseminarium' }).first();
      expect(await seminar.innerText()).toContain('datum anges inte i avtalet; visas 31 december');
      expect(await axeViolations(page)).toEqual([]);
      if (width === 1280) await screenshot(page, 'arshjul');
      // 2027: GEMUTV's last day is an item of its own.
      await page.locator('#cal-year').fill('2027');
      await page.locator('li[data-timing]').filter({ hasText: 'GEMUTV upphör' }).waitFor();
      await close();
    });
  }

  it('visar enhet, tillåtna former och mallar på importsidan', async () => {
    const { page, close } = await pinned(browser, 1280);
    await signIn(page, app.url, demo.regionEconomist);
    await visit(page, app.url, 'ekonomi/import');
    await page.getByLabel('Typ av underlag').selectOption({ label: 'Uppdrag dagtid' });
    const columns = await page.locator('#import-kind-columns').innerText();
    expect(columns).toMatch(/insatstid \(krävs\).*Enhet: minuter\..*37,5/);
    const csv = page.getByRole('link', { name: 'CSV-mall' });
    expect(await csv.getAttribute('href')).toBe('/api/v1/imports/templates/daytime-assignments.csv');
    const download = await Promise.all([page.waitForEvent('download'), csv.click()]).then(([d]) => d);
    expect(download.suggestedFilename()).toBe('mall-daytime-assignments.csv');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ekonomi-import');
    await close();
  });
});
