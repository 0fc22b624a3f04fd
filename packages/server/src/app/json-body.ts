/**
 * The one JSON body parser: at most `JSON_BODY_LIMIT` bytes, strict UTF-8 (invalid bytes are
 * refused, not stored as U+FFFD), at most `MAX_JSON_DEPTH` levels of nesting (counted on the
 * text before parsing, so a deep document costs one linear scan), then Fastify's own parser
 * with prototype-poisoning protection. File uploads have their own streaming parser (imports).
 */
import { SamverkanError } from '@samverkan/core';
import type { App } from './app-context.js';

/** Largest JSON body (bytes). Every JSON route's input fits many times over. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Deepest nesting of arrays and objects in a JSON body. */
export const MAX_JSON_DEPTH = 32;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Deepest nesting of `[`/`{` in JSON text (strings skipped); stops counting past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Replace Fastify's JSON parser with the bounded one. */
export function installJsonBodyParser(app: App): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(
        new SamverkanError('SAMV_ERR_INVALID_INPUT', 'Begärans kropp är inte giltig UTF-8. Skicka texten kodad som UTF-8.', {
          field: 'body',
        }),
        undefined,
      );
      return;
    }
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(
        new SamverkanError('SAMV_ERR_INVALID_INPUT', `Begärans kropp är nästlad i fler än ${String(MAX_JSON_DEPTH)} nivåer.`, {
          field: 'body',
        }),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}
