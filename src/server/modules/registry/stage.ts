/**
 * An enterprise's lifecycle stage, derived from its data where a rule exists (PRODUCT.md module 1):
 * registered → incubated tenant → graduated → certified high-tech enterprise → gazelle → unicorn → listed.
 * The furthest stage whose rule holds wins; the reason names the rule and the figures it used.
 */
export type StageFacts = {
  tenancyStatus?: 'tenant' | 'graduated' | null;
  certifiedHighTechOn?: string | null;
  revenueHistory?: { year: number; revenue: number }[];
  valuationUsd?: number | null;
  listed?: boolean;
  /** A seed states the company is a unicorn (no valuation given). */
  unicornFact?: boolean;
};

export type GazelleRule = { years: number; minAnnualGrowth: number; minBaseRevenue: number };

/**
 * Gazelle: the seeds give no threshold, so the rule is a parameter each deployment sets. Our default
 * (not from the seeds): compound revenue growth of at least 20% a year over the last three years, from a
 * base of at least 5 million in the enterprise's reporting currency.
 */
export const DEFAULT_GAZELLE_RULE: GazelleRule = { years: 3, minAnnualGrowth: 0.2, minBaseRevenue: 5_000_000 };

/** Unicorn: a private company valued at US$1 billion or more. */
export const UNICORN_VALUATION_USD = 1_000_000_000;

export type Stage = 'registered' | 'incubated' | 'graduated' | 'certified_high_tech' | 'gazelle' | 'unicorn' | 'listed';
export type StageVerdict = { stage: Stage; reason: { rule: string; params?: Record<string, unknown> } };

export function deriveStage(f: StageFacts, gazelle: GazelleRule = DEFAULT_GAZELLE_RULE): StageVerdict {
  if (f.listed) return { stage: 'listed', reason: { rule: 'listed' } };
  if (f.valuationUsd != null && f.valuationUsd >= UNICORN_VALUATION_USD) {
    return { stage: 'unicorn', reason: { rule: 'unicorn_valuation', params: { valuationUsd: f.valuationUsd, threshold: UNICORN_VALUATION_USD } } };
  }
  if (f.unicornFact) return { stage: 'unicorn', reason: { rule: 'unicorn_source' } };
  const growth = gazelleGrowth(f.revenueHistory ?? [], gazelle);
  if (growth) return { stage: 'gazelle', reason: { rule: 'gazelle_growth', params: growth } };
  if (f.certifiedHighTechOn) return { stage: 'certified_high_tech', reason: { rule: 'certified', params: { since: f.certifiedHighTechOn } } };
  if (f.tenancyStatus === 'graduated') return { stage: 'graduated', reason: { rule: 'graduated' } };
  if (f.tenancyStatus === 'tenant') return { stage: 'incubated', reason: { rule: 'tenant' } };
  return { stage: 'registered', reason: { rule: 'registered' } };
}

/** Compound annual growth over the last `years` years, when it meets the rule. */
export function gazelleGrowth(history: { year: number; revenue: number }[], rule: GazelleRule) {
  const byYear = new Map(history.map((h) => [h.year, h.revenue]));
  const last = Math.max(...history.map((h) => h.year));
  if (!Number.isFinite(last)) return null;
  const base = byYear.get(last - rule.years);
  const latest = byYear.get(last);
  if (base === undefined || latest === undefined || base < rule.minBaseRevenue || base <= 0) return null;
  const cagr = (latest / base) ** (1 / rule.years) - 1;
  if (cagr < rule.minAnnualGrowth) return null;
  return { fromYear: last - rule.years, toYear: last, baseRevenue: base, latestRevenue: latest, annualGrowth: Math.round(cagr * 1000) / 1000, threshold: rule.minAnnualGrowth };
}
