import type { MarketStats } from '../../../../shared/contracts/techmarket';

export type StatsRow = MarketStats['rows'][number];
export type PublishedPoint = MarketStats['published'][number];
export const STATS_DIMENSIONS = ['kind', 'region', 'sector', 'year', 'country'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** A `country` key is the flow of technology, seller's country → buyer's ("CN→PK"). */
export function splitFlow(key: string): { from: string; to: string } | null {
  const m = key.match(/^([A-Z]{2})→([A-Z]{2})$/);
  return m ? { from: m[1], to: m[2] } : null;
}

/**
 * What Seedbed computes for the year of a published figure, in the figure's own unit, from the registered
 * contracts counted by year in yuan: the count, the value in CNY billion, the growth on the year before in
 * percent. 'none': no contract registered here that year (or the year before, for growth). null: the market
 * cannot compute it at all (the share of GDP needs the GDP).
 */
export function computedFor(p: PublishedPoint, byYearCny: readonly StatsRow[] | undefined): number | 'none' | null {
  const computable = p.code === 'tech_contracts' || p.code === 'tech_contract_value' || p.code === 'tech_contract_value_growth';
  if (!computable || p.year === null) return null;
  if (!byYearCny) return 'none';
  const at = (y: number) => byYearCny.find((r) => r.key === String(y));
  const row = at(p.year);
  if (!row) return 'none';
  if (p.code === 'tech_contracts') return row.count;
  if (p.code === 'tech_contract_value') return row.amount / 1e9;
  const before = at(p.year - 1);
  return before && before.amount > 0 ? (row.amount / before.amount - 1) * 100 : 'none';
}

/** Rows for a chart: the largest first (years in order), at most `max`, the rest summed into one "other" row. */
export function chartRows(rows: readonly StatsRow[], by: StatsDimension, max = 12): { rows: StatsRow[]; other: StatsRow | null } {
  if (by === 'year' || rows.length <= max) return { rows: [...rows], other: null };
  const sorted = [...rows].sort((a, b) => b.amount - a.amount || b.count - a.count);
  const rest = sorted.slice(max - 1);
  const other: StatsRow = {
    key: 'other',
    count: rest.reduce((s, r) => s + r.count, 0),
    amount: rest.reduce((s, r) => s + r.amount, 0),
    techIncome: rest.reduce((s, r) => s + r.techIncome, 0),
    crossBorderCount: rest.reduce((s, r) => s + r.crossBorderCount, 0),
    crossBorderAmount: rest.reduce((s, r) => s + r.crossBorderAmount, 0),
  };
  return { rows: sorted.slice(0, max - 1), other };
}
