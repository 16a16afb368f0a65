import { eq } from 'drizzle-orm';
import type { Interest } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict, forbidden } from '../../../platform/errors';
import { tmInterests } from '../techmarket.tables';
import { titleOf } from '../listings/load';
import { tell } from '../listings/tell';
import { interestLink } from './interest-dto';
import { TALKING } from './post-message';
import { loadThread, threadOf } from './thread';

/** The interested side ends the conversation; the owner is told. */
export async function withdrawInterest(ctx: Ctx, interestId: string): Promise<Interest> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { interest, listing, side } = await loadThread(tx, actor, interestId, { lock: true });
    if (side !== 'interested') throw forbidden('techmarket.not_interested_side');
    if (!TALKING.has(interest.status)) throw conflict('techmarket.interest_closed');
    const now = new Date();
    const [row] = await tx.update(tmInterests).set({ status: 'withdrawn', closedAt: now, updatedAt: now }).where(eq(tmInterests.id, interestId)).returning();
    await audit({
      action: 'techmarket.interest.withdraw',
      entityType: 'tm_interest',
      entityId: interestId,
      before: { status: interest.status },
      after: { status: row.status },
    });
    await tell(tx, actor, listing.createdBy, 'techmarket_interest_withdrawn', { title: titleOf(listing), name: interest.fromName }, interestLink(interestId));
    return threadOf(tx, row, listing, side);
  });
}
