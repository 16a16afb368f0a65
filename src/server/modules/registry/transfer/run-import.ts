import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { EntityType } from '../../../../shared/contracts/registry';
import { translate } from '../../../../shared/i18n';
import { textArray } from '../../../db/bulk-insert';
import { copyRows } from '../../../db/copy-rows';
import { copyAudit, type Tx, withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { canWrite } from '../access';
import { ENTITY_CONFIG } from '../entity-types';
import { queueIndexing } from '../index-job';
import { indexEntities } from '../search-index';
import { withDerivedStage } from '../write-entity';
import { type ImportRecord, type RowError, recordBuilder } from './build-records';
import { COLUMNS } from './columns';
import { readTable } from './read-table';

export type ImportResult = {
  dryRun: boolean;
  rows: number;
  valid: number;
  created: number;
  updated: number;
  errors: RowError[];
  /** Search entries: written with the rows ('done'), or by jobs after commit ('queued'); absent for a dry run. */
  indexing?: 'done' | 'queued';
};
export type ImportOptions = {
  dryRun: boolean;
  onProgress?: (phase: 'validate' | 'write', done: number, total: number) => void;
  /** Up to this many rows, search entries are written in the import's transaction (default: config). */
  inlineIndexMax?: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Placed = { id: string; key: string | null; hostZoneId?: string | null; incubatorId?: string | null };

/**
 * Validates a whole file and writes it all in one transaction, or nothing. A real import validates a range of
 * rows while the database takes in the range before; the first bad row stops the writing (validation goes on,
 * to list every problem), and the transaction is rolled back.
 */
export async function runImport(ctx: Ctx, type: EntityType, bytes: Buffer, format: 'csv' | 'xlsx', opts: ImportOptions): Promise<ImportResult> {
  const table = await readTable(bytes, format);
  const total = table.rows.length;
  opts.onProgress?.('validate', 0, total);
  const { lookup, existing } = await prepareLookups(ctx, type, table);
  const existingKeys = new Map([...existing.values()].filter((p) => p.key).map((p) => [p.key!, p.id]));
  const builder = recordBuilder(type, table, ctx.lang, lookup, existingKeys);
  /** The records this user may write; each other one becomes an error of its row. */
  const allowed = (records: ImportRecord[]) =>
    records.filter((r) => {
      if (mayWrite(ctx, type, r, existing.get(r.id))) return true;
      builder.errors.push(notAllowed(ctx, r));
      return false;
    });
  const invalid = () => {
    const errors = builder.errors.sort((a, b) => a.row - b.row);
    return new AppError(
      422,
      'import_invalid',
      { count: errors.length },
      errors.map((e) => ({ path: `rows.${e.row}.${e.column}`, message: e.message })),
    );
  };

  if (opts.dryRun || !builder.headerValid) {
    const records = allowed(builder.build(0, total));
    opts.onProgress?.('validate', total, total);
    if (!opts.dryRun) throw invalid();
    const created = records.filter((r) => !r.existing).length;
    return {
      dryRun: true,
      rows: total,
      valid: records.length,
      errors: builder.errors.sort((a, b) => a.row - b.row),
      created,
      updated: records.length - created,
    };
  }

  const writer = importWriter(ctx, type, total <= (opts.inlineIndexMax ?? ctx.config.importInlineIndexMax));
  // Rows of a type that may refer to rows of its own type (a zone's parent) go in one range: foreign keys are
  // checked at the end of each statement, and a parent may come later in the file.
  const range = COLUMNS[type].some((c) => c.kind === 'ref' && c.refType === type) ? Math.max(total, 1) : RANGE;
  const counts = await withTransaction(ctx, async (tx) => {
    let writing: Promise<void> = Promise.resolve();
    for (let from = 0; from < total; from += range) {
      const records = allowed(await buildInSlices(builder, from, Math.min(from + range, total)));
      opts.onProgress?.('validate', Math.min(from + range, total), total);
      await writing;
      if (builder.errors.length === 0) {
        writing = writer.write(tx, records).then(() => opts.onProgress?.('write', writer.counts.created + writer.counts.updated, total));
        writing.catch(() => {}); // awaited on the next turn or below
      }
    }
    await writing;
    if (builder.errors.length) throw invalid();
    await writer.finish(tx);
    return writer.counts;
  });
  return { dryRun: false, rows: total, valid: counts.created + counts.updated, errors: [], ...counts };
}

/** Rows validated while the range before them is written. */
const RANGE = 5000;
/** Rows validated between pauses, so that a written range's next statement is sent soon. */
const SLICE = 250;

async function buildInSlices(builder: ReturnType<typeof recordBuilder>, from: number, to: number): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for (let i = from; i < to; i += SLICE) {
    if (i > from) await new Promise((resolve) => setImmediate(resolve));
    out.push(...builder.build(i, Math.min(i + SLICE, to)));
  }
  return out;
}

function mayWrite(ctx: Ctx, type: EntityType, r: ImportRecord, before: Placed | undefined): boolean {
  const v = r.values as { hostZoneId?: string | null; incubatorId?: string | null };
  const placement = { type, id: r.id, hostZoneId: v.hostZoneId, incubatorId: v.incubatorId };
  return canWrite(ctx.actor, placement, r.existing ? 'update' : 'create') && (!before || canWrite(ctx.actor, { type, ...before }, 'update'));
}

const notAllowed = (ctx: Ctx, r: ImportRecord): RowError => ({ row: r.row, column: 'key', message: translate(ctx.lang, 'errors:import.not_allowed') });

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
    const cols = {
      id: tbl.id,
      key: tbl.key,
      ...('hostZoneId' in tbl ? { hostZoneId: tbl.hostZoneId } : {}),
      ...('incubatorId' in tbl ? { incubatorId: tbl.incubatorId } : {}),
    };
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

/**
 * Writes ranges of records inside the import's transaction: new rows and every row's audit entry by COPY
 * (PostgreSQL; PGlite by statements), changed rows one by one. Search entries go in
 * the same transaction when `inline`; otherwise `finish` queues jobs, in that transaction, that write them
 * after commit (index-job.ts).
 */
function importWriter(ctx: Ctx, type: EntityType, inline: boolean) {
  const { table } = ENTITY_CONFIG[type];
  const idCol = (table as unknown as { id: never }).id;
  const counts = { created: 0, updated: 0, indexing: inline ? ('done' as const) : ('queued' as const) };
  const ids: string[] = [];
  return {
    counts,
    async write(tx: Tx, records: ImportRecord[]) {
      const rows = records.map((r) => Object.assign({ id: r.id }, withDerivedStage(ctx, type, r.values)));
      const fresh = rows.filter((_, j) => !records[j].existing);
      const changed = rows.filter((_, j) => records[j].existing);
      await copyRows(tx, table, fresh);
      for (const row of changed)
        await tx
          .update(table)
          .set(row as never)
          .where(eq(idCol, row.id));
      await copyAudit(
        tx,
        ctx,
        rows.map((row, j) => ({ action: `${type}.${records[j].existing ? 'import_update' : 'import_create'}`, entityType: type, entityId: row.id, after: row })),
      );
      if (inline) await indexEntities(tx, type, rows as never);
      else for (const r of rows) ids.push(r.id);
      counts.created += fresh.length;
      counts.updated += changed.length;
    },
    async finish(tx: Tx) {
      if (!inline) await queueIndexing(tx, type, ids, ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null);
    },
  };
}
