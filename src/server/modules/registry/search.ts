import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EntityType, SearchQuery } from '../../../shared/contracts/registry';
import { type Db, queryRows } from '../../db/client';
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
type Group = { words: string[]; prefix?: string };

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
  const groups: Group[] = terms.map((t, i) => (i < last ? { words: [t] } : lastWords ? { words: lastWords } : { words: [], prefix: t }));

  const exact = toQuery(groups);
  const first = exact ? ranked(await candidates(db, exact, null, query, cap), query.q) : [];
  let second: Hit[] = [];
  const corrections = new Map<string, number>();
  if (first.length < wanted) {
    const alternatives = await similarWords(
      db,
      terms.filter((t) => t.length >= FUZZY_MIN_LENGTH),
    );
    if (alternatives.size) {
      for (const words of alternatives.values()) for (const w of words) corrections.set(w.word, Math.max(w.sim, corrections.get(w.word) ?? 0));
      const corrected = toQuery(groups.map((g, i) => ({ ...g, words: [...g.words, ...(alternatives.get(terms[i]) ?? []).map((w) => w.word)] })));
      if (corrected) second = ranked(await candidates(db, corrected, exact, query, cap - first.length), query.q, corrections);
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

function filterSql(query: Filters): SQL[] {
  return [
    query.type?.length
      ? sql`s.entity_type IN (${sql.join(
          query.type.map((t) => sql`${t}`),
          sql`, `,
        )})`
      : undefined,
    query.country ? sql`s.country = ${query.country}` : undefined,
    query.province ? sql`s.province = ${query.province}` : undefined,
    query.kind ? sql`s.kind = ${query.kind}` : undefined,
    query.sector ? sql`s.sector = ${query.sector}` : undefined,
    query.stage ? sql`s.stage = ${query.stage}` : undefined,
  ].filter((x): x is SQL => !!x);
}

/** A tsquery literal of the groups; null when a group can match nothing. */
function toQuery(groups: Group[]): string | null {
  if (groups.some((g) => g.words.length === 0 && !g.prefix)) return null;
  return groups
    .map((g) => {
      const alts = [...new Set(g.words)].map(quoteLexeme);
      if (g.prefix) alts.push(`${quoteLexeme(g.prefix)}:*`);
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
 * excluded. The index finds words sharing a run of the word's trigrams (`<%`, under a looser threshold than
 * the default 0.6, set for this transaction only); full similarity ranks them. (The `%` operator would be the
 * obvious filter, but PGlite's build of pg_trgm hangs on it.)
 */
async function similarWords(db: Db, words: string[]): Promise<Map<string, { word: string; sim: number }[]>> {
  const out = new Map<string, { word: string; sim: number }[]>();
  if (words.length === 0) return out;
  const found = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY}`));
    const lists: { word: string; sim: number }[][] = [];
    for (const w of words) {
      // The word a literal parameter, one query each: the planner sees how rare its trigrams are and uses the index.
      lists.push(
        await queryRows<{ word: string; sim: number }>(
          tx,
          sql`SELECT word, max(similarity(word, ${w}))::float8 AS sim FROM search_words WHERE ${w} <% word AND word <> ${w}
              GROUP BY word HAVING max(similarity(word, ${w})) >= ${MIN_SIMILARITY} ORDER BY sim DESC, word LIMIT ${ALTERNATIVES}`,
        ),
      );
    }
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

/** Up to `cap` + 1 entries matching `match` (and not `exclude`) under the filters, in no particular order. */
async function candidates(db: Db, match: string, exclude: string | null, filters: Filters, cap: number): Promise<Row[]> {
  const where = sql.join(
    [sql`s.terms @@ ${match}::tsquery`, ...(exclude ? [sql`NOT (s.terms @@ ${exclude}::tsquery)`] : []), ...filterSql(filters)],
    sql` AND `,
  );
  const select = sql`SELECT s.entity_type, s.entity_id, s.names, s.kind, s.country, s.province, s.synthetic
                     FROM search_entries s WHERE ${where} LIMIT ${cap + 1}`;
  if (!(await isBroad(db, where, cap))) return queryRows<Row>(db, select);
  // Broad: the first `cap` matches are near the start of the table, and reading rows in order finds them sooner
  // than the GIN index intersects posting lists of hundreds of thousands of entries (shenzhen & keji: 4 ms in
  // order, 60 ms through the index). The planner's GIN costs miss that, so bitmap scans (the only way GIN is
  // read) are off for this one query, and parallel workers, whose start costs more than the early stop saves.
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('enable_bitmapscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return queryRows<Row>(tx, select);
  });
}

/** Share of all entries above which a query reads the table in order rather than through the index. */
const BROAD_SHARE = 0.01;
let tableRows = { value: 0, at: 0 };

/** Whether the planner expects the query to match at least BROAD_SHARE of the entries (and many more than `cap`). */
async function isBroad(db: Db, where: SQL, cap: number): Promise<boolean> {
  if (Date.now() - tableRows.at > 60_000) {
    const [r] = await queryRows<{ n: number }>(db, sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'search_entries'::regclass`);
    tableRows = { value: r?.n ?? 0, at: Date.now() };
  }
  if (tableRows.value < 100 * cap) return false;
  const [plan] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM search_entries s WHERE ${where}`);
  const json = plan?.['QUERY PLAN'];
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan: { 'Plan Rows': number } }[];
  return parsed[0].Plan['Plan Rows'] >= BROAD_SHARE * tableRows.value;
}
