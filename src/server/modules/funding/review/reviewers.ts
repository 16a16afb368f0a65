import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ReviewerInput, type ReviewerPatch, type ReviewerSelfPatch, type ConflictInput } from '../../../../shared/contracts/funding-review';
import type { z } from 'zod';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, notFound } from '../../../platform/errors';
import type { Reader } from './sources';
import { reviewAssignments, reviewerConflicts, reviewers } from './review.tables';

/** The reviewer pool (issue 4): experts with expertise, seniority, employer, affiliations and declared conflicts. */

type ReviewerRow = typeof reviewers.$inferSelect;

export async function reviewerDtos(db: Reader, rows: ReviewerRow[]) {
  const ids = rows.map((r) => r.id);
  const conflicts = ids.length
    ? await db.select().from(reviewerConflicts).where(inArray(reviewerConflicts.reviewerId, ids)).orderBy(asc(reviewerConflicts.createdAt))
    : [];
  const loads = ids.length
    ? await db
        .select({ reviewerId: reviewAssignments.reviewerId, n: sql<number>`count(*)::int` })
        .from(reviewAssignments)
        .where(and(inArray(reviewAssignments.reviewerId, ids), eq(reviewAssignments.status, 'assigned')))
        .groupBy(reviewAssignments.reviewerId)
    : [];
  const loadOf = new Map(loads.map((l) => [l.reviewerId, Number(l.n)]));
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    personId: r.personId,
    name: r.name,
    email: r.email,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    affiliationIds: r.affiliationIds,
    expertise: r.expertise,
    tags: r.tags,
    senior: r.senior,
    minLoad: r.minLoad,
    maxLoad: r.maxLoad,
    active: r.active,
    synthetic: r.synthetic,
    conflicts: conflicts
      .filter((c) => c.reviewerId === r.id)
      .map((c) => ({ id: c.id, entityId: c.entityId, entityName: c.entityName, note: c.note, createdAt: c.createdAt.toISOString() })),
    load: loadOf.get(r.id) ?? 0,
  }));
}

export async function listReviewers(ctx: Ctx, query: { active?: boolean } = {}) {
  const db = ctx.database.db;
  const rows = await db
    .select()
    .from(reviewers)
    .where(query.active === undefined ? undefined : eq(reviewers.active, query.active))
    .orderBy(asc(reviewers.name));
  const items = await reviewerDtos(db, rows);
  return { items, total: items.length };
}

export async function getReviewer(ctx: Ctx, id: string) {
  const [row] = await ctx.database.db.select().from(reviewers).where(eq(reviewers.id, id));
  if (!row) throw notFound();
  return (await reviewerDtos(ctx.database.db, [row]))[0];
}

/** The signed-in reviewer's own pool entry (404 when their account is not in the pool). */
export async function myReviewer(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [row] = await ctx.database.db.select().from(reviewers).where(eq(reviewers.userId, actor.userId));
  if (!row) throw new AppError(404, 'not_in_reviewer_pool');
  return (await reviewerDtos(ctx.database.db, [row]))[0];
}

function checkLoads(v: { minLoad?: number | null; maxLoad?: number | null }) {
  if (v.minLoad != null && v.maxLoad != null && v.minLoad > v.maxLoad) {
    throw new AppError(422, 'validation_failed', {}, [{ path: 'maxLoad', message: 'maxLoad < minLoad', code: 'load_range' }]);
  }
}

export async function createReviewer(ctx: Ctx, input: z.input<typeof ReviewerInput>, opts: { synthetic?: boolean } = {}) {
  const values = ReviewerInput.parse(input);
  checkLoads(values);
  return withTransaction(ctx, async (tx, audit) => {
    if (values.userId) {
      const [taken] = await tx.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.userId, values.userId));
      if (taken) throw conflict('reviewer_exists');
    }
    const [row] = await tx
      .insert(reviewers)
      .values({ ...values, synthetic: opts.synthetic ?? false })
      .returning();
    await audit({ action: 'reviewer.create', entityType: 'reviewer', entityId: row.id, after: row });
    return (await reviewerDtos(tx, [row]))[0];
  });
}

export async function updateReviewer(ctx: Ctx, id: string, patch: z.infer<typeof ReviewerPatch> | z.infer<typeof ReviewerSelfPatch>) {
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(reviewers).where(eq(reviewers.id, id)).for('update');
    if (!before) throw notFound();
    checkLoads({ ...before, ...patch });
    if (Object.keys(patch).length === 0) return (await reviewerDtos(tx, [before]))[0];
    const [after] = await tx.update(reviewers).set(patch).where(eq(reviewers.id, id)).returning();
    await audit({ action: 'reviewer.update', entityType: 'reviewer', entityId: id, before, after });
    return (await reviewerDtos(tx, [after]))[0];
  });
}

export async function updateMyReviewer(ctx: Ctx, patch: z.infer<typeof ReviewerSelfPatch>) {
  const me = await myReviewer(ctx);
  return updateReviewer(ctx, me.id, patch);
}

export async function declareConflict(ctx: Ctx, reviewerId: string, input: z.infer<typeof ConflictInput>) {
  return withTransaction(ctx, async (tx, audit) => {
    const [r] = await tx.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.id, reviewerId));
    if (!r) throw notFound();
    const [row] = await tx
      .insert(reviewerConflicts)
      .values({ reviewerId, entityId: input.entityId, entityName: input.entityName ?? null, note: input.note })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('conflict_already_declared');
    await audit({ action: 'reviewer.conflict.declare', entityType: 'reviewer', entityId: reviewerId, after: row });
    return { id: row.id, entityId: row.entityId, entityName: row.entityName, note: row.note, createdAt: row.createdAt.toISOString() };
  });
}

export async function declareMyConflict(ctx: Ctx, input: z.infer<typeof ConflictInput>) {
  const me = await myReviewer(ctx);
  return declareConflict(ctx, me.id, input);
}

export async function removeConflict(ctx: Ctx, reviewerId: string, conflictId: string) {
  await withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx
      .delete(reviewerConflicts)
      .where(and(eq(reviewerConflicts.id, conflictId), eq(reviewerConflicts.reviewerId, reviewerId)))
      .returning();
    if (!row) throw notFound();
    await audit({ action: 'reviewer.conflict.remove', entityType: 'reviewer', entityId: reviewerId, before: row });
  });
}
