/**
 * TanStack Query hooks over the API client. Query keys are the request path, so a mutation can
 * invalidate everything under a path prefix (`['/invoice-bases']` after an approval).
 */
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { api, type ApiRequest } from './client.js';

/** The first path segment (`/invoice-bases/12?x` → `/invoice-bases`), the invalidation unit. */
export function resourceOf(path: string): string {
  return `/${path.replace(/^\//, '').split(/[/?]/)[0] ?? ''}`;
}

/** GET `path` (relative to /api/v1); disabled when `path` is undefined. */
export function useApiQuery<T>(path: string | undefined, opts: { keepPrevious?: boolean; staleTime?: number } = {}): UseQueryResult<T> {
  return useQuery<T>({
    queryKey: [resourceOf(path ?? ''), path ?? ''],
    queryFn: ({ signal }) => api<T>(path ?? '', { signal }),
    enabled: path !== undefined,
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(opts.staleTime !== undefined ? { staleTime: opts.staleTime } : {}),
  });
}

/** POST a JSON body and cache the answer by body (calculations, assessments). */
export function useApiCalculation<T>(path: string, body: unknown, enabled = true): UseQueryResult<T> {
  return useQuery<T>({
    queryKey: [resourceOf(path), path, JSON.stringify(body)],
    queryFn: ({ signal }) => api<T>(path, { json: body, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** A mutation that invalidates the given resources (`/invoice-bases`, …) when it succeeds. */
export function useApiMutation<T, V>(
  request: (vars: V) => { path: string } & ApiRequest,
  invalidate: readonly string[],
): UseMutationResult<T, Error, V> {
  const client = useQueryClient();
  return useMutation<T, Error, V>({
    mutationFn: (vars) => {
      const { path, ...req } = request(vars);
      return api<T>(path, { method: 'POST', ...req });
    },
    onSuccess: async () => {
      await Promise.all(invalidate.map((p) => client.invalidateQueries({ queryKey: [resourceOf(p)] })));
    },
  });
}
