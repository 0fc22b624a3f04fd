/** Invoice-basis views with the display names of the people who acted on them (auth/actor-names.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { actorNames } from '../auth/actor-names.js';
import type { InvoiceBasisView } from './basis-view.js';

/** A basis view with names beside the actor ids. */
export type NamedBasisView<T extends InvoiceBasisView = InvoiceBasisView> = T & { readonly approvedByName: string | null };

/** Add `approvedByName` to each view (one lookup for the batch). */
export async function withBasisNames<T extends InvoiceBasisView>(db: Kysely<Database>, views: readonly T[]): Promise<NamedBasisView<T>[]> {
  const name = await actorNames(db, views.map((v) => v.approvedBy));
  return views.map((v) => ({ ...v, approvedByName: v.approvedBy === null ? null : name(v.approvedBy) }));
}

/** One view with names. */
export async function withBasisName<T extends InvoiceBasisView>(db: Kysely<Database>, view: T): Promise<NamedBasisView<T>> {
  const [named] = await withBasisNames(db, [view]);
  if (named === undefined) throw new Error('withBasisNames lost its view');
  return named;
}
