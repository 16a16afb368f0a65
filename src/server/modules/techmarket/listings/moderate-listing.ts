import type { z } from 'zod';
import type { Listing, ModerationInput } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden } from '../../../platform/errors';
import { isAdmin, isModerator } from './access';
import { noticeTime, queueExpirySweep } from './expiry';
import { toListing } from './listing-dto';
import { listingLink, lockListing, titleOf, writeListing } from './load';
import { tell } from './tell';

/** How long a listing stays in the market once published or renewed (issue 6: expiry and renewal). */
export const PUBLICATION_MONTHS = 12;

export const monthsFrom = (from: Date, months: number) => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

/** A moderator publishes a pending listing for twelve months, or rejects it with a note the owner reads. */
export async function moderateListing(ctx: Ctx, id: string, input: z.output<typeof ModerationInput>): Promise<Listing> {
  const actor = requireActor(ctx);
  if (!isModerator(actor)) throw forbidden();
  if (input.decision === 'reject' && !input.note) throw new AppError(422, 'techmarket.note_required', {}, [{ path: 'note', message: '' }]);
  return withTransaction(ctx, async (tx, audit) => {
    const before = await lockListing(tx, id);
    if (before.status !== 'pending') throw conflict('techmarket.not_pending', { status: before.status });
    if (before.createdBy === actor.userId && !isAdmin(actor)) throw forbidden('techmarket.own_listing_moderation');
    const now = new Date();
    const moderation = { moderatedBy: actor.via === 'system' ? null : actor.userId, moderationNote: input.note ?? null };
    const row =
      input.decision === 'publish'
        ? await writeListing(tx, id, { ...moderation, status: 'published', publishedAt: now, expiresAt: monthsFrom(now, PUBLICATION_MONTHS) })
        : await writeListing(tx, id, { ...moderation, status: 'rejected' });
    if (row.status === 'published') await queueExpirySweep(tx, noticeTime(row.expiresAt!));
    await audit({
      action: `techmarket.listing.${row.status === 'published' ? 'publish' : 'reject'}`,
      entityType: 'tm_listing',
      entityId: id,
      before: { status: before.status },
      after: { status: row.status, expiresAt: row.expiresAt, moderationNote: row.moderationNote },
    });
    await tell(tx, actor, row.createdBy, `techmarket_listing_${row.status}`, { title: titleOf(row), note: row.moderationNote ?? '' }, listingLink(id));
    return toListing(row, 'moderator');
  });
}
