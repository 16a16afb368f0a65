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
import { type ListingRow, toSummary } from './listing-dto';

type Query = z.output<typeof ListingSearchQuery>;

/**
 * Totals: counted when the planner expects fewer than this many matches (up to this many), else its estimate,
 * with `estimated: true` (the market shows "about N"). Counting reads every match the count reaches — 1,000 rows
 * of a rare word cost as much as the page itself several times over — while the estimate comes from the table's
 * statistics without reading any. A page that is not full gives the exact total anyway, and so does a read of the
 * words' matches (`searchWordHits`), which has them all at hand.
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
 * `plan` forces one of the two ways of reading (tests compare them); by default it is chosen per query.
 */
export async function searchListings(ctx: Ctx, query: Query, options: { plan?: 'walk' | 'words' } = {}): Promise<Page> {
  const db = ctx.database.db;
  const rest = and(scopeCondition(ctx, query.scope), ...columnFilters(query))!;
  const parts = searchParts(query);
  const search = searchCondition(parts);
  const words = options.plan ? options.plan === 'words' : search !== null && (await fewWordHits(db, parts, rest, query));
  if (search && words) {
    const page = await searchWordHits(db, search, rest, query);
    if (page) return page;
  }
  return walkNewestFirst(db, search ? and(rest, search)! : rest, query);
}

/** Walks the listings in order (newest first) and checks the conditions on each, until the page is full. */
async function walkNewestFirst(db: Db, where: SQL, query: Query): Promise<Page> {
  const [rows, estimate] = await Promise.all([
    db
      .select(listColumns())
      .from(tmListings)
      .where(where)
      .orderBy(...orderOf(query.scope))
      .limit(query.limit)
      .offset(query.offset),
    estimateRows(db, where),
  ]);
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
 * Up to this many matches of the words may be read from the search index alone (`searchWordHits`), then filtered,
 * sorted and counted in memory. The planner's own choice is often far worse for rare words with filters: it walks
 * the newest-first index checking the words on every row (21,000 rows for "回火" in needs of readiness ≥ 6) or ANDs
 * the search index with it, reading 400,000 of its entries, and the exact count reads them again.
 */
export const WORD_HITS_UP_TO = 5_000;

/**
 * Which way reads fewer rows, from the planner's row estimates (table statistics, ~1 ms each, no row read):
 * - by the search index: the matches of the rarest part (words or sector). Words and sector go together far more
 *   often than the statistics assume, so their estimate together is too low; the rarest alone is an upper bound;
 * - by the walk: (page end) × (listings in scope) / (matches), plus, when the page is full and the matches look
 *   fewer than COUNT_UP_TO, the exact count, which reads the words' matches until it has counted that many.
 * A row found through the search index costs about three walked rows (measured on the bench's 1,000,000 listings:
 * its rows are on pages all over the table, the walk's on pages written one after another), and so does a row the
 * count reads. When the estimates are wrong anyway, `searchWordHits` stops at WORD_HITS_UP_TO and the walk takes over.
 */
const INDEX_ROW_COST = 3;

async function fewWordHits(db: Db, parts: string[], rest: SQL, query: Query): Promise<boolean> {
  const each = await Promise.all(parts.map((p) => estimateRows(db, searchCondition([p])!)));
  const rarest = parts[each.indexOf(Math.min(...each))];
  const hits = Math.min(...each);
  if (hits > WORD_HITS_UP_TO) return false;
  const [inScope, matching, together] = await Promise.all([
    estimateRows(db, rest),
    estimateRows(db, and(rest, searchCondition([rarest])!)!),
    estimateRows(db, and(rest, searchCondition(parts)!)!),
  ]);
  const found = Math.max(matching, 1);
  const walked = Math.min(inScope, ((query.offset + query.limit) * inScope) / found);
  const counted = together < COUNT_UP_TO ? Math.min(hits, (COUNT_UP_TO * hits) / found) : 0;
  return INDEX_ROW_COST * hits < walked + INDEX_ROW_COST * counted;
}

/**
 * The search index's matches first — a materialised CTE (at most WORD_HITS_UP_TO + 1 of them), so the planner can
 * neither walk the newest-first index instead nor AND the two (which reads hundreds of thousands of its entries) —
 * then the filters, the order and the exact total over them. The CTE takes the table's name so the same column
 * conditions and order apply to it. Null when there are more matches than that (the caller walks instead).
 */
async function searchWordHits(db: Db, search: SQL, rest: SQL, query: Query): Promise<Page | null> {
  const columns = Object.entries(listColumns());
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const hits = sql`with ${tmListings} as materialized (select ${names} from ${tmListings} where ${search} limit ${WORD_HITS_UP_TO + 1})`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`${hits} select *, count(*) over ()::int as total, (select count(*)::int from ${tmListings}) as hits
        from ${tmListings} where ${rest} order by ${sql.join(orderOf(query.scope), sql`, `)} limit ${query.limit} offset ${query.offset}`,
  );
  const fromDriver = (raw: Record<string, unknown>) =>
    Object.fromEntries(columns.map(([key, c]) => [key, raw[c.name] == null ? null : c.mapFromDriverValue(raw[c.name])])) as ListColumns;
  if (rows.length) return Number(rows[0].hits) > WORD_HITS_UP_TO ? null : { items: summaries(rows.map(fromDriver)), total: Number(rows[0].total) };
  const [{ n, all }] = await queryRows<{ n: number; all: number }>(
    db,
    sql`${hits} select count(*) filter (where ${rest})::int as n, count(*)::int as "all" from ${tmListings}`,
  );
  return all > WORD_HITS_UP_TO ? null : { items: [], total: n };
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
