import type { Listing } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { toListing } from './listing-dto';
import { lockListing, writeListing } from './load';
import { readerAccess, requireEditor } from './reader';

/** The owner takes a listing out of moderation or the market; it can be edited and submitted again. */
export async function withdrawListing(ctx: Ctx, id: string): Promise<Listing> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const before = await lockListing(tx, id);
    requireEditor(actor, before);
    if (before.status === 'withdrawn') throw conflict('techmarket.already_withdrawn');
    const row = await writeListing(tx, id, { status: 'withdrawn' });
    await audit({
      action: 'techmarket.listing.withdraw',
      entityType: 'tm_listing',
      entityId: id,
      before: { status: before.status },
      after: { status: row.status },
    });
    return toListing(row, await readerAccess(tx, actor, row));
  });
}
