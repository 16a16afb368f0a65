// What an analyst would otherwise do with an export (bench/statistics.ts): the counted survey values with their
// dimensions exported from PostgreSQL as CSV (COPY … TO STDOUT), read into DuckDB, and every yearbook table and
// pivot answered by a raw scan of those rows. Also the check that both give the same figures: the sums come out
// of DuckDB as exact decimals (DECIMAL(18,1) summed is exact) and out of PostgreSQL as exact numerics, each
// rounded once to a double, and the measures (ratios, shares, growth) are computed from them by the same code,
// so equal means equal, not "close".
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { Indicator, Pivot, PivotQuery, YearbookTable } from '../src/shared/contracts/statistics';
import { type TableDef, tableDef } from '../src/server/modules/statistics/yearbook/definitions';
import { type Cell, growth, measure, partsOf, RECORDS, share } from '../src/server/modules/statistics/yearbook/measure';

/** The microdata as an analyst's export has it: one row per counted value, with the return's dimensions. */
const EXPORT_SQL = `COPY (SELECT s.year, s.entity_type, s.entity_id, s.province, s.zone_id, s.sector, s.size_class, s.stage, v.indicator, v.value
  FROM stat_submissions s JOIN stat_values v ON v.submission_id = s.id WHERE s.counted) TO STDOUT (FORMAT csv)`;
const COLUMNS = `{'year': 'INTEGER', 'entity_type': 'VARCHAR', 'entity_id': 'UUID', 'province': 'VARCHAR', 'zone_id': 'UUID', 'sector': 'VARCHAR',
  'size_class': 'VARCHAR', 'stage': 'VARCHAR', 'indicator': 'VARCHAR', 'value': 'DECIMAL(18,1)'}`;

export async function exportMicrodata(url: string, file: string): Promise<{ seconds: number; bytes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    await pipeline(client.query(pgCopy.to(EXPORT_SQL)), fs.createWriteStream(file));
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - t0) / 1000, bytes: fs.statSync(file).size };
}

export type Duck = Awaited<ReturnType<typeof openDuck>>;

export async function openDuck(file: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const t0 = performance.now();
  await connection.run(`CREATE TABLE micro AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = false, columns = ${COLUMNS})`);
  const loadSeconds = (performance.now() - t0) / 1000;
  const rows = Number((await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM micro')).getRowObjectsJS()[0].n);
  return {
    loadSeconds,
    rows,
    async query(text: string): Promise<Record<string, unknown>[]> {
      return (await connection.runAndReadAll(text)).getRowObjectsJS() as Record<string, unknown>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const lit = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);
const list = (vs: (string | number)[]) => `(${vs.map(lit).join(', ')})`;

/** Cells by group key, then year, then indicator; `national` holds the all-groups cells of each year. */
export type DuckCells = { groups: Map<string | null, Map<number, Map<string, Cell>>>; national: Map<number, Map<string, Cell>> };

function cellsOf(rows: Record<string, unknown>[]): DuckCells {
  const out: DuckCells = { groups: new Map(), national: new Map() };
  for (const r of rows) {
    const year = Number(r.year);
    let byYear: Map<number, Map<string, Cell>>;
    if (Number(r.nat) === 1) byYear = out.national;
    else {
      const g = r.g === null || r.g === undefined ? null : String(r.g);
      byYear = out.groups.get(g) ?? new Map();
      out.groups.set(g, byYear);
    }
    const cells = byYear.get(year) ?? new Map<string, Cell>();
    byYear.set(year, cells);
    cells.set(String(r.indicator), { total: Number(r.total), count: Number(r.cnt) });
  }
  return out;
}

const GROUP_EXPR: Record<TableDef['group'], string> = {
  zone: 'zone_id::VARCHAR',
  province: 'province',
  sector: 'sector',
  year: 'year::VARCHAR',
  enterprise: 'entity_id::VARCHAR',
};

/** The raw-scan equivalent of one yearbook table: the parts of its indicators by group, year and nationally. */
export function yearbookSql(def: TableDef, parts: string[], years: number[]): string {
  const where = `entity_type = ${lit(def.entityType)} AND year IN ${list(years)}`;
  const g = GROUP_EXPR[def.group];
  const values = parts.filter((p) => p !== RECORDS);
  const out: string[] = [];
  if (values.length)
    out.push(`SELECT GROUPING(g)::INTEGER AS nat, g, year, indicator, sum(value)::VARCHAR AS total, count(*)::INTEGER AS cnt
      FROM (SELECT ${g} AS g, year, indicator, value FROM micro WHERE ${where} AND indicator IN ${list(values)}) GROUP BY GROUPING SETS ((g, year, indicator), (year, indicator))`);
  if (parts.includes(RECORDS))
    // Records: returns, one per entity and year here (calendar periods only), so distinct entities within a year.
    out.push(`SELECT GROUPING(g)::INTEGER AS nat, g, year, '${RECORDS}' AS indicator, count(DISTINCT entity_id)::VARCHAR AS total, count(DISTINCT entity_id)::INTEGER AS cnt
      FROM (SELECT ${g} AS g, year, entity_id FROM micro WHERE ${where}) GROUP BY GROUPING SETS ((g, year), (year))`);
  return out.join('\nUNION ALL\n');
}

export function topEnterprisesSql(indicator: string, year: number, n: number): string {
  return `SELECT entity_id::VARCHAR AS id, value::VARCHAR AS v FROM micro WHERE indicator = ${lit(indicator)} AND year = ${year} AND entity_type = 'enterprise' ORDER BY micro.value DESC LIMIT ${n}`;
}

export type Comparison = { figures: number; differ: number; examples: { where: string; seedbed: number | string | null; duckdb: number | string | null }[] };
export const newComparison = (): Comparison => ({ figures: 0, differ: 0, examples: [] });

function note(c: Comparison, where: string, seedbed: number | string | null, duckdb: number | string | null) {
  c.figures++;
  if (seedbed === duckdb) return;
  c.differ++;
  if (c.examples.length < 20) c.examples.push({ where, seedbed, duckdb });
}

/** Runs the yearbook table's equivalent in DuckDB and compares every value, ratio, share and growth cell with Seedbed's table. */
export async function compareYearbook(duck: Duck, table: YearbookTable, catalogue: Map<string, Indicator>, c: Comparison, n = 10): Promise<void> {
  const def = tableDef(table.key)!;
  const indicatorOf = (code: string): Pick<Indicator, 'code' | 'aggregation' | 'numerator' | 'denominator' | 'scale'> =>
    code === 'incubators' ? { code, aggregation: 'count', numerator: null, denominator: null, scale: null } : catalogue.get(code)!;
  if (def.group === 'enterprise') {
    // Rows are [rank, value, share]; ids are compared where the value does not tie with a neighbour's.
    const code = table.columns.find((col) => col.kind === 'value')!.indicator!;
    const top = await duck.query(topEnterprisesSql(code, table.year, n));
    note(c, `${table.key} ${table.year} rows`, table.rows.length, top.length);
    top.forEach((r, i) => {
      const value = Number(r.v);
      note(c, `${table.key} ${table.year} #${i + 1} value`, (table.rows[i]?.cells[1] as number | undefined) ?? null, value);
      const tie = [top[i - 1], top[i + 1]].some((o) => o && Number(o.v) === value);
      if (!tie) note(c, `${table.key} ${table.year} #${i + 1} enterprise`, table.rows[i]?.key ?? null, String(r.id));
    });
    return;
  }
  const codes = [...new Set(table.columns.filter((col) => col.indicator).map((col) => col.indicator!))];
  const parts = partsOf(codes.map(indicatorOf));
  const years = def.group === 'year' ? table.years : [table.year, table.year - 1];
  const cells = cellsOf(await duck.query(yearbookSql(def, parts, years)));
  const cols = table.columns.slice(1); // the first column is the dimension; cells hold the rest
  const check = (rowKey: string | null, rowCells: (number | null)[], isTotal: boolean) => {
    const year = def.group === 'year' ? Number(rowKey) : table.year;
    const here = (y: number) =>
      isTotal ? cells.national.get(y) : def.group === 'year' ? cells.groups.get(String(y))?.get(y) : cells.groups.get(rowKey)?.get(y);
    cols.forEach((col, j) => {
      if (!col.indicator || col.kind === 'rank' || col.kind === 'published' || col.kind === 'dimension') return;
      const i = indicatorOf(col.indicator);
      const now = here(year);
      const v = now ? measure(i, now) : null;
      let expected: number | null;
      if (col.kind === 'share') {
        const nat = cells.national.get(year);
        expected = share(v, nat ? measure(i, nat) : null);
      } else if (col.kind === 'growth') {
        const before = here(year - 1);
        expected = growth(before ? measure(i, before) : null, v);
      } else expected = v;
      note(c, `${table.key} ${table.year} ${rowKey ?? 'total'} ${col.key}`, rowCells[j], expected);
    });
  };
  for (const row of table.rows) check(row.key, row.cells, false);
  if (table.total) check(null, table.total.cells, true);
}

const PIVOT_EXPR: Record<PivotQuery['rows'], string> = {
  year: 'year::VARCHAR',
  zone: 'zone_id::VARCHAR',
  province: 'province',
  sector: 'sector',
  size: 'size_class',
  stage: 'stage',
  entityType: 'entity_type',
};

/** The raw-scan equivalent of a pivot whose years are given (or, with a year dimension, all years). */
export function pivotSql(q: PivotQuery, parts: string[]): string {
  const where: string[] = [`entity_type = ${lit(q.entityType)}`];
  if (q.yearFrom !== undefined) where.push(`year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) where.push(`year <= ${q.yearTo}`);
  if (q.zone) where.push(`zone_id = ${lit(q.zone)}::UUID`);
  if (q.province) where.push(`province = ${lit(q.province)}`);
  if (q.sector) where.push(`sector = ${lit(q.sector)}`);
  if (q.size) where.push(`size_class = ${lit(q.size)}`);
  if (q.stage) where.push(`stage = ${lit(q.stage)}`);
  const r = PIVOT_EXPR[q.rows];
  const c = PIVOT_EXPR[q.cols];
  const values = parts.filter((p) => p !== RECORDS);
  const out: string[] = [];
  if (values.length)
    out.push(`SELECT ${r} AS r, ${c} AS c, indicator, sum(value)::VARCHAR AS total, count(*)::INTEGER AS cnt FROM micro
      WHERE ${where.join(' AND ')} AND indicator IN ${list(values)} GROUP BY ALL`);
  if (parts.includes(RECORDS)) {
    // Records: returns, one per entity and year here; distinct entities suffice when a cell holds one year.
    const oneYear = q.rows === 'year' || q.cols === 'year' || (q.yearFrom !== undefined && q.yearFrom === q.yearTo);
    const records = oneYear ? 'count(DISTINCT entity_id)' : 'count(DISTINCT (entity_id, year))';
    out.push(`SELECT ${r} AS r, ${c} AS c, '${RECORDS}' AS indicator, ${records}::VARCHAR AS total, ${records}::INTEGER AS cnt
      FROM micro WHERE ${where.join(' AND ')} GROUP BY ALL`);
  }
  return out.join('\nUNION ALL\n');
}

export async function comparePivot(duck: Duck, q: PivotQuery, p: Pivot, c: Comparison): Promise<number> {
  const rows = await duck.query(pivotSql(q, partsOf([p.indicator])));
  const cells = new Map<string, Map<string, Cell>>();
  const k = (r: unknown, col: unknown) => `${r ?? '∅'}|${col ?? '∅'}`;
  for (const r of rows) {
    const key = k(r.r, r.c);
    const m = cells.get(key) ?? new Map<string, Cell>();
    cells.set(key, m);
    m.set(String(r.indicator), { total: Number(r.total), count: Number(r.cnt) });
  }
  let nonEmpty = 0;
  for (const [i, row] of p.rows.entries())
    for (const [j, col] of p.cols.entries()) {
      const m = cells.get(k(row.key, col.key));
      const expected = m ? measure(p.indicator, m) : null;
      if (expected !== null) nonEmpty++;
      note(c, `pivot ${p.indicator.code} ${q.rows}×${q.cols} [${row.key}, ${col.key}]`, p.cells[i][j], expected);
    }
  // Cells DuckDB has that the pivot lacks (it would then show fewer rows or columns).
  const keys = new Set(p.rows.flatMap((row) => p.cols.map((col) => k(row.key, col.key))));
  for (const key of cells.keys())
    if (!keys.has(key)) {
      note(c, `pivot ${p.indicator.code} ${q.rows}×${q.cols} cell ${key} (absent from Seedbed's pivot)`, null, 'present');
    }
  return nonEmpty;
}
