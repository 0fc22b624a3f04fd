/**
 * Safeguards on invoice bases in the browser, against the real service and its demo data (whose
 * index values are examples): a flow's unbilled periods with the button that starts their run,
 * the provenance warning on the basis page, the approve dialog that
 * names the values and needs them confirmed, the credit dialog that needs a reason, a credited
 * basis without "Markera som skickat", people by display name, and axe on the open dialogs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  demo,
  dialogSettled,
  eventually,
  hasChromium,
  launchBrowser,
  openPage,
  signIn,
  startApp,
  visit,
  type RunningApp,
} from './browser.testkit.js';

const focusedLabel = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return '';
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
    if (labelled) return labelled.textContent.trim();
    return (el.getAttribute('aria-label') ?? el.textContent).trim();
  });

describe.skipIf(!hasChromium)('Skydd för fakturaunderlag i webbläsaren (chromium, riktig tjänst)', () => {
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

  it('ett underlag på exempelvärden varnar, godkänns bara efter bekräftelse i en dialog och krediteras bara med ett skäl', async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, app.url, demo.municipalityEconomist);
    // The sign-in page's own "who am I" answers 401 before signing in; count only what follows.
    errors.length = 0;
    await visit(page, app.url, 'ekonomi/fakturering');
    // Choosing the flow lists its periods with records not yet billed, each with the run to start.
    await page.getByLabel('Flöde').selectOption({ label: 'Uppdrag dagtid' });
    const unbilled = page.getByRole('region', { name: /Ej fakturerade poster: Uppdrag dagtid/ });
    const january = unbilled.getByRole('row', { name: /^2026-01/ });
    await january.waitFor();
    expect(await january.innerText()).toMatch(/^2026-01\s+\d+\s+Starta körning/);
    await january.getByRole('button', { name: 'Starta körning för Uppdrag dagtid 2026-01' }).click();
    await unbilled.getByText(/Körning 1 för Uppdrag dagtid 2026-01 gav \d+ fakturaunderlag/).waitFor();
    await eventually(async () => {
      expect(await unbilled.getByRole('row', { name: /^2026-01/ }).count()).toBe(0);
    });
    const bases = page.getByRole('region', { name: 'Fakturaunderlag' });
    await eventually(async () => {
      expect(await bases.getByRole('row', { name: /Östersund till Region Jämtland Härjedalen, 2026-01/ }).innerText()).toMatch(/Körning 1/);
    });
    await bases.getByRole('link', { name: /Uppdrag dagtid.*Östersund till Region Jämtland Härjedalen, 2026-01/ }).click();
    await page.getByRole('heading', { name: /Fakturaunderlag: Uppdrag dagtid 2026-01/ }).waitFor();

    // The page says, before anything else, that the basis rests on example values, naming them.
    const warning = page.getByTestId('provenance-warning');
    expect(await warning.innerText()).toMatch(/Underlaget bygger på värden som inte är slutliga/);
    expect(await warning.innerText()).toMatch(/VPI 20\d\d \([\d,]+ %\) är ett exempelvärde/);
    expect(await page.getByTestId('basis-run').innerText()).toBe('Körning 1');

    // Approve opens a modal dialog naming the values; focus starts on the confirmation box.
    const opener = page.getByRole('button', { name: 'Godkänn underlaget…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Godkänna fakturaunderlaget?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/VPI 20\d\d \([\d,]+ %\) är ett exempelvärde/);
    await eventually(async () => {
      expect(await focusedLabel(page)).toMatch(/Jag har läst varningarna/);
    });
    await dialogSettled(dialog);
    expect(await axeViolations(page)).toEqual([]);
    // Escape cancels: nothing is approved and focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await eventually(async () => {
      expect(await dialog.isVisible()).toBe(false);
      expect(await focusedLabel(page)).toBe('Godkänn underlaget…');
    });
    expect(await page.getByTestId('basis-status').innerText()).toBe('Utkast');

    await opener.click();
    await dialog.getByRole('button', { name: 'Godkänn och lås underlaget' }).click();
    // Without the confirmation the dialog stays, with the message tied to the checkbox.
    const box = dialog.getByLabel(/Jag har läst varningarna/);
    await eventually(async () => {
      expect(await box.getAttribute('aria-invalid')).toBe('true');
    });
    expect(await dialog.innerText()).toMatch(/Bekräfta att underlaget ska godkännas med värdena ovan/);
    expect(await page.getByTestId('basis-status').innerText()).toBe('Utkast');
    await box.check();
    await dialog.getByRole('button', { name: 'Godkänn och lås underlaget' }).click();
    await eventually(async () => {
      expect(await page.getByTestId('basis-status').innerText()).toBe('Godkänt');
    });
    // The approver by display name, the user id on hover.
    const approver = page.getByTestId('basis-approved').locator('.person-name');
    expect(await approver.innerText()).toBe('Demo Kommunekonom Östersund');
    expect(await approver.getAttribute('title')).toBe('Användar-id: user:ekonom.ostersund');
    expect(await page.getByTestId('provenance-warning').count()).toBe(1);

    // Credit asks for a reason in a dialog; focus starts in the reason field.
    await page.getByRole('button', { name: 'Kreditera och skapa nytt utkast…' }).click();
    const credit = page.getByRole('dialog', { name: 'Kreditera fakturaunderlaget?' });
    await credit.waitFor();
    await eventually(async () => {
      expect(await focusedLabel(page)).toBe('Skäl till krediteringen');
    });
    await dialogSettled(credit);
    expect(await axeViolations(page)).toEqual([]);
    await credit.getByRole('button', { name: 'Kreditera', exact: true }).click();
    const reason = credit.getByLabel('Skäl till krediteringen');
    await eventually(async () => {
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
    });
    expect(await credit.innerText()).toMatch(/Skriv varför underlaget krediteras/);
    await reason.fill('Indexvärdena var exempel; SKR:s utfall har publicerats.');
    await credit.getByRole('button', { name: 'Kreditera', exact: true }).click();
    await page.getByText(/Underlaget är krediterat med en kreditnota/).waitFor();
    await eventually(async () => {
      expect(await page.getByTestId('basis-status').innerText()).toBe('Krediterat');
    });
    // A credited basis offers no "Markera som skickat" and no second credit; it shows why it was credited.
    expect(await page.getByRole('button', { name: 'Markera som skickat' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Kreditera/ }).count()).toBe(0);
    expect(await page.getByTestId('credit-reason').innerText()).toBe('Indexvärdena var exempel; SKR:s utfall har publicerats.');
    expect(await page.getByTestId('basis-credited').getByRole('link', { name: 'kreditnotan' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
