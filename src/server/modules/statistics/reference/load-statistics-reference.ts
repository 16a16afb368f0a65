import { sql } from 'drizzle-orm';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { statIndicators, statSeries } from '../statistics.tables';
import { readStatisticsReference } from './reference-files';

/**
 * Loads the indicator catalogue and the published series (data/reference/statistics) into the database:
 * inserted or updated by code, one audit entry for the load. Idempotent.
 */
export async function loadStatisticsReference(ctx: Ctx): Promise<{ indicators: number; series: number }> {
  const ref = readStatisticsReference();
  return withTransaction(ctx, async (tx, audit) => {
    for (const [sort, i] of ref.indicators.entries()) {
      const row = {
        code: i.code,
        names: i.names,
        definitions: i.definitions,
        unit: i.unit,
        valueType: i.valueType,
        aggregation: i.aggregation,
        numerator: i.numerator ?? null,
        denominator: i.denominator ?? null,
        scale: i.scale ?? null,
        entityTypes: i.entityTypes,
        group: i.group,
        frascati: i.frascati ?? null,
        oslo: i.oslo ?? null,
        source: i.source,
        sort,
      };
      await tx
        .insert(statIndicators)
        .values(row)
        .onConflictDoUpdate({ target: statIndicators.code, set: { ...row, updatedAt: sql`now()` } });
    }
    for (const s of ref.series) {
      const row = { code: s.code, names: s.names, unit: s.unit, indicator: s.indicator ?? null, scope: s.scope, points: s.points };
      await tx
        .insert(statSeries)
        .values(row)
        .onConflictDoUpdate({ target: statSeries.code, set: { ...row, updatedAt: sql`now()` } });
    }
    const counts = { indicators: ref.indicators.length, series: ref.series.length };
    await audit({ action: 'statistics.reference.load', entityType: 'stat_reference', after: counts });
    return counts;
  });
}
