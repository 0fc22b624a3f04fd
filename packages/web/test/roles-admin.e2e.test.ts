/**
 * Each role's actions and the administrator's tools in a real browser against the real service,
 * on a desktop and at 360 px, with no WCAG 2.1 A/AA violations: the buyer sees "Godkänn
 * underlaget" disabled with the server's reason; the chef reads disputes and is told why they
 * cannot change them, with documents by name and events naming who acted and when; own and forced
 * password change; the audit log filtered, with the changed fields and a CSV export; an index
 * value's bases per version; and no page scrolls sideways at 360 px.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  demo,
  eventually,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startApp,
  visit,
  type RunningApp,
} from './browser.testkit.js';

const WIDTHS = [1280, 360] as const;

interface ApiClient {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

async function apiLogin(url: string, username: string, password: string = demo.password): Promise<ApiClient> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${String(login.status)}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async request(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
  };
}

async function noViolations(page: Page, what: string): Promise<void> {
  expect({ what, violations: await axeViolations(page) }).toEqual({ what, violations: [] });
}

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  // On failure, name the elements that reach past the edge (what to fix).
  const wide = await page.evaluate(() => {
    const width = document.scrollingElement?.scrollWidth ?? 0;
    if (width <= 360) return [];
    const culprits = [...document.querySelectorAll('body *')].filter(
      (el) => el.getBoundingClientRect().right > 361 && el.closest('.table-scroll') === null,
    );
    return [
      `sidan är ${String(width)} px bred`,
      ...culprits.slice(0, 5).map((el) => `${el.tagName}.${el.className}: ${el.textContent.slice(0, 40)}`),
    ];
  });
  expect({ what, wide }).toEqual({ what, wide: [] });
}

describe.skipIf(!hasChromium)('Roller, åtgärder och administration i webbläsaren', () => {
  let app: RunningApp;
  let browser: Browser;
  /** A draft the region sells to Östersund (MT, rörlig del, January 2026). */
  let regionSells = '';
  /** An index value that basis was computed with. */
  let indexUsed = { series: '', year: 0 };
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const region = await apiLogin(app.url, demo.regionEconomist);
    const run = await region.request('POST', '/api/v1/billing-runs', { flow: 'mt-variable', period: '2026-01' });
    const bases = (run.body as { invoiceBases: { id: string; status: string; buyer: { id: string } }[] }).invoiceBases;
    regionSells = bases.find((b) => b.buyer.id === '2380' && b.status === 'draft')?.id ?? '';
    expect(regionSells).not.toBe('');
    const detail = (await region.request('GET', `/api/v1/invoice-bases/${regionSells}`)).body as {
      invoiceBasis: { trace: { indexValues: { series: string; year: number }[] } };
    };
    indexUsed = detail.invoiceBasis.trace.indexValues[0] ?? indexUsed;
    expect(indexUsed.series).not.toBe('');
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  it('köparen ser Godkänn underlaget avstängt med skälet', async () => {
    for (const width of WIDTHS) {
      const { page, context } = await openPage(browser, width);
      await signIn(page, app.url, demo.municipalityEconomist);
      await visit(page, app.url, `ekonomi/fakturering/${regionSells}`);
      const button = page.getByRole('button', { name: 'Godkänn underlaget', exact: true });
      expect(await button.isDisabled()).toBe(true);
      const reason = page.locator('#basis-denied-reason');
      expect(await reason.innerText()).toMatch(
        /^Bara säljaren kan godkänna: säljare är Region Jämtland Härjedalen, och du är kommunekonom för Östersund\./,
      );
      expect(await button.getAttribute('aria-describedby')).toBe('basis-denied-reason');
      // The buttons that would answer 403 are not offered as working buttons.
      expect(await page.getByRole('button', { name: 'Godkänn underlaget…' }).count()).toBe(0);
      await noViolations(page, `köparens underlag ${String(width)}`);
      if (width === 360) await noSidewaysScroll(page, 'underlag');
      await context.close();
    }
  }, 120_000);

  it('chefen läser tvister, får veta varför de inte kan ändras och ser vem som gjorde vad', async () => {
    for (const width of WIDTHS) {
      const { page, context } = await openPage(browser, width);
      await signIn(page, app.url, demo.manager);
      await visit(page, app.url, 'tvister');
      const list = await page.locator('main table').innerText();
      // Documents by name, not by code.
      expect(list).toContain('Ordinärt boende');
      expect(list).not.toMatch(/\bORD\b|\bSYNHOR\b/);
      await noViolations(page, `tvister ${String(width)}`);
      if (width === 360) await noSidewaysScroll(page, 'tvister');
      const first = await page.locator('main table a').first().getAttribute('href');
      await visit(page, app.url, (first ?? '').slice(2));
      expect(await page.getByTestId('dispute-read-only').innerText()).toBe(
        'Som chef/strateg kan du läsa tvister men inte ändra dem. Parternas ekonomer och administratören registrerar, eskalerar och avslutar tvister.',
      );
      expect(await page.getByRole('heading', { name: 'Nästa steg' }).count()).toBe(0);
      const events = await page.locator('ul.events li').allInnerTexts();
      expect(events.length).toBeGreaterThan(0);
      // Who acted and when: the demo seed, on the day the dispute says it was opened.
      const opened = await page.locator('dl.facts').innerText();
      const day = /Öppnad\s+(\d{4}-\d{2}-\d{2})/.exec(opened)?.[1] ?? 'saknas';
      expect(events[0]).toContain('systemet (demodata)');
      expect(events[0]).toContain(day);
      await noViolations(page, `tvist ${String(width)}`);
      if (width === 360) await noSidewaysScroll(page, 'tvist');
      await context.close();
    }
  }, 120_000);

  it('tvingat lösenordsbyte och eget byte från sidhuvudet', async () => {
    const admin = await apiLogin(app.url, demo.admin);
    for (const width of WIDTHS) {
      const username = `byte.${String(width)}`;
      const first = 'valt-av-administratoren';
      const chosen = 'mitt-forsta-egna-losenord';
      const again = 'mitt-andra-egna-losenord';
      expect(
        (await admin.request('POST', '/api/v1/users', { username, role: 'viewer', password: first, email: `${username}@regionjh.se` }))
          .status,
      ).toBe(201);
      const { page, context } = await openPage(browser, width);
      await page.goto(`${app.url}/#/logga-in`);
      await page.getByLabel('Användarnamn').fill(username);
      await page.getByLabel('Lösenord', { exact: true }).fill(first);
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
      expect(await page.locator('main').innerText()).toContain('Ditt lösenord valdes av en administratör');
      await page.getByLabel('Nuvarande lösenord').fill(first);
      await page.getByLabel('Nytt lösenord', { exact: true }).fill(chosen);
      await page.getByLabel('Upprepa det nya lösenordet').fill(chosen);
      await page.getByRole('button', { name: 'Byt lösenord' }).click();
      await page.getByText('Lösenordet är bytt').waitFor();
      // Later, by choice: the header's link leads to the same form, without the forced notice.
      await visit(page, app.url, 'avtal');
      await page.getByRole('banner').getByRole('link', { name: 'Byt lösenord' }).click();
      await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
      expect(await page.locator('main').innerText()).not.toContain('Ditt lösenord valdes av en administratör');
      await noViolations(page, `byt lösenord ${String(width)}`);
      if (width === 360) await noSidewaysScroll(page, 'byt lösenord');
      await page.getByLabel('Nuvarande lösenord').fill(chosen);
      await page.getByLabel('Nytt lösenord', { exact: true }).fill(again);
      await page.getByLabel('Upprepa det nya lösenordet').fill(again);
      await page.getByRole('button', { name: 'Byt lösenord' }).click();
      await page.getByText('Lösenordet är bytt').waitFor();
      await context.close();
      await apiLogin(app.url, username, again);
      await expect(apiLogin(app.url, username, chosen)).rejects.toThrow(/401/);
    }
  }, 120_000);

  it('granskningsloggen: namn, filter, ändringar och CSV', async () => {
    for (const width of WIDTHS) {
      const { page, context } = await openPage(browser, width);
      await signIn(page, app.url, demo.admin);
      await visit(page, app.url, 'administration/logg');
      const auditRows = () => page.getByRole('table', { name: /^Granskningslogg/ }).locator(':scope > tbody > tr');
      await page.getByLabel('Vad').selectOption({ label: 'Faktureringskörning' });
      await page.getByLabel('Vem').selectOption({ label: 'Demo Regionekonom' });
      await eventually(async () => {
        const rows = await auditRows().allInnerTexts();
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows)
          expect(r).toMatch(/Demo Regionekonom[\s\S]*skapade[\s\S]*Faktureringskörning: Körning \d+, MT rörlig del 2026-01/);
      });
      // Nobody is named by id, no action by its stored English word.
      expect((await auditRows().allInnerTexts()).join('\n')).not.toMatch(/user:|\bcreate\b/);
      await auditRows().first().getByText('Visa ändringar').click();
      await auditRows().first().locator('dl.audit-diff').waitFor();
      // Each changed field by its Swedish name (the glossary), values as read: no stored key, no raw JSON.
      const diff = auditRows().first().locator('dl.audit-diff');
      const labels = await diff.locator('dt').allInnerTexts();
      expect(labels).toEqual(expect.arrayContaining(['Flöde', 'Period', 'Körningens nummer', 'Fakturaunderlag']));
      for (const l of labels) expect(l).not.toMatch(/^[a-z]+[A-Z]|_|^[a-z]/);
      const diffText = await diff.innerText();
      expect(diffText).toMatch(/Flöde\s+Före: –\s+Efter: MT rörlig del/);
      expect(diffText).toMatch(/Fakturaunderlag\s+Före: –\s+Efter: \d+ st/);
      expect(diffText).not.toMatch(/[{}[\]"]|mt-rorlig/);
      await noViolations(page, `granskningslogg ${String(width)}`);
      if (width === 360) await noSidewaysScroll(page, 'granskningslogg');
      const csv = page.getByTestId('audit-csv');
      expect(await csv.getAttribute('href')).toBe('/api/v1/audit/export.csv?actor=user%3Aekonom.region&entity=billing_runs');
      const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
      expect(download.suggestedFilename()).toBe('granskningslogg.csv');
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe('Nummer;Tidpunkt;Vem;Användar-id;Åtgärd;Vad;Objekt;Objekt-id;Ändringar;Före (data);Efter (data)');
      expect(lines[1]).toContain(';Demo Regionekonom;user:ekonom.region;skapade;Faktureringskörning;');
      // A user's fields: Ja/Nej, the role by its Swedish name, times in Swedish time.
      await page.getByLabel('Vem').selectOption({ label: 'Alla' });
      await page.getByLabel('Vad').selectOption({ label: 'Användare' });
      await page.getByLabel('Händelse').selectOption({ label: 'skapade' });
      await eventually(async () => {
        expect(await auditRows().first().innerText()).toMatch(/Användare: /);
      });
      await eventually(async () => {
        for (const r of await auditRows().allInnerTexts()) expect(r).toMatch(/skapade[\s\S]*Användare: /);
      });
      const userRow = auditRows().last();
      await userRow.getByText('Visa ändringar').click();
      await userRow.locator('dl.audit-diff').waitFor();
      const userDiff = await eventually(async () => {
        const t = await userRow.locator('dl.audit-diff').innerText();
        expect(t).not.toBe('');
        return t;
      });
      expect(userDiff).toMatch(/Aktiv\s+Före: –\s+Efter: Ja/);
      expect(userDiff).toMatch(/Roll\s+Före: –\s+Efter: (Administratör|Ekonom, regionen|Ekonom, kommun|Chef\/strateg|Läsbehörighet)/);
      expect(userDiff).toMatch(/Skapat\s+Före: –\s+Efter: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(userDiff).not.toMatch(/displayName|mustChangePassword|true|false/);
      await noViolations(page, `granskningslogg, användare ${String(width)}`);
      await page.getByLabel('Händelse').selectOption({ label: 'Alla' });
      await page.getByLabel('Vad').selectOption({ label: 'Faktureringskörning' });
      await page.getByLabel('Vem').selectOption({ label: 'Demo Regionekonom' });
      // A day with nothing in it says so.
      await page.getByLabel('Till och med').fill('2000-01-01');
      await page.getByTestId('audit-empty').waitFor();
      if (width === 1280) {
        await page.getByLabel('Till och med').fill('');
        await auditRows().first().waitFor();
        await auditRows().first().getByText('Visa ändringar').click();
        await auditRows().first().locator('dl.audit-diff').waitFor();
        // The disclosure opens with an animation: photograph it open.
        await eventually(async () => {
          const settled = await page
            .locator('main')
            .evaluate((el) => el.getAnimations({ subtree: true }).every((a) => a.playState === 'finished'));
          if (!settled) throw new Error('ändringarna fälls fortfarande ut');
        });
        await screenshot(page, 'administration-logg');
      }
      await context.close();
    }
  }, 120_000);

  it('ett indexvärdes sida listar underlagen som beräknats med varje version', async () => {
    for (const width of WIDTHS) {
      const { page, context } = await openPage(browser, width);
      await signIn(page, app.url, demo.admin);
      await visit(page, app.url, 'administration/index');
      await page.getByRole('link', { name: `${indexUsed.series} ${String(indexUsed.year)}: versioner och fakturaunderlag` }).click();
      await page.getByRole('heading', { name: `${indexUsed.series} ${String(indexUsed.year)}: versioner och fakturaunderlag` }).waitFor();
      await eventually(async () => {
        expect(await page.locator(`main a[href="#/ekonomi/fakturering/${regionSells}"]`).count()).toBe(1);
      });
      expect(await page.locator('main').innerText()).toMatch(/Version \d+: .*Gäller/);
      await noViolations(page, `indexvärdets underlag ${String(width)}`);
      if (width === 360) await noSidewaysScroll(page, 'indexvärdets underlag');
      else await screenshot(page, 'administration-indexvarde');
      await context.close();
    }
  }, 120_000);

  it('ingen sida rullar i sidled vid 360 px', async () => {
    const { page, context } = await openPage(browser, 360);
    for (const route of ['ansvarsguide', 'avtal', 'arshjul', 'logga-in']) {
      await visit(page, app.url, route);
      await noSidewaysScroll(page, route);
    }
    await noViolations(page, 'logga in 360');
    await signIn(page, app.url, demo.admin);
    for (const route of [
      'ansvarsguide',
      'avtal',
      'arshjul',
      'tvister',
      'ekonomi',
      'ekonomi/import',
      'ekonomi/fakturering',
      'ekonomi/tillaggsbelopp',
      'ekonomi/mt',
      'ekonomi/utveckling',
      `ekonomi/fakturering/${regionSells}`,
      'administration/index',
      'administration/parametrar',
      'administration/nycklar',
      'administration/anvandare',
      'administration/logg',
      'byt-losenord',
    ]) {
      await visit(page, app.url, route);
      await noSidewaysScroll(page, route);
    }
    await visit(page, app.url, 'avtal');
    await noViolations(page, 'avtal 360');
    await context.close();
  }, 180_000);
});
