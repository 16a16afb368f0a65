import { sql } from 'drizzle-orm';
import type { Dashboard, Indicator } from '../../../../shared/contracts/statistics';
import { queryRows } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import { indicatorMap } from '../catalogue/catalogue';
import { type Cell, groupTotals, growth, measure, partsOf, type TotalsRow } from '../yearbook/measure';
import { anySynthetic, distribution, missing, outOfScope, placeAmong, type Reader, rollupTotals, yearsWithData, zoneNames, zoneScope } from './common';

/** The key figures of the programme, in the order the dashboard shows them (codes missing from the catalogue are skipped). */
export const KEY_INDICATORS = [
  'enterprises',
  'employees',
  'operating_revenue',
  'exports',
  'rd_expenditure',
  'rd_intensity',
  'valid_invention_patents',
  'employees_degree',
] as const;

/** The dashboard reads enterprises' returns: the zones' own returns would count the same activity twice. */
const ENTITY_TYPE = 'enterprise';

export type DashboardQuery = { year?: number; zoneId?: string };

/** Measures of each indicator for each group of a rollup query. */
function measures(indicators: readonly Indicator[], groups: Map<string | null, Map<string, Cell>>) {
  const out = new Map<string, Map<string | null, number | null>>();
  for (const i of indicators) out.set(i.code, new Map([...groups].map(([g, cells]) => [g, measure(i, cells)])));
  return out;
}

/**
 * The dashboard of a year, nationally and for one zone: per key indicator the national figure, the year before
 * and growth; the zone's figure, its rank and percentile among zones and the distribution of zones' figures;
 * the trend year by year; and how complete the year's returns are. Reads only rollups (3 grouped queries),
 * the registry's count of enterprises and the year's submission counts.
 */
export async function getDashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  const db: Reader = ctx.database.db;
  const scope = zoneScope(ctx.actor);
  let zoneId = q.zoneId?.toLowerCase() ?? null;
  if (scope !== null) {
    if (zoneId !== null && !scope.some((z) => z.toLowerCase() === zoneId)) throw outOfScope(ctx.lang, 'zoneId', 'zone_out_of_scope');
    zoneId ??= scope[0]?.toLowerCase() ?? null;
  }
  const zoneInfo = zoneId === null ? null : ((await zoneNames(db, [zoneId])).get(zoneId) ?? null);
  if (zoneId !== null && !zoneInfo) throw missing(ctx.lang, 'zoneId', 'unknown_zone', { zone: zoneId });

  const catalogue = await indicatorMap(db);
  const indicators = KEY_INDICATORS.map((c) => catalogue.get(c)).filter((i): i is Indicator => !!i);
  const years = await yearsWithData(db, ENTITY_TYPE);
  const year = q.year ?? years.at(-1) ?? new Date().getUTCFullYear();
  const parts = partsOf(indicators);

  const none: TotalsRow[] = [];
  const [nationalRows, byZoneRows, zoneRows] =
    years.length === 0
      ? [none, none, none]
      : await Promise.all([
          rollupTotals(db, parts, 'year', { entityType: ENTITY_TYPE, years }),
          rollupTotals(db, parts, 'zone', { entityType: ENTITY_TYPE, year }),
          zoneId === null ? none : rollupTotals(db, parts, 'year', { entityType: ENTITY_TYPE, zoneId, years }),
        ]);
  const national = measures(indicators, groupTotals(nationalRows));
  const zonesGrouped = groupTotals(byZoneRows);
  zonesGrouped.delete(null); // returns of enterprises outside any zone are national, not a zone's
  const byZone = measures(indicators, zonesGrouped);
  const ofZone = measures(indicators, groupTotals(zoneRows));

  const items = indicators.map((indicator) => {
    const nat = national.get(indicator.code)!;
    const zonesOf = [...byZone.get(indicator.code)!.values()];
    const current = nat.get(String(year)) ?? null;
    const previous = nat.get(String(year - 1)) ?? null;
    const zoneValue = zoneId === null ? null : (ofZone.get(indicator.code)!.get(String(year)) ?? null);
    const place = zoneId === null ? null : placeAmong(byZone.get(indicator.code)!.get(zoneId) ?? null, zonesOf);
    return {
      indicator,
      national: current,
      nationalPrevious: previous,
      growth: growth(previous, current),
      zone: zoneValue,
      rank: place?.rank ?? null,
      percentile: place?.percentile ?? null,
      distribution: distribution(zonesOf),
      trend: years.map((y) => ({
        year: y,
        national: nat.get(String(y)) ?? null,
        zone: zoneId === null ? null : (ofZone.get(indicator.code)!.get(String(y)) ?? null),
      })),
    };
  });

  const [completeness, synthetic] = await Promise.all([yearCompleteness(db, year, zoneId), anySynthetic(db, { from: year, to: year }, ENTITY_TYPE)]);
  return {
    year,
    years,
    zone: zoneId === null ? null : { id: zoneId, names: zoneInfo!.names },
    items,
    completeness,
    synthetic,
  };
}

/**
 * Enterprises expected to file for a year (in the registry: in the zone, or all) and how many of them have
 * submitted (submitted or approved) and been approved all the way. In a zone, the returns counted are those
 * of the zone's registered enterprises (so submitted ≤ expected).
 */
async function yearCompleteness(db: Reader, year: number, zoneId: string | null): Promise<Dashboard['completeness']> {
  type Row = { expected: number; submitted: number; approved: number };
  const counts = sql`count(*) FILTER (WHERE s.status IN ('submitted', 'approved'))::int AS submitted, count(*) FILTER (WHERE s.status = 'approved')::int AS approved`;
  const [row] =
    zoneId === null
      ? await queryRows<Row>(
          db,
          sql`SELECT (SELECT count(*) FROM enterprises)::int AS expected, ${counts}
            FROM stat_submissions s WHERE s.year = ${year} AND s.entity_type = ${ENTITY_TYPE}`,
        )
      : await queryRows<Row>(
          db,
          sql`SELECT (SELECT count(*) FROM enterprises WHERE host_zone_id = ${zoneId}::uuid)::int AS expected, ${counts}
            FROM enterprises e JOIN stat_submissions s ON s.entity_type = ${ENTITY_TYPE} AND s.entity_id = e.id AND s.year = ${year}
            WHERE e.host_zone_id = ${zoneId}::uuid`,
        );
  return { expected: Number(row.expected), submitted: Number(row.submitted), approved: Number(row.approved) };
}
