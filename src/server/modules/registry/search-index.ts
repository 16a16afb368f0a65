import { and, eq, sql } from 'drizzle-orm';
import type { EntityType } from '../../../shared/contracts/registry';
import type { Tx } from '../../platform/audit/audit';
import type { Db } from '../../db/client';
import { type Names, searchEntries } from './registry.tables';
import { fuzzyText, indexTerms } from './search-text';

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

export function searchRow(type: EntityType, e: Indexable) {
  const terms = indexTerms(e.names, [e.nativeName, e.abbreviation]).filter((t) => t.length > 0);
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
    // Built from an array, not parsed by a text-search dictionary: Chinese and Urdu lexemes stay as they are.
    terms: sql`array_to_tsvector(${`{${terms.map(pgArrayItem).join(',')}}`}::text[])`,
    fuzzy: fuzzyText(e.names, [e.nativeName, e.abbreviation]),
  };
}

const pgArrayItem = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** Keeps the search entry of an entity in step with it, inside the writing transaction. */
export async function indexEntity(tx: Tx | Db, type: EntityType, e: Indexable): Promise<void> {
  const row = searchRow(type, e);
  const { entityType: _t, entityId: _i, ...update } = row;
  await tx.insert(searchEntries).values(row as never).onConflictDoUpdate({ target: [searchEntries.entityType, searchEntries.entityId], set: update as never });
}

export async function unindexEntity(tx: Tx, type: EntityType, id: string): Promise<void> {
  await tx.delete(searchEntries).where(and(eq(searchEntries.entityType, type), eq(searchEntries.entityId, id)));
}
