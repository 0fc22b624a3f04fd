/** Billing-run and invoice-basis views with the display names of the people who acted on them (auth/actor-names.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { actorNames } from '../auth/actor-names.js';
import type { InvoiceBasisView } from './basis-view.js';
import type { BillingRunView, StartedRun } from './run-store.js';

/** A basis view with names beside the actor ids. */
export type NamedBasisView<T extends InvoiceBasisView = InvoiceBasisView> = T & { readonly approvedByName: string | null };

/** Add `approvedByName` to each view (one lookup for the batch). */
export async function withBasisNames<T extends InvoiceBasisView>(db: Kysely<Database>, views: readonly T[]): Promise<NamedBasisView<T>[]> {
  const name = await actorNames(
    db,
    views.map((v) => v.approvedBy),
  );
  return views.map((v) => ({ ...v, approvedByName: v.approvedBy === null ? null : name(v.approvedBy) }));
}

/** One view with names. */
export async function withBasisName<T extends InvoiceBasisView>(db: Kysely<Database>, view: T): Promise<NamedBasisView<T>> {
  const [named] = await withBasisNames(db, [view]);
  if (named === undefined) throw new Error('withBasisNames lost its view');
  return named;
}

/** Add `startedByName` to each run view (one lookup for the batch). */
export async function withRunNames(
  db: Kysely<Database>,
  runs: readonly BillingRunView[],
): Promise<(BillingRunView & { readonly startedByName: string })[]> {
  const name = await actorNames(
    db,
    runs.map((r) => r.startedBy),
  );
  return runs.map((r) => ({ ...r, startedByName: name(r.startedBy) }));
}

/** A started run's answer with names on the run and its bases. */
export async function withStartedRunNames(
  db: Kysely<Database>,
  started: StartedRun,
): Promise<StartedRun & { readonly run: { readonly startedByName: string } }> {
  const [run] = await withRunNames(db, [started.run]);
  if (run === undefined) throw new Error('withRunNames lost its run');
  return { ...started, run, invoiceBases: await withBasisNames(db, started.invoiceBases) };
}
