/** The eight municipalities (`GET /municipalities`) and party names (a municipality or the region). */
import { useApiQuery } from './hooks.js';

/** A municipality with its Statistics Sweden code. */
export interface Municipality {
  readonly code: string;
  readonly name: string;
}

/** The municipalities, cached for the session (they change only with a new agreement version). */
export function useMunicipalities(): readonly Municipality[] {
  const q = useApiQuery<{ municipalities: readonly Municipality[] }>('/municipalities', { staleTime: Infinity });
  return q.data?.municipalities ?? [];
}

/** "Region Jämtland Härjedalen" for `region`, the municipality's name for its code, else the code. */
export function partyName(code: string | null | undefined, municipalities: readonly Municipality[]): string {
  if (code === null || code === undefined) return '';
  if (code === 'region') return 'Region Jämtland Härjedalen';
  const m = municipalities.find((x) => x.code === code);
  return m ? municipalityName(m.name) : code;
}

/** "Östersunds kommun", "Åre kommun": the genitive s is left out after a vowel or an s. */
export function municipalityName(name: string): string {
  return /[aeiouyåäös]$/i.test(name) ? `${name} kommun` : `${name}s kommun`;
}
