import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storageFailure } from './storage-failure.js';

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('storage failures', () => {
  it('a real ENOSPC (writing to /dev/full) says the upload space is full and what to do', () => {
    const e = storageFailure(
      thrownBy(() => {
        writeFileSync('/dev/full', 'x');
      }),
    );
    expect(e?.code).toBe('SAMV_ERR_STORAGE_FULL');
    expect(e?.httpStatus).toBe(503);
    expect(e?.message).toMatch(/tillfälliga utrymmet .* fullt: inget sparades\. Be driften frigöra utrymme/);
  });
  it.each([
    ['SQLITE_FULL', 'SAMV_ERR_STORAGE_FULL'],
    ['53100', 'SAMV_ERR_STORAGE_FULL'],
    ['SQLITE_READONLY', 'SAMV_ERR_READ_ONLY'],
    ['25006', 'SAMV_ERR_READ_ONLY'],
    ['22021', 'SAMV_ERR_INVALID_INPUT'],
  ])('maps the database code %s to %s', (code, expected) => {
    expect(storageFailure(Object.assign(new Error('x'), { code }))?.code).toBe(expected);
  });
  it('leaves other failures alone', () => {
    expect(storageFailure(new Error('x'))).toBeUndefined();
    expect(storageFailure(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBeUndefined();
  });
});
