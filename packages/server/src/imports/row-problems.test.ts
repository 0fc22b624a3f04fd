import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, ProblemList, problemCount, problemMessage } from './row-problems.js';

describe('ProblemList', () => {
  it('lists at most the cap and counts the rest', () => {
    const list = new ProblemList();
    for (let line = 2; line < MAX_LISTED_PROBLEMS + 502; line++) list.add({ line, field: 'datum', reason: 'fel' });
    expect(list.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(list.count).toBe(MAX_LISTED_PROBLEMS + 500);
    expect(list.unlisted).toBe(500);
    expect(list.badRows).toBe(MAX_LISTED_PROBLEMS + 500);
  });

  it('writes a Swedish sentence naming line and column', () => {
    expect(problemMessage({ line: 5, field: 'datum', reason: 'datum saknas.' })).toBe('rad 5, kolumn "datum": datum saknas.');
  });

  it('counts problems and rows apart, singular and plural', () => {
    const list = new ProblemList();
    for (const line of [2, 2, 3, 5, 5, 5]) list.add({ line, field: 'datum', reason: 'fel' });
    expect(problemCount(list.count, list.badRows)).toBe('6 problem på 3 rader');
    expect(problemCount(1, 1)).toBe('1 problem på 1 rad');
  });
});
