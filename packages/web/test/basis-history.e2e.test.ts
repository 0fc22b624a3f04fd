/**
 * A basis's own history on its page, in a real browser against the real service: a basis of a
 * real billing run approved, exported as PDF, sent and credited with a reason (through the API,
 * as the economists do it in the app) shows each event with the person's display name and the
 * time, and links to its credit note and corrected draft, whose histories say where they came
 * from. Desktop and 360 px, axe clean, no sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { approveConfirmed } from '../../server/src/billing/approve.testkit.js';
import { login } from '../../server/src/testing/test-server.testkit.js';
import {
  axeViolations,
  demo,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  settled,
  signIn,
  startApp,
  visit,
  type RunningApp,
} from './browser.testkit.js';

describe.skipIf(!hasChromium)('Fakturaunderlagets historik i webbläsaren', () => {
  let app: RunningApp;
  let browser: Browser;
  let basis: string;
  let creditNote: string;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const admin = await login(app.url, demo.admin);
    const run = await admin.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2026-01' });
    if (run.status !== 201 && run.status !== 200) throw new Error(`körningen: ${String(run.status)} ${JSON.stringify(run.body)}`);
    const first = (run.body as { invoiceBases: { id: string }[] }).invoiceBases[0];
    if (first === undefined) throw new Error('demokörningen gav inga underlag');
    basis = first.id;
    expect((await approveConfirmed(admin, basis)).status).toBe(200);
    expect((await admin.request('GET', `/api/v1/invoice-bases/${basis}/export?format=pdf`)).status).toBe(200);
    expect((await admin.request('POST', `/api/v1/invoice-bases/${basis}/send`)).status).toBe(200);
    const credit = await admin.request('POST', `/api/v1/invoice-bases/${basis}/credit`, { reason: 'Fel antal timmar i januari' });
    expect(credit.status).toBe(201);
    creditNote = (credit.body as { creditNote: { id: string } }).creditNote.id;
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  for (const width of [1280, 360]) {
    it(`visar skapat, godkänt, exporterat, skickat, krediterat och rättat med namn och tid (${String(width)} px)`, async () => {
      const { page, context, errors } = await openPage(browser, width, width < 600 ? 740 : 900);
      await signIn(page, app.url, demo.regionEconomist);
      errors.length = 0;
      await visit(page, app.url, `ekonomi/fakturering/${basis}`);
      const history = page.getByRole('region', { name: 'Historik' });
      const items = history.getByRole('listitem');
      await items.first().waitFor();
      const texts = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(texts).toHaveLength(6);
      const when = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} /;
      for (const t of texts) expect(t).toMatch(when);
      expect(texts[0]).toMatch(/Skapades i körning 1\. Av Demo Administratör\.$/);
      expect(texts[1]).toMatch(/Godkändes och låstes med fakturanummer \S+\. Av Demo Administratör\.$/);
      expect(texts[2]).toMatch(/Exporterades som PDF \(.+\.pdf\)\. Av Demo Administratör\.$/);
      expect(texts[3]).toMatch(/Markerades som skickat till köparen\. Av Demo Administratör\.$/);
      expect(texts[4]).toMatch(
        /Krediterades med underlaget Kreditnota, .* Skäl: Fel antal timmar i januari\. Av Demo Administratör\. Öppna kreditnotan$/,
      );
      expect(texts[5]).toMatch(/Rättades med ett nytt utkast: underlaget .*\. Av Demo Administratör\. Öppna det nya utkastet$/);
      // The stored actor id on hover, never in the text.
      expect(await history.locator('.person-name').first().getAttribute('title')).toBe('Användar-id: user:admin');
      expect(texts.join(' ')).not.toMatch(/user:|synhorsel/);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width === 1280) {
        await history.scrollIntoViewIfNeeded();
        await screenshot(page, 'fakturaunderlag-historik', { fullPage: false });
      }
      // The credit note's own history says which basis it credits and why.
      await history.getByRole('link', { name: 'Öppna kreditnotan' }).click();
      await page.waitForURL(new RegExp(`#/ekonomi/fakturering/${creditNote}$`));
      // The URL changes before the credit note's data arrives, and until then the page still shows
      // the basis's own history: wait for the note's first event, then for the app to be idle.
      const noteHistory = page.getByRole('region', { name: 'Historik' });
      await noteHistory.getByRole('listitem').filter({ hasText: 'Kreditnotan skapades' }).first().waitFor();
      await settled(page);
      expect((await noteHistory.getByRole('listitem').first().innerText()).replace(/\s+/g, ' ')).toMatch(
        /Kreditnotan skapades när underlaget .* krediterades\. Skäl: Fel antal timmar i januari\. Av Demo Administratör\. Öppna underlaget$/,
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
