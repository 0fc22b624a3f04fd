/**
 * Whether OpenID Connect sign-in is configured, as the service says (`GET /api/v1/auth/config`);
 * the link to the identity provider is shown only then. A failed request means "not offered".
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';

/** True once the service has said that OIDC sign-in is configured. */
export function useOidcAvailable(): boolean {
  return (
    useQuery({ queryKey: ['auth-config'], queryFn: () => api<{ oidc: boolean }>('/auth/config'), staleTime: Infinity, retry: false }).data
      ?.oidc === true
  );
}
