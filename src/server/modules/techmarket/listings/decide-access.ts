import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AccessDecisionInput, AccessRequest } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, notFound } from '../../../platform/errors';
import { tmAccessRequests } from '../techmarket.tables';
import { toAccessRequest } from './access-request-dto';
import { listingLink, readListingRow, titleOf } from './load';
import { requireEditor } from './reader';
import { tell } from './tell';

/**
 * The owner approves a request (the requester then reads the details) or declines it with a reason. A decision
 * may be changed: an approval withdrawn, a decline reconsidered.
 */
export async function decideAccess(ctx: Ctx, requestId: string, input: z.output<typeof AccessDecisionInput>): Promise<z.infer<typeof AccessRequest>> {
  const actor = requireActor(ctx);
  if (input.decision === 'decline' && !input.reason) throw new AppError(422, 'techmarket.reason_required', {}, [{ path: 'reason', message: '' }]);
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(tmAccessRequests).where(eq(tmAccessRequests.id, requestId)).for('update');
    if (!before) throw notFound();
    const listing = await readListingRow(tx, before.listingId);
    if (!listing) throw notFound();
    requireEditor(actor, listing);
    const status = input.decision === 'approve' ? 'approved' : 'declined';
    const [row] = await tx
      .update(tmAccessRequests)
      .set({ status, reason: input.reason || null, decidedBy: actor.via === 'system' ? null : actor.userId, decidedAt: new Date() })
      .where(eq(tmAccessRequests.id, requestId))
      .returning();
    await audit({ action: `techmarket.access.${input.decision}`, entityType: 'tm_access_request', entityId: requestId, before, after: row });
    await tell(tx, actor, row.requesterId, `techmarket_access_${status}`, { title: titleOf(listing), reason: row.reason ?? '' }, listingLink(listing.id));
    return toAccessRequest(row);
  });
}
