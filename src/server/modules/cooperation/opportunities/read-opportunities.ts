import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Opportunity } from '../../../../shared/contracts/cooperation';
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
      ? db.select({ id: coopDelegations.id, title: coopDelegations.title, status: coopDelegations.status }).from(coopDelegations).where(inArray(coopDelegations.id, delegationIds))
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
  const mineOf = new Map(mine.map((m) => [m.opportunityId, { id: m.id, kind: m.kind as 'interest' | 'application', status: m.status as NonNullable<Opportunity['mine']>['status'] }]));
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
