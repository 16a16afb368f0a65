import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EntityType, SearchQuery } from '../../../shared/contracts/registry';
import { queryRows } from '../../db/client';
import type { Ctx } from '../../platform/context';
import type { Names } from './registry.tables';
import { highlight, queryTerms, toTsQuery } from './search-text';

const COUNT_CAP = 10_000;
/** Trigram matching needs a few letters to mean anything. */
const FUZZY_MIN_LENGTH = 4;

type Row = { entity_type: EntityType; entity_id: string; names: Names; kind: string | null; country: string; province: string | null; synthetic: boolean; score: number };

/**
 * One search over every registry entity: full text over names in three scripts (jieba-segmented Chinese,
 * pinyin, Urdu, English) OR trigram similarity for misspellings; ranked, highlighted, paginated.
 */
export async function searchRegistry(ctx: Ctx, query: z.output<typeof SearchQuery>) {
  const raw = query.q.normalize('NFKC').toLowerCase();
  const terms = queryTerms(query.q);
  const tsq = toTsQuery(terms);
  const fuzzy = raw.replace(/\s+/g, ' ').trim().length >= FUZZY_MIN_LENGTH;
  if (!tsq && !fuzzy) return { items: [], total: 0, totalIsLowerBound: false };

  const match = sql.join(
    [tsq ? sql`s.terms @@ ${tsq}::tsquery` : undefined, fuzzy ? sql`${raw} <% s.fuzzy` : undefined].filter((x): x is SQL => !!x),
    sql` OR `,
  );
  const filters = [
    query.type?.length ? sql`s.entity_type IN (${sql.join(query.type.map((t) => sql`${t}`), sql`, `)})` : undefined,
    query.country ? sql`s.country = ${query.country}` : undefined,
    query.province ? sql`s.province = ${query.province}` : undefined,
    query.kind ? sql`s.kind = ${query.kind}` : undefined,
    query.sector ? sql`s.sector = ${query.sector}` : undefined,
    query.stage ? sql`s.stage = ${query.stage}` : undefined,
  ].filter((x): x is SQL => !!x);
  const where = sql.join([sql`(${match})`, ...filters], sql` AND `);
  const rank = sql`(${tsq ? sql`ts_rank(s.terms, ${tsq}::tsquery)` : sql`0`}
      + ${fuzzy ? sql`word_similarity(${raw}, s.fuzzy)` : sql`0`}
      + CASE WHEN lower(s.names->>'en') = ${raw} OR s.names->>'zh' = ${query.q} OR s.names->>'ur' = ${query.q} THEN 1 ELSE 0 END)`;

  const db = ctx.database.db;
  const [rows, [{ n }]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`SELECT s.entity_type, s.entity_id, s.names, s.kind, s.country, s.province, s.synthetic, ${rank}::float8 AS score
          FROM search_entries s WHERE ${where}
          ORDER BY score DESC, s.names->>'en' ASC, s.entity_id ASC
          LIMIT ${query.limit} OFFSET ${query.offset}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_entries s WHERE ${where} LIMIT ${COUNT_CAP + 1}) c`),
  ]);
  const marks = [...terms, ...raw.split(/\s+/).filter((w) => w.length >= FUZZY_MIN_LENGTH)];
  return {
    items: rows.map((r) => ({
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
    total: Math.min(n, COUNT_CAP),
    totalIsLowerBound: n > COUNT_CAP,
  };
}
