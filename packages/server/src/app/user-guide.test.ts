/** The guide's markdown rendered as a page: anchors like the repository's web view, served image paths, no raw HTML surprises. */
import { describe, expect, it } from 'vitest';
import { renderUserGuide, slugOf } from './user-guide.js';

describe('användarguiden som HTML', () => {
  it('rubrikernas ankare blir som på förrådets webbsida (gemener, bindestreck, å/ä/ö kvar)', () => {
    expect(slugOf('Regionekonom')).toBe('regionekonom');
    expect(slugOf('3. Kommunekonom: granska och godkänna')).toBe('3-kommunekonom-granska-och-godkänna');
    expect(slugOf('Sjuksköterska och biståndshandläggare (utan inloggning)')).toBe('sjuksköterska-och-biståndshandläggare-utan-inloggning');
    expect(slugOf('Chef / strateg')).toBe('chef--strateg');
  });

  it('ger en hel svensk sida med rubrik-id, bildvägar under /anvandarguide och ingen inline-stil', () => {
    const html = renderUserGuide(
      '# Användarguide\n\n## Regionekonom\n\n![Sidan Ekonomi](screenshots/ekonomi.png)\n\n[Till regionekonomen](#regionekonom)\n',
    );
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain('<title>Användarguide – Samverkan</title>');
    expect(html).toContain('<h1 id="användarguide">Användarguide</h1>');
    expect(html).toContain('<h2 id="regionekonom">Regionekonom</h2>');
    expect(html).toContain('<img src="/anvandarguide/screenshots/ekonomi.png" alt="Sidan Ekonomi">');
    expect(html).toContain('<a href="#regionekonom">');
    expect(html).toContain('<main id="innehall">');
    expect(html).not.toMatch(/style=|<script/);
  });

  it('lämnar andra bildvägar orörda', () => {
    expect(renderUserGuide('![x](https://example.invalid/a.png)')).toContain('src="https://example.invalid/a.png"');
  });
});
