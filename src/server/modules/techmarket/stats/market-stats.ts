import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MarketStats, MarketStatsQuery } from '../../../../shared/contracts/techmarket';
import { type Db, queryRows } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import { publishedMarketSeries } from './published-series';

type Query = z.output<typeof MarketStatsQuery>;
type Row = MarketStats['rows'][number];
type Cell = {
  currency: string;
  key: string | null;
  is_total: number;
  count: number;
  amount: string;
  tech_income: string;
  cb_count: number;
  cb_amount: string;
  synthetic: boolean;
};

/**
 * What a contract is counted under. `country` is the flow of technology, seller's country → buyer's
 * (CN→CN is domestic, CN→PK an export to Pakistan); a contract at an agency with no province has region "unknown".
 */
const DIMENSIONS: Record<Query['by'], SQL> = {
  kind: sql`kind`,
  region: sql`coalesce(nullif(region, ''), 'unknown')`,
  sector: sql`sector`,
  year: sql`year::text`,
  country: sql`seller_country || '→' || buyer_country`,
};

/**
 * The cells of currency × dimension and each currency's total in one pass (GROUPING SETS) over the rollup
 * cells of registered contracts (of the year asked, through the cells' unique index, which leads with the
 * year) — never over the contracts themselves.
 */
export function marketStatsSql(query: Pick<Query, 'by' | 'year'>): SQL {
  const dim = DIMENSIONS[query.by];
  return sql`
    SELECT currency, ${dim} AS key, GROUPING(${dim}) AS is_total,
           sum(count)::int AS count, sum(amount) AS amount, sum(tech_income) AS tech_income,
           coalesce(sum(count) FILTER (WHERE cross_border), 0)::int AS cb_count, coalesce(sum(amount) FILTER (WHERE cross_border), 0) AS cb_amount,
           bool_or(synthetic) AS synthetic
      FROM tm_contract_rollups
     ${query.year === undefined ? sql`` : sql`WHERE year = ${query.year}`}
     GROUP BY GROUPING SETS ((currency, ${dim}), (currency))`;
}

const toRow = (key: string, c: Cell | undefined): Row => ({
  key,
  count: c?.count ?? 0,
  amount: Number(c?.amount ?? 0),
  techIncome: Number(c?.tech_income ?? 0),
  crossBorderCount: c?.cb_count ?? 0,
  crossBorderAmount: Number(c?.cb_amount ?? 0),
});

/**
 * Market statistics of registered contracts, counted in the year signed. Amounts are never summed across
 * currencies: the figures are those of the currency asked, else of the currency most contracts are in; the
 * others are listed. The published national series stand beside them with their seed files.
 */
export async function marketStats(ctx: Ctx, query: Query): Promise<MarketStats> {
  const db: Db = ctx.database.db;
  const [cells, published] = await Promise.all([queryRows<Cell>(db, marketStatsSql(query)), publishedMarketSeries(db)]);
  const totals = cells.filter((c) => Number(c.is_total) === 1).sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
  const currency = query.currency ?? totals[0]?.currency ?? 'CNY';
  const total = totals.find((t) => t.currency === currency);
  const rows = cells
    .filter((c) => Number(c.is_total) === 0 && c.currency === currency)
    .map((c) => toRow(c.key ?? 'unknown', c))
    .sort((a, b) => (query.by === 'year' ? a.key.localeCompare(b.key) : b.amount - a.amount || a.key.localeCompare(b.key)));
  const totalRow = toRow('total', total);
  return {
    by: query.by,
    year: query.year ?? null,
    currency,
    currencies: totals.map((t) => t.currency),
    rows,
    total: totalRow,
    crossBorderShare: {
      count: totalRow.count ? totalRow.crossBorderCount / totalRow.count : null,
      amount: totalRow.amount ? totalRow.crossBorderAmount / totalRow.amount : null,
    },
    synthetic: !!total?.synthetic,
    published,
  };
}
