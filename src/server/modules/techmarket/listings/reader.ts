import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import type { Actor } from '../../../platform/context';
import { forbidden, notFound } from '../../../platform/errors';
import { tmAccessRequests } from '../techmarket.tables';
import { canEdit, isModerator, isOwner } from './access';
import { effectiveStatus, type ListingAccess, type ListingRow } from './listing-dto';

/** Everyone may read a listing that is or was in the market; the rest exists only for its owner and moderators. */
const PUBLIC_STATUSES = new Set(['published', 'expired']);

export const isPublic = (row: ListingRow) => PUBLIC_STATUSES.has(row.status);

/** The listing as this reader may see it, or 404 (a draft's existence is not revealed). */
export function requireVisible(actor: Actor | null, row: ListingRow | undefined): ListingRow {
  if (!row || !(isPublic(row) || isOwner(actor, row) || isModerator(actor))) throw notFound();
  return row;
}

/** Owners (and admins) change a listing; others who can see it are told they cannot, the rest get 404. */
export function requireEditor(actor: Actor, row: ListingRow) {
  if (canEdit(actor, row)) return;
  requireVisible(actor, row);
  throw forbidden('techmarket.not_owner');
}

export const isLive = (row: ListingRow, now = new Date()) => effectiveStatus(row, now) === 'published';

/** How this reader relates to the listing: what decides whether they see its details. */
export async function readerAccess(db: Db | Tx, actor: Actor | null, row: ListingRow): Promise<ListingAccess> {
  if (!actor) return 'public';
  if (isOwner(actor, row)) return 'owner';
  if (isModerator(actor)) return 'moderator';
  const [request] = await db
    .select({ status: tmAccessRequests.status })
    .from(tmAccessRequests)
    .where(and(eq(tmAccessRequests.listingId, row.id), eq(tmAccessRequests.requesterId, actor.userId)));
  return (request?.status as ListingAccess | undefined) ?? 'none';
}
