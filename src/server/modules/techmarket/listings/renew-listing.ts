import type { z } from 'zod';
import type { Listing, RenewInput } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { noticeTime, queueExpirySweep, RENEWAL_WINDOW_DAYS } from './expiry';
import { effectiveStatus, toListing } from './listing-dto';
import { lockListing, writeListing } from './load';
import { monthsFrom } from './moderate-listing';
import { readerAccess, requireEditor } from './reader';

const DAY = 86_400_000;

/**
 * The owner keeps a listing in the market for another term: an expired one, or a published one within the
 * renewal window before its expiry. It was moderated once; renewing does not send it back to moderation.
 */
export async function renewListing(ctx: Ctx, id: string, input: z.output<typeof RenewInput>): Promise<Listing> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const before = await lockListing(tx, id);
    requireEditor(actor, before);
    const now = new Date();
    const status = effectiveStatus(before, now);
    const due = status === 'expired' || (status === 'published' && before.expiresAt!.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY);
    if (!due) throw conflict('techmarket.not_renewable', { days: RENEWAL_WINDOW_DAYS });
    const row = await writeListing(tx, id, { status: 'published', expiresAt: monthsFrom(now, input.months) });
    await queueExpirySweep(tx, noticeTime(row.expiresAt!));
    await audit({
      action: 'techmarket.listing.renew',
      entityType: 'tm_listing',
      entityId: id,
      before: { status: before.status, expiresAt: before.expiresAt },
      after: { status: row.status, expiresAt: row.expiresAt },
    });
    return toListing(row, await readerAccess(tx, actor, row));
  });
}
