import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../../shared/contracts/statistics';
import type { Actor } from '../../../platform/context';
import { distribution, placeAmong, quantileSorted, zoneScope } from './common';
import { rates } from './completeness';
import { message } from './labels';
import { assemblePivot, type PivotRow } from './pivot';

const indicator = (code: string, aggregation: Indicator['aggregation'], extra: Partial<Indicator> = {}): Indicator => ({
  code,
  names: { en: code },
  definitions: { en: code },
  unit: 'x',
  valueType: 'number',
  aggregation,
  numerator: null,
  denominator: null,
  scale: null,
  entityTypes: ['enterprise'],
  group: null,
  frascati: null,
  oslo: null,
  source: 'test',
  ...extra,
});

describe('assemblePivot', () => {
  const rdIntensity = indicator('rd_intensity', 'ratio', { numerator: 'rd', denominator: 'rev', scale: 100 });
  // zone A: 2020 rd 10 / rev 100; 2021 rd 30 / rev 100. zone B: 2020 rd 5 / rev 400; 2021 nothing.
  const rows: PivotRow[] = [
    { r: 'A', c: '2020', indicator: 'rd', total: 10, count: 1 },
    { r: 'A', c: '2020', indicator: 'rev', total: 100, count: 1 },
    { r: 'A', c: '2021', indicator: 'rd', total: 30, count: 1 },
    { r: 'A', c: '2021', indicator: 'rev', total: 100, count: 1 },
    { r: 'B', c: '2020', indicator: 'rd', total: 5, count: 1 },
    { r: 'B', c: '2020', indicator: 'rev', total: 400, count: 1 },
  ];

  it('computes a ratio’s totals as the ratio of totals, not a sum or mean of ratios', () => {
    const p = assemblePivot(rdIntensity, rows, ['A', 'B'], ['2020', '2021']);
    expect(p.cells).toEqual([
      [10, 30],
      [1.25, null],
    ]);
    expect(p.rowTotals).toEqual([20, 1.25]); // A: 40 / 200; B: 5 / 400
    expect(p.colTotals).toEqual([3, 30]); // 2020: 15 / 500
    expect(p.total).toBeCloseTo((45 / 600) * 100, 12);
  });

  it('sums, averages (total ÷ all reporting) and counts records', () => {
    const rev = indicator('rev', 'sum');
    expect(assemblePivot(rev, rows, ['A', 'B'], ['2020', '2021'])).toMatchObject({ rowTotals: [200, 400], colTotals: [500, 100], total: 600 });
    const avg = indicator('rev', 'average');
    const a = assemblePivot(avg, rows, ['A', 'B'], ['2020', '2021']);
    expect(a.colTotals).toEqual([250, 100]);
    expect(a.total).toBe(200);
    const count = indicator('enterprises', 'count');
    const records: PivotRow[] = [
      { r: null, c: 'x', indicator: '_records', total: 3, count: 3 },
      { r: 'B', c: 'x', indicator: '_records', total: 2, count: 2 },
    ];
    expect(assemblePivot(count, records, ['B', null], ['x'])).toMatchObject({ cells: [[2], [3]], rowTotals: [2, 3], colTotals: [5], total: 5 });
  });
});

describe('distribution and place among zones', () => {
  it('gives the five-number summary by linear interpolation, leaving nulls out', () => {
    expect(distribution([4, null, 1, 3, 2])).toEqual({ min: 1, p25: 1.75, median: 2.5, p75: 3.25, max: 4, n: 4 });
    expect(distribution([7])).toEqual({ min: 7, p25: 7, median: 7, p75: 7, max: 7, n: 1 });
    expect(distribution([null])).toBeNull();
    expect(quantileSorted([0, 10], 0.3)).toBeCloseTo(3, 12);
  });

  it('ranks 1 = highest with ties sharing, and gives the percentile rank', () => {
    const values = [10, 40, 20, 40, null];
    expect(placeAmong(40, values)).toEqual({ rank: 1, percentile: 75 }); // 2 below + ½ × 2 equal, of 4
    expect(placeAmong(20, values)).toEqual({ rank: 3, percentile: 37.5 });
    expect(placeAmong(10, values)).toEqual({ rank: 4, percentile: 12.5 });
    expect(placeAmong(null, values)).toBeNull();
    expect(placeAmong(15, values)).toBeNull();
  });
});

describe('zoneScope', () => {
  const actor = (...roles: [string, string | null, string | null][]): Actor => ({
    userId: 'u',
    email: 'e',
    displayName: 'd',
    locale: 'en',
    via: 'session',
    roles: roles.map(([role, scopeType, scopeId]) => ({ role, scopeType, scopeId })) as Actor['roles'],
  });

  it('limits a scoped zone manager to their zones, and nobody else', () => {
    expect(zoneScope(actor(['zone_manager', 'zone', 'z1'], ['zone_manager', 'zone', 'z2']))).toEqual(['z1', 'z2']);
    expect(zoneScope(actor(['zone_manager', null, null]))).toBeNull();
    expect(zoneScope(actor(['ministry_analyst', null, null]))).toBeNull();
    expect(zoneScope(actor(['ministry_analyst', 'province', '420000']))).toBeNull();
    expect(zoneScope(actor(['zone_manager', 'zone', 'z1'], ['admin', null, null]))).toBeNull();
    expect(zoneScope(actor(['zone_manager', 'zone', 'z1'], ['ministry_analyst', null, null]))).toBeNull();
    expect(zoneScope(actor(['zone_manager', 'zone', 'z1'], ['enterprise_member', 'enterprise', 'e1']))).toEqual(['z1']);
    expect(zoneScope(null)).toEqual([]);
  });
});

describe('completeness rates and messages', () => {
  it('divides submitted by expected and on time by submitted, 0 where there is nothing to divide by', () => {
    expect(rates({ expected: 4, started: 3, submitted: 2, approved: 1, onTime: 1 })).toEqual({ completeness: 0.5, timeliness: 0.5 });
    expect(rates({ expected: 0, started: 0, submitted: 0, approved: 0, onTime: 0 })).toEqual({ completeness: 0, timeliness: 0 });
  });

  it('explains a refusal in each language', () => {
    expect(message('en', 'same_dimension', { dim: 'zone' })).toBe('Rows and columns must be two different dimensions (both are “zone”).');
    expect(message('zh', 'unknown_indicator', { code: 'xyz' })).toContain('xyz');
    expect(message('ur', 'unknown_indicator', { code: 'xyz' })).toContain('xyz');
  });
});
