import { and, arrayContains, asc, desc, eq, getTableColumns, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListingSearchQuery, ListingSummary } from '../../../../shared/contracts/techmarket';
import type { Ctx } from '../../../platform/context';
import { requireActor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { tmListings } from '../techmarket.tables';
import { queryTerms, tsquerySql } from '../text/terms';
import { isModerator, ownedOrganisations } from './access';
import { toSummary } from './listing-dto';

type Query = z.output<typeof ListingSearchQuery>;

/**
 * Totals are counted up to this many: past it the answer is "more than this" (total = COUNT_CAP + 1). Pages
 * end at offset 10,000 anyway, and an exact count of a million matches costs more than the page itself.
 */
export const COUNT_CAP = 10_000;

function scopeCondition(ctx: Ctx, scope: Query['scope']): SQL {
  if (scope === 'market') return sql`${tmListings.status} = 'published' and ${tmListings.expiresAt} > now()`;
  const actor = requireActor(ctx);
  if (scope === 'moderation') {
    if (!isModerator(actor)) throw forbidden();
    return eq(tmListings.status, 'pending');
  }
  const orgs = ownedOrganisations(actor);
  return orgs.length ? or(eq(tmListings.createdBy, actor.userId), inArray(tmListings.ownerId, orgs))! : eq(tmListings.createdBy, actor.userId);
}

function filters(query: Query): SQL[] {
  const where: SQL[] = [];
  if (query.kind) where.push(eq(tmListings.kind, query.kind));
  if (query.sector) where.push(eq(tmListings.sector, query.sector));
  if (query.country) where.push(eq(tmListings.country, query.country));
  if (query.language) where.push(arrayContains(tmListings.languages, [query.language]));
  if (query.trlMin) where.push(gte(tmListings.trl, query.trlMin));
  if (query.trlMax) where.push(lte(tmListings.trl, query.trlMax));
  if (query.dealForm) where.push(arrayContains(tmListings.dealForms, [query.dealForm]));
  if (query.q) {
    // A query of stop words only ("the", "کے") finds by nothing: the filters alone apply.
    const tsquery = tsquerySql(queryTerms(query.q));
    if (tsquery) where.push(sql`${tmListings.search} @@ ${tsquery}`);
  }
  return where;
}

/** The market (published, unexpired), one's own listings, or the moderation queue; filtered, newest first. */
export async function searchListings(ctx: Ctx, query: Query): Promise<{ items: ListingSummary[]; total: number }> {
  const where = and(scopeCondition(ctx, query.scope), ...filters(query));
  const order =
    query.scope === 'market'
      ? [desc(tmListings.publishedAt), desc(tmListings.id)]
      : query.scope === 'moderation'
        ? [asc(tmListings.submittedAt), asc(tmListings.id)] // a queue: the longest waiting first
        : [desc(tmListings.createdAt), desc(tmListings.id)];
  const db = ctx.database.db;
  const columns = listColumns();
  const [rows, counted] = await Promise.all([
    db
      .select(columns)
      .from(tmListings)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db.execute(sql`select count(*)::int as n from (select 1 from ${tmListings} where ${where} limit ${COUNT_CAP + 1}) capped`),
  ]);
  const total = (counted as unknown as { rows: { n: number }[] }).rows[0].n;
  const now = new Date();
  return { items: rows.map((r) => toSummary({ ...r, search: null }, now)), total };
}

/** Every column but the search vector, which a list never needs. */
function listColumns() {
  const { search: _search, ...columns } = getTableColumns(tmListings);
  return columns;
}
