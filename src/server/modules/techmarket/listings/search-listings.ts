import { and, arrayContains, asc, desc, eq, getTableColumns, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListingSearchQuery, ListingSummary } from '../../../../shared/contracts/techmarket';
import { type Db, queryRows } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import { requireActor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { tmListings } from '../techmarket.tables';
import { queryTerms, searchTsquery, sectorLexeme } from '../text/terms';
import { quoteLexeme } from '../../registry/search-text';
import { isModerator, ownedOrganisations } from './access';
import { toSummary } from './listing-dto';

type Query = z.output<typeof ListingSearchQuery>;

/**
 * Totals: counted when the planner expects fewer than this many matches (up to this many), else its estimate,
 * with `estimated: true`. Counting 30,000 matches reads 30,000 rows, far more than the page does; the estimate
 * comes from the table's statistics without reading any. A page that is not full gives the exact total anyway.
 */
export const COUNT_UP_TO = 1000;

function scopeCondition(ctx: Ctx, scope: Query['scope']): SQL {
  if (scope === 'market') return sql`${tmListings.status} = 'published' and ${tmListings.expiresAt} > now()`;
  const actor = requireActor(ctx);
  if (scope === 'moderation') {
    if (!isModerator(actor)) throw forbidden();
    return eq(tmListings.status, 'pending');
  }
  const orgs = ownedOrganisations(actor);
  const mine = eq(tmListings.createdBy, actor.userId);
  if (!orgs.length) return mine;
  // (owner_type, owner_id) so the owner index serves it: a scoped grant may name either kind of organisation.
  return or(
    mine,
    and(eq(tmListings.ownerType, 'enterprise'), inArray(tmListings.ownerId, orgs)),
    and(eq(tmListings.ownerType, 'institution'), inArray(tmListings.ownerId, orgs)),
  )!;
}

/**
 * The search vector's part of the query: the words typed, and the sector as its `s_` lexeme (every listing's vector
 * has it), so that one GIN probe serves both and the planner does not count the sector twice.
 */
function searchCondition(query: Query): SQL | null {
  // A query of stop words only ("the", "کے") finds by nothing: the filters alone apply.
  const words = query.q ? searchTsquery(queryTerms(query.q)) : null;
  const sector = query.sector ? quoteLexeme(sectorLexeme(query.sector)) : null;
  const literal = words && sector ? `(${words}) & ${sector}` : (words ?? sector);
  return literal ? sql`${tmListings.search} @@ ${literal}::tsquery` : null;
}

function filters(query: Query): SQL[] {
  const where: SQL[] = [];
  if (query.kind) where.push(eq(tmListings.kind, query.kind));
  if (query.country) where.push(eq(tmListings.country, query.country));
  if (query.language) where.push(arrayContains(tmListings.languages, [query.language]));
  if (query.trlMin) where.push(gte(tmListings.trl, query.trlMin));
  if (query.trlMax) where.push(lte(tmListings.trl, query.trlMax));
  if (query.dealForm) where.push(arrayContains(tmListings.dealForms, [query.dealForm]));
  const search = searchCondition(query);
  if (search) where.push(search);
  return where;
}

type Page = { items: ListingSummary[]; total: number; estimated?: boolean };

/** The market (published, unexpired), one's own listings, or the moderation queue; filtered, newest first. */
export async function searchListings(ctx: Ctx, query: Query): Promise<Page> {
  const where = and(scopeCondition(ctx, query.scope), ...filters(query))!;
  const order =
    query.scope === 'market'
      ? [desc(tmListings.publishedAt), desc(tmListings.id)]
      : query.scope === 'moderation'
        ? [asc(tmListings.submittedAt), asc(tmListings.id)] // a queue: the longest waiting first
        : [desc(tmListings.createdAt), desc(tmListings.id)];
  const db = ctx.database.db;
  const [rows, estimate] = await Promise.all([
    db
      .select(listColumns())
      .from(tmListings)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    estimateRows(db, where),
  ]);
  const now = new Date();
  const items = rows.map((r) => toSummary({ ...r, search: null }, now));
  if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) return { items, total: query.offset + rows.length };
  if (estimate >= COUNT_UP_TO) return { items, total: estimate, estimated: true };
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from ${tmListings} where ${where} limit ${COUNT_UP_TO}) capped`,
  );
  return n < COUNT_UP_TO ? { items, total: n } : { items, total: Math.max(n, estimate), estimated: true };
}

/** The planner's estimate of the rows matching (from the table's statistics; no row is read). */
async function estimateRows(db: Db, where: SQL): Promise<number> {
  const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) select 1 from ${tmListings} where ${where}`);
  const plan = typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN'];
  return Math.round(Number(plan?.[0]?.Plan?.['Plan Rows']) || 0);
}

/** Every column but the search vector, which a list never needs. */
function listColumns() {
  const { search: _search, ...columns } = getTableColumns(tmListings);
  return columns;
}
