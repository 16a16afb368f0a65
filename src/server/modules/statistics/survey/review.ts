import { eq } from 'drizzle-orm';
import type { Submission } from '../../../../shared/contracts/statistics';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { notify } from '../../../platform/notifications/notify';
import { applyToRollups } from '../rollups/rollups';
import { statReviews, statSubmissions } from '../statistics.tables';
import { canSee, canReviewNow, isNationalAnalyst, lockRow, toSubmission } from './submission-dto';

/**
 * A level of the chain approves or returns a submitted return (issue 5: enterprise → incubator or zone →
 * province → national). The first approval brings its values into the rollups (provisional); the last makes
 * them final and locks the return. A return at any level takes them out again and sends it back to the filer
 * with the reason. The rollups change in the same transaction as the decision.
 */
export async function reviewSubmission(ctx: Ctx, id: string, input: { decision: 'approve' | 'return'; reason?: string }): Promise<Submission> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    await lockRow(tx, id);
    const [row] = await tx.select().from(statSubmissions).where(eq(statSubmissions.id, id));
    if (!row || !canSee(actor, row)) throw notFound();
    if (row.status !== 'submitted') throw conflict('statistics.not_awaiting_review', { status: row.status });
    if (!canReviewNow(actor, row)) throw forbidden('statistics.not_your_level');
    const level = row.chain[row.step].level;
    if (row.counted) await applyToRollups(tx, [id], -1);
    const approved = input.decision === 'approve';
    const step = approved ? row.step + 1 : 0;
    const done = approved && step >= row.chain.length;
    const [updated] = await tx
      .update(statSubmissions)
      .set({
        status: !approved ? 'returned' : done ? 'approved' : 'submitted',
        step,
        counted: approved,
        returnedReason: approved ? null : (input.reason ?? null),
        approvedAt: done ? new Date() : null,
        version: row.version + 1,
      })
      .where(eq(statSubmissions.id, id))
      .returning();
    if (updated.counted) await applyToRollups(tx, [id], 1);
    await tx
      .insert(statReviews)
      .values({ submissionId: id, level, decision: input.decision, reason: input.reason ?? null, reviewerId: actor.via === 'system' ? null : actor.userId });
    await audit({
      action: `statistics.submission.${input.decision}`,
      entityType: 'stat_submission',
      entityId: id,
      before: { status: row.status, step: row.step, counted: row.counted },
      after: { status: updated.status, step: updated.step, counted: updated.counted, level, reason: input.reason ?? null },
    });
    if (row.submittedBy) {
      await notify(
        tx,
        row.submittedBy,
        approved ? 'survey_approved' : 'survey_returned',
        { level, final: done, reason: input.reason ?? '' },
        `/statistics/survey/${id}`,
      );
    }
    return toSubmission(tx, updated, actor, ctx.lang);
  });
}

/** An analyst reopens an approved (locked) return for correction: its values leave the rollups until approved again. */
export async function reopenSubmission(ctx: Ctx, id: string, input: { reason: string }): Promise<Submission> {
  const actor = requireActor(ctx);
  if (!isNationalAnalyst(actor)) throw forbidden();
  return withTransaction(ctx, async (tx, audit) => {
    await lockRow(tx, id);
    const [row] = await tx.select().from(statSubmissions).where(eq(statSubmissions.id, id));
    if (!row) throw notFound();
    if (row.status !== 'approved') throw conflict('statistics.not_approved', { status: row.status });
    if (row.counted) await applyToRollups(tx, [id], -1);
    const [updated] = await tx
      .update(statSubmissions)
      .set({ status: 'returned', step: 0, counted: false, returnedReason: input.reason, approvedAt: null, version: row.version + 1 })
      .where(eq(statSubmissions.id, id))
      .returning();
    await tx
      .insert(statReviews)
      .values({ submissionId: id, level: 'national', decision: 'reopen', reason: input.reason, reviewerId: actor.via === 'system' ? null : actor.userId });
    await audit({
      action: 'statistics.submission.reopen',
      entityType: 'stat_submission',
      entityId: id,
      before: { status: row.status },
      after: { status: 'returned', reason: input.reason },
    });
    if (row.submittedBy)
      await notify(tx, row.submittedBy, 'survey_returned', { level: 'national', final: false, reason: input.reason }, `/statistics/survey/${id}`);
    return toSubmission(tx, updated, actor, ctx.lang);
  });
}
