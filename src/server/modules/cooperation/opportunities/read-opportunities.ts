import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Opportunity, OpportunityQuery } from '../../../../shared/contracts/cooperation';
import { notFound } from '../../../platform/errors';
import type { Ctx } from '../../../platform/context';
import type { Tx } from '../../../platform/audit/audit';
import { coopApplications, coopDelegations, coopOpportunities } from '../cooperation.tables';
import { type OpportunityRow, toOpportunity } from './opportunity-dto';
import { isOfferingSide, isoDay, readsStaff } from './opportunity-rules';

type Reader = Ctx['database']['db'] | Tx;

/**
 * Turns rows into what this reader sees: the delegation's title, the reader's own application, and — for staff and
 * the offering side — how many applied. Rows the reader may not see must be filtered out before.
 */
export async function opportunitiesFor(ctx: Ctx, rows: OpportunityRow[], opts: { db?: Reader; today?: string } = {}): Promise<Opportunity[]> {
  if (rows.length === 0) return [];
  const db = opts.db ?? ctx.database.db;
  const ids = rows.map((r) => r.id);
  const delegationIds = [...new Set(rows.flatMap((r) => (r.delegationId ? [r.delegationId] : [])))];
  const staff = readsStaff(ctx);
  const [delegations, counts, mine] = await Promise.all([
    delegationIds.length
      ? db
          .select({ id: coopDelegations.id, title: coopDelegations.title, status: coopDelegations.status })
          .from(coopDelegations)
          .where(inArray(coopDelegations.id, delegationIds))
      : Promise.resolve([]),
    db
      .select({ id: coopApplications.opportunityId, n: sql<number>`count(*)::int` })
      .from(coopApplications)
      .where(and(inArray(coopApplications.opportunityId, ids), sql`${coopApplications.status} <> 'withdrawn'`))
      .groupBy(coopApplications.opportunityId),
    ctx.actor
      ? db
          .select({ id: coopApplications.id, opportunityId: coopApplications.opportunityId, kind: coopApplications.kind, status: coopApplications.status })
          .from(coopApplications)
          .where(and(inArray(coopApplications.opportunityId, ids), eq(coopApplications.userId, ctx.actor.userId)))
      : Promise.resolve([]),
  ]);
  const titleOf = new Map(delegations.filter((d) => staff || d.status === 'published').map((d) => [d.id, d.title]));
  const countOf = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const mineOf = new Map(
    mine.map((m) => [
      m.opportunityId,
      { id: m.id, kind: m.kind as 'interest' | 'application', status: m.status as NonNullable<Opportunity['mine']>['status'] },
    ]),
  );
  const today = opts.today ?? isoDay();
  return rows.map((row) => {
    const reader = isOfferingSide(ctx, row) ? 'offering' : staff ? 'staff' : 'public';
    return toOpportunity(row, {
      reader,
      applicationCount: countOf.get(row.id) ?? 0,
      mine: mineOf.get(row.id) ?? null,
      delegationTitle: row.delegationId ? (titleOf.get(row.delegationId) ?? null) : null,
      today,
    });
  });
}

/** What a reader may see of the board: the public sees open opportunities; staff (cooperation.read) all of them. */
export function visibleTo(ctx: Ctx): SQL | undefined {
  return readsStaff(ctx) ? undefined : eq(coopOpportunities.status, 'open');
}

/**
 * The offers made during a delegation (seeds/000: internships, scholarships, an exhibition invitation, matchmaking
 * and funding offered to the 2018 delegation), as the reader may see them, in the order recorded.
 */
export async function opportunitiesOfDelegation(ctx: Ctx, delegationId: string, today?: string): Promise<Opportunity[]> {
  const rows = await ctx.database.db
    .select()
    .from(coopOpportunities)
    .where(and(eq(coopOpportunities.delegationId, delegationId), visibleTo(ctx)))
    .orderBy(asc(coopOpportunities.createdAt), asc(coopOpportunities.key), asc(coopOpportunities.id));
  return opportunitiesFor(ctx, rows, { today });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The board: open opportunities for everyone; staff (cooperation.read) may ask for drafts, closed ones or all.
 * Filters: kind, the offering side's country, the country it is for (an offer with no country is for anyone), and
 * words in the titles (any language). Open ones first by deadline (soonest first, none last).
 */
export async function listOpportunities(
  ctx: Ctx,
  query: z.output<typeof OpportunityQuery>,
  today = isoDay(),
): Promise<{ items: Opportunity[]; total: number }> {
  const status = readsStaff(ctx) ? query.status : 'open';
  const where = and(
    status === 'all' ? undefined : eq(coopOpportunities.status, status),
    query.kind ? eq(coopOpportunities.kind, query.kind) : undefined,
    query.country ? sql`${coopOpportunities.offeredBy}->>'country' = ${query.country}` : undefined,
    query.forCountry ? or(eq(coopOpportunities.forCountry, query.forCountry), isNull(coopOpportunities.forCountry)) : undefined,
    query.q ? sql`exists (select 1 from jsonb_each_text(${coopOpportunities.title}) t where t.value ilike ${`%${escapeLike(query.q)}%`})` : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    ctx.database.db
      .select()
      .from(coopOpportunities)
      .where(where)
      .orderBy(sql`${coopOpportunities.deadline} asc nulls last`, desc(coopOpportunities.createdAt), asc(coopOpportunities.id))
      .limit(query.limit)
      .offset(query.offset),
    ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(coopOpportunities).where(where),
  ]);
  return { items: await opportunitiesFor(ctx, rows, { today }), total: Number(n) };
}

/** One opportunity; a draft or closed one is not found for the public. */
export async function getOpportunity(ctx: Ctx, id: string, today = isoDay()): Promise<Opportunity> {
  const [row] = await ctx.database.db
    .select()
    .from(coopOpportunities)
    .where(and(eq(coopOpportunities.id, id), visibleTo(ctx)));
  if (!row) throw notFound('cooperation.opportunities.not_found');
  const [out] = await opportunitiesFor(ctx, [row], { today });
  return out;
}
