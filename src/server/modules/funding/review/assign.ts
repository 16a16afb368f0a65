import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignmentRunInput, DeclineInput, OverrideInput } from '../../../../shared/contracts/funding-review';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors';
import { notify } from '../../../platform/notifications/notify';
import { affinity, modelOf } from '../assignment/affinity';
import { deriveConflicts } from '../assignment/conflicts';
import type { Application, AssignmentInstance, JointApplication, Reviewer } from '../assignment/instance';
import { forcePair, replaceReviewer } from '../assignment/repair';
import { type AssignmentResult, assignReviewers } from '../assignment/solve';
import { resolveOptions } from '../assignment/problem';
import { reviewAssignmentRuns, reviewAssignments, reviewerConflicts, reviewers, reviewScores } from './review.tables';
import {
  type ApplicationForReview,
  type CallForReview,
  earlierApplications,
  loadCall,
  loadReviewableApplications,
  peopleOfEnterprises,
  type Reader,
  assertOfficerOf,
} from './sources';

/**
 * Reviewer assignment of a call (issue 4), on the optimal engine of `../assignment`: k reviewers per accepted
 * application, loads within [min, max], no conflicted pair, optionally a senior on each; every pair stored
 * with its affinity explained. Officers override pairs (audited, re-solved around the override); a reviewer
 * who declines for a conflict is replaced by the best available one, nothing else moves.
 */

const personKey = (r: { personId: string | null; userId: string | null; id: string }) =>
  r.personId ? `person:${r.personId}` : r.userId ? `user:${r.userId}` : `reviewer:${r.id}`;

/** The engine's instance for a call, from the database: accepted applications, the active pool, conflicts, history. */
export async function buildInstance(db: Reader, call: CallForReview) {
  const apps = await loadReviewableApplications(db, call);
  const pool = await db.select().from(reviewers).where(eq(reviewers.active, true)).orderBy(asc(reviewers.id));
  const declared = pool.length
    ? await db
        .select()
        .from(reviewerConflicts)
        .where(
          inArray(
            reviewerConflicts.reviewerId,
            pool.map((r) => r.id),
          ),
        )
    : [];
  const enterpriseIds = [...new Set(apps.map((a) => a.enterpriseId))];
  const people = await peopleOfEnterprises(db, enterpriseIds);
  const earlier = await earlierApplications(db, call.id, enterpriseIds);
  const earlierPeople = await peopleOfEnterprises(db, [...new Set(earlier.map((e) => e.enterpriseId))]);
  const declined = await db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.callId, call.id), eq(reviewAssignments.status, 'declined')));

  const peopleOn = (a: { enterpriseId: string; applicantId: string }, map: Map<string, string[]>) => [
    `user:${a.applicantId}`,
    ...(map.get(a.enterpriseId) ?? []).map((p) => `person:${p}`),
  ];
  const applications: Application[] = apps.map((a) => ({
    id: a.id,
    title: a.title,
    abstract: a.summary,
    tags: a.sector ? [a.sector] : [],
    enterpriseId: a.enterpriseId,
    institutionIds: a.incubatorId ? [a.incubatorId] : [],
    applicantPersonIds: peopleOn(a, people),
  }));
  const pool2: Reviewer[] = pool.map((r) => ({
    id: r.id,
    personId: personKey(r),
    name: r.name,
    expertise: r.expertise,
    tags: r.tags,
    senior: r.senior,
    organisationId: r.organisationId ?? `none:${r.id}`,
    affiliationIds: r.affiliationIds,
    declaredConflicts: declared.filter((d) => d.reviewerId === r.id).map((d) => d.entityId),
    minLoad: r.minLoad ?? undefined,
    maxLoad: r.maxLoad ?? undefined,
  }));
  const history: JointApplication[] = earlier.map((e) => ({ id: e.id, personIds: peopleOn(e, earlierPeople) }));
  const instance: AssignmentInstance = {
    applications,
    reviewers: pool2,
    history,
    pairConflicts: declined.map((d) => ({ applicationId: d.applicationId, reviewerId: d.reviewerId, note: d.note ?? 'declined' })),
  };
  return { instance, apps, pool };
}

type RunRow = typeof reviewAssignmentRuns.$inferSelect;

async function currentRun(db: Reader, callId: string): Promise<RunRow | undefined> {
  const [run] = await db
    .select()
    .from(reviewAssignmentRuns)
    .where(and(eq(reviewAssignmentRuns.callId, callId), eq(reviewAssignmentRuns.current, true)));
  return run;
}

/** The stored assignment as the engine's result, for repairs. */
async function resultOf(db: Reader, run: RunRow): Promise<AssignmentResult> {
  const pairs = await db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.callId, run.callId), eq(reviewAssignments.status, 'assigned')));
  const loads: Record<string, number> = {};
  for (const p of pairs) loads[p.reviewerId] = (loads[p.reviewerId] ?? 0) + 1;
  const options = resolveOptions({ k: run.k, minLoad: run.minLoad, maxLoad: run.maxLoad, requireSenior: run.requireSenior, fixed: run.fixed });
  return {
    feasible: true,
    pairs: pairs
      .map((p) => ({ applicationId: p.applicationId, reviewerId: p.reviewerId, affinity: p.affinity }))
      .sort((x, y) => (x.applicationId < y.applicationId ? -1 : x.applicationId > y.applicationId ? 1 : x.reviewerId < y.reviewerId ? -1 : 1)),
    objective: run.objective,
    bound: run.bound,
    gap: run.gap,
    optimal: run.optimal,
    topKBound: 0,
    loads,
    reviewerPrices: run.reviewerPrices,
    options,
    stats: run.stats as AssignmentResult['stats'],
  };
}

function infeasible(result: AssignmentResult): AppError {
  return new AppError(422, 'assignment_infeasible', { reason: result.infeasibilityReason ?? '' }, [
    { path: '', message: result.infeasibilityReason ?? '', code: result.infeasibility?.code },
  ]);
}

async function assertNotStarted(tx: Tx, callId: string) {
  const [scored] = await tx
    .select({ id: reviewScores.id })
    .from(reviewScores)
    .where(and(eq(reviewScores.callId, callId), eq(reviewScores.status, 'submitted')))
    .limit(1);
  if (scored) throw conflict('review_started');
}

/**
 * Writes a result as the call's current run: pairs of the result are assigned (with their affinity
 * explained), assigned pairs it dropped are marked removed, declined pairs stay declined.
 */
async function storeResult(
  tx: Tx,
  ctx: Ctx,
  call: CallForReview,
  instance: AssignmentInstance,
  result: AssignmentResult,
  origins: Map<string, 'optimiser' | 'override' | 'replacement'> = new Map(),
) {
  const actor = requireActor(ctx);
  await tx
    .update(reviewAssignmentRuns)
    .set({ current: false })
    .where(and(eq(reviewAssignmentRuns.callId, call.id), eq(reviewAssignmentRuns.current, true)));
  const o = result.options;
  const [run] = await tx
    .insert(reviewAssignmentRuns)
    .values({
      callId: call.id,
      k: o.k,
      minLoad: o.minLoad,
      maxLoad: Number.isFinite(o.maxLoad) ? o.maxLoad : call.loadMax,
      requireSenior: o.requireSenior,
      fixed: o.fixed,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      optimal: result.optimal,
      reviewerPrices: result.reviewerPrices,
      stats: { ms: result.stats.ms, networkArcs: result.stats.networkArcs, pricingRounds: result.stats.pricingRounds },
      current: true,
      createdBy: actor.via === 'system' ? null : actor.userId,
    })
    .returning();
  const existing = await tx.select().from(reviewAssignments).where(eq(reviewAssignments.callId, call.id));
  const key = (a: string, r: string) => `${a}/${r}`;
  const byKey = new Map(existing.map((e) => [key(e.applicationId, e.reviewerId), e]));
  const model = modelOf(instance.applications, instance.reviewers, o.weights);
  const appById = new Map(instance.applications.map((a) => [a.id, a]));
  const revById = new Map(instance.reviewers.map((r) => [r.id, r]));
  const keep = new Set<string>();
  const added: { reviewerId: string; applicationId: string }[] = [];
  // Pairs that stand keep their row (a new run id, in batches); new pairs are inserted in batches, with
  // their reasons: a call of 35,000 applications × 3 is 105,000 rows, not 105,000 round trips.
  const kept: string[] = [];
  const inserts: (typeof reviewAssignments.$inferInsert)[] = [];
  for (const p of result.pairs) {
    const k = key(p.applicationId, p.reviewerId);
    keep.add(k);
    const prior = byKey.get(k);
    const forced = o.fixed.some((f) => f.include && f.applicationId === p.applicationId && f.reviewerId === p.reviewerId);
    const origin = origins.get(k) ?? (forced ? 'override' : prior?.status === 'assigned' ? prior.origin : 'optimiser');
    if (prior?.status === 'assigned') {
      if (prior.origin === origin) kept.push(prior.id);
      else await tx.update(reviewAssignments).set({ runId: run.id, origin }).where(eq(reviewAssignments.id, prior.id));
      continue;
    }
    const { reasons } = affinity(appById.get(p.applicationId)!, revById.get(p.reviewerId)!, model);
    if (prior) {
      await tx
        .update(reviewAssignments)
        .set({ runId: run.id, origin, affinity: p.affinity, reasons, status: 'assigned', note: null })
        .where(eq(reviewAssignments.id, prior.id));
    } else {
      inserts.push({ runId: run.id, callId: call.id, applicationId: p.applicationId, reviewerId: p.reviewerId, affinity: p.affinity, reasons, origin });
    }
    added.push(p);
  }
  const BATCH = 1000;
  for (let i = 0; i < kept.length; i += BATCH) {
    await tx
      .update(reviewAssignments)
      .set({ runId: run.id })
      .where(inArray(reviewAssignments.id, kept.slice(i, i + BATCH)));
  }
  for (let i = 0; i < inserts.length; i += BATCH) await tx.insert(reviewAssignments).values(inserts.slice(i, i + BATCH));
  const dropped = existing.filter((e) => e.status === 'assigned' && !keep.has(key(e.applicationId, e.reviewerId)));
  if (dropped.length) {
    const droppedIds = dropped.map((d) => d.id);
    await tx.delete(reviewScores).where(and(inArray(reviewScores.assignmentId, droppedIds), eq(reviewScores.status, 'draft')));
    await tx.update(reviewAssignments).set({ status: 'removed' }).where(inArray(reviewAssignments.id, droppedIds));
  }
  // Tell each reviewer with new work, once.
  const accounts = new Map((await tx.select({ id: reviewers.id, userId: reviewers.userId }).from(reviewers)).map((r) => [r.id, r.userId]));
  const perReviewer = new Map<string, number>();
  for (const a of added) perReviewer.set(a.reviewerId, (perReviewer.get(a.reviewerId) ?? 0) + 1);
  for (const [reviewerId, count] of perReviewer) {
    const userId = accounts.get(reviewerId);
    if (userId) await notify(tx, userId, 'review_assigned', { count, call: call.names.en }, '/funding/review/inbox');
  }
  return { run, added: added.length, removed: dropped.length };
}

export async function runAssignment(ctx: Ctx, callId: string, input: z.infer<typeof AssignmentRunInput>) {
  return withTransaction(ctx, async (tx, audit) => {
    const call = await loadCall(tx, callId);
    assertOfficerOf(ctx, call.programId);
    if (call.status === 'draft' || call.status === 'cancelled') throw conflict('call_not_reviewable');
    await assertNotStarted(tx, callId);
    const { instance } = await buildInstance(tx, call);
    if (instance.applications.length === 0) throw new AppError(422, 'no_applications_to_review');
    const options = {
      k: input.k ?? call.k,
      minLoad: input.minLoad ?? call.loadMin,
      maxLoad: input.maxLoad ?? call.loadMax,
      requireSenior: input.requireSenior ?? call.requireSenior,
    };
    const previous = await currentRun(tx, callId);
    const result = assignReviewers(instance, { ...options, fixed: previous?.fixed ?? [] });
    if (!result.feasible) throw infeasible(result);
    const stored = await storeResult(tx, ctx, call, instance, result);
    await audit({
      action: 'review.assignment.run',
      entityType: 'funding_call',
      entityId: callId,
      after: { runId: stored.run.id, options, objective: result.objective, gap: result.gap, optimal: result.optimal, pairs: result.pairs.length },
    });
    return assignmentView(tx, callId);
  });
}

export async function overridePair(ctx: Ctx, callId: string, input: z.infer<typeof OverrideInput>) {
  return withTransaction(ctx, async (tx, audit) => {
    const call = await loadCall(tx, callId);
    assertOfficerOf(ctx, call.programId);
    const run = await currentRun(tx, callId);
    if (!run) throw conflict('no_assignment_yet');
    const { instance } = await buildInstance(tx, call);
    const current = await resultOf(tx, run);
    const [scored] = await tx
      .select({ id: reviewScores.id })
      .from(reviewScores)
      .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviewScores.assignmentId))
      .where(and(eq(reviewAssignments.callId, callId), eq(reviewScores.status, 'submitted')))
      .limit(1);
    const result = forcePair(instance, current, { applicationId: input.applicationId, reviewerId: input.reviewerId }, input.include);
    if (!result.feasible) throw infeasible(result);
    if (scored) {
      // Once scoring has begun, an override may not take away a pair that has a submitted review.
      const submitted = await tx
        .select({ applicationId: reviewScores.applicationId, reviewerId: reviewScores.reviewerId })
        .from(reviewScores)
        .where(and(eq(reviewScores.callId, callId), eq(reviewScores.status, 'submitted')));
      const kept = new Set(result.pairs.map((p) => `${p.applicationId}/${p.reviewerId}`));
      if (submitted.some((s) => !kept.has(`${s.applicationId}/${s.reviewerId}`))) throw conflict('review_started');
    }
    const before = current.pairs.filter((p) => p.applicationId === input.applicationId).map((p) => p.reviewerId);
    await storeResult(tx, ctx, call, instance, result);
    const [pair] = await tx
      .update(reviewAssignments)
      .set({ note: input.reason })
      .where(
        and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.applicationId, input.applicationId), eq(reviewAssignments.reviewerId, input.reviewerId)),
      )
      .returning();
    await audit({
      action: 'review.assignment.override',
      entityType: 'funding_application',
      entityId: input.applicationId,
      before: { reviewers: before },
      after: {
        reviewerId: input.reviewerId,
        include: input.include,
        reason: input.reason,
        reviewers: result.pairs.filter((p) => p.applicationId === input.applicationId).map((p) => p.reviewerId),
        objective: result.objective,
        pairId: pair?.id ?? null,
      },
    });
    return assignmentView(tx, callId);
  });
}

/** The signed-in reviewer declines an assigned application for a conflict; the best available reviewer takes it. */
export async function declineAssignment(ctx: Ctx, assignmentId: string, input: z.infer<typeof DeclineInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx
      .select({ a: reviewAssignments, userId: reviewers.userId })
      .from(reviewAssignments)
      .innerJoin(reviewers, eq(reviewers.id, reviewAssignments.reviewerId))
      .where(eq(reviewAssignments.id, assignmentId))
      .for('update');
    if (!row) throw notFound();
    if (row.userId !== actor.userId) throw forbidden();
    if (row.a.status !== 'assigned') throw conflict('not_assigned');
    const [score] = await tx.select().from(reviewScores).where(eq(reviewScores.assignmentId, assignmentId));
    if (score?.status === 'submitted') throw conflict('score_submitted');
    const call = await loadCall(tx, row.a.callId);
    const run = await currentRun(tx, row.a.callId);
    if (!run) throw conflict('no_assignment_yet');
    const { instance } = await buildInstance(tx, call);
    const current = await resultOf(tx, run);
    const repair = replaceReviewer(instance, current, { applicationId: row.a.applicationId, reviewerId: row.a.reviewerId, note: input.reason });
    if (score) await tx.delete(reviewScores).where(eq(reviewScores.id, score.id));
    await tx.update(reviewAssignments).set({ status: 'declined', note: input.reason, declinedAt: new Date() }).where(eq(reviewAssignments.id, assignmentId));
    let replacement: { reviewerId: string; assignmentId: string } | null = null;
    if (repair.replacement) {
      const withDecline: AssignmentInstance = { ...instance, pairConflicts: [...(instance.pairConflicts ?? []), repair.declined] };
      const model = modelOf(withDecline.applications, withDecline.reviewers, current.options.weights);
      const app = withDecline.applications.find((a) => a.id === row.a.applicationId)!;
      const rev = withDecline.reviewers.find((r) => r.id === repair.replacement!.reviewerId)!;
      const { reasons } = affinity(app, rev, model);
      const values = { runId: run.id, affinity: repair.replacement.affinity, reasons, origin: 'replacement' as const, status: 'assigned' as const, note: null };
      const [prior] = await tx
        .select()
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.callId, call.id), eq(reviewAssignments.applicationId, app.id), eq(reviewAssignments.reviewerId, rev.id)));
      const [put] = prior
        ? await tx.update(reviewAssignments).set(values).where(eq(reviewAssignments.id, prior.id)).returning()
        : await tx
            .insert(reviewAssignments)
            .values({ ...values, callId: call.id, applicationId: app.id, reviewerId: rev.id })
            .returning();
      replacement = { reviewerId: rev.id, assignmentId: put.id };
      const [acct] = await tx.select({ userId: reviewers.userId }).from(reviewers).where(eq(reviewers.id, rev.id));
      if (acct?.userId) await notify(tx, acct.userId, 'review_assigned', { count: 1, call: call.names.en }, '/funding/review/inbox');
    }
    await tx
      .update(reviewAssignmentRuns)
      .set({ objective: repair.result.objective, gap: repair.result.gap, optimal: false })
      .where(eq(reviewAssignmentRuns.id, run.id));
    await audit({
      action: 'review.assignment.decline',
      entityType: 'funding_application',
      entityId: row.a.applicationId,
      before: { reviewerId: row.a.reviewerId },
      after: { reason: input.reason, replacement, unfilled: repair.reason ?? null, warnings: repair.warnings },
    });
    return { declined: assignmentId, replacement, reason: repair.reason ?? null, warnings: repair.warnings };
  });
}

/** The call's assignment for the officer: the run's certificate, pairs with reasons, conflicts found, loads. */
export type ViewPage = { q?: string; offset?: number; limit?: number };

/**
 * The call's assignment for the officer, a page of applications at a time (a national call has tens of
 * thousands): the run's certificate, each application's pairs with reasons and conflicts, every reviewer's load.
 */
export async function assignmentView(db: Reader, callId: string, paging: ViewPage = {}) {
  const call = await loadCall(db, callId);
  const run = await currentRun(db, callId);
  const { instance, apps, pool } = await buildInstance(db, call);
  const pairs = await db
    .select({ a: reviewAssignments, name: reviewers.name, senior: reviewers.senior })
    .from(reviewAssignments)
    .innerJoin(reviewers, eq(reviewers.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.callId, callId));
  const scored = new Set(
    (
      await db
        .select({ id: reviewScores.assignmentId })
        .from(reviewScores)
        .where(and(eq(reviewScores.callId, callId), eq(reviewScores.status, 'submitted')))
    ).map((s) => s.id),
  );
  const conflicts = deriveConflicts(instance);
  const names = new Map(pool.map((r) => [r.id, r.name]));
  const loads = new Map<string, number>();
  for (const p of pairs) if (p.a.status === 'assigned') loads.set(p.a.reviewerId, (loads.get(p.a.reviewerId) ?? 0) + 1);
  const needle = paging.q?.trim().toLowerCase();
  const matching = needle ? apps.filter((a) => a.title.toLowerCase().includes(needle) || a.enterpriseNames.en.toLowerCase().includes(needle)) : apps;
  const offset = paging.offset ?? 0;
  const shown = matching.slice(offset, offset + (paging.limit ?? 50));
  const appsOut = shown.map((a: ApplicationForReview) => ({
    id: a.id,
    title: a.title,
    enterpriseName: a.enterpriseNames.en,
    pairs: pairs
      .filter((p) => p.a.applicationId === a.id)
      .sort((x, y) => Number(y.a.status === 'assigned') - Number(x.a.status === 'assigned') || y.a.affinity - x.a.affinity)
      .map((p) => ({
        id: p.a.id,
        applicationId: a.id,
        reviewerId: p.a.reviewerId,
        reviewerName: p.name,
        senior: p.senior,
        affinity: p.a.affinity,
        reasons: p.a.reasons,
        origin: p.a.origin,
        status: p.a.status,
        note: p.a.note,
        scored: scored.has(p.a.id),
      })),
    conflicts: [...(conflicts.get(a.id) ?? new Map()).entries()].map(([reviewerId, reasons]) => ({
      reviewerId,
      reviewerName: names.get(reviewerId) ?? reviewerId,
      reasons,
    })),
  }));
  return {
    callId,
    run: run
      ? {
          id: run.id,
          k: run.k,
          minLoad: run.minLoad,
          maxLoad: run.maxLoad,
          requireSenior: run.requireSenior,
          objective: run.objective,
          bound: run.bound,
          gap: run.gap,
          optimal: run.optimal,
          overrides: run.fixed,
          createdAt: run.createdAt.toISOString(),
          ms: (run.stats as { ms?: { total?: number } }).ms?.total,
        }
      : null,
    applications: appsOut,
    total: matching.length,
    loads: pool.map((r) => ({ reviewerId: r.id, name: r.name, load: loads.get(r.id) ?? 0, senior: r.senior })).filter((l) => l.load > 0 || run),
  };
}

export async function getAssignment(ctx: Ctx, callId: string, paging: ViewPage = {}) {
  assertOfficerOf(ctx, (await loadCall(ctx.database.db, callId)).programId);
  return assignmentView(ctx.database.db, callId, paging);
}
