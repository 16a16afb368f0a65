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

function upsert(table: 'stat_rollups' | 'stat_cube', dims: readonly string[], where: SQL, sign: number) {
  const withFinal = table === 'stat_rollups';
  const cols = sql.raw([...dims, 'indicator', 'total', 'count', ...(withFinal ? ['final_count'] : [])].join(', '));
  const constraint = sql.raw(table === 'stat_rollups' ? 'stat_rollups_cell' : 'stat_cube_cell');
  const finalSet = withFinal ? sql`, final_count = ${sql.raw(table)}.final_count + excluded.final_count` : sql``;
  const order = sql.raw([...dims, 'indicator'].map((_, i) => String(i + 1)).join(', '));
  return sql`INSERT INTO ${sql.raw(table)} (${cols})
    SELECT * FROM (${contributions(dims, where, sign, withFinal)}) c ORDER BY ${order}
    ON CONFLICT ON CONSTRAINT ${constraint} DO UPDATE SET total = ${sql.raw(table)}.total + excluded.total,
      count = ${sql.raw(table)}.count + excluded.count${finalSet}`;
}

/**
 * Adds (+1) or removes (−1) the counted submissions among `ids` to / from both rollups. Call with −1 before
 * changing a counted submission and with +1 after. Cells left with no records are deleted.
 */
export async function applyToRollups(tx: Tx, ids: readonly string[], sign: 1 | -1): Promise<void> {
  if (ids.length === 0) return;
  const where = sql`s.id IN (SELECT unnest(${textArray(ids as string[])}::uuid[]))`;
  await tx.execute(upsert('stat_rollups', ROLLUP_DIMS, where, sign));
  await tx.execute(upsert('stat_cube', CUBE_DIMS, where, sign));
  if (sign < 0) {
    const years = sql`(SELECT DISTINCT year FROM stat_submissions WHERE id IN (SELECT unnest(${textArray(ids as string[])}::uuid[])))`;
    await tx.execute(sql`DELETE FROM stat_rollups WHERE count <= 0 AND year IN ${years}`);
    await tx.execute(sql`DELETE FROM stat_cube WHERE count <= 0 AND year IN ${years}`);
  }
}

/** Rebuilds both rollups from the survey values (after a bulk load; and the reference a test compares with). */
export async function rebuildRollups(tx: Tx): Promise<void> {
  await tx.execute(sql`DELETE FROM stat_rollups`);
  await tx.execute(sql`DELETE FROM stat_cube`);
  await tx.execute(upsert('stat_rollups', ROLLUP_DIMS, sql`true`, 1));
  await tx.execute(upsert('stat_cube', CUBE_DIMS, sql`true`, 1));
}

/** Cells where the stored rollups differ from a recomputation (empty when they agree). */
export async function rollupDifferences(db: Db | Tx): Promise<{ table: string; cell: string; stored: string | null; recomputed: string | null }[]> {
  const out: { table: string; cell: string; stored: string | null; recomputed: string | null }[] = [];
  for (const [table, dims, withFinal] of [
    ['stat_rollups', ROLLUP_DIMS, true],
    ['stat_cube', CUBE_DIMS, false],
  ] as const) {
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
