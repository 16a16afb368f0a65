import { and, arrayContains, asc, desc, eq, getTableColumns, getTableName, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
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
import { type ListingRow, toSummary } from './listing-dto';

type Query = z.output<typeof ListingSearchQuery>;

/**
 * Totals: counted when the planner expects fewer than this many matches (up to this many), else its estimate,
 * with `estimated: true` (the market shows "about N"). Counting reads every match the count reaches — 1,000 rows
 * of a rare word cost as much as the page itself several times over — while the estimate comes from the table's
 * statistics without reading any. A page that is not full gives the exact total anyway.
 */
export const COUNT_UP_TO = 200;

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

/** The search vector's parts of the query: the words typed, and the sector as its `s_` lexeme (every listing's vector has it). */
function searchParts(query: Query): string[] {
  // A query of stop words only ("the", "کے") finds by nothing: the filters alone apply.
  const words = query.q ? searchTsquery(queryTerms(query.q)) : null;
  const sector = query.sector ? quoteLexeme(sectorLexeme(query.sector)) : null;
  return [words, sector].filter((x): x is string => Boolean(x));
}

/** One condition for all parts, so that one GIN probe serves both and the planner does not count the sector twice. */
function searchCondition(parts: string[]): SQL | null {
  if (!parts.length) return null;
  const literal = parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' & ');
  return sql`${tmListings.search} @@ ${literal}::tsquery`;
}

/** The conditions on the listing's columns (kind, country, language, readiness, deal form). */
function columnFilters(query: Query): SQL[] {
  const where: SQL[] = [];
  if (query.kind) where.push(eq(tmListings.kind, query.kind));
  if (query.country) where.push(eq(tmListings.country, query.country));
  if (query.language) where.push(arrayContains(tmListings.languages, [query.language]));
  if (query.trlMin) where.push(gte(tmListings.trl, query.trlMin));
  if (query.trlMax) where.push(lte(tmListings.trl, query.trlMax));
  if (query.dealForm) where.push(arrayContains(tmListings.dealForms, [query.dealForm]));
  return where;
}

type Page = { items: ListingSummary[]; total: number; estimated?: boolean };

function orderOf(scope: Query['scope']): SQL[] {
  if (scope === 'market') return [desc(tmListings.publishedAt), desc(tmListings.id)];
  if (scope === 'moderation') return [asc(tmListings.submittedAt), asc(tmListings.id)]; // a queue: the longest waiting first
  return [desc(tmListings.createdAt), desc(tmListings.id)];
}

/**
 * The market (published, unexpired), one's own listings, or the moderation queue; filtered, newest first.
 * `plan` forces one of the two ways of reading a search with words (tests compare them); by default the walk is
 * tried when it looks short (`estimateMatches`), and the planner's own plan follows when it turns out not to be.
 * `walkUpTo` changes the walk's budget (tests on a small table make it run out).
 */
export async function searchListings(ctx: Ctx, query: Query, options: { plan?: 'walk' | 'planner'; walkUpTo?: number } = {}): Promise<Page> {
  const db = ctx.database.db;
  const rest = and(scopeCondition(ctx, query.scope), ...columnFilters(query))!;
  const parts = searchParts(query);
  const search = searchCondition(parts);
  if (!search) return withTotal(db, await readInOrder(db, rest, query), rest, query, await estimateRows(db, rest));
  const where = and(rest, search)!;
  const estimate = await estimateMatches(db, parts, rest, query);
  const budget = options.walkUpTo ?? WALK_UP_TO;
  const walk = options.plan ? options.plan === 'walk' : query.scope === 'market' && estimate.walk <= budget;
  if (walk) {
    const rows = await walkNewestFirst(db, search, rest, query, options.plan === 'walk' ? null : budget);
    if (rows) return withTotal(db, rows, where, query, estimate.atMost);
  }
  return withTotal(db, await readInOrder(db, where, query), where, query, estimate.together);
}

/** The page in order, read as the planner sees fit. */
function readInOrder(db: Db, where: SQL, query: Query): Promise<ListColumns[]> {
  return db
    .select(listColumns())
    .from(tmListings)
    .where(where)
    .orderBy(...orderOf(query.scope))
    .limit(query.limit)
    .offset(query.offset);
}

/**
 * The walk reads at most this many listings in scope, newest first (~1 µs each when warm, measured on the bench's
 * 1,000,000 listings); if the page is not full by then, the planner's plan reads it instead.
 */
export const WALK_UP_TO = 5_000;

/**
 * Walks the listings in scope newest first, at most `budget` of them, and checks the words on each until the page is
 * full. The planner does not take this way by itself whenever it underestimates the matches — words and sector
 * together, which go together far more often than its statistics assume (~30× too few) — and ANDs the search
 * index's matches instead, reading every one: 28,322 heap pages for "半导体" in semiconductors (75 ms warm), where
 * the walk reads 502 listings (1 ms). Null when the budget ran out before the page was full (the matches are rarer
 * than they looked, and the search index finds them faster).
 */
async function walkNewestFirst(db: Db, search: SQL, rest: SQL, query: Query, budget: number | null): Promise<ListColumns[] | null> {
  // The walked listings take the table's name, so the search condition and the order apply to them as they are.
  const walked = db
    .select(getTableColumns(tmListings))
    .from(tmListings)
    .where(rest)
    .orderBy(...orderOf(query.scope))
    .limit(budget ?? Number.MAX_SAFE_INTEGER)
    .as(getTableName(tmListings));
  const rows = await db
    .select(listColumns())
    .from(walked)
    .where(search)
    .orderBy(...orderOf(query.scope))
    .limit(query.limit)
    .offset(query.offset);
  return rows.length === query.limit || budget === null ? rows : null;
}

/**
 * The total beside a page: exact when the page is not full; else counted up to COUNT_UP_TO when the estimate is
 * below it, or the estimate itself (`estimated`, shown "about N").
 */
async function withTotal(db: Db, rows: ListColumns[], where: SQL, query: Query, estimate: number): Promise<Page> {
  const items = summaries(rows);
  if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) return { items, total: query.offset + rows.length };
  if (estimate >= COUNT_UP_TO) return { items, total: estimate, estimated: true };
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from ${tmListings} where ${where} limit ${COUNT_UP_TO}) capped`,
  );
  return n < COUNT_UP_TO ? { items, total: n } : { items, total: Math.max(n, estimate), estimated: true };
}

/**
 * The matches, from the planner's row estimates (table statistics, ~1 ms each, no row read; the search vector's
 * statistics keep up to 10,000 words, migration 0017):
 * - `together`: of the words, the sector and the filters, as the planner estimates them (each independent of the
 *   others);
 * - `atMost`: of the rarest part alone (words or sector) with the filters. Words and sector go together far more
 *   often than independence gives, so this upper bound is the better total when the walk finds them dense;
 * - `walk`: the listings a walk reads to fill the page if the matches are `atMost` — the fewest it could read.
 */
async function estimateMatches(db: Db, parts: string[], rest: SQL, query: Query) {
  const each = await Promise.all(parts.map((p) => estimateRows(db, searchCondition([p])!)));
  const rarest = parts[each.indexOf(Math.min(...each))];
  const [inScope, atMost, together] = await Promise.all([
    estimateRows(db, rest),
    estimateRows(db, and(rest, searchCondition([rarest])!)!),
    parts.length > 1 ? estimateRows(db, and(rest, searchCondition(parts)!)!) : null,
  ]);
  const walk = ((query.offset + query.limit) * inScope) / Math.max(atMost, 1);
  return { together: together ?? atMost, atMost, walk };
}

type ListColumns = Omit<ListingRow, 'search'>;

function summaries(rows: ListColumns[]): ListingSummary[] {
  const now = new Date();
  return rows.map((r) => toSummary({ ...r, search: null }, now));
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
