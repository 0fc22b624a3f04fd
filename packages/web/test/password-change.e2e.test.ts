/**
 * The password change in a real browser against the real service: an account an administrator
 * created must choose its own password at first sign-in — every page shows the change form until
 * then — with errors tied to the fields, no WCAG 2.1 A/AA violations, and the app usable after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, demo, hasChromium, launchBrowser, openPage, startApp, visit, type RunningApp } from './browser.testkit.js';

const username = 'ny.lasare';
const first = 'valt-av-administratoren';
const chosen = 'mitt-eget-hemliga-losenord';

describe.skipIf(!hasChromium)('Byt lösenord i webbläsaren', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    // The administrator creates the account through the API, as the admin page does.
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: demo.admin, password: demo.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(`${app.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ username, role: 'viewer', password: first }),
    });
    expect(created.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  it('tvingar fram ett eget lösenord vid första inloggningen', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.url}/#/logga-in`);
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord', { exact: true }).fill(first);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Ditt lösenord valdes av en administratör');
    expect(await axeViolations(page)).toEqual([]);

    // Any other page shows the same form until the password is changed.
    await page.goto(`${app.url}/#/ekonomi`);
    await page.getByRole('heading', { level: 1, name: 'Byt lösenord' }).waitFor();

    // Errors are tied to their fields.
    await page.getByLabel('Nuvarande lösenord').fill('fel-losenord-123');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill(chosen);
    await page.getByLabel('Upprepa det nya lösenordet').fill(chosen + 'x');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Lösenorden är inte likadana').waitFor();
    expect(await page.getByLabel('Upprepa det nya lösenordet').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Upprepa det nya lösenordet').fill(chosen);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Det nuvarande lösenordet stämmer inte').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password-current');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Nuvarande lösenord').fill(first);
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Lösenordet är bytt').waitFor();

    // The app opens up: the viewer's pages load with the new session.
    await visit(page, app.url, 'ekonomi');
    expect(await page.locator('main h1').first().innerText()).toBe('Ekonomi');
    // The browser logs the expected 401 (not signed in yet) and 400 (wrong password) answers;
    // nothing else (no script error, no CSP violation) may appear.
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 40[01]/.test(e))).toEqual([]);
    await context.close();

    // The new password signs in, the old one no longer does.
    const old = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: first }),
    });
    expect(old.status).toBe(401);
    const fresh = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: chosen }),
    });
    expect(((await fresh.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
  }, 120_000);
});
