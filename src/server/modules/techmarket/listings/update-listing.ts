import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Listing, ListingPatch } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { tmListings } from '../techmarket.tables';
import { readerAccess, requireEditor } from './reader';
import { toListing } from './listing-dto';
import { valuesOfPatch } from './listing-values';
import { auditView, checkVersion, lockListing } from './load';
import { readOwner } from './owner';

/** What an owner may change: a listing not in front of a moderator nor in the market (withdraw it first). */
export const EDITABLE = new Set(['draft', 'rejected', 'withdrawn']);

export async function updateListing(ctx: Ctx, id: string, patch: z.output<typeof ListingPatch>): Promise<Listing> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const before = await lockListing(tx, id);
    requireEditor(actor, before);
    checkVersion(before, patch.version);
    if (!EDITABLE.has(before.status)) throw conflict('techmarket.listing_locked', { status: before.status });
    const values = valuesOfPatch(before, patch);
    // The owner's name follows the original language, which a new text may have changed.
    const owner =
      values.languages && values.languages[0] !== before.languages[0]
        ? { ownerName: (await readOwner(tx, before.ownerType as 'enterprise', before.ownerId, values.languages[0])).name }
        : {};
    const [row] = await tx
      .update(tmListings)
      .set({ ...values, ...owner, version: sql`${tmListings.version} + 1` })
      .where(eq(tmListings.id, id))
      .returning();
    await audit({ action: 'techmarket.listing.update', entityType: 'tm_listing', entityId: id, before: auditView(before), after: auditView(row) });
    return toListing(row, await readerAccess(tx, actor, row));
  });
}
