import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { EntityType } from '../../../../shared/contracts/registry';
import { translate } from '../../../../shared/i18n';
import { type Tx, withTransaction, writeAuditMany } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { canWrite } from '../access';
import { ENTITY_CONFIG } from '../entity-types';
import { searchEntries } from '../registry.tables';
import { searchRow } from '../search-index';
import { withDerivedStage } from '../write-entity';
import { buildRecords, type ImportRecord, type RowError } from './build-records';
import { COLUMNS } from './columns';
import { readTable } from './read-table';

export type ImportResult = { dryRun: boolean; rows: number; valid: number; created: number; updated: number; errors: RowError[] };
export type ImportOptions = { dryRun: boolean; onProgress?: (phase: 'validate' | 'write', done: number, total: number) => void; batchSize?: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Placed = { id: string; key: string | null; hostZoneId?: string | null; incubatorId?: string | null };

/** Validates a whole file, then writes it all in one transaction, or nothing. */
export async function runImport(ctx: Ctx, type: EntityType, bytes: Buffer, format: 'csv' | 'xlsx', opts: ImportOptions): Promise<ImportResult> {
  const table = await readTable(bytes, format);
  opts.onProgress?.('validate', 0, table.rows.length);
  const { lookup, existing } = await prepareLookups(ctx, type, table);
  const existingKeys = new Map([...existing.values()].filter((p) => p.key).map((p) => [p.key!, p.id]));
  const { records, errors } = buildRecords(type, table, ctx.lang, lookup, existingKeys);
  for (const r of records) {
    const before = r.existing ? [...existing.values()].find((p) => p.id === r.id) : undefined;
    const ok = canWrite(ctx.actor, { type, id: r.id, ...r.values }, r.existing ? 'update' : 'create') && (!before || canWrite(ctx.actor, { type, ...before }, 'update'));
    if (!ok) errors.push({ row: r.row, column: 'key', message: translate(ctx.lang, 'errors:import.not_allowed') });
  }
  errors.sort((a, b) => a.row - b.row);
  opts.onProgress?.('validate', table.rows.length, table.rows.length);
  const summary = { rows: table.rows.length, valid: records.length, errors };
  if (opts.dryRun) return { dryRun: true, ...summary, created: records.filter((r) => !r.existing).length, updated: records.filter((r) => r.existing).length };
  if (errors.length) {
    throw new AppError(422, 'import_invalid', { count: errors.length }, errors.map((e) => ({ path: `rows.${e.row}.${e.column}`, message: e.message })));
  }
  const counts = await writeRecords(ctx, type, records, opts);
  return { dryRun: false, ...summary, ...counts };
}

/** Resolves the keys and ids the file mentions, with one query per referenced table. */
async function prepareLookups(ctx: Ctx, type: EntityType, table: { header: string[]; rows: string[][] }) {
  const wanted = new Map<EntityType, Set<string>>();
  const want = (t: EntityType, v: string) => (wanted.get(t) ?? wanted.set(t, new Set()).get(t)!).add(v);
  for (const column of COLUMNS[type]) {
    const at = table.header.indexOf(column.name);
    if (at < 0 || (column.kind !== 'ref' && column.name !== 'key')) continue;
    const refType = column.kind === 'ref' ? column.refType! : type;
    for (const row of table.rows) if (row[at]?.trim()) want(refType, row[at].trim());
  }
  const found = new Map<string, Placed>();
  let existing = new Map<string, Placed>();
  for (const [t, values] of wanted) {
    const tbl = ENTITY_CONFIG[t].table as unknown as Record<string, SQL.Aliased> & { id: never; key: never };
    const list = [...values];
    const ids = list.filter((v) => UUID.test(v));
    const cols = { id: tbl.id, key: tbl.key, ...('hostZoneId' in tbl ? { hostZoneId: tbl.hostZoneId } : {}), ...('incubatorId' in tbl ? { incubatorId: tbl.incubatorId } : {}) };
    const rows = (await ctx.database.db
      .select(cols as never)
      .from(ENTITY_CONFIG[t].table)
      .where(or(inArray(tbl.key, list), ids.length ? inArray(tbl.id, ids) : undefined))) as unknown as Placed[];
    for (const r of rows) {
      found.set(`${t}|${r.id}`, r);
      if (r.key) found.set(`${t}|${r.key}`, r);
    }
    if (t === type) existing = new Map(rows.map((r) => [r.id, r]));
  }
  return { lookup: (t: EntityType, v: string) => found.get(`${t}|${v}`)?.id, existing };
}

async function writeRecords(ctx: Ctx, type: EntityType, records: ImportRecord[], opts: ImportOptions) {
  const { table } = ENTITY_CONFIG[type];
  const idCol = (table as unknown as { id: never }).id;
  const batch = opts.batchSize ?? 1000;
  const fresh = records.filter((r) => !r.existing);
  const changed = records.filter((r) => r.existing);
  await withTransaction(ctx, async (tx: Tx) => {
    for (let i = 0; i < records.length; i += batch) {
      const slice = records.slice(i, i + batch);
      const rows = slice.map((r) => ({ id: r.id, ...withDerivedStage(ctx, type, r.values) }));
      const inserts = rows.filter((_, j) => !slice[j].existing);
      if (inserts.length) await tx.insert(table).values(inserts as never);
      for (const [j, r] of rows.entries()) if (slice[j].existing) await tx.update(table).set(r as never).where(eq(idCol, r.id));
      await tx
        .insert(searchEntries)
        .values(rows.map((r) => searchRow(type, r as never)) as never)
        .onConflictDoUpdate({
          target: [searchEntries.entityType, searchEntries.entityId],
          set: { names: sql`excluded.names`, kind: sql`excluded.kind`, country: sql`excluded.country`, province: sql`excluded.province`, sector: sql`excluded.sector`, stage: sql`excluded.stage`, terms: sql`excluded.terms`, fuzzy: sql`excluded.fuzzy` },
        });
      await writeAuditMany(
        tx,
        ctx,
        slice.map((r, j) => ({ action: `${type}.${r.existing ? 'import_update' : 'import_create'}`, entityType: type, entityId: r.id, after: rows[j] })),
      );
      opts.onProgress?.('write', Math.min(i + batch, records.length), records.length);
    }
  });
  return { created: fresh.length, updated: changed.length };
}
