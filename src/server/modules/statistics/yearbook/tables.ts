import { inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Indicator, Text3, YearbookQuery, YearbookTable } from '../../../../shared/contracts/statistics';
import { queryRows } from '../../../db/client';
import { allows } from '../../../platform/permissions';
import type { Ctx } from '../../../platform/context';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { divisions, enterprises, zones } from '../../registry/registry.tables';
import { codeLabel, SECTOR_LABELS } from '../analysis/labels';
import { indicatorMap, readSeries } from '../catalogue/catalogue';
import { convertUnit, type Unit, UNITS } from '../reference/reference-files';
import { statPeriods } from '../statistics.tables';
import { fill, LABELS, type TableDef, tableDef } from './definitions';
import { type Cells, groupTotals, growth, measure, partsOf, rollupTotalsSql, share, type TotalsRow } from './measure';

type Query = z.infer<typeof YearbookQuery>;
type Column = YearbookTable['columns'][number];

/** Staff read every year; the public only years whose yearbook is published. */
const readsUnpublished = (ctx: Ctx) => allows('statistics.read', ctx.actor?.roles.map((g) => g.role) ?? null);

export async function yearsOf(ctx: Ctx): Promise<{ year: number; published: boolean }[]> {
  const db = ctx.database.db;
  // One index probe per period (the rollups' key starts with the year), not a DISTINCT over every rollup cell.
  const withData = await queryRows<{ year: number }>(
    db,
    sql`SELECT y.year FROM (SELECT DISTINCT year FROM stat_periods) y WHERE EXISTS (SELECT 1 FROM stat_rollups r WHERE r.year = y.year) ORDER BY y.year`,
  );
  const published = new Set((await db.select({ year: statPeriods.year }).from(statPeriods).where(isNotNull(statPeriods.publishedAt))).map((r) => r.year));
  const staff = readsUnpublished(ctx);
  return withData.map((r) => ({ year: r.year, published: published.has(r.year) })).filter((y) => staff || y.published);
}

const countIndicator = (code: string, names: Text3): Indicator => ({
  code,
  names,
  definitions: names,
  unit: 'count',
  valueType: 'integer',
  aggregation: 'count',
  numerator: null,
  denominator: null,
  scale: null,
  entityTypes: ['incubator'],
  group: null,
  frascati: null,
  oslo: null,
  source: 'Torch statistical survey (issue 5 catalogue)',
});

/** The indicators a table measures (top-N tables: the one asked for). */
async function indicatorsFor(ctx: Ctx, def: TableDef, q: Query): Promise<Indicator[]> {
  const catalogue = await indicatorMap(ctx.database.db);
  const codes = def.top ? [q.indicator ?? 'operating_revenue'] : def.values;
  return codes.map((code) => {
    if (code === 'incubators') return countIndicator(code, LABELS.incubators);
    const i = catalogue.get(code);
    if (!i) throw notFound('statistics.unknown_indicator');
    return i;
  });
}

/** Display names of each group key: zones, provinces (divisions), sectors, years. */
async function labelsOf(ctx: Ctx, group: TableDef['group'], keys: (string | null)[]): Promise<Map<string | null, Text3>> {
  const out = new Map<string | null, Text3>();
  const ids = keys.filter((k): k is string => !!k);
  if (group === 'zone' && ids.length)
    for (const z of await ctx.database.db.select({ id: zones.id, names: zones.names }).from(zones).where(inArray(zones.id, ids))) out.set(z.id, z.names);
  if (group === 'province' && ids.length)
    for (const d of await ctx.database.db.select({ code: divisions.code, names: divisions.names }).from(divisions).where(inArray(divisions.code, ids)))
      out.set(d.code, d.names);
  if (group === 'enterprise' && ids.length)
    for (const e of await ctx.database.db.select({ id: enterprises.id, names: enterprises.names }).from(enterprises).where(inArray(enterprises.id, ids)))
      out.set(e.id, e.names);
  for (const k of keys) if (!out.has(k)) out.set(k, k === null ? LABELS.unknown : group === 'sector' ? codeLabel(SECTOR_LABELS, k) : { en: k });
  return out;
}

async function totals(ctx: Ctx, parts: string[], group: 'zone' | 'province' | 'sector' | 'year' | 'none', entityType: string, years: number[]) {
  const rows = await queryRows<TotalsRow & { year?: number }>(ctx.database.db, rollupTotalsSql(parts, group, { entityType, years }));
  return groupTotals(rows);
}

/**
 * One standard table for a year, from the rollups only: the rows' measures, shares of the national total,
 * growth on the previous year, the national total row, and the published figures from the seeds beside.
 */
export async function yearbookTable(ctx: Ctx, key: string, q: Query): Promise<YearbookTable> {
  const def = tableDef(key);
  if (!def) throw notFound('statistics.unknown_table');
  const staff = readsUnpublished(ctx);
  if (!def.public && !staff) throw ctx.actor ? forbidden() : notFound('statistics.unknown_table');
  const years = await yearsOf(ctx);
  if (years.length === 0) throw notFound('statistics.no_yearbook');
  const year = q.year ?? years[years.length - 1].year;
  const entry = years.find((y) => y.year === year);
  if (!entry) throw new AppError(404, 'statistics.year_not_published', { year });
  if (def.group === 'enterprise') return topEnterprises(ctx, def, q, year, years);
  const indicators = await indicatorsFor(ctx, def, q);
  const parts = partsOf(indicators);
  const group = def.group === 'year' ? 'year' : def.group;
  const span = def.group === 'year' ? years.map((y) => y.year) : [year, year - 1];
  // The four reads are independent: run them together (a pool of connections on PostgreSQL).
  const byYear = def.group === 'year';
  const [byGroupAll, current, previous, national, nationalPrevious] = await Promise.all([
    byYear ? totals(ctx, parts, group, def.entityType, span) : Promise.resolve(new Map() as Awaited<ReturnType<typeof totals>>),
    byYear ? Promise.resolve(null) : totals(ctx, parts, group, def.entityType, [year]),
    byYear ? Promise.resolve(null) : totals(ctx, parts, group, def.entityType, [year - 1]),
    totals(ctx, parts, 'none', def.entityType, [year]),
    byYear ? Promise.resolve(null) : totals(ctx, parts, 'none', def.entityType, [year - 1]),
  ]);
  const nationalCells = national.get(null) ?? new Map();
  const columns: Column[] = [{ key: def.group, label: LABELS[def.group], kind: 'dimension', unit: null, indicator: null }];
  const keyOrder: string[] = [];
  if (def.top) columns.push({ key: 'rank', label: LABELS.rank, kind: 'rank', unit: null, indicator: null });
  for (const i of indicators) {
    columns.push({ key: def.top ? 'value' : i.code, label: i.names, kind: i.aggregation === 'ratio' ? 'ratio' : 'value', unit: i.unit, indicator: i.code });
    keyOrder.push(i.code);
  }
  const derived = def.top
    ? [
        { kind: 'share' as const, of: indicators[0].code },
        { kind: 'growth' as const, of: indicators[0].code },
      ]
    : def.derived;
  for (const d of derived) {
    const i = indicators.find((x) => x.code === d.of)!;
    columns.push({ key: `${d.kind}:${d.of}`, label: fill(LABELS[d.kind], i.names), kind: d.kind, unit: 'fraction', indicator: i.code });
  }
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const cellsFor = (cells: Cells | undefined, prev: Cells | undefined, yearKey: number): (number | null)[] => {
    const values = keyOrder.map((code) => (cells ? measure(byCode.get(code)!, cells) : null));
    const extra = derived.map((d) => {
      const i = byCode.get(d.of)!;
      const v = cells ? measure(i, cells) : null;
      if (d.kind === 'share') return share(v, measure(i, nationalCells));
      const p = def.group === 'year' ? (byGroupAll.get(String(yearKey - 1)) ?? undefined) : prev;
      return growth(p ? measure(i, p) : null, v);
    });
    return [...values, ...extra];
  };
  let rows = [...(current ?? byGroupAll).entries()].map(([k, cells]) => ({
    key: k,
    cells: cellsFor(cells, previous?.get(k), def.group === 'year' ? Number(k) : year),
  }));
  const sortIndex = def.top ? 0 : def.sortBy ? keyOrder.indexOf(def.sortBy) : -1;
  if (def.group === 'year') rows.sort((a, b) => Number(a.key) - Number(b.key));
  else if (sortIndex >= 0) rows.sort((a, b) => (b.cells[sortIndex] ?? -Infinity) - (a.cells[sortIndex] ?? -Infinity));
  if (def.top) rows = rows.slice(0, q.n).map((r, i) => ({ ...r, cells: [i + 1, ...r.cells] }));
  const labels = await labelsOf(
    ctx,
    def.group,
    rows.map((r) => r.key),
  );
  const totalCells = def.group === 'year' ? null : cellsFor(nationalCells, nationalPrevious?.get(null), year);
  const records = nationalCells.get('_records');
  return {
    key: def.key,
    title: def.title,
    year,
    years: years.map((y) => y.year),
    columns,
    rows: rows.map((r) => ({ key: r.key, label: def.group === 'year' ? { en: String(r.key) } : labels.get(r.key)!, cells: r.cells })),
    total: totalCells ? { key: null, label: LABELS.total, cells: def.top ? [null, ...totalCells] : totalCells } : null,
    published: await publishedBeside(ctx, indicators, def, year, byGroupAll, nationalCells),
    provisional: records ? records.count - (records.finalCount ?? 0) : 0,
    records: records?.count ?? 0,
    synthetic: await hasSynthetic(ctx, def.group === 'year' ? years.map((y) => y.year) : [year]),
    isPublished: entry.published,
    chart: def.chart,
  };
}

async function hasSynthetic(ctx: Ctx, years: number[]): Promise<boolean> {
  const rows = await queryRows<{ x: boolean }>(
    ctx.database.db,
    sql`SELECT EXISTS (SELECT 1 FROM stat_submissions WHERE synthetic AND counted AND year = ANY(${sql.param(years)}::int[])) AS x`,
  );
  return !!rows[0]?.x;
}

/**
 * Published national figures from the seeds for the table's indicators (of the table's year; every year for
 * the year-by-year table), each with its citation and, where units allow, the figure computed from microdata.
 */
async function publishedBeside(
  ctx: Ctx,
  indicators: Indicator[],
  def: TableDef,
  year: number,
  byYear: Map<string | null, Map<string, { total: number; count: number }>>,
  national: Cells,
) {
  const codes = new Set(indicators.map((i) => i.code));
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const out: YearbookTable['published'] = [];
  for (const s of await readSeries(ctx.database.db)) {
    if (!s.indicator || !codes.has(s.indicator) || (s.scope !== 'nhz' && s.scope !== 'national')) continue;
    const i = byCode.get(s.indicator)!;
    for (const p of s.points) {
      if (def.group !== 'year' && p.year !== year) continue;
      const cells = def.group === 'year' ? (p.year === null ? undefined : byYear.get(String(p.year))) : national;
      const computed = cells ? measure(i, cells) : null;
      out.push({
        series: s.code,
        names: s.names,
        year: p.year,
        value: p.value,
        unit: s.unit,
        source: p.source,
        quote: p.quote,
        computed: computed === null ? null : inUnit(computed, i.unit, s.unit),
      });
    }
  }
  return out;
}

/** A computed figure in the published series' unit (null when the units measure different things). */
function inUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  if (!(from in UNITS) || !(to in UNITS)) return null;
  try {
    return convertUnit(value, from as Unit, to as Unit);
  } catch {
    return null;
  }
}

/** Top enterprises by an indicator (staff only: enterprise-level figures are confidential). Reads survey values. */
async function topEnterprises(ctx: Ctx, def: TableDef, q: Query, year: number, years: { year: number; published: boolean }[]): Promise<YearbookTable> {
  const [indicator] = await indicatorsFor(ctx, def, q);
  if (indicator.aggregation !== 'sum' && indicator.aggregation !== 'average') throw notFound('statistics.unknown_indicator');
  const rows = await queryRows<{ id: string; value: number }>(
    ctx.database.db,
    sql`SELECT s.entity_id AS id, v.value::float8 AS value FROM stat_values v JOIN stat_submissions s ON s.id = v.submission_id
      WHERE v.indicator = ${indicator.code} AND s.counted AND s.year = ${year} AND s.entity_type = 'enterprise'
      ORDER BY v.value DESC LIMIT ${q.n}`,
  );
  const labels = await labelsOf(
    ctx,
    'enterprise',
    rows.map((r) => r.id),
  );
  const national = (await totals(ctx, [indicator.code], 'none', 'enterprise', [year])).get(null) ?? new Map();
  const whole = measure(indicator, national);
  return {
    key: def.key,
    title: def.title,
    year,
    years: years.map((y) => y.year),
    columns: [
      { key: 'enterprise', label: LABELS.enterprise, kind: 'dimension', unit: null, indicator: null },
      { key: 'rank', label: LABELS.rank, kind: 'rank', unit: null, indicator: null },
      { key: 'value', label: indicator.names, kind: 'value', unit: indicator.unit, indicator: indicator.code },
      { key: `share:${indicator.code}`, label: fill(LABELS.share, indicator.names), kind: 'share', unit: 'fraction', indicator: indicator.code },
    ],
    rows: rows.map((r, i) => ({ key: r.id, label: labels.get(r.id)!, cells: [i + 1, r.value, share(r.value, whole)] })),
    total: null,
    published: [],
    provisional: 0,
    records: rows.length,
    synthetic: await hasSynthetic(ctx, [year]),
    isPublished: years.find((y) => y.year === year)?.published ?? false,
    chart: def.chart,
  };
}
