/**
 * Issue 12, point 2 in the browser: the calculation steps read as Swedish sentences with units
 * (the server's `display`), the interpretations by name, and no internal identifier anywhere on
 * the page (core's INTERNAL_IDENTIFIER) — on Tilläggsbelopp, MT fast del and an invoice basis,
 * at 1280 and 360 px, axe clean; against the real service and its demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { INTERNAL_IDENTIFIER } from '@samverkan/core';
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

/** The lines of the page's main content that hold an internal identifier. */
async function identifierLines(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return text.split('\n').filter((l) => INTERNAL_IDENTIFIER.test(l));
}

describe.skipIf(!hasChromium)('Beräkningar på klarspråk i webbläsaren (chromium, riktig tjänst)', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  for (const width of [1280, 360]) {
    it(`stegen på Tilläggsbelopp och MT fast del är meningar med enheter (${String(width)} px)`, async () => {
      const { page, context, errors } = await openPage(browser, width, 900);
      await signIn(page, app.url, demo.manager);
      errors.length = 0;
      await visit(page, app.url, 'ekonomi/tillaggsbelopp');
      const till = page.locator('.calc-steps').first();
      await till.waitFor();
      const tillText = await till.innerText();
      // The index chain as arithmetic with units, the rounding in words (not "half-up till 100 (ore_per_person)").
      expect(tillText).toMatch(
        /tilläggsbelopp per år 20\d\d \(LPIK [\d,]+ %\): [\d\s\u00a0]+ kr × \(1 \+ [\d,]+ %\) = ≈? ?[\d\s\u00a0,]+ kr, avrundat till närmaste, hälften uppåt, till hela kronor: [\d\s\u00a0]+ kr/i,
      );
      expect(tillText).toContain('Föregående års värde:');
      expect(await identifierLines(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      await visit(page, app.url, 'ekonomi/mt');
      const mt = page.locator('.calc-steps').first();
      await mt.waitFor();
      const mtText = await mt.innerText();
      expect(mtText).toMatch(/Grundtid: [\d\s\u00a0]+ minuter/);
      expect(mtText).toMatch(/Timpris: [\d\s\u00a0]+ kr/);
      expect(await identifierLines(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('ett fakturaunderlags beräkning och tolkningar har svenska namn, på 1280 och 360 px', async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, app.url, demo.municipalityEconomist);
    errors.length = 0;
    await visit(page, app.url, 'ekonomi/fakturering');
    await page.getByLabel('Flöde').selectOption({ label: 'Uppdrag dagtid' });
    await page.getByLabel('Period').fill('2026-01');
    await page.getByRole('button', { name: 'Starta faktureringskörning' }).click();
    await page.getByText(/gav \d+ fakturaunderlag/).waitFor();
    await page
      .getByRole('region', { name: 'Fakturaunderlag' })
      .getByRole('link', { name: /Uppdrag dagtid.*Östersund till Region Jämtland Härjedalen, 2026-01/ })
      .click();
    await page.getByRole('heading', { name: /Fakturaunderlag: Uppdrag dagtid 2026-01/ }).waitFor();
    const basisUrl = page.url();
    await page.getByText('Visa beräkningen för rad 1').click();
    const line = page.locator('tbody .calc-steps').first();
    await line.waitFor();
    const lineText = await line.innerText();
    // The formula in the step's values: "Påbörjade timmar × timpris: 80 minuter ger 2 påbörjade timmar × 660 kr = 1 320 kr".
    expect(lineText).toMatch(
      /Påbörjade timmar × timpris: [\d\s\u00a0,]+ minuter ger \d+ påbörjade? tim(?:me|mar) × [\d\s\u00a0]+ kr = [\d\s\u00a0]+ kr/,
    );
    expect(lineText).toMatch(/Restiden räknas: (ja|nej)/);
    expect(lineText).not.toMatch(/restidRäknas|timprisÖre/);
    // The imported record a line rests on has no result to show ("…, rad 2: –" before).
    expect(lineText).toMatch(/Importerad post: .+, rad \d+ \(Fil:/);
    // Singular and plural of the line quantities ("1 påbörjade timmar" before).
    const lines = await page.getByRole('table').filter({ hasText: 'Beskrivning' }).first().innerText();
    expect(lines).not.toMatch(/(^|\s)1 påbörjade timmar/);
    expect(lines).toMatch(/(^|\s)1 påbörjad timme|(^|\s)[2-9]\d* påbörjade timmar/);
    const trace = page.getByRole('region', { name: 'Spårbarhet' });
    expect(await trace.innerText()).toContain(
      'Tolkningar av avtalstexten: Avrundning av indexerade värden (tolkning I6): hela kronor varje år',
    );
    // Parameters by their titles, values in words ("dagtid.timpris", "660,00 kr …" before).
    const parameters = await trace.getByRole('table').first().innerText();
    expect(parameters).toMatch(/Ersättning för uppdrag dagtid per påbörjad timme\s+660 kr per påbörjad timme/);
    expect(parameters).not.toContain('dagtid.timpris');
    expect(await identifierLines(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ekonomi-fakturaunderlag-berakning');

    const phone = await openPage(browser, 360, 800);
    await signIn(phone.page, app.url, demo.municipalityEconomist);
    await phone.page.goto(basisUrl);
    await phone.page.getByRole('heading', { name: /Fakturaunderlag: Uppdrag dagtid 2026-01/ }).waitFor();
    await phone.page.getByText('Visa beräkningen för rad 1').click();
    await phone.page.locator('tbody .calc-steps').first().waitFor();
    expect(await identifierLines(phone.page)).toEqual([]);
    expect(await axeViolations(phone.page)).toEqual([]);
    expect(errors).toEqual([]);
    await phone.context.close();
    await context.close();
  }, 90_000);
});
