import { describe, expect, it } from 'vitest';
import { EMPTY_INDEX_SERIES } from '@samverkan/core';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import type { CalculationReference } from '../reference/reference-cache.js';
import { cachedAnswer, MAX_ANSWERS } from './assess-answer-cache.js';

const agreement = readAgreement();
const reference = (): CalculationReference => ({ agreement, index: EMPTY_INDEX_SERIES });

describe('recent assessment answers', () => {
  it('sends the same bytes for the same key and reference, and assesses again under a new reference', () => {
    const ref = reference();
    let calls = 0;
    const answer = (): unknown => ({ n: ++calls, text: 'åäö' });
    const first = cachedAnswer(ref, 'k', answer);
    expect(JSON.parse(first.toString('utf8'))).toEqual({ n: 1, text: 'åäö' });
    expect(cachedAnswer(ref, 'k', answer)).toBe(first);
    expect(calls).toBe(1);
    expect(JSON.parse(cachedAnswer(reference(), 'k', answer).toString('utf8'))).toEqual({ n: 2, text: 'åäö' });
  });

  it('keeps at most MAX_ANSWERS, dropping the least recently used', () => {
    const ref = reference();
    let calls = 0;
    const answer = (): unknown => ++calls;
    for (let i = 0; i < MAX_ANSWERS; i++) cachedAnswer(ref, `k${String(i)}`, answer);
    cachedAnswer(ref, 'k0', answer); // used again: now the most recent
    cachedAnswer(ref, 'new', answer); // drops k1
    expect(calls).toBe(MAX_ANSWERS + 1);
    cachedAnswer(ref, 'k0', answer);
    expect(calls).toBe(MAX_ANSWERS + 1);
    cachedAnswer(ref, 'k1', answer);
    expect(calls).toBe(MAX_ANSWERS + 2);
  });

  it('does not keep a failed assessment', () => {
    const ref = reference();
    expect(() =>
      cachedAnswer(ref, 'bad', () => {
        throw new Error('ogiltig');
      }),
    ).toThrow('ogiltig');
    expect(JSON.parse(cachedAnswer(ref, 'bad', () => 1).toString('utf8'))).toBe(1);
  });
});
