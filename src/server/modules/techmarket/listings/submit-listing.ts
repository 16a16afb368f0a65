import type { Listing } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict } from '../../../platform/errors';
import { toListing } from './listing-dto';
import { tellReviewers } from '../reviewers';
import { checkVersion, listingLink, lockListing, titleOf, writeListing } from './load';
import { readerAccess, requireEditor } from './reader';
import { EDITABLE } from './update-listing';

/** The owner sends the listing to moderation (a rejected or withdrawn one again, once corrected). */
export async function submitListing(ctx: Ctx, id: string, opts: { version?: number } = {}): Promise<Listing> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const before = await lockListing(tx, id);
    requireEditor(actor, before);
    if (opts.version !== undefined) checkVersion(before, opts.version);
    if (!EDITABLE.has(before.status)) throw conflict('techmarket.not_submittable', { status: before.status });
    if (before.kind === 'offer' && before.trl === null) throw new AppError(422, 'techmarket.trl_required', {}, [{ path: 'trl', message: '' }]);
    const row = await writeListing(tx, id, { status: 'pending', submittedAt: new Date() });
    await audit({
      action: 'techmarket.listing.submit',
      entityType: 'tm_listing',
      entityId: id,
      before: { status: before.status },
      after: { status: row.status },
    });
    if (!row.synthetic) await tellReviewers(tx, actor, 'moderation', 'techmarket_listing_waiting', { title: titleOf(row) }, listingLink(id));
    return toListing(row, await readerAccess(tx, actor, row));
  });
}
