/**
 * The one fetch client for `/api/v1` (docs/api.md). Same origin, session cookie, and the CSRF
 * token on every unsafe request; every failure becomes an `ApiError` with a Swedish message.
 */
import { apiErrorFrom, networkError } from './errors.js';

let csrfToken: string | undefined;

/** Remember the CSRF token returned by login / `me` (sent as `x-csrf-token`). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Options for one API call. */
export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body. */
  readonly json?: unknown;
  /** Raw body (file upload), sent with `contentType`. */
  readonly raw?: Blob | ArrayBuffer | string;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
}

/** Base path of the API; everything else in the app is relative to it. */
export const API_BASE = '/api/v1';

/** Call the API and return its parsed JSON (or text for non-JSON responses); throws `ApiError`. */
export async function api<T>(path: string, req: ApiRequest = {}): Promise<T> {
  const method = req.method ?? (req.json !== undefined || req.raw !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.raw !== undefined) {
    headers['content-type'] = req.contentType ?? 'application/octet-stream';
    body = req.raw;
  }
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body ?? null,
      credentials: 'same-origin',
      signal: req.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const parsed: unknown = isJson ? await res.json().catch(() => undefined) : await res.text();
  if (!res.ok) throw apiErrorFrom(res.status, parsed);
  return parsed as T;
}

/** Build a query string from defined values only: `{year: 2026, owner: undefined}` → `?year=2026`. */
export function query(params: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
