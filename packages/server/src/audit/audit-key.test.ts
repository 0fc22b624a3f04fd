/** Where the audit key comes from, and the refusal to run production without one (decision 0100). */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSamverkanError } from '@samverkan/core';
import { defaultCheckpointFile, readAuditKey, readAuditSettings } from './audit-key.js';
import { appendCheckpoint, readCheckpoints, signCheckpoint } from './checkpoints.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'samverkan-key-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function refusal(f: () => unknown): { field: unknown; message: string } {
  try {
    f();
  } catch (e) {
    if (isSamverkanError(e)) return { field: e.location.field, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

describe('readAuditKey', () => {
  it('refuses to run in production without SAMVERKAN_AUDIT_KEY or SAMVERKAN_AUDIT_KEY_FILE, naming the variable', () => {
    const r = refusal(() => readAuditKey({ NODE_ENV: 'production' }, tempDir()));
    expect(r.field).toBe('SAMVERKAN_AUDIT_KEY');
    expect(r.message).toContain('I produktion');
  });

  it('takes the key from the variable or a file, and refuses a short one', () => {
    const given = readAuditKey({ NODE_ENV: 'production', SAMVERKAN_AUDIT_KEY: 'k'.repeat(32) }, tempDir());
    expect(given).toMatchObject({ source: 'SAMVERKAN_AUDIT_KEY', id: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown });
    const file = join(tempDir(), 'key');
    writeFileSync(file, `${'k'.repeat(32)}\n`);
    expect(readAuditKey({ NODE_ENV: 'production', SAMVERKAN_AUDIT_KEY_FILE: file }, tempDir()).id).toBe(given.id);
    expect(refusal(() => readAuditKey({ SAMVERKAN_AUDIT_KEY: 'kort' }, tempDir())).field).toBe('SAMVERKAN_AUDIT_KEY');
    expect(refusal(() => readAuditKey({ SAMVERKAN_AUDIT_KEY_FILE: join(tempDir(), 'saknas') }, tempDir())).message).toContain(
      'kan inte läsas',
    );
  });

  it('outside production creates var/audit.key once, readable only by its owner', () => {
    const dir = tempDir();
    const first = readAuditKey({}, dir);
    expect(statSync(join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    expect(readAuditKey({}, dir).id).toBe(first.id);
  });

  it('gives every database its own checkpoint file unless SAMVERKAN_AUDIT_CHECKPOINTS names one', () => {
    const a = defaultCheckpointFile('/v', { sqliteFile: '/data/a.sqlite' });
    expect(a).toMatch(/^\/v\/audit-checkpoints\/[0-9a-f]{16}\.jsonl$/);
    expect(defaultCheckpointFile('/v', { sqliteFile: '/data/b.sqlite' })).not.toBe(a);
    expect(defaultCheckpointFile('/v', { databaseUrl: 'postgres://u:one@h/db', sqliteFile: '' })).toBe(
      defaultCheckpointFile('/v', { databaseUrl: 'postgres://u:other@h/db', sqliteFile: '' }),
    );
    expect(
      readAuditSettings({ SAMVERKAN_AUDIT_KEY: 'k'.repeat(32), SAMVERKAN_AUDIT_CHECKPOINTS: '/x/cp.jsonl' }, '/v', {
        sqliteFile: '/d.sqlite',
      }).checkpointFile,
    ).toBe('/x/cp.jsonl');
  });
});

describe('checkpoints', () => {
  it('reads back signed lines and names a changed, a foreign-key and a broken line', () => {
    const dir = tempDir();
    const file = join(dir, 'cp.jsonl');
    const key = readAuditKey({ SAMVERKAN_AUDIT_KEY: 'a'.repeat(40) }, dir);
    const other = readAuditKey({ SAMVERKAN_AUDIT_KEY: 'b'.repeat(40) }, dir);
    const good = signCheckpoint(key, 'commit', { seq: 3, hash: 'c'.repeat(64) });
    appendCheckpoint(file, good);
    appendCheckpoint(file, { ...good, count: 9 });
    appendCheckpoint(file, signCheckpoint(other, 'commit', { seq: 4, hash: 'd'.repeat(64) }));
    writeFileSync(file, 'inte json\n', { flag: 'a' });
    const r = readCheckpoints(file, key);
    expect(r.checkpoints.map((c) => c.line)).toEqual([1]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(r.problems[0]?.message).toContain('har ändrats eller är förfalskad');
    expect(r.problems[1]?.message).toContain('en annan nyckel');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
