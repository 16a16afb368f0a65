import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Interest, InterestAnswer } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden } from '../../../platform/errors';
import { tmInterests, tmMessages } from '../techmarket.tables';
import { titleOf } from '../listings/load';
import { tell } from '../listings/tell';
import { interestLink } from './interest-dto';
import { loadThread, threadOf } from './thread';

/**
 * The owner's answer: accept (the thread goes on towards a deal), or decline with one of the fixed reasons, so
 * the market learns why deals fail; "other" needs a note saying what.
 */
export async function answerInterest(ctx: Ctx, interestId: string, answer: z.output<typeof InterestAnswer>): Promise<Interest> {
  const actor = requireActor(ctx);
  if (answer.decision === 'decline' && answer.reason === 'other' && !answer.note) {
    throw new AppError(422, 'techmarket.note_required', {}, [{ path: 'note', message: '' }]);
  }
  return withTransaction(ctx, async (tx, audit) => {
    const { interest, listing, side } = await loadThread(tx, actor, interestId, { lock: true });
    if (side !== 'owner') throw forbidden('techmarket.not_owner');
    if (interest.status !== 'open') throw conflict('techmarket.interest_answered', { status: interest.status });
    const now = new Date();
    const values =
      answer.decision === 'accept'
        ? { status: 'accepted' }
        : { status: 'declined', declineReason: answer.reason, declineNote: answer.note || null, closedAt: now };
    const [row] = await tx
      .update(tmInterests)
      .set({ ...values, updatedAt: now })
      .where(eq(tmInterests.id, interestId))
      .returning();
    const body = answer.decision === 'accept' ? answer.message : answer.note;
    if (body) await tx.insert(tmMessages).values({ interestId, authorId: actor.userId, authorName: actor.displayName, side: 'owner', body });
    await audit({
      action: `techmarket.interest.${answer.decision}`,
      entityType: 'tm_interest',
      entityId: interestId,
      before: { status: interest.status },
      after: { ...values, message: body ?? null },
    });
    await tell(tx, actor, interest.fromUserId, `techmarket_interest_${row.status}`, { title: titleOf(listing) }, interestLink(interestId));
    return threadOf(tx, row, listing, side);
  });
}
