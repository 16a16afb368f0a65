import type { MarketStats } from '../../../../shared/contracts/techmarket';
import type { Db } from '../../../db/client';
import { readSeries } from '../../statistics/catalogue/catalogue';

/** The national technology-market series the statistics module publishes from the seeds (seeds/001, seeds/002). */
export const MARKET_SERIES = ['tech_contracts', 'tech_contract_value', 'tech_contract_value_gdp_share', 'tech_contract_value_growth'] as const;

/** Each published point of those series, citing its seed file and words, to show beside the computed figures. */
export async function publishedMarketSeries(db: Db): Promise<MarketStats['published']> {
  const series = (await readSeries(db)).filter((s) => (MARKET_SERIES as readonly string[]).includes(s.code));
  series.sort((a, b) => MARKET_SERIES.indexOf(a.code as never) - MARKET_SERIES.indexOf(b.code as never));
  return series.flatMap((s) =>
    s.points.map((p) => ({ code: s.code, names: s.names, unit: s.unit, year: p.year, value: p.value, source: p.source, quote: p.quote })),
  );
}
