/** autocannon (no bundled types) behind the few options and figures the API suite uses. */
import { createRequire } from 'node:module';

/** What one load run is told. */
export interface LoadOptions {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Bodies sent in turn (one after the other across all connections) instead of `body`. */
  readonly bodies?: readonly string[];
  readonly connections: number;
  /** Seconds. */
  readonly duration: number;
}

/** What one load run measured. */
export interface LoadResult {
  readonly reqPerSec: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Answers received (2xx and others). */
  readonly answered: number;
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  duration: number;
  '2xx': number;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

/** Run autocannon once (loopback, keep-alive, no pipelining). */
export async function load(o: LoadOptions): Promise<LoadResult> {
  const bodies = o.bodies;
  let next = 0;
  const r = await autocannon({
    url: o.url,
    method: o.method,
    headers: o.headers,
    connections: o.connections,
    duration: o.duration,
    pipelining: 1,
    ...(bodies === undefined || bodies.length === 0
      ? { body: o.body }
      : {
          requests: [
            {
              method: o.method,
              path: new URL(o.url).pathname,
              headers: o.headers,
              setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % bodies.length] }),
            },
          ],
        }),
  });
  return { reqPerSec: r['2xx'] / r.duration, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors, answered: r['2xx'] + r.non2xx };
}
