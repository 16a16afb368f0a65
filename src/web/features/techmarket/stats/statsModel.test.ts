import { describe, expect, it } from 'vitest';
import { chartRows, computedFor, type PublishedPoint, type StatsRow, splitFlow } from './statsModel';

const row = (key: string, count: number, amount: number): StatsRow => ({ key, count, amount, techIncome: 0, crossBorderCount: 0, crossBorderAmount: 0 });
const point = (code: string, year: number | null, value: number): PublishedPoint => ({
  code,
  names: { en: code },
  unit: '',
  year,
  value,
  source: 'seeds/x',
  quote: '',
});

describe('splitFlow', () => {
  it('reads the seller’s and buyer’s countries of a flow', () => {
    expect(splitFlow('CN→PK')).toEqual({ from: 'CN', to: 'PK' });
    expect(splitFlow('unknown')).toBeNull();
  });
});

describe('computedFor', () => {
  const years = [row('2016', 4, 2e9), row('2017', 10, 3e9)];
  it('counts, sums in CNY billion and grows on the year before, in the published figure’s unit', () => {
    expect(computedFor(point('tech_contracts', 2017, 1), years)).toBe(10);
    expect(computedFor(point('tech_contract_value', 2017, 1140.7), years)).toBe(3);
    expect(computedFor(point('tech_contract_value_growth', 2017, 15.97), years)).toBeCloseTo(50);
  });
  it('says none where no contract was registered that year (or the year before, for growth)', () => {
    expect(computedFor(point('tech_contracts', 2005, 260000), years)).toBe('none');
    expect(computedFor(point('tech_contract_value_growth', 2016, 1), years)).toBe('none');
    expect(computedFor(point('tech_contracts', 2017, 1), undefined)).toBe('none');
  });
  it('is null for what the market cannot compute', () => {
    expect(computedFor(point('tech_contract_value_gdp_share', 2017, 0.85), years)).toBeNull();
    expect(computedFor(point('tech_contracts', null, 1), years)).toBeNull();
  });
});

describe('chartRows', () => {
  it('keeps years in order and short lists whole', () => {
    const rows = [row('2015', 1, 1), row('2016', 1, 9)];
    expect(chartRows(rows, 'year', 1).rows.map((r) => r.key)).toEqual(['2015', '2016']);
    expect(chartRows(rows, 'sector').other).toBeNull();
  });
  it('sums the smallest into one row past the limit', () => {
    const rows = [row('a', 1, 5), row('b', 2, 1), row('c', 3, 3), row('d', 4, 2)];
    const r = chartRows(rows, 'sector', 3);
    expect(r.rows.map((x) => x.key)).toEqual(['a', 'c']);
    expect(r.other).toMatchObject({ key: 'other', count: 6, amount: 3 });
  });
});
