import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AccessRequest, AccessRequestInput } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { tmAccessRequests } from '../techmarket.tables';
import { isOwner } from './access';
import { toAccessRequest } from './access-request-dto';
import { listingLink, readListingRow, titleOf } from './load';
import { organisationOf } from './organisation';
import { isLive, requireVisible } from './reader';
import { tell } from './tell';

/**
 * A signed-in reader asks the owner for a listing's details. Asking again while pending or approved answers the
 * request as it is; after a decline, asking again puts it before the owner once more.
 */
export async function requestAccess(
  ctx: Ctx,
  listingId: string,
  input: z.output<typeof AccessRequestInput>,
): Promise<{ request: z.infer<typeof AccessRequest>; created: boolean }> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const listing = requireVisible(actor, await readListingRow(tx, listingId));
    if (isOwner(actor, listing)) throw conflict('techmarket.own_listing');
    if (!isLive(listing)) throw conflict('techmarket.listing_not_live');
    const [existing] = await tx
      .select()
      .from(tmAccessRequests)
      .where(and(eq(tmAccessRequests.listingId, listingId), eq(tmAccessRequests.requesterId, actor.userId)))
      .for('update');
    if (existing && existing.status !== 'declined') return { request: toAccessRequest(existing), created: false };
    const organisation = await organisationOf(tx, actor);
    const values = {
      requesterName: actor.displayName,
      organisationName: organisation?.name ?? null,
      message: input.message || null,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      reason: null,
    };
    const [row] = existing
      ? await tx.update(tmAccessRequests).set(values).where(eq(tmAccessRequests.id, existing.id)).returning()
      : await tx
          .insert(tmAccessRequests)
          .values({ ...values, listingId, requesterId: actor.userId })
          .returning();
    await audit({ action: 'techmarket.access.request', entityType: 'tm_access_request', entityId: row.id, before: existing ?? undefined, after: row });
    await tell(tx, actor, listing.createdBy, 'techmarket_access_requested', { title: titleOf(listing), name: row.requesterName }, listingLink(listingId));
    return { request: toAccessRequest(row), created: !existing };
  });
}
