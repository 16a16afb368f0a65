import { type SQL, sql } from 'drizzle-orm';
import type { ListingTexts } from '../techmarket.tables';
import { textArray } from '../../../db/bulk-insert';
import { pinyin } from 'pinyin-pro';
import { chineseWords, quoteLexeme } from '../../registry/search-text';
import { findConcepts, namedConcepts } from './concepts';
import { CJK, isStopWord, plainWords } from './words';

export { tsvectorLiteral } from '../../registry/search-index';

/**
 * What a listing is found by, and what a search box string looks for. One analysis for both sides:
 * Chinese segmented by jieba with its dictionary (and its pinyin, so Latin queries find Chinese words),
 * English and Urdu words normalised (registry/search-text, ./words), the dictionary's concepts as lexemes
 * `c_<code>` and the sector as `s_<code>`. A query finds a listing by its words or by a shared concept, which
 * is how an English or Urdu query reaches a listing written only in Chinese.
 */

export type Analysis = { terms: string[]; concepts: string[] };

export const conceptLexeme = (code: string) => `c_${code}`;
export const sectorLexeme = (code: string) => `s_${code}`;

/** The public texts of a listing: title and summary. Details stay out, so that search never reveals them. */
export function publicTexts(texts: ListingTexts): string[] {
  return Object.values(texts).flatMap((t) => (t ? [t.title, t.summary] : []));
}

// The pinyin of a whole word (光伏 → guangfu), so a Latin query finds Chinese words; not its syllables, which
// would double every listing's lexemes and find 的 and 和 as "de" and "he".
const PINYIN_CACHE_MAX = 50_000;
const pinyinCache = new Map<string, string>();
function wordPinyin(word: string): string {
  let p = pinyinCache.get(word);
  if (p === undefined) {
    p = pinyin(word, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
    if (pinyinCache.size >= PINYIN_CACHE_MAX) pinyinCache.clear();
    pinyinCache.set(word, p);
  }
  return p;
}

function chineseTerms(text: string, fine: boolean): string[] {
  const words = chineseWords(text, fine).filter((w) => !isStopWord(w));
  return fine ? [...words, ...words.filter((w) => w.length > 1).map(wordPinyin)] : words;
}

export function listingTerms(input: { texts: ListingTexts; keywords: string[]; sector: string }): Analysis {
  const texts = [...publicTexts(input.texts), ...input.keywords];
  const terms = new Set<string>();
  for (const t of texts) {
    for (const w of plainWords(t)) terms.add(w);
    if (CJK.test(t)) for (const w of chineseTerms(t, true)) terms.add(w);
  }
  const concepts = findConcepts(texts);
  for (const c of concepts) terms.add(conceptLexeme(c));
  if (input.sector) terms.add(sectorLexeme(input.sector));
  terms.delete('');
  return { terms: [...terms], concepts };
}

/**
 * A search box string: its words (Chinese cut coarsely, as typed), the last one a prefix, and the concepts it
 * names — not the broader ones: listings carry their broader concepts, so "solar" finds every solar listing,
 * while "solar pump" must not.
 */
export function queryTerms(q: string): Analysis {
  const terms = new Set<string>([...(CJK.test(q) ? chineseTerms(q, false) : []), ...plainWords(q)]);
  terms.delete('');
  return { terms: [...terms], concepts: namedConcepts([q]) };
}

/** The tsvector of these lexemes, taken as they are (no text-search dictionary touches them). */
export function tsvectorSql(terms: string[]): SQL {
  return sql`array_to_tsvector(${textArray([...new Set(terms.filter((t) => t.length > 0))])}::text[])`;
}

/** The query's words, all of them, the last as a prefix (as people type); null when it has none. */
export function wordsTsquery(query: Analysis): string | null {
  const words = query.terms;
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 && w.length >= 2 ? `${quoteLexeme(w)}:*` : quoteLexeme(w))).join(' & ');
}

/** Any of the query's concepts; null when it has none. */
export function conceptsTsquery(query: Analysis): string | null {
  return query.concepts.length ? query.concepts.map((c) => quoteLexeme(conceptLexeme(c))).join(' | ') : null;
}

/** The tsquery literal of a search: all its words, or any of its concepts. Null when it can match nothing. */
export function searchTsquery(query: Analysis): string | null {
  const words = wordsTsquery(query);
  const concepts = conceptsTsquery(query);
  if (words && concepts) return `(${words}) | ${concepts}`;
  return words ?? concepts;
}

/** `searchTsquery` as SQL (`'…'::tsquery`), for `search @@ ${tsquerySql(q)}`; null when it can match nothing. */
export function tsquerySql(query: Analysis): SQL | null {
  const literal = searchTsquery(query);
  return literal === null ? null : sql`${literal}::tsquery`;
}

/**
 * The rank of a listing found by `tsquerySql`: listings with all the query's words first (1 + …), then by how
 * many of its concepts they share (ts_rank of the concept part, under 1).
 */
export function searchRankSql(column: SQL, query: Analysis): SQL {
  const words = wordsTsquery(query);
  const concepts = conceptsTsquery(query);
  const parts: SQL[] = [];
  if (words) parts.push(sql`(${column} @@ ${words}::tsquery)::int`);
  if (concepts) parts.push(sql`ts_rank(${column}, ${concepts}::tsquery)`);
  return parts.length ? sql.join(parts, sql` + `) : sql`0`;
}
