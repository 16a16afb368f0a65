import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../../db/bulk-insert';
import { queryRows, type Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { RECORDS } from '../yearbook/measure';

/**
 * The rollups the yearbook reads (DESIGN.md, Data: "yearbook tables served from rollups maintained as data
 * changes"). A submission's values enter them when it becomes counted and leave when it stops being counted
 * (returned, reopened); a change of state (e.g. the last approval, which makes its values final) is a
 * remove under the old state then an add under the new one, in the transaction of the change itself, so the
 * rollups always equal a recomputation from the survey values (tested in rollups.int.test.ts).
 */

const ROLLUP_DIMS = ['year', 'entity_type', 'province', 'zone_id', 'sector'] as const;
const CUBE_DIMS = [...ROLLUP_DIMS, 'size_class', 'stage'] as const;

type Level = { table: string; constraint: string; dims: readonly string[]; withFinal: boolean };
/** The three rollup tables: the yearbook's cells, their national sums, the pivots' finer cube. */
const LEVELS: readonly Level[] = [
  { table: 'stat_rollups', constraint: 'stat_rollups_cell', dims: ROLLUP_DIMS, withFinal: true },
  { table: 'stat_rollups_national', constraint: 'stat_rollups_national_cell', dims: ['year', 'entity_type'], withFinal: true },
  { table: 'stat_cube', constraint: 'stat_cube_cell', dims: CUBE_DIMS, withFinal: false },
];

/** Every value of the selected counted submissions plus one `_records` row each, by the given dimensions. */
function contributions(dims: readonly string[], where: SQL, sign: number, withFinal: boolean) {
  const s = sql.raw(dims.map((d) => `s.${d}`).join(', '));
  const final = withFinal ? sql`, (${sign} * count(*) FILTER (WHERE s.status = 'approved'))::int AS final_count` : sql``;
  return sql`SELECT ${s}, v.indicator, (${sign} * sum(v.value)) AS total, (${sign} * count(*))::int AS count${final}
      FROM stat_submissions s JOIN stat_values v ON v.submission_id = s.id WHERE s.counted AND ${where} GROUP BY ${s}, v.indicator
    UNION ALL
    SELECT ${s}, ${sql.raw(`'${RECORDS}'`)}, (${sign} * count(*)) AS total, (${sign} * count(*))::int AS count${final}
      FROM stat_submissions s WHERE s.counted AND ${where} GROUP BY ${s}`;
}

/** Adds the contributions to a level's cells; answers the keys of the cells this left with no records. */
function upsert({ table, constraint, dims, withFinal }: Level, where: SQL, sign: number) {
  const keys = [...dims, 'indicator'];
  const cols = sql.raw([...keys, 'total', 'count', ...(withFinal ? ['final_count'] : [])].join(', '));
  const t = sql.raw(table);
  const finalSet = withFinal ? sql`, final_count = ${t}.final_count + excluded.final_count` : sql``;
  const order = sql.raw(keys.map((_, i) => String(i + 1)).join(', '));
  return sql`WITH changed AS (INSERT INTO ${t} (${cols})
    SELECT * FROM (${contributions(dims, where, sign, withFinal)}) c ORDER BY ${order}
    ON CONFLICT ON CONSTRAINT ${sql.raw(constraint)} DO UPDATE SET total = ${t}.total + excluded.total,
      count = ${t}.count + excluded.count${finalSet}
    RETURNING ${sql.raw(keys.join(', '))}, count)
    SELECT ${sql.raw(keys.map((k) => `${k}::text AS ${k}`).join(', '))} FROM changed WHERE count <= 0`;
}

/** Deletes the emptied cells by their keys (an index probe each; most removals empty none). */
async function deleteCells(tx: Tx, { table, dims }: Level, cells: Record<string, string | null>[]) {
  const cast = (k: string) => (k === 'year' ? '::int' : k === 'zone_id' ? '::uuid' : '');
  for (const cell of cells) {
    const conditions = [...dims, 'indicator'].map((k) =>
      cell[k] === null ? sql`${sql.raw(k)} IS NULL` : sql`${sql.raw(k)} = ${cell[k]}${sql.raw(cast(k))}`,
    );
    await tx.execute(sql`DELETE FROM ${sql.raw(table)} WHERE ${sql.join(conditions, sql` AND `)} AND count <= 0`);
  }
}

/**
 * Adds (+1) or removes (−1) the counted submissions among `ids` to / from the rollups. Call with −1 before
 * changing a counted submission and with +1 after. Cells left with no records are deleted.
 */
export async function applyToRollups(tx: Tx, ids: readonly string[], sign: 1 | -1): Promise<void> {
  if (ids.length === 0) return;
  const where = sql`s.id IN (SELECT unnest(${textArray(ids as string[])}::uuid[]))`;
  for (const level of LEVELS) {
    const emptied = await queryRows<Record<string, string | null>>(tx, upsert(level, where, sign));
    await deleteCells(tx, level, emptied);
  }
}

/** Rebuilds the rollups from the survey values (after a bulk load; and the reference a test compares with). */
export async function rebuildRollups(tx: Tx): Promise<void> {
  for (const level of LEVELS) await tx.execute(sql`DELETE FROM ${sql.raw(level.table)}`);
  await queryRows(tx, upsert(LEVELS[0], sql`true`, 1));
  // The national sums come from the cells just built, not from a second pass over every survey value.
  await tx.execute(sql`INSERT INTO stat_rollups_national (year, entity_type, indicator, total, count, final_count)
    SELECT year, entity_type, indicator, sum(total), sum(count), sum(final_count) FROM stat_rollups GROUP BY 1, 2, 3`);
  await queryRows(tx, upsert(LEVELS[2], sql`true`, 1));
}

/** Cells where the stored rollups differ from a recomputation (empty when they agree). */
export async function rollupDifferences(db: Db | Tx): Promise<{ table: string; cell: string; stored: string | null; recomputed: string | null }[]> {
  const out: { table: string; cell: string; stored: string | null; recomputed: string | null }[] = [];
  for (const { table, dims, withFinal } of LEVELS) {
    const key = sql.raw(`concat_ws('|', ${[...dims, 'indicator'].join(', ')})`);
    const measures = sql.raw(
      withFinal ? `concat_ws('|', trim_scale(total::numeric), count, final_count)` : `concat_ws('|', trim_scale(total::numeric), count)`,
    );
    const rows = await queryRows<{ cell: string; stored: string | null; recomputed: string | null }>(
      db,
      sql`WITH stored AS (SELECT ${key} AS cell, ${measures} AS m FROM ${sql.raw(table)}),
        fresh AS (SELECT ${key} AS cell, ${measures} AS m FROM (${contributions(dims, sql`true`, 1, withFinal)}) c)
      SELECT coalesce(stored.cell, fresh.cell) AS cell, stored.m AS stored, fresh.m AS recomputed
      FROM stored FULL OUTER JOIN fresh ON stored.cell = fresh.cell WHERE stored.m IS DISTINCT FROM fresh.m LIMIT 20`,
    );
    out.push(...rows.map((r) => ({ table, ...r })));
  }
  return out;
}
