import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSamverkanError } from '@samverkan/core';
import { describeDatabase, loadConfig, readOidcConfig, readSessionSecret, repoRoot } from './config.js';

function errorOf(fn: () => unknown): { code: string; message: string; field: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (isSamverkanError(e)) return { code: e.code, message: e.message, field: e.location.field };
    throw e;
  }
  throw new Error('no error');
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('defaults to port 3000, SQLite under var/ at the repository root, and no OIDC', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sqliteFile).toBe(join(repoRoot, 'var/samverkan.sqlite'));
    expect(c.oidc).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
  });

  it('reads PORT, DATABASE_URL and SAMVERKAN_DB_FILE', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/samverkan', SAMVERKAN_DB_FILE: '/data/x.sqlite' });
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBe('postgres://u:p@db:5432/samverkan');
    expect(c.sqliteFile).toBe('/data/x.sqlite');
  });

  it('refuses bad values in Swedish, naming the variable', () => {
    expect(errorOf(() => loadConfig({ PORT: 'åttio' }))).toMatchObject({
      code: 'SAMV_ERR_INVALID_INPUT',
      field: 'PORT',
      message: 'PORT: "åttio" är inget portnummer (ett heltal 0–65535).',
    });
    expect(errorOf(() => loadConfig({ PORT: '70000' })).field).toBe('PORT');
    expect(errorOf(() => loadConfig({ DATABASE_URL: 'mysql://x' })).message).toContain('DATABASE_URL: måste börja med postgres://');
    expect(errorOf(() => loadConfig({ LOG_LEVEL: 'pratig' })).field).toBe('LOG_LEVEL');
    expect(errorOf(() => loadConfig({ SAMVERKAN_DEMO: 'kanske' })).field).toBe('SAMVERKAN_DEMO');
  });
});

describe('OIDC configuration', () => {
  const full = {
    OIDC_ISSUER: 'https://login.regionjh.se/realms/x',
    OIDC_CLIENT_ID: 'samverkan',
    OIDC_CLIENT_SECRET: 's3cret',
    OIDC_REDIRECT_URI: 'https://samverkan.regionjh.se/api/v1/auth/oidc/callback',
  };

  it('is off without variables and complete with all four', () => {
    expect(readOidcConfig({})).toBeUndefined();
    expect(readOidcConfig(full)).toMatchObject({
      issuer: full.OIDC_ISSUER,
      clientId: 'samverkan',
      scope: 'openid profile email',
      matchEmail: true,
    });
  });

  it('names the missing variable when only some are set', () => {
    const e = errorOf(() => readOidcConfig({ OIDC_ISSUER: full.OIDC_ISSUER, OIDC_CLIENT_ID: 'x' }));
    expect(e.field).toBe('OIDC_CLIENT_SECRET');
    expect(e.message).toContain('saknas: OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI');
  });

  it('requires https addresses', () => {
    const http = { ...full, OIDC_ISSUER: 'http://localhost:8080/realms/x' };
    expect(errorOf(() => readOidcConfig(http))).toMatchObject({
      field: 'OIDC_ISSUER',
      message: 'OIDC_ISSUER: måste vara en https-adress (var "http://localhost:8080/realms/x").',
    });
    expect(errorOf(() => readOidcConfig({ ...full, OIDC_REDIRECT_URI: 'inte en adress' })).field).toBe('OIDC_REDIRECT_URI');
  });
});

describe('session secret', () => {
  it('is generated once, kept in var/ readable only by the owner, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-var-'));
    dirs.push(dir);
    const first = readSessionSecret({}, dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'session-secret')).mode & 0o077).toBe(0);
    expect(readSessionSecret({}, dir)).toBe(first);
  });

  it('uses SESSION_SECRET when set, and refuses a short one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-var-'));
    dirs.push(dir);
    expect(readSessionSecret({ SESSION_SECRET: 'x'.repeat(40) }, dir)).toBe('x'.repeat(40));
    expect(errorOf(() => readSessionSecret({ SESSION_SECRET: 'kort' }, dir)).field).toBe('SESSION_SECRET');
  });
});

describe('describeDatabase', () => {
  it('never shows the database password', () => {
    expect(describeDatabase({ databaseUrl: 'postgres://samverkan:hemligt@db:5432/samverkan', sqliteFile: '' })).toBe(
      'PostgreSQL postgres://samverkan:***@db:5432/samverkan',
    );
    expect(describeDatabase({ databaseUrl: undefined, sqliteFile: '/x/y.sqlite' })).toBe('SQLite /x/y.sqlite');
  });
});
