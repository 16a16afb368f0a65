import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { conceptIndex } from '../text/concepts';
import { idf } from './corpus';

/**
 * How rare each concept is among the listings, for weighing shared concepts and choosing which to look
 * candidates up by. Read from the planner's statistics of `tm_listings.concepts` (ANALYZE keeps the most
 * common elements of an array column with their frequencies): one small row, where counting a million
 * listings' concepts would take seconds. Before the table is analysed (a new or small database), the
 * dictionary itself says how specific a concept is: one that many concepts are narrower than (solar, under
 * solar_cell, solar_pump …) is common by construction.
 */
export type ConceptRarity = { source: 'statistics' | 'dictionary'; idf(code: string): number };

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<object, { at: number; rarity: ConceptRarity }>();

let dictionaryRarity: ConceptRarity | undefined;
export function rarityFromDictionary(): ConceptRarity {
  if (dictionaryRarity) return dictionaryRarity;
  const index = conceptIndex();
  const narrower = new Map<string, number>();
  for (const closure of index.closure.values()) for (const c of closure) narrower.set(c, (narrower.get(c) ?? 0) + 1);
  const n = index.byCode.size;
  dictionaryRarity = { source: 'dictionary', idf: (code) => idf(narrower.get(code) ?? 1, n) };
  return dictionaryRarity;
}

type StatsRow = { elems: string[] | null; freqs: number[] | null; size: number | null };

export async function conceptRarity(db: Db): Promise<ConceptRarity> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.rarity;
  const [row] = await queryRows<StatsRow>(
    db,
    sql`SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS freqs, c.reltuples::float8 AS size
        FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'tm_listings' AND s.attname = 'concepts'
        WHERE c.oid = to_regclass('tm_listings')`,
  );
  let rarity = rarityFromDictionary();
  if (row?.elems?.length && row.freqs && row.size && row.size > 0) {
    const size = row.size;
    // The last three numbers are the minimum and maximum frequency and that of nulls; an element not listed is rarer than the rarest listed.
    const rarest = row.freqs[row.elems.length] ?? Math.min(...row.freqs.slice(0, row.elems.length));
    const freq = new Map(row.elems.map((e, i) => [e, row.freqs![i]]));
    rarity = { source: 'statistics', idf: (code) => idf((freq.get(code) ?? rarest / 2) * size, size) };
  }
  cache.set(db, { at: Date.now(), rarity });
  return rarity;
}
