/**
 * The user guide (docs/anvandarguide.md) as a page of its own at /anvandarguide, with its
 * screenshots (docs/screenshots/*.png) at /anvandarguide/screenshots/, so a user of the running
 * app reads it offline, without the repository at hand (decision 0200). The markdown is the one
 * source: the same file reads correctly on the repository's web view, where image paths are
 * relative to docs/.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked, type Tokens } from 'marked';
import type { App } from './app-context.js';

/** The repository's docs/ folder (src/app and dist/app sit at the same depth). */
export const docsDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../docs');

/** Where the guide is served. */
export const USER_GUIDE_PATH = '/anvandarguide';

/** A screenshot's file name: no path separators, no dots but the extension's. */
const SCREENSHOT_NAME = /^[a-z0-9][a-z0-9-]{0,80}\.png$/;

/** The heading's anchor as the repository's web view makes it, so in-page links work in both. */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Render the guide's markdown to the whole HTML page. */
export function renderUserGuide(markdown: string): string {
  const marked = new Marked({
    gfm: true,
    walkTokens: (token) => {
      // docs/-relative image paths become the server's; links between docs files stay as written.
      if (token.type !== 'image') return;
      // marked's Token union has a generic member, so `type` alone does not narrow it.
      const image = token as Tokens.Image;
      if (image.href.startsWith('screenshots/')) image.href = `${USER_GUIDE_PATH}/${image.href}`;
    },
    renderer: {
      heading(this: { parser: { parseInline: (t: Tokens.Heading['tokens']) => string } }, { tokens, depth, text }: Tokens.Heading) {
        return `<h${String(depth)} id="${escapeHtml(slugOf(text))}">${this.parser.parseInline(tokens)}</h${String(depth)}>\n`;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Användarguide – Samverkan</title>
<link rel="stylesheet" href="${USER_GUIDE_PATH}/stil.css">
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header><a href="/">Samverkan</a> <span aria-hidden="true">·</span> <a href="/#/ansvarsguide">Till appen</a></header>
<main id="innehall">
${body}
</main>
</body>
</html>
`;
}

/** The guide's style sheet: the CSP allows no inline styles. Colours meet WCAG AA contrast. */
export const USER_GUIDE_CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.55; color: #1e1e1e; background: #fff; margin: 0; }
header { padding: 0.75rem 1rem; border-bottom: 1px solid #c9c9c9; background: #f4f5f6; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
a { color: #0a5ac2; }
a:focus-visible { outline: 3px solid #1e1e1e; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
img { max-width: 100%; height: auto; border: 1px solid #c9c9c9; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #c9c9c9; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
code { background: #f0f0f0; padding: 0 0.2rem; }
pre { background: #f0f0f0; padding: 0.75rem; overflow-x: auto; }
blockquote { border-left: 4px solid #6c6c6c; margin-left: 0; padding-left: 1rem; color: #2f2f2f; }
`;

/** Register the guide page, its style sheet and its screenshots. */
export function registerUserGuide(app: App, dir: string = docsDir): void {
  const file = join(dir, 'anvandarguide.md');
  let cached: { mtimeMs: number; html: string } | undefined;
  // Rendered once per version of the file: an edited guide shows on the next load.
  const page = (): string => {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: renderUserGuide(readFileSync(file, 'utf8')) };
    return cached.html;
  };
  app.get(USER_GUIDE_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page()),
  );
  app.get(`${USER_GUIDE_PATH}/stil.css`, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(USER_GUIDE_CSS),
  );
  app.get<{ Params: { name: string } }>(`${USER_GUIDE_PATH}/screenshots/:name`, { schema: { hide: true } }, async (request, reply) => {
    const { name } = request.params;
    let png: Buffer | undefined;
    try {
      if (SCREENSHOT_NAME.test(name)) png = readFileSync(join(dir, 'screenshots', name));
    } catch {
      // No such screenshot: the same Swedish 404 as any unknown path.
    }
    if (png === undefined) {
      reply.callNotFound();
      return reply;
    }
    return reply.header('cache-control', 'no-cache').type('image/png').send(png);
  });
}
