import { describe, expect, it } from 'vitest';
import { cellOf, chartData } from './tableModel';
import type { YearbookTable } from './queries';

const col = (key: string, kind: YearbookTable['columns'][number]['kind']) => ({ key, kind, label: { en: key }, unit: null, indicator: null });
const base: YearbookTable = {
  key: 'zones',
  title: { en: 'Zones' },
  year: 2024,
  years: [2024],
  columns: [col('zone', 'dimension'), col('revenue', 'value'), col('share', 'share')],
  rows: [],
  total: null,
  published: [],
  provisional: 0,
  records: 0,
  synthetic: false,
  isPublished: true,
  chart: { type: 'bar', column: 'revenue' },
};

describe('cellOf', () => {
  it('reads cells that line up with every column', () => {
    const row = { key: 'a', label: { en: 'A' }, cells: [null, 5, 0.5] };
    expect(cellOf(base, row, 1)).toBe(5);
    expect(cellOf(base, row, 2)).toBe(0.5);
  });
  it('reads cells that line up with the non-dimension columns only', () => {
    const row = { key: 'a', label: { en: 'A' }, cells: [5, 0.5] };
    expect(cellOf(base, row, 1)).toBe(5);
    expect(cellOf(base, row, 2)).toBe(0.5);
    expect(cellOf(base, row, 0)).toBeNull();
  });
});

describe('chartData', () => {
  it('sorts bars largest first, skips empty cells and says how many were cut', () => {
    const rows = [1, 7, null, 3].map((v, i) => ({ key: String(i), label: { en: String(i) }, cells: [v, null] }));
    const d = chartData({ ...base, rows }, 2);
    expect(d?.rows.map((r) => r.value)).toEqual([7, 3]);
    expect(d?.cut).toBe(1);
  });
  it('keeps the order of a line (years)', () => {
    const rows = [3, 1, 2].map((v, i) => ({ key: String(2020 + i), label: { en: String(2020 + i) }, cells: [v, null] }));
    const d = chartData({ ...base, rows, chart: { type: 'line', column: 'revenue' } });
    expect(d?.rows.map((r) => r.value)).toEqual([3, 1, 2]);
  });
});
