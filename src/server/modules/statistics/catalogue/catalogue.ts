import { asc, eq } from 'drizzle-orm';
import type { Indicator, Series } from '../../../../shared/contracts/statistics';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { statIndicators, statSeries } from '../statistics.tables';

type Row = typeof statIndicators.$inferSelect;

export const toIndicator = (r: Row): Indicator => ({
  code: r.code,
  names: r.names,
  definitions: r.definitions,
  unit: r.unit,
  valueType: r.valueType,
  aggregation: r.aggregation as Indicator['aggregation'],
  numerator: r.numerator,
  denominator: r.denominator,
  scale: r.scale,
  entityTypes: r.entityTypes,
  group: r.group,
  frascati: r.frascati,
  oslo: r.oslo,
  source: r.source,
});

/** The indicator catalogue, in catalogue order. */
export async function readIndicators(db: Db | Tx): Promise<Indicator[]> {
  const rows = await db.select().from(statIndicators).orderBy(asc(statIndicators.sort), asc(statIndicators.code));
  return rows.map(toIndicator);
}

export async function indicatorMap(db: Db | Tx): Promise<Map<string, Indicator>> {
  return new Map((await readIndicators(db)).map((i) => [i.code, i]));
}

export async function readIndicator(db: Db | Tx, code: string): Promise<Indicator | null> {
  const [row] = await db.select().from(statIndicators).where(eq(statIndicators.code, code));
  return row ? toIndicator(row) : null;
}

/** The published series from the seeds, each point citing its file. */
export async function readSeries(db: Db | Tx): Promise<Series[]> {
  const rows = await db.select().from(statSeries).orderBy(asc(statSeries.code));
  return rows.map((r) => ({ code: r.code, names: r.names, unit: r.unit, indicator: r.indicator, scope: r.scope, points: r.points }));
}
