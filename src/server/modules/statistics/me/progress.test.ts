import { describe, expect, it } from 'vitest';
import {
  achievement,
  countStatuses,
  expectedAt,
  expectedSeries,
  latest,
  leastSquares,
  path,
  progressOf,
  projectionOf,
  statusOf,
  type TargetSpec,
  trendOf,
  worstStatus,
} from './progress';

// A target in the shape of the example framework of Pakistan's draft STI policy 2021 (seeds/002: four areas,
// "Lack of monitoring and evaluation framework"): baseline 2020 = 100, targets 2022 = 120 and 2025 = 150.
const grow: TargetSpec = {
  direction: 'increase',
  baseline: { year: 2020, value: 100 },
  targets: [
    { year: 2025, value: 150 },
    { year: 2022, value: 120 },
  ],
  atRisk: 0.9,
  offTrack: 0.6,
};
// An indicator meant to fall: 40 → 30 by 2024.
const shrink: TargetSpec = { direction: 'decrease', baseline: { year: 2020, value: 40 }, targets: [{ year: 2024, value: 30 }], atRisk: 0.9, offTrack: 0.6 };

describe('expected path', () => {
  it('interpolates linearly between the baseline and the yearly targets, flat before and after', () => {
    expect(path(grow)).toEqual([
      { year: 2020, value: 100 },
      { year: 2022, value: 120 },
      { year: 2025, value: 150 },
    ]);
    expect(expectedAt(grow, 2018)).toBe(100);
    expect(expectedAt(grow, 2020)).toBe(100);
    expect(expectedAt(grow, 2021)).toBe(110);
    expect(expectedAt(grow, 2022)).toBe(120);
    expect(expectedAt(grow, 2023)).toBe(130);
    expect(expectedAt(grow, 2025)).toBe(150);
    expect(expectedAt(grow, 2030)).toBe(150);
    expect(expectedAt(shrink, 2022)).toBe(35);
  });

  it('lists the path with the actual years added', () => {
    expect(expectedSeries(grow, [2021, 2023]).map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2025]);
    expect(expectedSeries(grow, [2021]).find((p) => p.year === 2021)?.value).toBe(110);
  });

  it('lets a target in the baseline year replace the baseline, and ignores targets before it', () => {
    expect(
      path({
        baseline: { year: 2020, value: 1 },
        targets: [
          { year: 2019, value: 9 },
          { year: 2020, value: 2 },
        ],
      }),
    ).toEqual([{ year: 2020, value: 2 }]);
  });
});

describe('achievement and status', () => {
  it('is (actual − baseline) ÷ (expected − baseline) for an increase', () => {
    expect(achievement(grow, { year: 2022, value: 120 })).toBe(1);
    expect(achievement(grow, { year: 2022, value: 118 })).toBeCloseTo(0.9);
    expect(achievement(grow, { year: 2023, value: 115 })).toBeCloseTo(0.5);
    expect(achievement(grow, { year: 2022, value: 95 })).toBeCloseTo(-0.25);
  });

  it('reads the same for a decrease (both differences negative)', () => {
    expect(achievement(shrink, { year: 2022, value: 35 })).toBe(1);
    expect(achievement(shrink, { year: 2022, value: 36 })).toBeCloseTo(0.8);
    expect(achievement(shrink, { year: 2022, value: 42 })).toBeCloseTo(-0.4);
    expect(achievement(shrink, { year: 2024, value: 28 })).toBeCloseTo(1.2);
  });

  it('compares actual with expected when the expected value has not moved from the baseline', () => {
    expect(achievement(grow, { year: 2020, value: 100 })).toBe(1);
    expect(achievement(grow, { year: 2020, value: 99 })).toBe(0);
    expect(achievement(shrink, { year: 2019, value: 39 })).toBe(1);
    expect(achievement(shrink, { year: 2020, value: 41 })).toBe(0);
    const hold: TargetSpec = { ...grow, targets: [{ year: 2025, value: 100 }] };
    expect(achievement(hold, { year: 2023, value: 101 })).toBe(1);
    expect(achievement(hold, { year: 2023, value: 99.5 })).toBe(0);
  });

  it('marks on track / at risk / off track at the thresholds, and no data as no data', () => {
    expect(statusOf(1.1, grow)).toBe('on_track');
    expect(statusOf(0.9, grow)).toBe('on_track');
    expect(statusOf(0.89, grow)).toBe('at_risk');
    expect(statusOf(0.6, grow)).toBe('at_risk');
    expect(statusOf(0.59, grow)).toBe('off_track');
    expect(statusOf(-2, grow)).toBe('off_track');
    expect(statusOf(null, grow)).toBe('no_data');
    expect(statusOf(Number.NaN, grow)).toBe('no_data');
  });
});

describe('actual, trend and projection', () => {
  it('takes the latest year with data (gaps and nulls skipped)', () => {
    expect(
      latest([
        { year: 2021, value: 5 },
        { year: 2023, value: null },
        { year: 2022, value: 7 },
      ]),
    ).toEqual({ year: 2022, value: 7 });
    expect(latest([{ year: 2021, value: null }])).toBeNull();
    expect(latest([])).toBeNull();
  });

  it('fits a least-squares line', () => {
    const fit = leastSquares([
      { year: 2020, value: 1 },
      { year: 2021, value: 3 },
      { year: 2022, value: 5 },
    ]);
    expect(fit?.slope).toBeCloseTo(2);
    expect(fit?.at(2023)).toBeCloseTo(7);
    expect(leastSquares([{ year: 2020, value: 1 }])).toBeNull();
  });

  it('judges the trend of the last three points by the direction', () => {
    const up = [
      { year: 2018, value: 500 },
      { year: 2019, value: 100 },
      { year: 2020, value: 105 },
      { year: 2021, value: 110 },
    ];
    // 2018 is left out: the slope of 2019–2021 is +5 a year.
    expect(trendOf(up, 'increase')).toEqual({ direction: 'improving', slope: 5, points: 3 });
    expect(trendOf(up, 'decrease').direction).toBe('worsening');
    const flat = [
      { year: 2020, value: 100 },
      { year: 2021, value: 100.5 },
      { year: 2022, value: 100.2 },
    ];
    expect(trendOf(flat, 'increase').direction).toBe('flat');
    expect(trendOf([{ year: 2020, value: 1 }], 'increase')).toEqual({ direction: null, slope: null, points: 1 });
    expect(trendOf([], 'increase')).toEqual({ direction: null, slope: null, points: 0 });
    expect(
      trendOf(
        [
          { year: 2020, value: 0 },
          { year: 2021, value: 0 },
        ],
        'increase',
      ).direction,
    ).toBe('flat');
  });

  it('projects the trend line to the final target year and judges it', () => {
    const pts = [
      { year: 2020, value: 100 },
      { year: 2021, value: 104 },
      { year: 2022, value: 108 },
    ];
    const p = projectionOf(grow, pts);
    expect(p).toMatchObject({ year: 2025, target: 150, status: 'off_track' });
    expect(p?.value).toBeCloseTo(120);
    expect(p?.achievement).toBeCloseTo(0.4);
    expect(projectionOf(grow, [{ year: 2021, value: 104 }])).toBeNull();
    expect(
      projectionOf(grow, [
        { year: 2025, value: 140 },
        { year: 2026, value: 150 },
      ]),
    ).toBeNull();
  });
});

describe('progress of an indicator and status of a goal', () => {
  it('puts it together, and says no data when nothing was measured', () => {
    const p = progressOf(grow, [
      { year: 2021, value: 104 },
      { year: 2022, value: 108 },
      { year: 2023, value: 111 },
    ]);
    expect(p.latest).toEqual({ year: 2023, value: 111 });
    expect(p.expected).toBe(130);
    expect(p.achievement).toBeCloseTo(11 / 30);
    expect(p.status).toBe('off_track');
    expect(p.trend.direction).toBe('improving');
    expect(p.projection?.year).toBe(2025);

    const none = progressOf(grow, [{ year: 2023, value: null }]);
    expect(none).toMatchObject({ latest: null, expected: null, achievement: null, status: 'no_data', projection: null });
  });

  it('a decreasing indicator that falls faster than planned is on track and improving', () => {
    const p = progressOf(shrink, [
      { year: 2021, value: 37 },
      { year: 2022, value: 33 },
    ]);
    expect(p.status).toBe('on_track');
    expect(p.trend.direction).toBe('improving');
    expect(p.projection?.status).toBe('on_track');
  });

  it('a goal is as bad as its worst indicator; indicators without data do not count unless all lack it', () => {
    expect(worstStatus(['on_track', 'at_risk', 'no_data'])).toBe('at_risk');
    expect(worstStatus(['on_track', 'off_track', 'at_risk'])).toBe('off_track');
    expect(worstStatus(['no_data', 'on_track'])).toBe('on_track');
    expect(worstStatus(['no_data', 'no_data'])).toBe('no_data');
    expect(worstStatus([])).toBe('no_data');
    expect(countStatuses(['on_track', 'no_data', 'on_track'])).toEqual({ on_track: 2, at_risk: 0, off_track: 0, no_data: 1 });
  });
});
