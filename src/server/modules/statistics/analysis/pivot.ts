import { type SQL, sql } from 'drizzle-orm';
import type { Indicator, Pivot, PivotDimension, PivotQuery } from '../../../../shared/contracts/statistics';
import { queryRows } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import type { Text3 } from '../statistics.tables';
import { type Cell, measure, partsOf } from '../yearbook/measure';
import { anySynthetic, invalid, provinceNames, type Reader, requireIndicator, resolveZone, yearsWithData, zoneNames } from './common';
import { codeLabel, codeOrder, ENTITY_TYPE_LABELS, NO_PROVINCE, NO_ZONE, SECTOR_LABELS, SIZE_LABELS, STAGE_LABELS } from './labels';

/** The column of each pivot dimension, as text (the cube's and the rollups' names are the same). */
const COLUMN: Record<PivotDimension, string> = {
  year: 'year::text',
  zone: 'zone_id::text',
  province: 'province',
  sector: 'sector',
  size: 'size_class',
  stage: 'stage',
  entityType: 'entity_type',
};
/** Dimensions only the cube has; a pivot that needs none of them reads the (far smaller) rollups, whose sums are the same. */
const CUBE_ONLY = new Set<PivotDimension>(['size', 'stage']);

export type PivotRow = { r: string | null; c: string | null; indicator: string; total: number; count: number };

type Acc = Map<string, Cell>;
const add = (acc: Acc, indicator: string, total: number, count: number) => {
  const cell = acc.get(indicator);
  if (cell) {
    cell.total += total;
    cell.count += count;
  } else acc.set(indicator, { total, count });
};

/**
 * The pivot's figures from the summed cube cells (one row per row key × column key × part indicator): each cell,
 * row total, column total and the overall total is `measure` over the sums of its cells' parts, so a ratio's
 * total is the ratio of the totals and an average's total is the total ÷ all reporting. Pure.
 */
export function assemblePivot(
  indicator: Indicator,
  rows: readonly PivotRow[],
  rowKeys: readonly (string | null)[],
  colKeys: readonly (string | null)[],
): Pick<Pivot, 'cells' | 'rowTotals' | 'colTotals' | 'total'> {
  const ri = new Map(rowKeys.map((k, i) => [k, i]));
  const ci = new Map(colKeys.map((k, i) => [k, i]));
  const cells: Acc[][] = rowKeys.map(() => colKeys.map(() => new Map()));
  const rowAcc: Acc[] = rowKeys.map(() => new Map());
  const colAcc: Acc[] = colKeys.map(() => new Map());
  const all: Acc = new Map();
  for (const row of rows) {
    const r = ri.get(row.r);
    const c = ci.get(row.c);
    if (r === undefined || c === undefined) continue;
    const total = Number(row.total);
    const count = Number(row.count);
    add(cells[r][c], row.indicator, total, count);
    add(rowAcc[r], row.indicator, total, count);
    add(colAcc[c], row.indicator, total, count);
    add(all, row.indicator, total, count);
  }
  return {
    cells: cells.map((line) => line.map((acc) => measure(indicator, acc))),
    rowTotals: rowAcc.map((acc) => measure(indicator, acc)),
    colTotals: colAcc.map((acc) => measure(indicator, acc)),
    total: measure(indicator, all),
  };
}

/** Orders the keys of a dimension: years and provinces by code, zones by English name, codes in catalogue order; "not stated" last. */
function orderKeys(dim: PivotDimension, keys: (string | null)[], zoneName: (id: string) => string): (string | null)[] {
  const table =
    dim === 'sector' ? SECTOR_LABELS : dim === 'size' ? SIZE_LABELS : dim === 'stage' ? STAGE_LABELS : dim === 'entityType' ? ENTITY_TYPE_LABELS : null;
  const pos = table ? codeOrder(table) : null;
  const cmp = (a: string, b: string) => {
    if (dim === 'year') return Number(a) - Number(b);
    if (dim === 'zone') return zoneName(a).localeCompare(zoneName(b), 'en') || a.localeCompare(b);
    if (pos) return pos(a) - pos(b) || a.localeCompare(b);
    return a.localeCompare(b);
  };
  return [...keys].sort((a, b) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b)));
}

function labelOf(dim: PivotDimension, key: string | null, zones: Map<string, { names: Text3 }>, provinces: Map<string, Text3>): Text3 {
  switch (dim) {
    case 'year':
      return key === null ? codeLabel({}, null) : { en: key, zh: key, ur: key };
    case 'zone':
      return key === null ? NO_ZONE : (zones.get(key)?.names ?? { en: key });
    case 'province':
      return key === null ? NO_PROVINCE : (provinces.get(key) ?? { en: key });
    case 'sector':
      return codeLabel(SECTOR_LABELS, key);
    case 'size':
      return codeLabel(SIZE_LABELS, key);
    case 'stage':
      return codeLabel(STAGE_LABELS, key);
    case 'entityType':
      return codeLabel(ENTITY_TYPE_LABELS, key);
  }
}

/**
 * An ad-hoc pivot: one indicator by any two dimensions, with filters. Read from the cube (or from the rollups
 * when neither size class nor stage is asked for) through its unique index (indicator, year, entity_type, …);
 * never from survey values. Without a year dimension or range it shows the latest year with data.
 */
export async function pivot(ctx: Ctx, q: PivotQuery): Promise<Pivot> {
  const db: Reader = ctx.database.db;
  if (q.rows === q.cols) throw invalid(ctx.lang, 'cols', 'same_dimension', { dim: q.rows });
  const indicator = await requireIndicator(db, ctx.lang, q.indicator);
  const dims = [q.rows, q.cols];
  const byType = dims.includes('entityType');
  if (!byType && !indicator.entityTypes.includes(q.entityType)) {
    throw invalid(ctx.lang, 'entityType', 'indicator_not_collected', {
      code: indicator.code,
      entityType: q.entityType,
      types: indicator.entityTypes.join(', '),
    });
  }
  if (q.yearFrom !== undefined && q.yearTo !== undefined && q.yearFrom > q.yearTo)
    throw invalid(ctx.lang, 'yearFrom', 'year_range', { from: q.yearFrom, to: q.yearTo });
  const entityType = byType ? null : q.entityType;

  let years: { from: number; to: number } | null;
  if (q.yearFrom !== undefined || q.yearTo !== undefined) years = { from: q.yearFrom ?? 1900, to: q.yearTo ?? 2200 };
  else {
    const known = await yearsWithData(db, entityType);
    const last = known.at(-1);
    years = last === undefined ? null : dims.includes('year') ? { from: known[0], to: last } : { from: last, to: last };
  }
  const empty: Pivot = { indicator, rows: [], cols: [], cells: [], rowTotals: [], colTotals: [], total: null, synthetic: false };
  if (!years) return empty;

  const parts = partsOf([indicator]);
  const where: SQL[] = [sql`indicator = ANY(${sql.param(parts)}::text[])`, sql`year BETWEEN ${years.from} AND ${years.to}`];
  if (entityType !== null) where.push(sql`entity_type = ${entityType}`);
  if (q.zone) where.push(sql`zone_id = ${await resolveZone(db, ctx.lang, q.zone)}::uuid`);
  if (q.province) where.push(sql`province = ${q.province}`);
  if (q.sector) where.push(sql`sector = ${q.sector}`);
  if (q.size) where.push(sql`size_class = ${q.size}`);
  if (q.stage) where.push(sql`stage = ${q.stage}`);
  const useCube = dims.some((d) => CUBE_ONLY.has(d)) || q.size !== undefined || q.stage !== undefined;
  const table = sql.raw(useCube ? 'stat_cube' : 'stat_rollups');

  // Asked alongside the figures (a second connection on PostgreSQL); awaited only once they are in.
  const synthetic = anySynthetic(db, years, entityType);
  synthetic.catch(() => {}); // if the figures fail, that failure is the answer
  const rows = await queryRows<PivotRow>(
    db,
    sql`SELECT ${sql.raw(COLUMN[q.rows])} AS r, ${sql.raw(COLUMN[q.cols])} AS c, indicator, sum(total)::float8 AS total, sum(count)::int AS count
      FROM ${table} WHERE ${sql.join(where, sql` AND `)} GROUP BY 1, 2, 3`,
  );
  if (rows.length === 0) return { ...empty, synthetic: await synthetic };

  const keysOf = (pick: (r: PivotRow) => string | null) => [...new Set(rows.map(pick))];
  const rawRowKeys = keysOf((r) => r.r);
  const rawColKeys = keysOf((r) => r.c);
  const keysFor = (dim: PivotDimension) => (q.rows === dim ? rawRowKeys : q.cols === dim ? rawColKeys : []).filter((k): k is string => k !== null);
  const [zones, provinces, isSynthetic] = await Promise.all([zoneNames(db, keysFor('zone')), provinceNames(db, keysFor('province')), synthetic]);
  const zoneName = (id: string) => zones.get(id)?.names.en ?? id;
  const rowKeys = orderKeys(q.rows, rawRowKeys, zoneName);
  const colKeys = orderKeys(q.cols, rawColKeys, zoneName);

  return {
    indicator,
    rows: rowKeys.map((key) => ({ key, label: labelOf(q.rows, key, zones, provinces) })),
    cols: colKeys.map((key) => ({ key, label: labelOf(q.cols, key, zones, provinces) })),
    ...assemblePivot(indicator, rows, rowKeys, colKeys),
    synthetic: isSynthetic,
  };
}
