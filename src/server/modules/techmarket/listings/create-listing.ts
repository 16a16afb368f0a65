import type { z } from 'zod';
import type { Listing, ListingInput } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { tmListings } from '../techmarket.tables';
import { canListFor } from './access';
import { toListing } from './listing-dto';
import { valuesOfInput } from './listing-values';
import { auditView } from './load';
import { readOwner } from './owner';

/** A new listing, as a draft, for an organisation of the registry the writer acts for. */
export async function createListing(ctx: Ctx, input: z.output<typeof ListingInput>, opts: { synthetic?: boolean } = {}): Promise<Listing> {
  const actor = requireActor(ctx);
  if (!canListFor(actor, input.ownerType, input.ownerId)) throw forbidden('techmarket.cannot_list_for');
  const values = valuesOfInput(input);
  return withTransaction(ctx, async (tx, audit) => {
    const owner = await readOwner(tx, input.ownerType, input.ownerId, values.languages[0]);
    const [row] = await tx
      .insert(tmListings)
      .values({
        ...values,
        status: 'draft',
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        ownerName: owner.name,
        country: owner.country,
        province: owner.province,
        createdBy: actor.userId,
        synthetic: opts.synthetic ?? false,
      })
      .returning();
    await audit({ action: 'techmarket.listing.create', entityType: 'tm_listing', entityId: row.id, after: auditView(row) });
    return toListing(row, actor.via === 'system' ? 'moderator' : 'owner');
  });
}
