import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EnterpriseMatch } from '../../../../shared/contracts/techmarket';
import { textArray } from '../../../db/bulk-insert';
import { withBitmapScansOnly } from '../../../db/bitmap-scans';
import { type Db, queryRows } from '../../../db/client';
import type { Names } from '../../registry/registry.tables';
import { queryTerms as registryWords, quoteLexeme } from '../../registry/search-text';
import { conceptIndex, findConcepts } from '../text/concepts';
import { rootSector } from '../text/reference';
import { conceptRarity } from './concept-stats';
import { corpusOf } from './corpus';
import { type Features, listingFeatures, textWords } from './features';
import { loadListing } from './find-matches';
import { rankMatches } from './score';

/**
 * Registry enterprises an offer could serve, with reasons. A company's name says its business line
 * (… Surgical, … 光伏科技, … ٹیکسٹائل), so candidates are the enterprises whose names hold a term of one of the
 * offer's rarest concepts, in any language (registry search index, GIN), and those of the offer's top-level
 * sector that describe themselves; then scored like listings (score.ts) on their names and descriptions.
 * Read only: the enterprises table's public columns and the registry's search entries.
 */
export type EnterpriseMatchItem = z.infer<typeof EnterpriseMatch>;

const NAME_CANDIDATES = 200;
const SECTOR_CANDIDATES = 100;
/**
 * Enterprises of the sector read for a description at most: descriptions have no index, and at national scale a
 * sector holds tens of thousands of (mostly synthetic, undescribed) companies.
 */
const SECTOR_SCAN = 2000;
const LOOKUP_CONCEPTS = 6;
/** Alternatives in the name query at most (each a term's words together). */
const NAME_TERMS = 80;

type EnterpriseRow = { id: string; names: Names; description: Partial<Names> | null; country: string; sector: string | null };

function enterpriseFeatures(e: EnterpriseRow): Features {
  const texts = [e.names.en, e.names.zh, e.names.ur, e.description?.en, e.description?.zh, e.description?.ur].filter((t): t is string => !!t);
  return {
    id: e.id,
    kind: 'enterprise',
    words: textWords(texts),
    concepts: new Set(findConcepts(texts)),
    sector: e.sector,
    trl: null,
    dealForms: [],
    country: e.country,
  };
}

/** A tsquery over registry name words: any of the concepts' terms (each term's words together). */
function namesQuery(concepts: string[]): string | null {
  const index = conceptIndex();
  const groups = new Set<string>();
  for (const code of concepts) {
    const c = index.byCode.get(code);
    if (!c) continue;
    for (const term of [...c.terms.en, ...c.terms.zh, ...c.terms.ur]) {
      const words = registryWords(term);
      if (words.length) groups.add(words.length === 1 ? quoteLexeme(words[0]) : `(${words.map(quoteLexeme).join(' & ')})`);
    }
  }
  return groups.size ? [...groups].slice(0, NAME_TERMS).join(' | ') : null;
}

/**
 * Enterprises whose names hold one of the terms, from the registry's search index. The planner is kept from reading
 * the table (or its primary key) in order instead: an OR of dozens of terms looks common to it (7,061 of 600,000
 * entries estimated for the oil-refining terms, none there), and under the LIMIT reading in order looks cheaper —
 * 1.4–2.4 s when nothing matches, 4–7 ms by the search index.
 */
async function enterprisesNamed(db: Db, query: string): Promise<{ id: string }[]> {
  return withBitmapScansOnly(db, (tx) =>
    queryRows<{ id: string }>(
      tx,
      sql`SELECT entity_id AS id FROM search_entries WHERE entity_type = 'enterprise' AND terms @@ ${query}::tsquery LIMIT ${NAME_CANDIDATES}`,
    ),
  );
}

export async function findEnterpriseMatches(db: Db, offerId: string, options: { limit?: number } = {}): Promise<EnterpriseMatchItem[]> {
  const limit = options.limit ?? 10;
  const offer = await loadListing(db, offerId);
  if (!offer) return [];
  const rarity = await conceptRarity(db);
  const rarest = [...offer.concepts].sort((a, b) => rarity.idf(b) - rarity.idf(a) || (a < b ? -1 : 1)).slice(0, LOOKUP_CONCEPTS);
  const query = namesQuery(rarest);
  const byName = query ? await enterprisesNamed(db, query) : [];
  const root = rootSector(offer.sector);
  const columns = sql`id, names, description, country, sector`;
  const [named, bySector] = await Promise.all([
    byName.length ? queryRows<EnterpriseRow>(db, sql`SELECT ${columns} FROM enterprises WHERE id = ANY(${textArray(byName.map((r) => r.id))}::uuid[])`) : [],
    root
      ? queryRows<EnterpriseRow>(
          db,
          sql`SELECT ${columns} FROM (SELECT * FROM enterprises WHERE sector = ${root} LIMIT ${SECTOR_SCAN}) e
              WHERE description IS NOT NULL AND NOT (id = ANY(${textArray(byName.map((r) => r.id))}::uuid[])) LIMIT ${SECTOR_CANDIDATES}`,
        )
      : [],
  ]);
  const rows = [...named, ...bySector];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const from = listingFeatures(offer);
  const pool = rows.map(enterpriseFeatures);
  const corpus = corpusOf([from, ...pool], rarity.idf);
  return rankMatches(from, pool, corpus, limit).map(({ candidate, scored }) => {
    const e = byId.get(candidate.id)!;
    return {
      enterprise: {
        id: e.id,
        names: { en: e.names.en, ...(e.names.zh ? { zh: e.names.zh } : {}), ...(e.names.ur ? { ur: e.names.ur } : {}) },
        country: e.country,
        sector: e.sector,
      },
      score: scored.score,
      reasons: scored.reasons,
    };
  });
}
