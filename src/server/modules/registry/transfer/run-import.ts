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
import { type ImportRecord, type Lookup, type RowError, recordBuilder, refersToOwnType } from './build-records';
import { COLUMNS } from './columns';
import { readTable, type Table } from './read-table';

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
type Runner = Pick<Tx, 'select'>;
type Placed = { id: string; key: string | null; hostZoneId?: string | null; incubatorId?: string | null };

/**
 * Validates a whole file and writes it all in one transaction, or nothing. A real import validates a range of
 * rows while the database takes in the ranges before; the first bad row stops the writing (validation goes on,
 * to list every problem), and the transaction is rolled back.
 */
export async function runImport(ctx: Ctx, type: EntityType, bytes: Buffer, format: 'csv' | 'xlsx', opts: ImportOptions): Promise<ImportResult> {
  const table = await readTable(bytes, format);
  const total = table.rows.length;
  opts.onProgress?.('validate', 0, total);
  // The entities the file refers to are needed to validate its first row; the ones it may update (its own
  // keys) only to write it, so for most types they are looked up range by range while each is validated.
  const selfReferring = refersToOwnType(type);
  const lookup = await lookupReferences(ctx.database.db, type, table);
  const own = opts.dryRun || selfReferring ? await lookupOwn(ctx.database.db, type, table, 0, total) : null;
  const builder = recordBuilder(type, table, ctx.lang, lookup, own?.keys);
  /** The records this user may write, with their ids settled; each other one becomes an error of its row. */
  const allowed = (records: ImportRecord[], existing: Existing) =>
    builder.place(records, existing.keys).filter((r) => {
      if (mayWrite(ctx, type, r, existing.byId.get(r.id))) return true;
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

  if (!builder.headerValid && !opts.dryRun) throw invalid();
  if (own && opts.dryRun) {
    const records = allowed(builder.build(0, total), own);
    opts.onProgress?.('validate', total, total);
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
  const range = selfReferring ? Math.max(total, 1) : RANGE;
  const counts = await withTransaction(ctx, async (tx) => {
    // Writes run one after another on the transaction's connection; validation runs up to two ranges ahead of
    // them, so that neither this process nor the database waits for the other.
    let written: Promise<void> = Promise.resolve();
    const pending: Promise<void>[] = [];
    for (let from = 0; from < total; from += range) {
      // The range's keys are looked up while it is validated, between the statements of the writes before it.
      const existing = own ? Promise.resolve(own) : lookupOwn(tx, type, table, from, Math.min(from + range, total));
      existing.catch(() => {}); // awaited below
      const built = await buildInSlices(builder, from, Math.min(from + range, total));
      opts.onProgress?.('validate', Math.min(from + range, total), total);
      if (pending.length >= AHEAD) await pending.shift();
      if (builder.errors.length === 0) {
        written = written
          .then(async () => {
            const records = allowed(built, await existing);
            if (builder.errors.length === 0) await writer.write(tx, records);
          })
          .then(() => opts.onProgress?.('write', writer.counts.created + writer.counts.updated, total));
        written.catch(() => {}); // awaited below
        pending.push(written);
      }
    }
    await written;
    if (builder.errors.length) throw invalid();
    return writer.counts;
  });
  return { dryRun: false, rows: total, valid: counts.created + counts.updated, errors: [], ...counts };
}

/** Rows validated while the range before them is written. */
const RANGE = 5000;
/** Ranges validated at most ahead of the one being written. */
const AHEAD = 2;
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

type Existing = { keys: Map<string, string>; byId: Map<string, Placed> };

/** The values of the file's cells (rows [from, to)) that name entities of each type: its references, or its own keys. */
function namedIn(type: EntityType, table: Table, own: boolean, from = 0, to = table.rows.length): Map<EntityType, Set<string>> {
  const wanted = new Map<EntityType, Set<string>>();
  for (const column of COLUMNS[type]) {
    const at = table.header.indexOf(column.name);
    if (at < 0 || (own ? column.name !== 'key' : column.kind !== 'ref')) continue;
    const refType = own ? type : column.refType!;
    const values = wanted.get(refType) ?? wanted.set(refType, new Set()).get(refType)!;
    for (let i = from; i < to; i++) {
      const v = table.rows[i][at]?.trim();
      if (v) values.add(v);
    }
  }
  return wanted;
}

/** Resolves the keys and ids the file's reference columns mention, with one query per referenced table. */
async function lookupReferences(db: Runner, type: EntityType, table: Table): Promise<Lookup> {
  const found = new Map<string, string>();
  for (const [t, values] of namedIn(type, table, false)) {
    for (const r of await placedBy(db, t, [...values])) {
      found.set(`${t}|${r.id}`, r.id);
      if (r.key) found.set(`${t}|${r.key}`, r.id);
    }
  }
  return (t, v) => found.get(`${t}|${v}`);
}

/** The entities of the file's own type that the keys of rows [from, to) name: the rows an import updates rather than creates. */
async function lookupOwn(db: Runner, type: EntityType, table: Table, from: number, to: number): Promise<Existing> {
  const rows = await placedBy(db, type, [...(namedIn(type, table, true, from, to).get(type) ?? [])]);
  return { keys: new Map(rows.filter((p) => p.key).map((p) => [p.key!, p.id])), byId: new Map(rows.map((r) => [r.id, r])) };
}

async function placedBy(db: Runner, t: EntityType, list: string[]): Promise<Placed[]> {
  if (list.length === 0) return [];
  const tbl = ENTITY_CONFIG[t].table as unknown as Record<string, SQL.Aliased> & { id: never; key: never };
  const ids = list.filter((v) => UUID.test(v));
  const cols = {
    id: tbl.id,
    key: tbl.key,
    ...('hostZoneId' in tbl ? { hostZoneId: tbl.hostZoneId } : {}),
    ...('incubatorId' in tbl ? { incubatorId: tbl.incubatorId } : {}),
  };
  // Each list as one array parameter (a file of 100,000 keys would pass PostgreSQL's 65,535 parameters as IN (…)),
  // joined through unnest: `= ANY(array)` makes the planner weigh every element (170 ms for 100,000 keys).
  return (await db
    .select(cols as never)
    .from(ENTITY_CONFIG[t].table)
    .where(
      or(sql`${tbl.key} IN (SELECT unnest(${textArray(list)}::text[]))`, ids.length ? sql`${tbl.id} IN (SELECT unnest(${textArray(ids)}::uuid[]))` : undefined),
    )) as unknown as Placed[];
}

/**
 * Writes ranges of records inside the import's transaction: new rows and every row's audit entry by COPY
 * (PostgreSQL; PGlite by statements), changed rows one by one. Search entries go in
 * the same transaction when `inline`; otherwise each range queues jobs, in that transaction, that write them
 * after commit (index-job.ts).
 */
function importWriter(ctx: Ctx, type: EntityType, inline: boolean) {
  const { table } = ENTITY_CONFIG[type];
  const idCol = (table as unknown as { id: never }).id;
  const counts = { created: 0, updated: 0, indexing: inline ? ('done' as const) : ('queued' as const) };
  const createdBy = ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null;
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
        rows.map((row, j) => ({
          action: `${type}.${records[j].existing ? 'import_update' : 'import_create'}`,
          entityType: type,
          entityId: row.id,
          after: row,
        })),
      );
      // The range's search entries now, or by jobs queued now, while the next range is validated.
      if (inline) await indexEntities(tx, type, rows as never);
      else
        await queueIndexing(
          tx,
          type,
          rows.map((r) => r.id),
          createdBy,
        );
      counts.created += fresh.length;
      counts.updated += changed.length;
    },
  };
}
