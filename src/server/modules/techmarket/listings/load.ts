import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { conflict, notFound } from '../../../platform/errors';
import { tmListings } from '../techmarket.tables';
import type { ListingRow } from './listing-dto';

/** The listing, locked for the rest of the transaction; 404 when there is none. */
export async function lockListing(tx: Tx, id: string): Promise<ListingRow> {
  const [row] = await tx.select().from(tmListings).where(eq(tmListings.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

export async function readListingRow(db: Db | Tx, id: string): Promise<ListingRow | undefined> {
  const [row] = await db.select().from(tmListings).where(eq(tmListings.id, id));
  return row;
}

/** Optimistic concurrency: the writer saw this version; someone else's change since then is not overwritten. */
export function checkVersion(row: ListingRow, version: number) {
  if (row.version !== version) throw conflict('techmarket.stale_version', { current: row.version });
}

/** A listing as the audit log keeps it: its search vector is derived, and long. */
export function auditView(row: ListingRow) {
  const { search: _search, ...rest } = row;
  return rest;
}

/** The title in the language the listing was written in first, for notifications. */
export const titleOf = (row: Pick<ListingRow, 'texts' | 'languages'>) => {
  const texts = row.texts as Record<string, { title: string } | undefined>;
  return texts[row.languages[0]]?.title ?? Object.values(texts).find(Boolean)?.title ?? '';
};

export const listingLink = (id: string) => `/market/listings/${id}`;

/** Writes a listing's change, one version further on. */
export async function writeListing(tx: Tx, id: string, values: Partial<typeof tmListings.$inferInsert>): Promise<ListingRow> {
  const [row] = await tx
    .update(tmListings)
    .set({ ...values, version: sql`${tmListings.version} + 1` })
    .where(eq(tmListings.id, id))
    .returning();
  return row;
}
