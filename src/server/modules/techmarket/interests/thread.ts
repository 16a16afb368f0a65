import { asc, eq } from 'drizzle-orm';
import type { Interest } from '../../../../shared/contracts/techmarket';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { tmInterests, tmListings, tmMessages } from '../techmarket.tables';
import { isAdmin, isOwner } from '../listings/access';
import { type InterestRow, toInterest } from './interest-dto';

export type ListingRow = typeof tmListings.$inferSelect;

/** Which side of the thread the reader is on; null for anyone else. */
export function sideOf(actor: Actor | null, interest: InterestRow, listing: ListingRow): Interest['side'] | null {
  if (!actor) return null;
  if (isOwner(actor, listing)) return 'owner';
  if (interest.fromUserId === actor.userId) return 'interested';
  return isAdmin(actor) ? 'moderator' : null;
}

/** The interest and its listing, for one of its two sides (or an admin); 404 for everyone else. */
export async function loadThread(db: Db | Tx, actor: Actor | null, id: string, opts: { lock?: boolean } = {}) {
  const base = db.select().from(tmInterests).where(eq(tmInterests.id, id));
  const [interest] = opts.lock ? await base.for('update') : await base;
  if (!interest) throw notFound();
  const [listing] = await db.select().from(tmListings).where(eq(tmListings.id, interest.listingId));
  const side = listing ? sideOf(actor, interest, listing) : null;
  if (!listing || !side) throw notFound();
  return { interest, listing, side };
}

export async function threadOf(db: Db | Tx, interest: InterestRow, listing: ListingRow, side: Interest['side']): Promise<Interest> {
  const messages = await db.select().from(tmMessages).where(eq(tmMessages.interestId, interest.id)).orderBy(asc(tmMessages.createdAt), asc(tmMessages.id));
  return toInterest(interest, listing, side, messages);
}
