/**
 * Every page in a real browser against the real service: axe-core finds no WCAG 2.1 A/AA
 * violations, each page shows only what the role may see, and a screenshot of each page is saved
 * to docs/screenshots/ for the README.
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

const guideWithAnswer =
  'ansvarsguide?registeredMunicipality=2380&housing=ordinart&storsjoglantan=false&atDayActivity=false&safeAtHome=true&needOver14Days=true&cfs=6&cannotReachHealthCentre=true&prefersHealthCentre=false';

async function checkPage(page: Page, baseUrl: string, route: string, shot?: string): Promise<void> {
  await visit(page, baseUrl, route);
  const violations = await axeViolations(page);
  expect({ route, violations }).toEqual({ route, violations: [] });
  // Swedish everywhere: the document language is Swedish on every page.
  expect(await page.getAttribute('html', 'lang')).toBe('sv');
  if (shot !== undefined) await screenshot(page, shot);
}

const navLinks = async (page: Page): Promise<string[]> =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allInnerTexts();

describe.skipIf(!hasChromium)('Alla sidor i webbläsaren: tillgänglighet (axe, WCAG 2.1 AA), roller och skärmbilder', () => {
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

  it('sidorna utan inloggning', async () => {
    const { page, context } = await openPage(browser);
    await checkPage(page, app.url, guideWithAnswer, 'ansvarsguide');
    await checkPage(page, app.url, 'avtal', 'avtal');
    await checkPage(page, app.url, 'arshjul', 'arshjul');
    await checkPage(page, app.url, 'logga-in', 'logga-in');
    // Without a session only the open pages are offered, and a closed page says to sign in.
    expect(await navLinks(page)).toEqual(['Ansvarsguide', 'Avtal', 'Årshjul']);
    await visit(page, app.url, 'ekonomi');
    expect(await page.locator('main').innerText()).toMatch(/kräver inloggning\. Logga in för att fortsätta/);
    await context.close();
  }, 120_000);

  it('läsbehörighet ser ekonomi och tvister men inte administration', async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, app.url, demo.viewer);
    expect(await navLinks(page)).toEqual(['Ansvarsguide', 'Ekonomi', 'Avtal', 'Årshjul', 'Tvister']);
    await visit(page, app.url, 'administration');
    expect(await page.locator('main').innerText()).toMatch(/Din roll har inte behörighet/);
    await visit(page, app.url, 'ekonomi');
    // Imports are for economists and administrators only.
    expect(await page.getByRole('navigation', { name: 'Ekonomi' }).getByRole('link').allInnerTexts()).not.toContain('Import');
    await visit(page, app.url, 'tvister');
    expect(await page.getByText('Öppna en ny tvist').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('ekonomi, tvister och administration för administratören', async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, app.url, demo.admin);
    expect(await navLinks(page)).toEqual(['Ansvarsguide', 'Ekonomi', 'Avtal', 'Årshjul', 'Tvister', 'Administration']);
    await checkPage(page, app.url, 'ekonomi', 'ekonomi');
    await checkPage(page, app.url, 'ekonomi/import', 'ekonomi-import');
    await checkPage(page, app.url, 'ekonomi/fakturering', 'ekonomi-fakturering');
    await checkPage(page, app.url, 'ekonomi/tillaggsbelopp', 'ekonomi-tillaggsbelopp');
    await checkPage(page, app.url, 'ekonomi/mt', 'ekonomi-mt');
    // The development-funds screenshot is taken with figures entered (workflows.e2e.test.ts).
    await checkPage(page, app.url, 'ekonomi/utveckling');
    await checkPage(page, app.url, 'tvister', 'tvister');
    const first = page.locator('main table a').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^#\/tvister\//);
    await checkPage(page, app.url, (href ?? '').slice(2), 'tvist');
    for (const [route, shot] of [
      ['administration/index', 'administration-index'],
      ['administration/parametrar', 'administration-parametrar'],
      ['administration/nycklar', 'administration-nycklar'],
      ['administration/anvandare', 'administration-anvandare'],
      ['administration/logg', 'administration-logg'],
    ] as const) {
      await checkPage(page, app.url, route, shot);
    }
    expect(await page.getByTestId('audit-verification').innerText()).toMatch(/verifierad/);
    await context.close();
  }, 300_000);
});
