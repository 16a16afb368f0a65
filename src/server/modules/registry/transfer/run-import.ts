import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { EntityType } from '../../../../shared/contracts/registry';
import { translate } from '../../../../shared/i18n';
import { bulkInsertSql, textArray } from '../../../db/bulk-insert';
import { auditManySql, type Tx, withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { canWrite } from '../access';
import { ENTITY_CONFIG } from '../entity-types';
import { searchEntriesSql, searchEntryRow } from '../search-index';
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
    const v = r.values as { hostZoneId?: string | null; incubatorId?: string | null };
    const placement = { type, id: r.id, hostZoneId: v.hostZoneId, incubatorId: v.incubatorId };
    const ok = canWrite(ctx.actor, placement, r.existing ? 'update' : 'create') && (!before || canWrite(ctx.actor, { type, ...before }, 'update'));
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
    // Each list as one array parameter: a file of 100,000 keys would pass PostgreSQL's 65,535 parameters as IN (…).
    const rows = (await ctx.database.db
      .select(cols as never)
      .from(ENTITY_CONFIG[t].table)
      .where(
        or(sql`${tbl.key} = ANY(${textArray(list)}::text[])`, ids.length ? sql`${tbl.id} = ANY(${textArray(ids)}::uuid[])` : undefined),
      )) as unknown as Placed[];
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
  const batch = opts.batchSize ?? 5000;
  const fresh = records.filter((r) => !r.existing);
  const changed = records.filter((r) => r.existing);

  /** A batch's statements, built in slices with pauses, so that the database's work on the batch before goes on meanwhile. */
  const prepare = async (slice: ImportRecord[]) => {
    const rows: (Record<string, unknown> & { id: string })[] = [];
    const search: Record<string, unknown>[] = [];
    for (let i = 0; i < slice.length; i += PREPARE_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const r of slice.slice(i, i + PREPARE_SLICE)) {
        const row = Object.assign({ id: r.id }, withDerivedStage(ctx, type, r.values));
        rows.push(row);
        search.push(searchEntryRow(type, row as never));
      }
    }
    const statements = [
      searchEntriesSql(search),
      // New rows in one statement (unnest of one array per column); changed rows one by one.
      bulkInsertSql(
        table,
        rows.filter((_, j) => !slice[j].existing),
      ),
      ...rows.flatMap((row, j) => (slice[j].existing ? [row] : [])).map((row) => updateOf(row)),
      auditManySql(
        ctx,
        slice.map((r, j) => ({ action: `${type}.${r.existing ? 'import_update' : 'import_create'}`, entityType: type, entityId: r.id, after: rows[j] })),
      ),
    ];
    return statements.filter((x): x is NonNullable<typeof x> => !!x);
  };
  const updateOf = (row: Record<string, unknown> & { id: string }) => (tx: Tx) => tx.update(table).set(row as never).where(eq(idCol, row.id));

  await withTransaction(ctx, async (tx: Tx) => {
    let next = records.length ? prepare(records.slice(0, batch)) : null;
    for (let i = 0; next; i += batch) {
      const statements = await next;
      // One statement at a time on the transaction's connection; the first failure ends the import, all rolled back.
      const running = (async () => {
        for (const s of statements) await (typeof s === 'function' ? s(tx) : tx.execute(s));
      })();
      next = i + batch < records.length ? prepare(records.slice(i + batch, i + 2 * batch)) : null;
      next?.catch(() => {}); // awaited on the next turn
      await running;
      opts.onProgress?.('write', Math.min(i + batch, records.length), records.length);
    }
  });
  return { created: fresh.length, updated: changed.length };
}

/** Rows prepared between pauses: small enough that a finished statement's successor is sent soon. */
const PREPARE_SLICE = 250;
