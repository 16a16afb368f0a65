import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Match, MatchReason } from '../../../../shared/contracts/techmarket';
import { textArray } from '../../../db/bulk-insert';
import { withBitmapScansOnly } from '../../../db/bitmap-scans';
import { type Db, queryRows } from '../../../db/client';
import { quoteLexeme } from '../../registry/search-text';
import { conceptRarity } from './concept-stats';
import { corpusOf } from './corpus';
import { listingFeatures } from './features';
import { rankMatches } from './score';
import { listingSummary, type SummaryRow } from './summary';

/**
 * Suggestions for a listing: the published, unexpired listings of the other kind that answer it, best first,
 * each with its reasons. Candidates come from the GIN index on `concepts` — first those sharing two of the
 * listing's three rarest concepts (`@>` a pair: posting lists intersected), then one of its five rarest (`&&`),
 * then, for a listing the dictionary says little about, from the search vector by its words — at most
 * CANDIDATES in all, and are scored here (score.ts). Nothing reads the table in order or ranks in SQL.
 */
export const CANDIDATES = 200;
/** Concepts looked up by: the rarest this many (a common broader concept alone would bring half a sector). */
const LOOKUP_CONCEPTS = 5;
const PAIR_CONCEPTS = 3;
const LOOKUP_WORDS = 12;

export type MatchItem = z.infer<typeof Match>;

type Row = SummaryRow;

/** Every column but the search vector (never needed here) — details travel inside texts and are dropped by the mapper. */
const COLUMNS = sql.raw(
  `id, kind, status, texts, languages, owner_type AS "ownerType", owner_id AS "ownerId", owner_name AS "ownerName", country, province, sector,
   keywords, concepts, trl, deal_forms AS "dealForms", ip, budget, currency, deadline::text AS deadline, created_by AS "createdBy",
   submitted_at AS "submittedAt", published_at AS "publishedAt", expires_at AS "expiresAt", moderated_by AS "moderatedBy",
   moderation_note AS "moderationNote", synthetic, version, created_at AS "createdAt", updated_at AS "updatedAt"`,
);

const DATES = ['submittedAt', 'publishedAt', 'expiresAt', 'createdAt', 'updatedAt'] as const;
function fromDb(r: Record<string, unknown>): Row {
  const row = { ...r } as Record<string, unknown>;
  for (const k of DATES) if (row[k] !== null && row[k] !== undefined && !(row[k] instanceof Date)) row[k] = new Date(row[k] as string);
  return row as unknown as Row;
}

const MARKET = sql`status = 'published' AND (expires_at IS NULL OR expires_at > now())`;

async function listingRows(db: Db, where: SQL, limit: number): Promise<Row[]> {
  if (limit <= 0) return [];
  const rows = await queryRows<Record<string, unknown>>(db, sql`SELECT ${COLUMNS} FROM tm_listings WHERE ${where} LIMIT ${limit}`);
  return rows.map(fromDb);
}

export async function loadListing(db: Db, id: string): Promise<Row | null> {
  const [row] = await listingRows(db, sql`id = ${id}`, 1);
  return row ?? null;
}

/**
 * The candidates of the other kind for a listing, by its rarest concepts and then its words, up to `cap`. The
 * concept tiers are one statement: Append under LIMIT reads the second tier (one shared concept) only when the
 * first (two) has not filled the cap. Scans are bitmap scans of the GIN index, set so for the statement's
 * transaction: under LIMIT the planner would otherwise read the table in order for a common concept, which is
 * fast when matches are dense and seconds when they are not.
 */
async function candidates(db: Db, listing: Row, rarest: string[], cap: number): Promise<Row[]> {
  const other = listing.kind === 'need' ? 'offer' : 'need';
  const base = sql`kind = ${other} AND ${MARKET} AND id <> ${listing.id}`;
  const pairConcepts = rarest.slice(0, PAIR_CONCEPTS);
  const pairs: SQL[] = [];
  for (let i = 0; i < pairConcepts.length; i++)
    for (let j = i + 1; j < pairConcepts.length; j++) pairs.push(sql`concepts @> ${textArray([pairConcepts[i], pairConcepts[j]])}::text[]`);
  const two = pairs.length ? sql`(${sql.join(pairs, sql` OR `)})` : null;
  const one = rarest.length ? sql`concepts && ${textArray(rarest)}::text[]` : null;
  const tiers: SQL[] = [];
  if (two) tiers.push(sql`(SELECT ${COLUMNS} FROM tm_listings WHERE ${base} AND ${two} LIMIT ${cap})`);
  if (one) tiers.push(sql`(SELECT ${COLUMNS} FROM tm_listings WHERE ${base} AND ${one}${two ? sql` AND NOT ${two}` : sql``} LIMIT ${cap})`);
  const words = [...listingFeatures({ ...listing, concepts: [] }).words.keys()].slice(0, LOOKUP_WORDS);
  return withBitmapScansOnly(db, async (tx) => {
    const found = tiers.length ? (await queryRows<Record<string, unknown>>(tx, sql`${sql.join(tiers, sql` UNION ALL `)} LIMIT ${cap}`)).map(fromDb) : [];
    if (found.length < cap / 2 && words.length) {
      const seen = textArray(found.map((r) => r.id));
      const byWords = await queryRows<Record<string, unknown>>(
        tx,
        sql`SELECT ${COLUMNS} FROM tm_listings WHERE ${base} AND search @@ ${words.map(quoteLexeme).join(' | ')}::tsquery AND NOT (id = ANY(${seen}::uuid[])) LIMIT ${cap - found.length}`,
      );
      found.push(...byWords.map(fromDb));
    }
    return found;
  });
}

/** The suggestions for a listing (its need's offers, its offer's needs), best first; [] for an unknown listing. */
export async function findMatches(db: Db, listingId: string, options: { limit?: number } = {}): Promise<MatchItem[]> {
  const limit = options.limit ?? 10;
  const listing = await loadListing(db, listingId);
  if (!listing) return [];
  const rarity = await conceptRarity(db);
  const rarest = [...listing.concepts].sort((a, b) => rarity.idf(b) - rarity.idf(a) || (a < b ? -1 : 1)).slice(0, LOOKUP_CONCEPTS);
  const rows = await candidates(db, listing, rarest, CANDIDATES);
  const from = listingFeatures(listing);
  const pool = rows.map((r) => ({ row: r, features: listingFeatures(r) }));
  const byId = new Map(pool.map((p) => [p.row.id, p.row]));
  const corpus = corpusOf([from, ...pool.map((p) => p.features)], rarity.idf);
  return rankMatches(
    from,
    pool.map((p) => p.features),
    corpus,
    limit,
  ).map(({ candidate, scored }) => ({ listing: listingSummary(byId.get(candidate.id)!), score: scored.score, reasons: scored.reasons as MatchReason[] }));
}
