import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Interest, MessageInput } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict, forbidden } from '../../../platform/errors';
import { tmInterests, tmMessages } from '../techmarket.tables';
import { titleOf } from '../listings/load';
import { tell } from '../listings/tell';
import { interestLink } from './interest-dto';
import { loadThread, threadOf } from './thread';

/** Threads that are still a conversation: open, or accepted (the two sides talk on towards a contract). */
export const TALKING = new Set(['open', 'accepted']);

/** A message from one side to the other; the other side is told. */
export async function postMessage(ctx: Ctx, interestId: string, input: z.output<typeof MessageInput>): Promise<Interest> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { interest, listing, side } = await loadThread(tx, actor, interestId, { lock: true });
    if (side === 'moderator') throw forbidden('techmarket.not_a_side');
    if (!TALKING.has(interest.status)) throw conflict('techmarket.interest_closed');
    const [message] = await tx
      .insert(tmMessages)
      .values({ interestId, authorId: actor.userId, authorName: actor.displayName, side, body: input.body })
      .returning();
    const [row] = await tx.update(tmInterests).set({ updatedAt: new Date() }).where(eq(tmInterests.id, interestId)).returning();
    await audit({
      action: 'techmarket.interest.message',
      entityType: 'tm_interest',
      entityId: interestId,
      after: { messageId: message.id, side, body: input.body },
    });
    const other = side === 'owner' ? interest.fromUserId : listing.createdBy;
    await tell(tx, actor, other, 'techmarket_interest_message', { title: titleOf(listing), name: actor.displayName }, interestLink(interestId));
    return threadOf(tx, row, listing, side);
  });
}
