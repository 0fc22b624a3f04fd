/**
 * End-to-end journeys through the Ansvarsguide against the real service (no sign-in): three
 * situations with different answers, the shareable URL, keyboard-only completion with visible
 * focus, and the 360 px phone layout.
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
  type RunningApp,
} from './browser.testkit.js';

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });

async function answer(page: Page, name: RegExp, option: string): Promise<void> {
  await group(page, name).getByRole('radio', { name: option, exact: true }).check();
}

/** Answer the care questions for a person in ordinary housing registered in Östersund. */
async function ordinaryHousing(page: Page, criteria: { needOver14Days: 'Ja' | 'Nej' }): Promise<void> {
  await page.getByLabel('Var är personen folkbokförd?').selectOption({ label: 'Östersund' });
  await answer(page, /Hur bor personen/, 'Ordinärt boende');
  await answer(page, /ansluten till Storsjögläntan/, 'Nej');
  await answer(page, /daglig verksamhet/, 'Nej');
  await answer(page, /Kriterium 1/, 'Ja');
  await answer(page, /Kriterium 2/, criteria.needOver14Days);
}

/** Wait until the answer card names `who` (the answer for the latest input), then return it. */
async function expectResponsible(page: Page, who: string, rule: string): Promise<void> {
  await eventually(async () => {
    const a = await currentAnswer(page);
    expect(a.responsible).toContain(who);
    expect(a.rule).toBe(rule);
  });
}

const count = (page: Page, selector: string): Promise<number> => page.locator(selector).count();

describe.skipIf(!hasChromium)('Ansvarsguiden i webbläsaren (chromium, riktig tjänst)', () => {
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

  it('ordinärt boende med alla kriterier uppfyllda: Östersunds kommun ansvarar, med kriterier och citerad klausul', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.url}/#/ansvarsguide`);
    await ordinaryHousing(page, { needOver14Days: 'Ja' });
    await group(page, /Clinical Frailty Scale/)
      .getByRole('radio', { name: /^6 – Måttligt skör/ })
      .check();
    // The nine CFS levels are shown with their Swedish descriptions (ORD Bilaga 1).
    expect(
      await group(page, /Clinical Frailty Scale/)
        .getByRole('radio')
        .count(),
    ).toBe(10);
    expect(await page.getByText(/individer som behöver hjälp med alla utomhusaktiviteter/i).count()).toBeGreaterThan(0);
    // Asked positively: "Nej, personen kan inte ta sig dit" meets criterion 4.
    await answer(page, /Kriterium 4: Kan personen ta sig till hälsocentralen/, 'Nej');
    await answer(page, /hälsocentralen trots att kriterierna/, 'Nej');
    await expectResponsible(page, 'Östersunds kommun', 'R5');
    expect(await count(page, '[data-testid=answer-criteria] li')).toBe(4);
    expect(await count(page, '[data-testid=answer-criteria] li[data-status=met]')).toBe(4);
    expect(await page.getByTestId('answer-why').innerText()).toMatch(/Östersunds kommun ansvarar eftersom/);
    expect(await page.getByTestId('answer-card').locator('blockquote').first().innerText()).toMatch(/^”.+”/s);
    expect(await page.getByTestId('answer-handover').innerText()).toContain('Informationsöverföring på primärvårdsnivå');

    // The link carries only the flat inputs, and opening it elsewhere gives the same answer.
    const url = page.url();
    expect(decodeURIComponent(url)).toMatch(/registeredMunicipality=2380&housing=ordinart/);
    expect(url).not.toMatch(/namn|personnummer|\d{6,8}-\d{4}/);
    const other = await openPage(browser);
    await other.page.goto(url);
    await expectResponsible(other.page, 'Östersunds kommun', 'R5');
    await other.context.close();
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('ett kriterium inte uppfyllt: regionen ansvarar, och guiden frågar inte om skörhet', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.url}/#/ansvarsguide`);
    await ordinaryHousing(page, { needOver14Days: 'Nej' });
    await expectResponsible(page, 'Region Jämtland Härjedalen', 'R7');
    expect(await group(page, /Clinical Frailty Scale/).count()).toBe(0);
    expect(await count(page, '[data-testid=answer-criteria] li[data-status=not_met]')).toBe(1);
    await context.close();
  });

  it('ansluten till Storsjögläntan: regionen (Storsjögläntan) ansvarar och inga kriterier efterfrågas', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.url}/#/ansvarsguide`);
    await page.getByLabel('Var är personen folkbokförd?').selectOption({ label: 'Krokom' });
    await answer(page, /Hur bor personen/, 'Ordinärt boende');
    await answer(page, /ansluten till Storsjögläntan/, 'Ja');
    await expectResponsible(page, 'Region Jämtland Härjedalen (Storsjögläntan)', 'R2');
    expect(await group(page, /Kriterium 1/).count()).toBe(0);
    expect(await page.getByTestId('answer-performing').innerText()).toContain('tilläggsbeloppet');
    // The criteria do not decide here, so they are not listed as "Okänt".
    expect(await count(page, '[data-testid=answer-criteria]')).toBe(0);
    await context.close();
  });

  it('särskilt boende: guiden frågar om önskemål om regionens öppna mottagning, och önskemålet ger regionen (R4o)', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.url}/#/ansvarsguide`);
    await page.getByLabel('Var är personen folkbokförd?').selectOption({ label: 'Krokom' });
    await answer(page, /Hur bor personen/, 'Särskilt boende (SoL)');
    await answer(page, /ansluten till Storsjögläntan/, 'Nej');
    // SABO Ansvarsfördelning: the wish is asked, but neither the criteria nor patient safety.
    await answer(page, /regionens öppna mottagning/, 'Nej');
    await expectResponsible(page, 'Krokoms kommun', 'R4');
    await answer(page, /regionens öppna mottagning/, 'Ja');
    // With the wish, the day activity decides first (R3).
    await answer(page, /daglig verksamhet/, 'Nej');
    await expectResponsible(page, 'Region Jämtland Härjedalen (regionens öppna mottagning)', 'R4o');
    expect(await group(page, /Kriterium 1/).count()).toBe(0);
    expect(await group(page, /patientsäkerheten/).count()).toBe(0);
    expect(
      await page.getByText('Om personer önskar få sin vård på regionens öppna mottagning ska detta respekteras.').count(),
    ).toBeGreaterThan(0);
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('flera produkter i ett svar: varje rad får sin egen ansvarige och klausul, och rader kan tas bort', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.url}/#/ansvarsguide`);
    await page.getByLabel('Var är personen folkbokförd?').selectOption({ label: 'Krokom' });
    await answer(page, /Hur bor personen/, 'Ordinärt boende');
    await answer(page, /ansluten till Storsjögläntan/, 'Ja');
    await expectResponsible(page, 'Region Jämtland Härjedalen (Storsjögläntan)', 'R2');
    await page.getByRole('button', { name: 'Lägg till en produkt' }).click();
    await page.getByLabel('Produkt 1', { exact: true }).selectOption({ label: 'Inkontinensprodukter' });
    await page.getByRole('button', { name: 'Lägg till en produkt till' }).click();
    await page.getByLabel('Produkt 2', { exact: true }).selectOption({ label: 'Förbrukningsmaterial (sjukvårdsmaterial)' });
    // Consumables used for work-environment reasons are the employer's (P1): the guide asks, for this row only.
    await answer(page, /arbetsmiljöskäl\? \(produkt 2\)/, 'Nej');
    expect(await page.getByRole('group', { name: /\(produkt 1\)/ }).count()).toBe(0);
    const products = page.getByTestId('answer-product');
    await eventually(async () => {
      await currentAnswer(page);
      expect(await products.count()).toBe(2);
      expect(await products.nth(1).getAttribute('data-party')).toBe('region');
    });
    // PALL Sjukvårdsprodukter: incontinence products are the municipality's, consumables Storsjögläntan's.
    expect(await products.nth(0).innerText()).toMatch(/^Inkontinensprodukter: Krokoms kommun förskriver/);
    expect(await products.nth(1).innerText()).toMatch(/^Förbrukningsmaterial: Region Jämtland Härjedalen \(Storsjögläntan\) förskriver/);
    expect(await products.nth(0).getAttribute('data-party')).toBe('kommun');
    expect(await products.nth(1).getAttribute('data-party')).toBe('region');
    expect(await products.nth(0).locator('blockquote').count()).toBe(1);
    expect(await products.nth(1).locator('blockquote').count()).toBe(1);
    expect(decodeURIComponent(page.url())).toContain('p0=incontinence&p1=consumables');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ansvarsguide-produkter');
    // Remove the first row: the other stays, with its own answer.
    await page.getByRole('button', { name: 'Ta bort inkontinensprodukter' }).click();
    await eventually(async () => {
      await currentAnswer(page);
      expect(await products.count()).toBe(1);
      expect(await products.nth(0).innerText()).toMatch(/^Förbrukningsmaterial: Region Jämtland Härjedalen \(Storsjögläntan\)/);
    });
    expect(await page.getByLabel('Produkt 1', { exact: true }).inputValue()).toBe('consumables');
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('en fråga som besvarats syns kvar och kan ändras: Storsjögläntan för en besökare, och ett tidigare kriterium', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.url}/#/ansvarsguide`);
    await page.getByLabel('Var är personen folkbokförd?').selectOption({ label: 'Inte folkbokförd i länet' });
    await answer(page, /Hur bor personen/, 'Ordinärt boende');
    await expectResponsible(page, 'Region Jämtland Härjedalen', 'R1');
    // The service asks about Storsjögläntan (physician contact); once answered it stays and can be changed.
    await answer(page, /ansluten till Storsjögläntan/, 'Ja');
    await eventually(async () => {
      await currentAnswer(page);
      expect(await group(page, /ansluten till Storsjögläntan/).count()).toBe(1);
      expect(
        await group(page, /ansluten till Storsjögläntan/)
          .getByRole('radio', { name: 'Ja', exact: true })
          .isChecked(),
      ).toBe(true);
    });
    await answer(page, /ansluten till Storsjögläntan/, 'Nej');
    await eventually(async () => {
      expect(
        await group(page, /ansluten till Storsjögläntan/)
          .getByRole('radio', { name: 'Nej', exact: true })
          .isChecked(),
      ).toBe(true);
    });
    // No criteria are listed for a visitor: they do not decide.
    expect(await count(page, '[data-testid=answer-criteria]')).toBe(0);

    // An earlier answer changed after the answer is complete: the answer follows it, both ways.
    await page.getByLabel('Var är personen folkbokförd?').selectOption({ label: 'Östersund' });
    await answer(page, /ansluten till Storsjögläntan/, 'Nej');
    await answer(page, /daglig verksamhet/, 'Nej');
    await answer(page, /Kriterium 1/, 'Ja');
    await answer(page, /Kriterium 2/, 'Ja');
    await group(page, /Clinical Frailty Scale/)
      .getByRole('radio', { name: /^7 – / })
      .check();
    await answer(page, /Kriterium 4/, 'Nej');
    await answer(page, /hälsocentralen trots att kriterierna/, 'Nej');
    await expectResponsible(page, 'Östersunds kommun', 'R5');
    await answer(page, /Kriterium 2/, 'Nej');
    await expectResponsible(page, 'Region Jämtland Härjedalen (hälsocentralen)', 'R7');
    expect(await count(page, '[data-testid=answer-criteria] li[data-status=not_met]')).toBe(1);
    // The sentence that decided is quoted first, in full.
    expect(await page.getByTestId('answer-card').locator('blockquote').first().innerText()).toContain('frekvent');
    // Back to "Ja": the questions after it are asked again (their earlier answers were dropped with
    // the criterion that made them irrelevant), and answering them gives the municipality again.
    await answer(page, /Kriterium 2/, 'Ja');
    await group(page, /Clinical Frailty Scale/)
      .getByRole('radio', { name: /^7 – / })
      .check();
    await answer(page, /Kriterium 4/, 'Nej');
    await answer(page, /hälsocentralen trots att kriterierna/, 'Nej');
    await expectResponsible(page, 'Östersunds kommun', 'R5');
    await context.close();
  });

  it('CFS 5 utan kognitiv svikt: det avgörande kriteriet citeras i sin helhet', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(
      `${app.url}/#/ansvarsguide?registeredMunicipality=2380&housing=ordinart&storsjoglantan=false&atDayActivity=false&safeAtHome=true&needOver14Days=true&cfs=5&cognitiveImpairment=false`,
    );
    await expectResponsible(page, 'Region Jämtland Härjedalen (hälsocentralen)', 'R7');
    const quote = await page.getByTestId('answer-card').locator('blockquote').first().innerText();
    expect(quote).toContain('lindrig skörhet (5 på skalan i Clinical Frailty Scale) med samtidig kognitiv svikt');
    expect(await page.getByTestId('answer-why').innerText()).toContain('inte är uppfyllt');
    await context.close();
  });

  it('timpriset visas i nivån för året som frågan gäller (2026: 660 kr)', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(
      `${app.url}/#/ansvarsguide?date=2026-03-02&registeredMunicipality=2380&housing=ordinart&storsjoglantan=false&atDayActivity=false&safeAtHome=false&time=10:00`,
    );
    await expectResponsible(page, 'Region Jämtland Härjedalen (hälsocentralen)', 'R7');
    expect(await page.getByTestId('answer-performing').innerText()).toMatch(/660,00\skr per påbörjad timme \(2026 års nivå\)/);
    await context.close();
  });

  it('kan fyllas i med bara tangentbordet, med synligt fokus på varje steg', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.url}/#/ansvarsguide`);
    const focusedId = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
    const focusVisibleNow = (): Promise<boolean> =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        const s = getComputedStyle(el);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      });
    // The focus ring may fade in (a CSS transition) and a question may render a moment after the
    // answer before it: allow up to a second for focus to settle on a visibly focused element.
    const focusVisible = async (): Promise<boolean> => {
      try {
        return await eventually(async () => {
          if (!(await focusVisibleNow())) throw new Error('inget synligt fokus');
          return true;
        }, 1000);
      } catch {
        return false;
      }
    };
    await page.getByLabel('Var är personen folkbokförd?').waitFor();
    // The skip link comes first.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till huvudinnehållet');
    expect(await focusVisible()).toBe(true);
    for (let i = 0; i < 20 && (await focusedId()) !== 'q-registeredMunicipality'; i++) {
      await page.keyboard.press('Tab');
      expect(await focusVisible()).toBe(true);
    }
    expect(await focusedId()).toBe('q-registeredMunicipality');
    await page.keyboard.type('Berg');
    /** Press Tab until focus is in the question whose legend matches, checking visible focus on the way. */
    const tabToQuestion = async (legend: RegExp): Promise<void> => {
      // A person waits for the next question to appear before moving on to it.
      await page.getByRole('group', { name: legend }).waitFor();
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        expect(await focusVisible()).toBe(true);
        const inQuestion = await page.evaluate((source) => {
          const legendText = document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
          return new RegExp(source).test(legendText);
        }, legend.source);
        if (inQuestion) return;
      }
      throw new Error(`fokus nådde aldrig frågan ${legend.source}`);
    };
    const choose = async (legend: RegExp, key: 'Space' | 'ArrowDown', times = 1): Promise<void> => {
      await tabToQuestion(legend);
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };
    await choose(/Hur bor personen/, 'Space'); // Ordinärt boende (first option)
    await choose(/Storsjögläntan/, 'ArrowDown'); // Ja → Nej
    await choose(/daglig verksamhet/, 'ArrowDown'); // Nej
    await choose(/Kriterium 1/, 'Space'); // Ja
    await choose(/Kriterium 2/, 'Space'); // Ja
    await choose(/Clinical Frailty Scale/, 'ArrowDown', 6); // 1 → 7
    await choose(/Kriterium 4/, 'ArrowDown'); // Ja → Nej (cannot reach the health centre: met)
    await choose(/hälsocentralen trots att kriterierna/, 'ArrowDown'); // Nej
    await expectResponsible(page, 'Bergs kommun', 'R5');
    // The answer's actions are reachable too.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.textContent === 'Skriv ut')); i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skriv ut');
    expect(await focusVisible()).toBe(true);
    await context.close();
  });

  it('fungerar på en 360 px bred telefon utan sidledsrullning och utan tillgänglighetsfel', async () => {
    const { page, context } = await openPage(browser, 360, 740);
    await page.goto(
      `${app.url}/#/ansvarsguide?registeredMunicipality=2380&housing=ordinart&storsjoglantan=false&atDayActivity=false&safeAtHome=true&needOver14Days=true&cfs=6&cannotReachHealthCentre=true&prefersHealthCentre=false&p0=aid`,
    );
    await expectResponsible(page, 'Östersunds kommun', 'R5');
    // A compact summary sticks to the bottom of the screen while the questions are read…
    const jump = page.getByTestId('answer-jump');
    await eventually(async () => {
      expect(await jump.innerText()).toMatch(/Ansvarar:\s*Östersunds kommun · 1 produkt/);
    });
    const box = await jump.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(740 + 1);
    expect(box?.y ?? 0).toBeGreaterThan(740 - 120);
    await screenshot(page, 'ansvarsguide-360-sammanfattning', { fullPage: false });
    // …and "Till svaret" moves focus to the answer, in view.
    await jump.getByRole('link', { name: 'Till svaret' }).click();
    await eventually(async () => {
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-heading');
      const top = await page.locator('#answer-heading').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(740);
    });
    expect(page.url()).toContain('#/ansvarsguide?');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    // What a phone shows on reaching the answer.
    await page.getByTestId('answer-card').evaluate((el) => {
      el.scrollIntoView();
    });
    await screenshot(page, 'ansvarsguide-360', { fullPage: false });
    await context.close();
  });

  it('skrivs ut med svaret och underlaget, utan formulär och meny', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(
      `${app.url}/#/ansvarsguide?registeredMunicipality=2321&housing=ordinart&storsjoglantan=false&atDayActivity=false&safeAtHome=false`,
    );
    await expectResponsible(page, 'Region Jämtland Härjedalen', 'R7');
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector: string): Promise<boolean> => page.locator(selector).first().isVisible();
    expect(await shown('[data-testid=answer-card]')).toBe(true);
    expect(await shown('.guide-form')).toBe(false);
    expect(await shown('header')).toBe(false);
    expect(await shown('.answer-actions')).toBe(false);
    // The printout says what the answer is based on (the form itself is not printed).
    const summary = page.getByRole('heading', { name: 'Underlag för svaret' });
    expect(await summary.isVisible()).toBe(true);
    expect(await page.locator('.print-only').innerText()).toMatch(
      /Folkbokförd\s+Åre kommun[\s\S]*Kriterium 1, patientsäkert i hemmet\s+Nej/,
    );
    await context.close();
  });
});
