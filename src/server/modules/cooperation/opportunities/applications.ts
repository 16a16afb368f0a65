import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Application, ApplicationDecision, ApplicationInput } from '../../../../shared/contracts/cooperation';
import { userRoles } from '../../../platform/accounts/accounts.tables';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors';
import { notify } from '../../../platform/notifications/notify';
import { coopApplications, coopOpportunities, type Texts } from '../cooperation.tables';
import type { OpportunityRow } from './opportunity-dto';
import { canDecide, canWithdraw, isOfferingSide, isoDay, refusalOf } from './opportunity-rules';

type ApplicationOut = z.infer<typeof Application>;
type ApplicationRow = typeof coopApplications.$inferSelect;

const titleText = (t: Texts) => t.en ?? t.zh ?? t.ur ?? '';
const clean = (t: Texts): Record<string, string> => Object.fromEntries(Object.entries(t).filter((e): e is [string, string] => !!e[1]));

function toApplication(row: ApplicationRow, opportunityTitle: Texts): ApplicationOut {
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    opportunityTitle: clean(opportunityTitle),
    kind: row.kind as ApplicationOut['kind'],
    applicantName: row.applicantName,
    statement: row.statement,
    status: row.status as ApplicationOut['status'],
    decisionNote: row.decisionNote,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

const link = (opportunityId: string) => `/cooperation/opportunities/${opportunityId}`;

/** Who hears of a new application: the opportunity's managers and the officer who created it; else every officer. */
async function offeringSideUsers(tx: Tx, opp: OpportunityRow, except: string): Promise<string[]> {
  const named = new Set([...opp.managerUserIds, ...(opp.createdBy ? [opp.createdBy] : [])]);
  if (named.size === 0) {
    const officers = await tx
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(inArray(userRoles.role, ['cooperation_officer']));
    for (const o of officers) named.add(o.userId);
  }
  named.delete(except);
  return [...named];
}

/**
 * An expression of interest or an application by a signed-in person (a student, an entrepreneur): one per person
 * and opportunity (409 when there is one), only while the opportunity takes applications (422 when it is closed,
 * a draft, not yet open or past its deadline). The offering side is told.
 */
export async function applyTo(ctx: Ctx, opportunityId: string, input: z.output<typeof ApplicationInput>, today = isoDay()): Promise<ApplicationOut> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [opp] = await tx.select().from(coopOpportunities).where(eq(coopOpportunities.id, opportunityId)).for('update');
    if (!opp || (opp.status === 'draft' && !isOfferingSide(ctx, opp))) throw notFound('cooperation.opportunities.not_found');
    const refusal = refusalOf(opp, today);
    if (refusal) throw new AppError(422, `cooperation.opportunities.not_accepting_${refusal}`, { deadline: opp.deadline, opensOn: opp.opensOn });
    const [existing] = await tx
      .select({ id: coopApplications.id, status: coopApplications.status })
      .from(coopApplications)
      .where(and(eq(coopApplications.opportunityId, opportunityId), eq(coopApplications.userId, actor.userId)));
    if (existing) throw conflict('cooperation.opportunities.already_applied', { status: existing.status, applicationId: existing.id });
    const [row] = await tx
      .insert(coopApplications)
      .values({ opportunityId, userId: actor.userId, kind: input.kind, applicantName: actor.displayName, statement: input.statement || null })
      .returning();
    await audit({ action: 'cooperation.application.create', entityType: 'coop_application', entityId: row.id, after: row });
    for (const userId of await offeringSideUsers(tx, opp, actor.userId)) {
      await notify(tx, userId, 'cooperation_application_received', { name: actor.displayName, title: titleText(opp.title), kind: input.kind }, link(opp.id));
    }
    return toApplication(row, opp.title);
  });
}

/** The applications to one opportunity, for its offering side (admin, cooperation officers, its managers). */
export async function listApplications(ctx: Ctx, opportunityId: string): Promise<{ items: ApplicationOut[]; total: number }> {
  requireActor(ctx);
  const [opp] = await ctx.database.db.select().from(coopOpportunities).where(eq(coopOpportunities.id, opportunityId));
  if (!opp) throw notFound('cooperation.opportunities.not_found');
  if (!isOfferingSide(ctx, opp)) throw forbidden('cooperation.opportunities.not_offering_side');
  const rows = await ctx.database.db
    .select()
    .from(coopApplications)
    .where(eq(coopApplications.opportunityId, opportunityId))
    .orderBy(desc(coopApplications.createdAt), desc(coopApplications.id));
  return { items: rows.map((r) => toApplication(r, opp.title)), total: rows.length };
}

/** The signed-in person's own applications, newest first. */
export async function myApplications(ctx: Ctx): Promise<{ items: ApplicationOut[]; total: number }> {
  const actor = requireActor(ctx);
  const rows = await ctx.database.db
    .select({ a: coopApplications, title: coopOpportunities.title })
    .from(coopApplications)
    .innerJoin(coopOpportunities, eq(coopOpportunities.id, coopApplications.opportunityId))
    .where(eq(coopApplications.userId, actor.userId))
    .orderBy(desc(coopApplications.createdAt), desc(coopApplications.id));
  return { items: rows.map((r) => toApplication(r.a, r.title)), total: rows.length };
}

async function lockApplication(tx: Tx, id: string) {
  const [row] = await tx
    .select({ a: coopApplications, opp: coopOpportunities })
    .from(coopApplications)
    .innerJoin(coopOpportunities, eq(coopOpportunities.id, coopApplications.opportunityId))
    .where(eq(coopApplications.id, id))
    .for('update', { of: coopApplications });
  if (!row) throw notFound('cooperation.opportunities.application_not_found');
  return row;
}

/** The offering side shortlists, accepts or declines, with a note the applicant reads; 409 on a stale version. */
export async function decideApplication(ctx: Ctx, id: string, input: z.output<typeof ApplicationDecision>): Promise<ApplicationOut> {
  requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { a: before, opp } = await lockApplication(tx, id);
    if (!isOfferingSide(ctx, opp)) throw forbidden('cooperation.opportunities.not_offering_side');
    if (before.version !== input.version) throw conflict('cooperation.opportunities.stale_version', { current: before.version });
    if (!canDecide(before.status)) throw conflict('cooperation.opportunities.application_withdrawn');
    const [row] = await tx
      .update(coopApplications)
      .set({ status: input.status, decisionNote: input.note || null, version: sql`${coopApplications.version} + 1` })
      .where(eq(coopApplications.id, id))
      .returning();
    await audit({ action: 'cooperation.application.decide', entityType: 'coop_application', entityId: id, before, after: row });
    await notify(
      tx,
      before.userId,
      'cooperation_application_decided',
      { title: titleText(opp.title), status: input.status, context: input.status, note: input.note ?? '' },
      link(opp.id),
    );
    return toApplication(row, opp.title);
  });
}

/** The applicant takes an application back (not once it has been declined). */
export async function withdrawApplication(ctx: Ctx, id: string): Promise<ApplicationOut> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { a: before, opp } = await lockApplication(tx, id);
    if (before.userId !== actor.userId) throw notFound('cooperation.opportunities.application_not_found');
    if (!canWithdraw(before.status)) throw conflict('cooperation.opportunities.cannot_withdraw', { status: before.status });
    const [row] = await tx
      .update(coopApplications)
      .set({ status: 'withdrawn', version: sql`${coopApplications.version} + 1` })
      .where(eq(coopApplications.id, id))
      .returning();
    await audit({ action: 'cooperation.application.withdraw', entityType: 'coop_application', entityId: id, before, after: row });
    return toApplication(row, opp.title);
  });
}
