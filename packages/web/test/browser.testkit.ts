/**
 * Support for the browser tests: build the web app once per run, start the REAL service (demo
 * data, a temporary SQLite file, the built app on the same origin), and drive Debian's chromium
 * through playwright-core. Nothing here mocks the API.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../../server/src/app/start-server.js';

/** Debian's chromium (installed by `apt-get install -y chromium` in .ci/run). */
export const CHROMIUM = '/usr/bin/chromium';
/** True when the browser tests can run; when false, each suite reports itself skipped by name. */
export const hasChromium = existsSync(CHROMIUM);

const webRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const repoRoot = resolve(webRoot, '../..');
/** The built app served by the service. */
export const webDist = join(webRoot, 'dist');
/** Where page screenshots go (shown in the README). */
export const screenshotDir = join(repoRoot, 'docs/screenshots');

/** The demo accounts (packages/server/src/store/demo-data.ts); the password is public demo data. */
export const demo = {
  password: 'demo-samverkan',
  admin: 'admin',
  regionEconomist: 'ekonom.region',
  municipalityEconomist: 'ekonom.ostersund',
  manager: 'chef',
  viewer: 'lasare',
} as const;

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newestMtime(join(path, f))), st.mtimeMs);
}

/**
 * Build the web app unless `dist/` is newer than every source file. A lock directory makes the
 * test files that run in parallel wait for one build instead of building several times.
 */
export function ensureWebBuilt(): void {
  const lock = join(webRoot, '.build-lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is older than any real build: take it over.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // The other build just finished and removed it.
      }
      if (Date.now() - started > 300_000) throw new Error(`väntade för länge på ${lock}; ta bort katalogen om ingen bygger`);
      execFileSync('sleep', ['0.5']);
    }
  }
  try {
    const sources = Math.max(
      newestMtime(join(webRoot, 'src')),
      newestMtime(join(webRoot, 'index.html')),
      newestMtime(join(webRoot, 'vite.config.ts')),
    );
    const built = existsSync(join(webDist, 'index.html')) ? statSync(join(webDist, 'index.html')).mtimeMs : 0;
    if (built < sources) {
      execFileSync(
        process.execPath,
        [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(webRoot, 'vite.config.ts'), '--logLevel', 'warn'],
        {
          cwd: webRoot,
          stdio: 'inherit',
          // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A running service with the built app and demo data on a temporary SQLite file. */
export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

/** Start the real service (`startServer`) for one test file. */
export async function startApp(): Promise<RunningApp> {
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-web-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    sqliteFile: join(dir, 'samverkan.sqlite'),
    demo: true,
    webDir: webDist,
    logLevel: 'warn',
    sessionSecret: 'browser-test-secret-browser-test-secret',
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Launch chromium headless with a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies) and page at `width`×`height`, with Swedish locale and Stockholm time. */
export async function openPage(
  browser: Browser,
  width = 1280,
  height = 900,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // Uncaught script errors and CSP violations end up here; tests assert the list stays empty.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** Sign in through the sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/#/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}

/**
 * axe-core with the WCAG 2.1 A/AA rules; returns the violations (empty when the page passes).
 * `include` limits it to the elements of these selectors: on a page of a thousand table rows of
 * one component, what a test adds (axe took 26 s over the whole page with 500 such rows).
 */
export async function axeViolations(
  page: Page,
  opts: { include?: readonly string[] } = {},
): Promise<{ id: string; help: string; nodes: string[] }[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of opts.include ?? []) builder = builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** True when the run was asked to rewrite the tracked screenshots (`UPDATE_SCREENSHOTS=1`). */
export const updateScreenshots = process.env['UPDATE_SCREENSHOTS'] === '1';

/**
 * Save a screenshot (the full page unless `fullPage: false`) as docs/screenshots/<name>.png, only
 * when `UPDATE_SCREENSHOTS=1`: the files are tracked, and rewriting them on every test run left
 * every working tree dirty with pixel noise (issue 11).
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  if (!updateScreenshots) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/** Retry `check` until it stops throwing (or `timeoutMs` passes, then throw its last error). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      last = e;
      if (Date.now() - started > timeoutMs) throw last;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Wait until an open dialog's opening animation has finished (axe would measure a half-faded colour). */
export async function dialogSettled(dialog: Locator): Promise<void> {
  await eventually(async () => {
    const done = await dialog.evaluate(
      (el) => el.getAnimations({ subtree: true }).every((a) => a.playState === 'finished') && getComputedStyle(el).opacity === '1',
    );
    if (!done) throw new Error('dialogen öppnas fortfarande');
  });
}

/** The guide's answer once it is current (not a previous answer kept while loading): who is responsible. */
export async function currentAnswer(page: Page): Promise<{ responsible: string; rule: string | null }> {
  await page.locator('[data-testid="answer-card"]:not([data-answer-for=""])').waitFor();
  const el = page.getByTestId('answer-responsible');
  return { responsible: (await el.innerText()).replace(/\s+/g, ' ').trim(), rule: await el.getAttribute('data-rule') };
}

/** Go to an app route and wait until its data has loaded (no spinner, nothing busy). */
export async function visit(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}/#/${route}`);
  await page.locator('main h1').first().waitFor();
  await eventually(async () => {
    const busy = await page.locator('main .ds-spinner, main [aria-busy="true"]').count();
    if (busy > 0) throw new Error(`${route}: sidan laddar fortfarande`);
  }, 15_000);
  await settled(page);
}

/**
 * Wait until no query or mutation is in flight (`<html data-requests="0">`, set by the app's
 * ActivityMarker) and the next frame has been painted: a late answer (a name replacing a code)
 * can move the layout, and a click measured before it lands on something else.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['requests'] === '0', undefined, { timeout: 15_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
