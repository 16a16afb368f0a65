import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { AcceptanceInput, MilestoneInput, MilestoneReportInput, ReportReviewInput } from '../../../../shared/contracts/funding-review';
import type { Db } from '../../../db/client';
import { withTransaction } from '../../../platform/audit/audit';
import { type Actor, type Ctx, hasRole, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors';
import { notify } from '../../../platform/notifications/notify';
import { fundingApplications } from '../applications/applications.tables';
import { fundingCalls } from '../calls/calls.tables';
import { assertOfficerOf, enterpriseNames, type Reader } from '../review/sources';
import { isOfficerOf, officerPrograms } from '../applications/access';
import { acceptanceFacts, proposeAcceptance } from './acceptance';
import { acceptanceChecks, awardMilestones, awards, milestoneReports } from './awards.tables';
import { awardLeverage } from './leverage';

/**
 * Awards and their outcomes (issue 4): milestones with the disbursement each releases, milestone reports
 * with outcome indicators (revenue, jobs, IP, follow-on money), the officer's review of each report, and
 * the acceptance check that closes the award. Officers manage; the applicant (or a member of the
 * enterprise) reports.
 */

type AwardRow = typeof awards.$inferSelect;

const isOfficer = (a: Actor | null, programId: string) => isOfficerOf(a, programId);
const isAnalyst = (a: Actor | null) => hasRole(a, 'ministry_analyst');

/** The applicant of the awarded application, or a member of the enterprise (an enterprise-scoped grant). */
async function isRecipient(db: Reader, actor: Actor, award: AwardRow): Promise<boolean> {
  if (actor.roles.some((g) => g.role === 'enterprise_member' && g.scopeType === 'enterprise' && g.scopeId === award.enterpriseId)) return true;
  const [app] = await db
    .select({ applicantId: fundingApplications.applicantId })
    .from(fundingApplications)
    .where(eq(fundingApplications.id, award.applicationId));
  return app?.applicantId === actor.userId;
}

async function loadAward(db: Reader, id: string): Promise<AwardRow> {
  const [row] = await db.select().from(awards).where(eq(awards.id, id));
  if (!row) throw notFound();
  return row;
}

async function readable(ctx: Ctx, award: AwardRow) {
  const actor = requireActor(ctx);
  if (isOfficer(actor, award.programId) || isAnalyst(actor)) return;
  if (!(await isRecipient(ctx.database.db, actor, award))) throw notFound();
}

export async function listAwards(ctx: Ctx, query: { callId?: string }) {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  let rows = await db
    .select({ a: awards, callNames: fundingCalls.names, applicantId: fundingApplications.applicantId })
    .from(awards)
    .innerJoin(fundingCalls, eq(fundingCalls.id, awards.callId))
    .innerJoin(fundingApplications, eq(fundingApplications.id, awards.applicationId))
    .where(query.callId ? eq(awards.callId, query.callId) : undefined)
    .orderBy(desc(awards.awardedAt));
  const programs = officerPrograms(actor);
  if (!isAnalyst(actor) && programs !== null) {
    const scoped = new Set(actor.roles.filter((g) => g.role === 'enterprise_member' && g.scopeType === 'enterprise').map((g) => g.scopeId));
    rows = rows.filter((r) => programs.includes(r.a.programId) || r.applicantId === actor.userId || scoped.has(r.a.enterpriseId));
  }
  const names = await enterpriseNames(db, [...new Set(rows.map((r) => r.a.enterpriseId))]);
  const follow = await followOnByAward(
    db,
    rows.map((r) => r.a.id),
  );
  const items = rows.map((r) => ({
    ...summary(r.a, r.callNames, names.get(r.a.enterpriseId) ?? { en: '' }),
    leverage: awardLeverage({ awardId: r.a.id, currency: r.a.currency, amount: Number(r.a.amount), followOn: follow.get(r.a.id) ?? [] }).ratio,
  }));
  return { items, total: items.length };
}

const summary = (a: AwardRow, callNames: { en: string; zh?: string; ur?: string }, enterprise: { en: string; zh?: string; ur?: string }) => ({
  id: a.id,
  callId: a.callId,
  callNames,
  applicationId: a.applicationId,
  enterpriseId: a.enterpriseId,
  enterpriseNames: enterprise,
  title: a.title,
  instrument: a.instrument,
  amount: Number(a.amount),
  currency: a.currency,
  status: a.status,
  awardedAt: a.awardedAt.toISOString(),
});

export async function followOnByAward(db: Reader, awardIds: string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (awardIds.length === 0) return out;
  // Follow-on money counts once its report is not rejected: a pending report's figure shows at once.
  const rows = await db
    .select({ awardId: milestoneReports.awardId, followOn: milestoneReports.followOn, review: milestoneReports.review })
    .from(milestoneReports)
    .where(inArray(milestoneReports.awardId, awardIds));
  for (const r of rows) if (r.review !== 'rejected') out.set(r.awardId, [...(out.get(r.awardId) ?? []), Number(r.followOn)]);
  return out;
}

export async function getAward(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const award = await loadAward(db, id);
  await readable(ctx, award);
  return awardDto(db, actor, award);
}

async function awardDto(db: Reader, actor: Actor, award: AwardRow) {
  const [call] = await db.select({ names: fundingCalls.names }).from(fundingCalls).where(eq(fundingCalls.id, award.callId));
  const names = await enterpriseNames(db, [award.enterpriseId]);
  const milestones = await db.select().from(awardMilestones).where(eq(awardMilestones.awardId, award.id)).orderBy(asc(awardMilestones.seq));
  const reports = await db.select().from(milestoneReports).where(eq(milestoneReports.awardId, award.id));
  const [acceptance] = await db.select().from(acceptanceChecks).where(eq(acceptanceChecks.awardId, award.id));
  const follow = (await followOnByAward(db, [award.id])).get(award.id) ?? [];
  const lev = awardLeverage({ awardId: award.id, currency: award.currency, amount: Number(award.amount), followOn: follow });
  const num = (x: number | null) => (x === null ? null : Number(x));
  return {
    ...summary(award, call?.names ?? { en: '' }, names.get(award.enterpriseId) ?? { en: '' }),
    province: award.province,
    sector: award.sector,
    milestones: milestones.map((m) => {
      const r = reports.find((x) => x.milestoneId === m.id);
      return {
        id: m.id,
        seq: m.seq,
        title: m.title,
        dueOn: m.dueOn,
        disbursement: Number(m.disbursement),
        state: m.state,
        disbursedAt: m.disbursedAt?.toISOString() ?? null,
        report: r
          ? {
              id: r.id,
              narrative: r.narrative,
              revenue: num(r.revenue),
              jobs: r.jobs,
              ipCount: r.ipCount,
              followOn: Number(r.followOn),
              followOnSources: r.followOnSources,
              review: r.review,
              reviewNote: r.reviewNote,
              createdAt: r.createdAt.toISOString(),
            }
          : null,
      };
    }),
    disbursed: milestones.filter((m) => m.disbursedAt).reduce((s, m) => s + Number(m.disbursement), 0),
    leverage: lev.ratio,
    followOn: lev.followOn,
    acceptance: acceptance
      ? { outcome: acceptance.outcome, proposed: acceptance.proposed, decidedOn: acceptance.decidedOn, reasons: acceptance.reasons }
      : null,
    proposal: proposeAcceptance(milestones),
    canReport: award.status === 'active' && (await isRecipient(db, actor, award)),
    canManage: isOfficer(actor, award.programId),
  };
}

export async function addMilestone(ctx: Ctx, awardId: string, input: z.infer<typeof MilestoneInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [award] = await tx.select().from(awards).where(eq(awards.id, awardId)).for('update');
    if (!award) throw notFound();
    assertOfficerOf(ctx, award.programId);
    if (award.status !== 'active') throw conflict('award_closed');
    const existing = await tx.select().from(awardMilestones).where(eq(awardMilestones.awardId, awardId));
    const planned = existing.reduce((s, m) => s + Number(m.disbursement), 0);
    if (planned + input.disbursement > Number(award.amount) + 1e-9) {
      throw new AppError(422, 'milestones_exceed_award', { amount: Number(award.amount), currency: award.currency, left: Number(award.amount) - planned }, [
        { path: 'disbursement', message: 'exceeds award', code: 'milestones_exceed_award' },
      ]);
    }
    const [{ last }] = await tx
      .select({ last: max(awardMilestones.seq) })
      .from(awardMilestones)
      .where(eq(awardMilestones.awardId, awardId));
    const [row] = await tx
      .insert(awardMilestones)
      .values({ awardId, seq: (last ?? 0) + 1, title: input.title, dueOn: input.dueOn, disbursement: input.disbursement })
      .returning();
    await audit({ action: 'award.milestone.add', entityType: 'award', entityId: awardId, after: row });
    return awardDto(tx, actor, award);
  });
}

export async function submitReport(ctx: Ctx, awardId: string, milestoneId: string, input: z.infer<typeof MilestoneReportInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const award = await loadAward(tx, awardId);
    if (!(await isRecipient(tx, actor, award))) throw forbidden('not_recipient');
    if (award.status !== 'active') throw conflict('award_closed');
    const [m] = await tx
      .select()
      .from(awardMilestones)
      .where(and(eq(awardMilestones.id, milestoneId), eq(awardMilestones.awardId, awardId)))
      .for('update');
    if (!m) throw notFound();
    const [prior] = await tx.select().from(milestoneReports).where(eq(milestoneReports.milestoneId, milestoneId));
    // A rejected report may be replaced by a new one; a pending or approved one stands.
    if (prior && prior.review !== 'rejected') throw conflict('milestone_already_reported');
    if (prior) await tx.delete(milestoneReports).where(eq(milestoneReports.id, prior.id));
    const [row] = await tx
      .insert(milestoneReports)
      .values({
        awardId,
        milestoneId,
        narrative: input.narrative,
        revenue: input.revenue ?? null,
        jobs: input.jobs ?? null,
        ipCount: input.ipCount ?? null,
        followOn: input.followOn,
        followOnSources: input.followOnSources ?? null,
        submittedBy: actor.userId,
      })
      .returning();
    await tx.update(awardMilestones).set({ state: 'reported' }).where(eq(awardMilestones.id, milestoneId));
    await audit({ action: 'award.report.submit', entityType: 'award', entityId: awardId, before: prior ?? null, after: row });
    if (award.createdBy) await notify(tx, award.createdBy, 'milestone_reported', { title: award.title, milestone: m.title }, `/funding/awards/${awardId}`);
    return awardDto(tx, actor, award);
  });
}

export async function reviewReport(ctx: Ctx, reportId: string, input: z.infer<typeof ReportReviewInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(milestoneReports).where(eq(milestoneReports.id, reportId)).for('update');
    if (!before) throw notFound();
    if (before.review !== 'pending') throw conflict('report_reviewed');
    const award = await loadAward(tx, before.awardId);
    assertOfficerOf(ctx, award.programId);
    if (award.status !== 'active') throw conflict('award_closed');
    const [after] = await tx
      .update(milestoneReports)
      .set({ review: input.decision, reviewNote: input.note ?? null, reviewedBy: actor.via === 'system' ? null : actor.userId, reviewedAt: new Date() })
      .where(eq(milestoneReports.id, reportId))
      .returning();
    // Approval releases the milestone's disbursement.
    await tx
      .update(awardMilestones)
      .set(input.decision === 'approved' ? { state: 'approved', disbursedAt: new Date() } : { state: 'rejected' })
      .where(eq(awardMilestones.id, before.milestoneId));
    await audit({ action: `award.report.${input.decision === 'approved' ? 'approve' : 'reject'}`, entityType: 'award', entityId: award.id, before, after });
    if (before.submittedBy)
      await notify(tx, before.submittedBy, 'milestone_reviewed', { title: award.title, decision: input.decision }, `/funding/awards/${award.id}`);
    return awardDto(tx, actor, award);
  });
}

export async function decideAcceptance(ctx: Ctx, awardId: string, input: z.infer<typeof AcceptanceInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [award] = await tx.select().from(awards).where(eq(awards.id, awardId)).for('update');
    if (!award) throw notFound();
    assertOfficerOf(ctx, award.programId);
    const [prior] = await tx.select({ id: acceptanceChecks.id }).from(acceptanceChecks).where(eq(acceptanceChecks.awardId, awardId));
    if (prior) throw conflict('acceptance_decided');
    const milestones = await tx.select({ state: awardMilestones.state }).from(awardMilestones).where(eq(awardMilestones.awardId, awardId));
    const proposal = proposeAcceptance(milestones);
    const [row] = await tx
      .insert(acceptanceChecks)
      .values({
        awardId,
        enterpriseId: award.enterpriseId,
        outcome: input.outcome,
        proposed: proposal.outcome,
        decidedOn: input.decidedOn ?? new Date().toISOString().slice(0, 10),
        reasons: input.reasons,
        decidedBy: actor.via === 'system' ? null : actor.userId,
      })
      .returning();
    const [closed] = await tx.update(awards).set({ status: 'closed' }).where(eq(awards.id, awardId)).returning();
    await audit({ action: 'award.acceptance', entityType: 'award', entityId: awardId, before: { status: award.status }, after: { ...row, proposal } });
    const [app] = await tx
      .select({ applicantId: fundingApplications.applicantId })
      .from(fundingApplications)
      .where(eq(fundingApplications.id, award.applicationId));
    if (app) await notify(tx, app.applicantId, 'acceptance_decided', { title: award.title, outcome: input.outcome }, `/funding/awards/${awardId}`);
    return awardDto(tx, actor, closed);
  });
}

/**
 * The facts the eligibility engine reads about an enterprise's past acceptance checks (issue 4): the
 * `failed_acceptance_bar` rule bars an enterprise whose check failed for three calendar years.
 */
export async function pastAcceptanceFacts(db: Db | Reader, enterpriseId: string): Promise<{ lastFailedAcceptanceYear: number | null }> {
  const rows = await db
    .select({ outcome: acceptanceChecks.outcome, decidedOn: acceptanceChecks.decidedOn })
    .from(acceptanceChecks)
    .where(eq(acceptanceChecks.enterpriseId, enterpriseId));
  return acceptanceFacts(rows);
}
