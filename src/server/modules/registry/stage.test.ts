import { describe, expect, it } from 'vitest';
import { deriveStage } from './stage';

const growing = [
  { year: 2020, revenue: 10_000_000 },
  { year: 2021, revenue: 13_000_000 },
  { year: 2022, revenue: 16_000_000 },
  { year: 2023, revenue: 20_000_000 },
];

describe('enterprise stage', () => {
  it('defaults to registered, then follows tenancy and certification', () => {
    expect(deriveStage({}).stage).toBe('registered');
    expect(deriveStage({ tenancyStatus: 'tenant' }).stage).toBe('incubated');
    expect(deriveStage({ tenancyStatus: 'graduated' }).stage).toBe('graduated');
    expect(deriveStage({ tenancyStatus: 'graduated', certifiedHighTechOn: '2019' })).toEqual({
      stage: 'certified_high_tech',
      reason: { rule: 'certified', params: { since: '2019' } },
    });
  });

  it('finds a gazelle by compound growth of at least 20% a year over three years', () => {
    const v = deriveStage({ certifiedHighTechOn: '2019', revenueHistory: growing });
    expect(v.stage).toBe('gazelle');
    expect(v.reason.params).toMatchObject({ fromYear: 2020, toYear: 2023, annualGrowth: 0.26 });
    const slow = growing.map((g, i) => ({ ...g, revenue: 10_000_000 * 1.1 ** i }));
    expect(deriveStage({ revenueHistory: slow }).stage).toBe('registered');
    expect(deriveStage({ revenueHistory: growing }, { years: 3, minAnnualGrowth: 0.3, minBaseRevenue: 0 }).stage).toBe('registered');
  });

  it('needs a base year: a short history is not a gazelle', () => {
    expect(deriveStage({ revenueHistory: growing.slice(2) }).stage).toBe('registered');
  });

  it('calls a private company valued at US$1 billion or more a unicorn, and a listed one listed', () => {
    expect(deriveStage({ valuationUsd: 999_999_999 }).stage).toBe('registered');
    expect(deriveStage({ valuationUsd: 1_000_000_000 }).stage).toBe('unicorn');
    expect(deriveStage({ unicornFact: true }).reason.rule).toBe('unicorn_source');
    expect(deriveStage({ valuationUsd: 5e9, listed: true }).stage).toBe('listed');
  });
});
