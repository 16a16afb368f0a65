import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { EntityType } from '../../../shared/contracts/registry';
import type { Tx } from '../../platform/audit/audit';
import { bulkInsertSql } from '../../db/bulk-insert';
import type { Db } from '../../db/client';
import { type Names, searchEntries } from './registry.tables';
import { indexTerms } from './search-text';

export type Indexable = {
  id: string;
  names: Names;
  nativeName?: string | null;
  abbreviation?: string | null;
  country: string;
  province?: string | null;
  kind?: string | null;
  sector?: string | null;
  stage?: string | null;
  synthetic?: boolean;
};

/** The search entry of an entity as plain values; `terms` are the lexemes, taken as they are. */
export function searchFields(type: EntityType, e: Indexable) {
  const terms = indexTerms(e.names, [e.nativeName, e.abbreviation]);
  return {
    entityType: type,
    entityId: e.id,
    names: e.names,
    kind: e.kind ?? null,
    country: e.country,
    province: e.province ?? null,
    sector: e.sector ?? null,
    stage: e.stage ?? null,
    synthetic: e.synthetic ?? false,
    terms: terms.filter((t) => t.length > 0),
  };
}

/**
 * The same lexemes as a tsvector literal ('a' 'b'), for COPY: quoted, so no dictionary or parser touches
 * them; inside the quotes a quote is doubled and a backslash escaped. Equal to array_to_tsvector of the list.
 */
export function tsvectorLiteral(terms: string[]): string {
  let out = '';
  for (const t of terms) out += `${out ? ' ' : ''}'${QUOTE_OR_BACKSLASH.test(t) ? t.replaceAll('\\', '\\\\').replaceAll("'", "''") : t}'`;
  return out;
}
const QUOTE_OR_BACKSLASH = /['\\]/;

/** On a second write of an entity, its entry takes the new values. */
const UPSERT = sql`ON CONFLICT (entity_type, entity_id) DO UPDATE SET names = excluded.names, kind = excluded.kind, country = excluded.country,
  province = excluded.province, sector = excluded.sector, stage = excluded.stage, synthetic = excluded.synthetic, terms = excluded.terms`;

/** The row of search_entries for an entity, its terms as a tsvector literal. */
export function searchEntryRow(type: EntityType, e: Indexable): Record<string, unknown> {
  const row: Record<string, unknown> = searchFields(type, e);
  row.terms = tsvectorLiteral(row.terms as string[]);
  return row;
}

/** One statement writing (or rewriting) the entries of these rows (see `searchEntryRow`); null for none. */
export function searchEntriesSql(rows: Record<string, unknown>[]): SQL | null {
  return bulkInsertSql(searchEntries, rows, { onConflict: UPSERT });
}

/**
 * Keeps the search entries of entities in step with them, inside the writing transaction: one statement for
 * any number. The vocabulary follows by trigger (migration 0004).
 */
export async function indexEntities(tx: Tx | Db, type: EntityType, entities: Indexable[]): Promise<void> {
  const statement = searchEntriesSql(entities.map((e) => searchEntryRow(type, e)));
  if (statement) await tx.execute(statement);
}

export async function indexEntity(tx: Tx | Db, type: EntityType, e: Indexable): Promise<void> {
  await indexEntities(tx, type, [e]);
}

export async function unindexEntity(tx: Tx, type: EntityType, id: string): Promise<void> {
  await tx.delete(searchEntries).where(and(eq(searchEntries.entityType, type), eq(searchEntries.entityId, id)));
}
