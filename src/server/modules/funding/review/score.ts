import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ScoreInput } from '../../../../shared/contracts/funding-review';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, notFound } from '../../../platform/errors';
import { fundingCalls } from '../calls/calls.tables';
import { reviewAssignments, reviewers, reviewScores } from './review.tables';
import { checkScores, type Rubric, weightedTotal } from './scoring';
import { loadApplication, loadApplications, loadCall } from './sources';

/**
 * What a reviewer sees and does: only the applications assigned to them (the applicant's identity hidden
 * when the call's review is blind), scored per rubric criterion with comments.
 */

export const rubricOf = (r: { criteria: { key: string; weight: number }[]; scaleMin: number; scaleMax: number }): Rubric => ({
  criteria: r.criteria.map((c) => ({ id: c.key, weight: c.weight })),
  scale: { min: r.scaleMin, max: r.scaleMax },
});

async function myReviewerId(ctx: Ctx): Promise<string> {
  const actor = requireActor(ctx);
  const [me] = await ctx.database.db.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.userId, actor.userId));
  if (!me) throw new AppError(404, 'not_in_reviewer_pool');
  return me.id;
}

export async function inbox(ctx: Ctx) {
  const reviewerId = await myReviewerId(ctx);
  const db = ctx.database.db;
  const rows = await db
    .select({
      a: reviewAssignments,
      score: reviewScores.status,
      callNames: fundingCalls.names,
      blind: fundingCalls.blindReview,
      closesAt: fundingCalls.closesAt,
    })
    .from(reviewAssignments)
    .innerJoin(fundingCalls, eq(fundingCalls.id, reviewAssignments.callId))
    .leftJoin(reviewScores, eq(reviewScores.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.reviewerId, reviewerId), eq(reviewAssignments.status, 'assigned')))
    .orderBy(desc(reviewAssignments.createdAt));
  const apps = await loadApplications(
    db,
    rows.map((r) => r.a.applicationId),
  );
  const items = rows.map((r) => {
    const app = apps.get(r.a.applicationId);
    return {
      assignmentId: r.a.id,
      callId: r.a.callId,
      callNames: r.callNames,
      applicationId: r.a.applicationId,
      title: app?.title ?? '',
      enterpriseName: r.blind ? null : (app?.enterpriseNames.en ?? null),
      blind: r.blind,
      affinity: r.a.affinity,
      status: (r.score ?? 'todo') as 'todo' | 'draft' | 'submitted',
      closesAt: r.closesAt?.toISOString() ?? null,
    };
  });
  return { items, total: items.length };
}

async function myAssignment(ctx: Ctx, assignmentId: string) {
  const reviewerId = await myReviewerId(ctx);
  const [a] = await ctx.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, assignmentId));
  // Another reviewer's assignment is as good as absent: nobody learns which applications others review.
  if (!a || a.reviewerId !== reviewerId || a.status !== 'assigned') throw notFound();
  return a;
}

const scoreDto = (s: typeof reviewScores.$inferSelect | undefined) =>
  s
    ? {
        scores: s.scores,
        comment: s.comment,
        total: s.total,
        percent: s.percent,
        status: s.status,
        submittedAt: s.submittedAt?.toISOString() ?? null,
      }
    : null;

export async function reviewDetail(ctx: Ctx, assignmentId: string) {
  const a = await myAssignment(ctx, assignmentId);
  const db = ctx.database.db;
  const app = await loadApplication(db, a.applicationId);
  const call = app.call;
  const [score] = await db.select().from(reviewScores).where(eq(reviewScores.assignmentId, a.id));
  const fields = call.form.sections.flatMap((s) => s.fields);
  const answers = fields
    .filter((f) => f.type !== 'file' && app.answers[f.key] !== undefined && app.answers[f.key] !== null && app.answers[f.key] !== '')
    .map((f) => ({ key: f.key, label: f.label, value: app.answers[f.key] }));
  return {
    assignmentId: a.id,
    call: { id: call.id, names: call.names, blind: call.blind },
    application: {
      id: app.id,
      title: app.title,
      summary: app.summary,
      enterprise: call.blind ? null : { id: app.enterpriseId, names: app.enterpriseNames, province: app.province, sector: app.sector },
      applicantName: call.blind ? null : app.applicantName,
      sector: app.sector,
      instrument: app.instrument,
      requestedAmount: app.requestedAmount,
      currency: app.currency,
      answers,
    },
    rubric: {
      scaleMin: call.rubric.scaleMin,
      scaleMax: call.rubric.scaleMax,
      criteria: call.rubric.criteria.map((c) => ({ key: c.key, name: c.name, description: c.description ?? null, weight: c.weight })),
    },
    affinity: a.affinity,
    reasons: a.reasons,
    score: scoreDto(score),
  };
}

export async function saveScore(ctx: Ctx, assignmentId: string, input: z.infer<typeof ScoreInput>) {
  const a = await myAssignment(ctx, assignmentId);
  return withTransaction(ctx, async (tx, audit) => {
    const call = await loadCall(tx, a.callId);
    const rubric = rubricOf(call.rubric);
    const problems = checkScores(rubric, input.scores).filter((p) => input.submit || p.code !== 'missing_criterion');
    if (problems.length) {
      throw new AppError(
        422,
        'score_invalid',
        { min: rubric.scale.min, max: rubric.scale.max },
        problems.map((p) => ({ path: p.path, message: `${p.code}: ${p.criterionId}`, code: p.code })),
      );
    }
    const [before] = await tx.select().from(reviewScores).where(eq(reviewScores.assignmentId, a.id)).for('update');
    if (before?.status === 'submitted') throw conflict('score_submitted');
    const total = input.submit ? weightedTotal(rubric, input.scores) : null;
    const values = {
      scores: input.scores,
      comment: input.comment ?? null,
      total: total?.total ?? null,
      percent: total?.percent ?? null,
      status: input.submit ? ('submitted' as const) : ('draft' as const),
      submittedAt: input.submit ? new Date() : null,
    };
    const [after] = before
      ? await tx.update(reviewScores).set(values).where(eq(reviewScores.id, before.id)).returning()
      : await tx
          .insert(reviewScores)
          .values({ ...values, assignmentId: a.id, callId: a.callId, applicationId: a.applicationId, reviewerId: a.reviewerId })
          .returning();
    await audit({
      action: input.submit ? 'review.score.submit' : 'review.score.save',
      entityType: 'review_assignment',
      entityId: a.id,
      before: before ?? null,
      after,
    });
    return scoreDto(after);
  });
}
