import type { Indicator } from '../../../../shared/contracts/statistics';
import { queryRows, type Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { groupTotals, measure, partsOf, rollupTotalsSql, type TotalsRow } from './measure';

export type Scope = { entityType?: string; zoneId?: string; province?: string; sector?: string; country?: string };

/**
 * An indicator year by year, computed from the rollups (nationally, or for one country / zone / province / sector).
 * Used by dashboards and by M&E to measure progress against targets.
 */
export async function indicatorSeries(db: Db | Tx, indicator: Indicator, scope: Scope = {}): Promise<{ year: number; value: number | null }[]> {
  const entityType = scope.entityType ?? (indicator.entityTypes.includes('enterprise') ? 'enterprise' : (indicator.entityTypes[0] ?? 'enterprise'));
  const rows = await queryRows<TotalsRow>(
    db,
    rollupTotalsSql(partsOf([indicator]), 'year', { entityType, zoneId: scope.zoneId, province: scope.province, sector: scope.sector, country: scope.country }),
  );
  const byYear = groupTotals(rows);
  return [...byYear.entries()].map(([year, cells]) => ({ year: Number(year), value: measure(indicator, cells) })).sort((a, b) => a.year - b.year);
}
