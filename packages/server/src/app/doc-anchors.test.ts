/**
 * In-page links of the README and the user guide land on a heading: both are read on the
 * repository's web view and the guide also at /anvandarguide, whose anchors `slugOf` makes the
 * same way. A retitled section must not leave a quick-start link pointing nowhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsDir, slugOf } from './user-guide.js';

/** The anchors of a markdown file's headings (outside code blocks), numbered like the web view for repeats. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = inCode ? null : /^#{1,6} (.+)$/.exec(line);
    if (!heading) continue;
    const slug = slugOf(heading[1] ?? '');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${String(n)}`);
  }
  return anchors;
}

/** Every `](#anchor)` link target of a markdown file. */
function linksOf(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => decodeURIComponent(m[1] ?? ''));
}

describe('ankarlänkar i README och användarguiden', () => {
  for (const [name, path] of [
    ['README.md', join(docsDir, '../README.md')],
    ['docs/anvandarguide.md', join(docsDir, 'anvandarguide.md')],
  ] as const) {
    it(`${name}: varje länk inom sidan når en rubrik`, () => {
      const text = readFileSync(path, 'utf8');
      const anchors = anchorsOf(text);
      expect(linksOf(text).filter((l) => !anchors.has(l))).toEqual([]);
    });
  }

  it('räknar upprepade rubriker som webbvyn gör', () => {
    expect([...anchorsOf('# A\n## B\n## B\n```\n# C\n```\n')]).toEqual(['a', 'b', 'b-1']);
    expect(linksOf('[x](#b-1) [y](#a)')).toEqual(['b-1', 'a']);
  });
});
