/**
 * The user guide in a real browser: the header's "Användarguide" link (signed out and signed in,
 * 1280 and 360 px) opens docs/anvandarguide.md as served by the service, with every screenshot
 * loaded, in-page links that land on their chapter, no sideways scrolling at 360 px and no
 * WCAG 2.1 A/AA violations. Also writes the Byt lösenord screenshot the guide shows, and the
 * guide's own (both only with UPDATE_SCREENSHOTS=1).
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

/** Browser errors other than the 401 the app gets when it asks who is signed in before anyone is. */
const unexpected = (errors: readonly string[]): string[] =>
  errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e));

/** Follow the header link from an app page and check the guide page. */
async function openGuideFromHeader(page: Page, baseUrl: string): Promise<void> {
  await visit(page, baseUrl, 'ansvarsguide');
  await page.getByRole('banner').getByRole('link', { name: 'Användarguide' }).click();
  await page.getByRole('heading', { level: 1, name: 'Användarguide för Samverkan' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/anvandarguide');
  expect(await page.title()).toBe('Användarguide – Samverkan');
  const chapters = await page.locator('main h2').allInnerTexts();
  for (const role of [
    'Sjuksköterska och biståndshandläggare',
    'Regionekonom',
    'Kommunekonom',
    'Chef och strateg',
    'Läsare',
    'Administratör',
  ]) {
    expect(
      chapters.some((c) => c.startsWith(role)),
      role,
    ).toBe(true);
  }
  // Every screenshot is there (a broken image has no natural width) and has a text alternative.
  const images = await page.locator('main img').evaluateAll((els) =>
    els.map((e) => ({
      src: (e as HTMLImageElement).src,
      ok: (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0,
      alt: (e as HTMLImageElement).alt,
    })),
  );
  expect(images.length).toBeGreaterThan(10);
  expect(images.filter((i) => !i.ok || i.alt === '')).toEqual([]);
}

describe.skipIf(!hasChromium)('Användarguiden från sidhuvudet', () => {
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

  // First, so that with UPDATE_SCREENSHOTS=1 the guide below finds the screenshot it shows.
  it('finns i sidhuvudet också för den som är inloggad; Byt lösenord har sin skärmbild', async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, app.url, demo.viewer);
    await visit(page, app.url, 'byt-losenord');
    await screenshot(page, 'byt-losenord');
    await openGuideFromHeader(page, app.url);
    expect(await axeViolations(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  }, 120_000);

  for (const width of [1280, 360]) {
    it(`öppnas utan inloggning och är tillgänglig (${String(width)} px)`, async () => {
      const { page, context, errors } = await openPage(browser, width, 800);
      await openGuideFromHeader(page, app.url);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width === 1280) await screenshot(page, 'anvandarguide', { fullPage: false });
      // The table of contents leads to the chapter.
      await page.getByRole('link', { name: 'Kommunekonom', exact: true }).first().click();
      expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#kommunekonom');
      expect(await page.getByRole('heading', { level: 2, name: 'Kommunekonom' }).isVisible()).toBe(true);
      // And back to the app.
      await page.getByRole('link', { name: 'Till appen' }).click();
      await page.locator('main h1').first().waitFor();
      expect(unexpected(errors)).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
