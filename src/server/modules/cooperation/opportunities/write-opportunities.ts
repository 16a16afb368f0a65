import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Opportunity, OpportunityInput, OpportunityPatch } from '../../../../shared/contracts/cooperation';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors';
import { coopAgreements, coopDelegations, coopOpportunities, type Texts } from '../cooperation.tables';
import { opportunitiesFor } from './read-opportunities';
import { datesInOrder, managesCooperation } from './opportunity-rules';
import { resolveOrg } from './org-ref';

const invalid = (code: string, path: string, message: string, params: Record<string, unknown> = {}) =>
  new AppError(422, `cooperation.opportunities.${code}`, params, [{ path, message, code }]);

const texts = (t: Partial<Record<'en' | 'zh' | 'ur', string | undefined>> | undefined): Texts =>
  Object.fromEntries(Object.entries(t ?? {}).filter(([, v]) => typeof v === 'string' && v.length > 0)) as Texts;

async function checkLinks(tx: Tx, input: { delegationId?: string | null; agreementId?: string | null }) {
  if (input.delegationId) {
    const [d] = await tx.select({ id: coopDelegations.id }).from(coopDelegations).where(eq(coopDelegations.id, input.delegationId));
    if (!d) throw invalid('delegation_not_found', 'delegationId', 'no such delegation');
  }
  if (input.agreementId) {
    const [a] = await tx.select({ id: coopAgreements.id }).from(coopAgreements).where(eq(coopAgreements.id, input.agreementId));
    if (!a) throw invalid('agreement_not_found', 'agreementId', 'no such agreement');
  }
}

function checkDates(opensOn: string | null | undefined, deadline: string | null | undefined) {
  if (!datesInOrder(opensOn, deadline)) throw invalid('deadline_before_opening', 'deadline', 'the deadline is before the opening day', { opensOn, deadline });
}

/** A new opportunity on the board (open at once unless `open: false`), by a cooperation officer. */
export async function createOpportunity(ctx: Ctx, input: z.output<typeof OpportunityInput>): Promise<Opportunity> {
  const actor = requireActor(ctx);
  if (!managesCooperation(ctx)) throw forbidden();
  checkDates(input.opensOn, input.deadline);
  return withTransaction(ctx, async (tx, audit) => {
    await checkLinks(tx, input);
    const offeredBy = await resolveOrg(tx, input.offeredBy);
    const [row] = await tx
      .insert(coopOpportunities)
      .values({
        kind: input.kind,
        title: texts(input.title),
        description: texts(input.description),
        offeredBy,
        forCountry: input.forCountry ?? null,
        city: input.city ?? null,
        places: input.places ?? null,
        placesPerYear: input.placesPerYear ?? null,
        opensOn: input.opensOn ?? null,
        deadline: input.deadline ?? null,
        eligibility: texts(input.eligibility),
        status: input.open ? 'open' : 'draft',
        delegationId: input.delegationId ?? null,
        agreementId: input.agreementId ?? null,
        managerUserIds: [...new Set(input.managerUserIds)],
        createdBy: actor.via === 'system' ? null : actor.userId,
      })
      .returning();
    await audit({ action: 'cooperation.opportunity.create', entityType: 'coop_opportunity', entityId: row.id, after: row });
    const [out] = await opportunitiesFor(ctx, [row], { db: tx });
    return out;
  });
}

/** Changes an opportunity (open, close, reopen, edit); 409 on a stale version. */
export async function updateOpportunity(ctx: Ctx, id: string, patch: z.output<typeof OpportunityPatch>): Promise<Opportunity> {
  requireActor(ctx);
  if (!managesCooperation(ctx)) throw forbidden();
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(coopOpportunities).where(eq(coopOpportunities.id, id)).for('update');
    if (!before) throw notFound('cooperation.opportunities.not_found');
    if (before.version !== patch.version) throw conflict('cooperation.opportunities.stale_version', { current: before.version });
    const opensOn = patch.opensOn === undefined ? before.opensOn : patch.opensOn;
    const deadline = patch.deadline === undefined ? before.deadline : patch.deadline;
    checkDates(opensOn, deadline);
    await checkLinks(tx, patch);
    const set: Partial<typeof coopOpportunities.$inferInsert> = {};
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.title !== undefined) set.title = texts(patch.title);
    if (patch.description !== undefined) set.description = texts(patch.description);
    if (patch.offeredBy !== undefined) set.offeredBy = await resolveOrg(tx, patch.offeredBy);
    if (patch.forCountry !== undefined) set.forCountry = patch.forCountry;
    if (patch.city !== undefined) set.city = patch.city;
    if (patch.places !== undefined) set.places = patch.places;
    if (patch.placesPerYear !== undefined) set.placesPerYear = patch.placesPerYear;
    if (patch.opensOn !== undefined) set.opensOn = patch.opensOn;
    if (patch.deadline !== undefined) set.deadline = patch.deadline;
    if (patch.eligibility !== undefined) set.eligibility = texts(patch.eligibility);
    if (patch.delegationId !== undefined) set.delegationId = patch.delegationId;
    if (patch.agreementId !== undefined) set.agreementId = patch.agreementId;
    if (patch.managerUserIds !== undefined) set.managerUserIds = [...new Set(patch.managerUserIds)];
    if (patch.status !== undefined) set.status = patch.status;
    const [row] = await tx
      .update(coopOpportunities)
      .set({ ...set, version: sql`${coopOpportunities.version} + 1`, updatedAt: new Date() })
      .where(eq(coopOpportunities.id, id))
      .returning();
    await audit({ action: 'cooperation.opportunity.update', entityType: 'coop_opportunity', entityId: id, before, after: row });
    const [out] = await opportunitiesFor(ctx, [row], { db: tx });
    return out;
  });
}
