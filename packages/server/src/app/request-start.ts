/**
 * The first hook of every request, one synchronous `onRequest` instead of three: the security
 * headers (computed once, security.ts) with `cache-control: no-store` on the API, then the text
 * gate over the path and the query (text-gate.ts). The headers come first, so a refused path is
 * answered with them too. Setting `no-store` here rather than in an `onSend` hook spares an async
 * hook per answer; no API route sets a cache-control of its own (issue 11, decision 0230).
 */
import type { App } from './app-context.js';
import { checkPathAndQuery } from './text-gate.js';

/** Install the hook with the service's security headers. */
export function installRequestStart(app: App, securityHeaders: Readonly<Record<string, string>>): void {
  const apiHeaders = { ...securityHeaders, 'cache-control': 'no-store' };
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith('/api/v1/') ? apiHeaders : securityHeaders);
    try {
      checkPathAndQuery(request);
    } catch (e) {
      done(e as Error);
      return;
    }
    done();
  });
}
