import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EntityType, SearchQuery } from '../../../shared/contracts/registry';
import { type Db, queryRows } from '../../db/client';
import type { Tx } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/context';
import type { Names } from './registry.tables';
import { highlight, nameScore, queryTerms, quoteLexeme } from './search-text';

/**
 * Hits ranked per query: beyond this the query is broad, the hits ranked are the first this many found,
 * and the total is reported as a lower bound. Ranking every hit of a word shared by half the registry
 * (有限公司, keji) costs seconds at a million entities and orders near-equal scores anyway.
 */
const CANDIDATES = 200;
/** A typed prefix is expanded to the whole words it starts (GIN looks those up fast); past this many, to a prefix scan. */
const PREFIX_WORDS_MAX = 64;
/** Trigram correction needs a few letters to mean anything. */
const FUZZY_MIN_LENGTH = 4;
/** Corrections tried per misspelt word, the best first; none below this share of the best one's similarity. */
const ALTERNATIVES = 3;
/** Word similarity a vocabulary word needs to be considered, and the full similarity it needs to be used. */
const WORD_SIMILARITY = 0.4;
const MIN_SIMILARITY = 0.3;
const ALTERNATIVE_SHARE = 0.8;

type Row = { entity_type: EntityType; entity_id: string; names: Names; kind: string | null; country: string; province: string | null; synthetic: boolean };
type Hit = Row & { score: number };
/** One AND-ed part of a query: any of these whole words, or (a broad prefix) any word starting so. */
type Group = {
  words: string[];
  /** Any word starting so (a prefix too broad to list). */
  prefix?: string;
  /** The typed prefix `words` were expanded from: read in order, one prefix test per row beats a test per word. */
  expanded?: string;
};

/**
 * One search over every registry entity by name in three scripts (jieba-segmented Chinese, pinyin, Urdu,
 * English), the last word taken as a prefix, as people type. Full text first; only when that does not fill
 * the page are misspelt words corrected against the vocabulary (trigram similarity on `search_words`) and
 * the corrected query's further hits added after the exact ones. Ranked, highlighted, paginated.
 */
export async function searchRegistry(ctx: Ctx, query: z.output<typeof SearchQuery>) {
  const db = ctx.database.db;
  const raw = query.q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const terms = queryTerms(query.q);
  if (terms.length === 0) return { items: [], total: 0, totalIsLowerBound: false };

  const wanted = query.offset + query.limit;
  const cap = Math.max(CANDIDATES, wanted);
  const last = terms.length - 1;
  const lastWords = terms[last].length >= 2 ? await wordsStartingWith(db, terms[last]) : [terms[last]];
  const groups: Group[] = terms.map((t, i) => (i < last ? { words: [t] } : lastWords ? { words: lastWords, expanded: t } : { words: [], prefix: t }));

  const exact = toQuery(groups);
  const first = exact ? ranked(await candidates(db, groups, null, query, cap), query.q) : [];
  let second: Hit[] = [];
  const corrections = new Map<string, number>();
  if (first.length < wanted) {
    const alternatives = await similarWords(
      db,
      ctx.database.kind,
      terms.filter((t) => t.length >= FUZZY_MIN_LENGTH),
    );
    if (alternatives.size) {
      for (const words of alternatives.values()) for (const w of words) corrections.set(w.word, Math.max(w.sim, corrections.get(w.word) ?? 0));
      const corrected = groups.map((g, i) => ({ ...g, words: [...g.words, ...(alternatives.get(terms[i]) ?? []).map((w) => w.word)] }));
      if (toQuery(corrected)) second = ranked(await candidates(db, corrected, exact ? groups : null, query, cap - first.length), query.q, corrections);
    }
  }

  const hits = [...first, ...second];
  const marks = [...terms, ...raw.split(' ').filter((w) => w.length >= FUZZY_MIN_LENGTH), ...corrections.keys()];
  return {
    items: hits.slice(query.offset, wanted).map((r) => ({
      type: r.entity_type,
      id: r.entity_id,
      names: r.names,
      kind: r.kind,
      country: r.country,
      province: r.province,
      synthetic: r.synthetic,
      score: Math.round(r.score * 1000) / 1000,
      highlight: {
        en: highlight(r.names.en, marks),
        ...(r.names.zh ? { zh: highlight(r.names.zh, marks) } : {}),
        ...(r.names.ur ? { ur: highlight(r.names.ur, marks) } : {}),
      },
    })),
    total: Math.min(hits.length, cap),
    totalIsLowerBound: hits.length > cap,
  };
}

/** Best first; equal scores by English name, then id, so pages are stable. */
function ranked(rows: Row[], q: string, corrections?: Map<string, number>): Hit[] {
  return rows
    .map((r) => ({ ...r, score: nameScore(r.names, q, corrections) }))
    .sort((a, b) => b.score - a.score || (a.names.en < b.names.en ? -1 : a.names.en > b.names.en ? 1 : 0) || (a.entity_id < b.entity_id ? -1 : 1));
}

type Filters = Pick<z.output<typeof SearchQuery>, 'type' | 'country' | 'province' | 'kind' | 'sector' | 'stage'>;

/**
 * The filters as SQL. A filter `indexed(column, values)` approves is written so the GIN index answers it
 * (a rare value: FR, a province); the others as `(…) IS TRUE`, which the index does not cover, so they are
 * checked on the rows found instead of intersecting a posting list of most of the table (CN, enterprise).
 */
function filterSql(query: Filters, indexed: (column: string, values: string[]) => boolean): SQL[] {
  const eq = (column: string, values: string[]) => {
    const test =
      values.length === 1
        ? sql`${sql.identifier('s')}.${sql.identifier(column)} = ${values[0]}`
        : sql`${sql.identifier('s')}.${sql.identifier(column)} IN (${sql.join(
            values.map((v) => sql`${v}`),
            sql`, `,
          )})`;
    return indexed(column, values) ? test : sql`(${test}) IS TRUE`;
  };
  return [
    query.type?.length ? eq('entity_type', query.type) : undefined,
    query.country ? eq('country', [query.country]) : undefined,
    query.province ? eq('province', [query.province]) : undefined,
    query.kind ? eq('kind', [query.kind]) : undefined,
    query.sector ? eq('sector', [query.sector]) : undefined,
    query.stage ? eq('stage', [query.stage]) : undefined,
  ].filter((x): x is SQL => !!x);
}

/** A tsquery literal of the groups; null when a group can match nothing. `inOrder`: for a scan of the table. */
function toQuery(groups: Group[], inOrder = false): string | null {
  if (groups.some((g) => g.words.length === 0 && !g.prefix)) return null;
  return groups
    .map((g) => {
      const prefix = g.prefix ?? (inOrder && g.expanded && g.words.length > 1 ? g.expanded : undefined);
      const words = prefix ? g.words.filter((w) => !w.startsWith(prefix)) : g.words;
      const alts = [...new Set(words)].map(quoteLexeme);
      if (prefix) alts.push(`${quoteLexeme(prefix)}:*`);
      return alts.length === 1 ? alts[0] : `(${alts.join(' | ')})`;
    })
    .join(' & ');
}

/** The indexed words a prefix starts, or null when there are too many to list (then the query scans by prefix). */
async function wordsStartingWith(db: Db, prefix: string): Promise<string[] | null> {
  const pattern = `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await queryRows<{ word: string }>(db, sql`SELECT DISTINCT word FROM search_words WHERE word LIKE ${pattern} LIMIT ${PREFIX_WORDS_MAX + 1}`);
  return rows.length > PREFIX_WORDS_MAX ? null : rows.map((r) => r.word);
}

/**
 * For each word, the indexed words closest to it by trigram similarity (zhongguancum → zhongguancun), itself
 * excluded, best first. One query per word, the word a literal parameter, so that the planner sees how rare
 * its trigrams are and uses the index; on PostgreSQL all at once on the pool. PGlite's build of pg_trgm hangs
 * on `%` (similarity_op): there the index is reached by `<%` under a looser word-similarity threshold, set for
 * one transaction, and full similarity filters the same way.
 */
async function similarWords(db: Db, kind: 'pglite' | 'postgres', words: string[]): Promise<Map<string, { word: string; sim: number }[]>> {
  const out = new Map<string, { word: string; sim: number }[]>();
  if (words.length === 0) return out;
  const lookup = (runner: Db | Tx, w: string) =>
    queryRows<{ word: string; sim: number }>(
      runner,
      sql`SELECT word, max(similarity(word, ${w}))::float8 AS sim FROM search_words
          WHERE ${kind === 'postgres' ? sql`word % ${w}` : sql`${w} <% word`} AND word <> ${w}
          GROUP BY word HAVING max(similarity(word, ${w})) >= ${MIN_SIMILARITY} ORDER BY sim DESC, word LIMIT ${ALTERNATIVES}`,
    );
  const found =
    kind === 'postgres'
      ? await Promise.all(words.map((w) => lookup(db, w)))
      : await db.transaction(async (tx) => {
          await tx.execute(sql.raw(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY}`));
          const lists: { word: string; sim: number }[][] = [];
          for (const w of words) lists.push(await lookup(tx, w));
          return lists;
        });
  words.forEach((w, i) => {
    const rows = found[i];
    if (rows.length)
      out.set(
        w,
        rows.filter((r) => r.sim >= rows[0].sim * ALTERNATIVE_SHARE),
      );
  });
  return out;
}

/** Up to `cap` + 1 entries matching the groups (and not the `excluded` ones) under the filters, in no particular order. */
async function candidates(db: Db, groups: Group[], excluded: Group[] | null, filters: Filters, cap: number): Promise<Row[]> {
  const { broad, share } = await estimate(db, groups, filters, cap);
  const match = toQuery(groups, broad)!;
  const exclude = excluded && toQuery(excluded, broad);
  // Broad: the first `cap` matches are near the start of the table, and reading rows in order finds them sooner
  // than the GIN index unites and intersects posting lists of tens or hundreds of thousands of entries
  // (shenzhen & keji: 4 ms in order, 60 ms through the index); the planner's GIN costs miss that. Then every
  // condition is written as `(…) IS TRUE`, which no index covers, and the table is read in order (serially:
  // migration 0005). Otherwise the index answers the match and the rare filters.
  const test = sql`s.terms @@ ${match}::tsquery`;
  const where = sql.join(
    [
      broad ? sql`(${test}) IS TRUE` : test,
      ...(exclude ? [sql`NOT (s.terms @@ ${exclude}::tsquery)`] : []),
      ...filterSql(filters, (column, values) => !broad && INDEXED_FILTERS.has(column) && share(column, values) < COMMON_VALUE),
    ],
    sql` AND `,
  );
  return queryRows<Row>(
    db,
    sql`SELECT s.entity_type, s.entity_id, s.names, s.kind, s.country, s.province, s.synthetic
        FROM search_entries s WHERE ${where} LIMIT ${cap + 1}`,
  );
}

/**
 * Costs (µs, measured on PostgreSQL 15 with the table in shared buffers) that decide between reading the table
 * in order (a row checked) and the index (a posting list entry read, then a matching row fetched).
 */
const COST = { seqRow: 0.5, posting: 0.1, fetchedRow: 20 };
/** A filter value on more than this share of the entries is checked on rows, not intersected in the index. */
const COMMON_VALUE = 0.2;
/** The filter columns in the GIN index (search_match_idx). */
const INDEXED_FILTERS = new Set(['entity_type', 'country', 'province']);
/** The planner's statistics of search_entries, re-read at most once a minute. */
const STATS_TTL_MS = 60_000;

type ColumnStats = { mcv: Map<string, number>; other: number };
type Stats = { rows: number; lexemes: Map<string, number>; rareLexeme: number; columns: Map<string, ColumnStats> };
const statsOf = new WeakMap<Db, { at: number; value: Promise<Stats> }>();

/**
 * How much of the table the query is expected to match, from the planner's own statistics (pg_stats: the most
 * common lexemes and filter values with their frequencies), without asking the planner a question per search.
 * An OR of words counts as its most frequent word (a prefix's words and a word's corrections mostly occur
 * together); a province implies its country.
 */
async function estimate(db: Db, groups: Group[], filters: Filters, cap: number) {
  let cached = statsOf.get(db);
  if (!cached || Date.now() - cached.at > STATS_TTL_MS) {
    const none: Stats = { rows: 0, lexemes: new Map(), rareLexeme: 0.005, columns: new Map() };
    cached = { at: Date.now(), value: readStats(db).catch(() => none) };
    statsOf.set(db, cached);
  }
  const s = await cached.value;
  const share = (column: string, values: string[]) => {
    const c = s.columns.get(column);
    return c
      ? Math.min(
          1,
          values.reduce((sum, v) => sum + (c.mcv.get(v) ?? c.other), 0),
        )
      : 0.1;
  };
  if (s.rows < 100 * cap || s.lexemes.size === 0) return { broad: false, share };
  const lexeme = (w: string) => s.lexemes.get(w) ?? s.rareLexeme;
  const prefixed = (p: string) => [s.rareLexeme, ...[...s.lexemes].filter(([w]) => w.startsWith(p)).map(([, f]) => f)];
  const frequencies = groups.map((g) => [...g.words.map(lexeme), ...(g.prefix ? prefixed(g.prefix) : [])]);
  let selectivity = frequencies.reduce((sel, fs) => sel * Math.max(...fs), 1);
  // Entries the index would read: every word's posting list, and those of the rare filter values.
  let postings = frequencies.flat().reduce((a, b) => a + b, 0);
  const filtersOn: [string, string[]][] = [
    ...(filters.type?.length ? [['entity_type', filters.type] as [string, string[]]] : []),
    ...(['country', 'province', 'kind', 'sector', 'stage'] as const).flatMap((c) => (filters[c] ? [[c, [filters[c]!]] as [string, string[]]] : [])),
  ];
  for (const [column, values] of filtersOn) {
    const f = share(column, values);
    if (!(column === 'country' && filters.province)) selectivity *= f;
    if (INDEXED_FILTERS.has(column) && f < COMMON_VALUE) postings += f;
  }
  const inOrder = ((cap + 1) / Math.max(selectivity, 1e-9)) * COST.seqRow;
  const byIndex = postings * s.rows * COST.posting + Math.min(cap + 1, selectivity * s.rows) * COST.fetchedRow;
  return { broad: inOrder < byIndex, share };
}

async function readStats(db: Db): Promise<Stats> {
  const [table] = await queryRows<{ n: number }>(db, sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'search_entries'::regclass`);
  const rows = Math.max(0, table?.n ?? 0);
  const found = await queryRows<{
    attname: string;
    null_frac: number;
    n_distinct: number;
    mcv: string[] | null;
    mcf: number[] | null;
    mce: string[] | null;
    mcef: number[] | null;
  }>(
    db,
    sql`SELECT attname, null_frac::float8, n_distinct::float8, most_common_vals::text::text[] AS mcv, most_common_freqs::float8[] AS mcf,
               most_common_elems::text::text[] AS mce, most_common_elem_freqs::float8[] AS mcef
        FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'search_entries'`,
  );
  const out: Stats = { rows, lexemes: new Map(), rareLexeme: 0.005, columns: new Map() };
  for (const c of found) {
    if (c.attname === 'terms' && c.mce && c.mcef) {
      for (const [i, w] of c.mce.entries()) out.lexemes.set(w, c.mcef[i]);
      // After the per-lexeme frequencies come their minimum and maximum; an unlisted lexeme is rarer than the rarest listed.
      out.rareLexeme = Math.min(0.005, (c.mcef[c.mce.length] ?? 0.01) / 2);
    } else if (c.mcv && c.mcf) {
      const distinct = c.n_distinct >= 0 ? c.n_distinct : -c.n_distinct * rows;
      const listed = c.mcf.reduce((a, b) => a + b, 0);
      const mcv = new Map(c.mcv.map((v, i) => [v, c.mcf![i]]));
      out.columns.set(c.attname, { mcv, other: Math.max(0, 1 - c.null_frac - listed) / Math.max(1, distinct - c.mcv.length) });
    }
  }
  return out;
}
