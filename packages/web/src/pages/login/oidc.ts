/**
 * Whether OpenID Connect sign-in is configured: the login route then answers with a redirect to
 * the identity provider (an opaque redirect for `redirect: 'manual'`); otherwise it answers with
 * an error status and the link is not shown.
 */
import { useQuery } from '@tanstack/react-query';
import { API_BASE } from '../../api/client.js';

async function probe(): Promise<boolean> {
  try {
    const res = await fetch(`${API_BASE}/auth/oidc/login`, { redirect: 'manual', credentials: 'same-origin' });
    return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
  } catch {
    return false;
  }
}

/** True once the probe has found a configured OIDC sign-in. */
export function useOidcAvailable(): boolean {
  return useQuery({ queryKey: ['oidc-available'], queryFn: probe, staleTime: Infinity }).data === true;
}
