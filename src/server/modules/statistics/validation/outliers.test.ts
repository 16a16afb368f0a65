import { describe, expect, it } from 'vitest';
import { type History, validateSubmission } from './evaluate';
import { earlierValues } from './outliers';
import { ValidationRule } from './rules';

const REVENUE_VS_LAST_YEAR = ValidationRule.parse({
  id: 'revenue_vs_last_year',
  kind: 'outlierMinMax',
  indicator: 'operating_revenue',
  minRatio: 0.2,
  maxRatio: 5,
});
const EMPLOYEES_VS_HISTORY = ValidationRule.parse({ id: 'employees_vs_history', kind: 'outlierZScore', indicator: 'employees' });

describe('earlierValues', () => {
  it('keeps only earlier years with a value, sorted, the last entry of a repeated year', () => {
    const history = [
      { year: 2024, values: { x: 9 } }, // the survey year itself: not history
      { year: 2021, values: { x: 1 } },
      { year: 2022, values: { x: null } },
      { year: 2023, values: { x: 3 } },
      { year: 2021, values: { x: 2 } },
    ];
    expect(earlierValues(history, 'x', 2024)).toEqual([
      { year: 2021, value: 2 },
      { year: 2023, value: 3 },
    ]);
  });
});

describe('outlierMinMax (vs last year)', () => {
  const lastYear = [{ year: 2023, values: { operating_revenue: 50_000 } }];
  const check = (value: number | null, history = lastYear) => validateSubmission([REVENUE_VS_LAST_YEAR], { operating_revenue: value }, history, 2024);

  it('passes within [0.2, 5] times last year, limits included', () => {
    for (const v of [10_000, 50_000, 250_000]) expect(check(v)).toEqual({ findings: [], unchecked: [] });
  });

  it('warns at 12.4 times last year, with both years’ figures', () => {
    expect(check(620_000).findings).toEqual([
      {
        ruleId: 'revenue_vs_last_year',
        kind: 'outlierMinMax',
        severity: 'warning',
        indicators: ['operating_revenue'],
        key: 'statistics:validation.outlier_ratio_failed',
        params: { indicator: 'operating_revenue', value: 620_000, year: 2024, lastValue: 50_000, lastYear: 2023, ratio: 12.4, minRatio: 0.2, maxRatio: 5 },
      },
    ]);
    expect(check(5_000).findings[0].params.ratio).toBeCloseTo(0.1);
  });

  it('is unchecked without last year’s figure (a gap year is no history), or when it is 0, or without this year’s', () => {
    expect(check(620_000, []).unchecked).toMatchObject([
      { reason: 'no_history', key: 'statistics:validation.unchecked.no_last_year', params: { lastYear: 2023 } },
    ]);
    expect(check(620_000, [{ year: 2022, values: { operating_revenue: 50_000 } }]).unchecked[0].reason).toBe('no_history');
    expect(check(620_000, [{ year: 2023, values: { operating_revenue: 0 } }]).unchecked).toMatchObject([
      { reason: 'division_by_zero', key: 'statistics:validation.unchecked.zero_last_year' },
    ]);
    expect(check(null).unchecked).toMatchObject([{ reason: 'missing_values', indicators: ['operating_revenue'] }]);
    expect(check(620_000, []).findings).toEqual([]);
  });
});

describe('outlierZScore (vs the entity’s own earlier years)', () => {
  // Year-end employees 2020–2023: 100, 110, 90, 100 → mean 100, sample standard deviation √(200/3) ≈ 8.165.
  const history = [
    { year: 2021, values: { employees: 110 } },
    { year: 2020, values: { employees: 100 } },
    { year: 2023, values: { employees: 100 } },
    { year: 2022, values: { employees: 90 } },
  ];
  const check = (employees: number | null, h: History = history, rule = EMPLOYEES_VS_HISTORY) => validateSubmission([rule], { employees }, h, 2024);

  it('passes a figure within 3 standard deviations of the mean', () => {
    expect(check(120)).toEqual({ findings: [], unchecked: [] }); // z ≈ 2.45
    expect(check(80)).toEqual({ findings: [], unchecked: [] });
  });

  it('warns beyond 3 standard deviations, above or below, with z, mean, sd and the years', () => {
    const above = check(135).findings;
    expect(above).toHaveLength(1);
    expect(above[0]).toMatchObject({
      ruleId: 'employees_vs_history',
      severity: 'warning',
      key: 'statistics:validation.outlier_zscore_failed.above',
      params: { indicator: 'employees', value: 135, mean: 100, maxZ: 3, years: 4, fromYear: 2020, toYear: 2023, count: 4.3 },
    });
    expect(above[0].params.z).toBeCloseTo(35 / Math.sqrt(200 / 3), 10);
    expect(above[0].params.sd).toBeCloseTo(Math.sqrt(200 / 3), 10);
    expect(check(60).findings[0].key).toBe('statistics:validation.outlier_zscore_failed.below');
  });

  it('with too little history (fewer than minHistory earlier values) finds nothing and says it could not check', () => {
    const two = history.slice(0, 2);
    expect(check(10_000, two)).toEqual({
      findings: [],
      unchecked: [
        {
          ruleId: 'employees_vs_history',
          reason: 'no_history',
          kind: 'outlierZScore',
          indicators: ['employees'],
          key: 'statistics:validation.unchecked.too_little_history',
          params: { indicator: 'employees', count: 2, need: 3 },
        },
      ],
    });
    // a year without the figure does not count; the survey year itself never does
    expect(check(10_000, [...two, { year: 2022, values: {} }, { year: 2024, values: { employees: 1 } }]).unchecked[0].reason).toBe('no_history');
    // minHistory 2 is enough with two years
    const lenient = ValidationRule.parse({ id: 'lenient', kind: 'outlierZScore', indicator: 'employees', minHistory: 2 });
    expect(check(10_000, two, lenient).findings).toHaveLength(1);
  });

  it('earlier years all equal: the same figure passes, another is unchecked (no spread to divide by)', () => {
    const flat = [2020, 2021, 2022].map((year) => ({ year, values: { employees: 40 } }));
    expect(check(40, flat)).toEqual({ findings: [], unchecked: [] });
    expect(check(41, flat).unchecked).toMatchObject([{ reason: 'division_by_zero', key: 'statistics:validation.unchecked.no_spread', params: { mean: 40 } }]);
  });

  it('is unchecked without this year’s figure', () => {
    expect(check(null).unchecked).toMatchObject([{ reason: 'missing_values' }]);
  });
});
