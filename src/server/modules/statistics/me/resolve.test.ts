import { describe, expect, it } from 'vitest';
import { baselineSetting, baselineValue, basisOf, normaliseTarget, progressOfSetting, resolve, type Setting, targetValue } from './resolve';

// The shape of the example framework of Pakistan's draft STI policy 2021 (seeds/002): a baseline measured in
// 2021 and targets set as changes on it, against series like the demo data's (tenants 2,120 in 2021 …).
const tenants = [
  { year: 2019, value: 1_808 },
  { year: 2020, value: 1_910 },
  { year: 2021, value: 2_120 },
  { year: 2022, value: 2_154 },
  { year: 2023, value: 2_296 },
  { year: 2024, value: 2_623 },
];
const measuredGrowth: Setting = {
  direction: 'increase',
  baseline: { year: 2021, value: null },
  targets: [
    { year: 2022, change: 0.1 },
    { year: 2023, change: 0.2 },
    { year: 2024, change: 0.4 },
  ],
  atRisk: 0.9,
  offTrack: 0.6,
};

describe('resolving a setting', () => {
  it('measures the baseline in its year and takes a change as a share of it', () => {
    const r = resolve(measuredGrowth, tenants);
    expect(r.baseline).toEqual({ year: 2021, measured: true, value: 2_120 });
    expect(r.targets.map((t) => [t.year, t.basis, t.amount])).toEqual([
      [2022, 'change', 0.1],
      [2023, 'change', 0.2],
      [2024, 'change', 0.4],
    ]);
    expect(r.targets[2].value).toBeCloseTo(2_968);
    expect(r.spec?.baseline).toEqual({ year: 2021, value: 2_120 });
  });

  it('adds a delta in points, keeps an absolute value, and applies both to a baseline that was set', () => {
    expect(targetValue({ year: 2024, delta: 0.15 }, 1.65)).toBeCloseTo(1.8);
    expect(targetValue({ year: 2024, value: 3_000 }, 2_120)).toBe(3_000);
    expect(targetValue({ year: 2024, value: 3_000 }, null)).toBe(3_000);
    expect(targetValue({ year: 2024, change: -0.25 }, 40)).toBe(30);
    expect(targetValue({ year: 2024, change: 0.4 }, null)).toBeNull();
    expect(targetValue({ year: 2026, change: 0.1 }, 90)).toBe(99);
    const set = resolve({ ...measuredGrowth, baseline: { year: 2021, value: 900 } }, tenants);
    expect(set.baseline).toEqual({ year: 2021, measured: false, value: 900 });
    expect(set.targets[0].value).toBeCloseTo(990);
  });

  it('finds no measured baseline in a year without data, nor in a year whose value is missing', () => {
    expect(baselineValue({ year: 2018, value: null }, tenants)).toBeNull();
    expect(baselineValue({ year: 2021, value: null }, [{ year: 2021, value: null }])).toBeNull();
    expect(baselineValue({ year: 2018, value: 7 }, [])).toBe(7);
  });

  it('reads the basis of a stored target and keeps only that key of an input', () => {
    expect(basisOf({ year: 2022, value: 5 })).toEqual({ basis: 'value', amount: 5 });
    expect(basisOf({ year: 2022, change: 0.1 })).toEqual({ basis: 'change', amount: 0.1 });
    expect(basisOf({ year: 2022, delta: -2 })).toEqual({ basis: 'delta', amount: -2 });
    expect(normaliseTarget({ year: 2022, change: 0.1, value: undefined })).toEqual({ year: 2022, change: 0.1 });
    expect(() => normaliseTarget({ year: 2022 })).toThrow();
    expect(baselineSetting({ year: 2021, measured: true })).toEqual({ year: 2021, value: null });
    expect(baselineSetting({ year: 2021, value: 12 })).toEqual({ year: 2021, value: 12 });
  });
});

describe('progress on a resolved setting', () => {
  it('measures achievement against the resolved path (2,623 in 2024 against 2,968 expected: 59 % → off track)', () => {
    const p = progressOfSetting(measuredGrowth, tenants);
    expect(p.latest).toEqual({ year: 2024, value: 2_623 });
    expect(p.expected).toBeCloseTo(2_968);
    expect(p.achievement).toBeCloseTo((2_623 - 2_120) / (2_968 - 2_120));
    expect(p.status).toBe('off_track');
    expect(p.noDataReason).toBeNull();
    expect(p.path.map((x) => x.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(p.path[0].value).toBe(2_120);
  });

  it('is on track or at risk by the thresholds, as with absolute targets', () => {
    const modest = { ...measuredGrowth, targets: [{ year: 2024, change: 0.2 }] };
    expect(progressOfSetting(modest, tenants).status).toBe('on_track');
    const middling = { ...measuredGrowth, targets: [{ year: 2024, change: 0.3 }] };
    // 503 of 636 expected: 79 %.
    expect(progressOfSetting(middling, tenants).status).toBe('at_risk');
  });

  it('reads a delta for a percentage the same way (1.65 → 1.67 against +0.15: 13 % → off track)', () => {
    const rd = [
      { year: 2021, value: 1.65 },
      { year: 2024, value: 1.67 },
    ];
    const p = progressOfSetting({ ...measuredGrowth, targets: [{ year: 2024, delta: 0.15 }] }, rd);
    expect(p.expected).toBeCloseTo(1.8);
    expect(p.achievement).toBeCloseTo(0.02 / 0.15);
    expect(p.status).toBe('off_track');
  });

  it('has no data, saying why, when the baseline year has no data — the targets on it cannot be resolved', () => {
    const later = tenants.filter((x) => x.year > 2021);
    const p = progressOfSetting(measuredGrowth, later);
    expect(p.status).toBe('no_data');
    expect(p.noDataReason).toBe('baseline_not_measured');
    expect(p.resolved.baseline).toEqual({ year: 2021, measured: true, value: null });
    expect(p.resolved.targets.every((t) => t.value === null)).toBe(true);
    expect(p).toMatchObject({ expected: null, achievement: null, projection: null, path: [] });
    // What was measured is still shown, with its trend.
    expect(p.latest).toEqual({ year: 2024, value: 2_623 });
    expect(p.trend.direction).toBe('improving');
  });

  it('has no data because nothing is measured when there are no points at all', () => {
    const p = progressOfSetting(measuredGrowth, []);
    expect(p).toMatchObject({ status: 'no_data', noDataReason: 'not_measured', latest: null });
    const set = progressOfSetting({ ...measuredGrowth, baseline: { year: 2021, value: 2_000 } }, []);
    expect(set).toMatchObject({ status: 'no_data', noDataReason: 'not_measured' });
  });
});
