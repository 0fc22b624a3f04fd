/**
 * The agreement's documents by name (`GET /documents`, public, cached for the session): people
 * read "Hjälpmedel och medicinteknisk utrustning", not "MT". The code stays the fallback while
 * the list loads and for an id the agreement lacks.
 */
import { useApiQuery } from './hooks.js';

interface DocumentTitle {
  readonly id: string;
  readonly title: string;
  readonly shortTitle?: string;
}

/** Document id (or `ALL`) → its short title; the id itself until the documents have loaded. */
export type DocumentName = (id: string) => string;

/** The names of the agreement's documents. */
export function useDocumentNames(): DocumentName {
  const q = useApiQuery<{ documents: readonly DocumentTitle[] }>('/documents', { staleTime: Infinity });
  const documents = q.data?.documents ?? [];
  return (id) => {
    if (id === 'ALL') return 'hela samverkansavtalet';
    const d = documents.find((x) => x.id === id);
    return d ? (d.shortTitle ?? d.title) : id;
  };
}
