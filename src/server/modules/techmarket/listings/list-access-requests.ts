import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AccessRequest } from '../../../../shared/contracts/techmarket';
import { type Ctx, requireActor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { tmAccessRequests } from '../techmarket.tables';
import { toAccessRequest } from './access-request-dto';
import { readListingRow } from './load';
import { requireEditor } from './reader';

/** The requests for a listing's details, newest first: for its owner. */
export async function listAccessRequests(ctx: Ctx, listingId: string): Promise<{ items: z.infer<typeof AccessRequest>[]; total: number }> {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const listing = await readListingRow(db, listingId);
  if (!listing) throw notFound();
  requireEditor(actor, listing);
  const rows = await db.select().from(tmAccessRequests).where(eq(tmAccessRequests.listingId, listingId)).orderBy(desc(tmAccessRequests.createdAt));
  return { items: rows.map(toAccessRequest), total: rows.length };
}
