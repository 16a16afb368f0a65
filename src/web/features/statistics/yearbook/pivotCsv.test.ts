import { describe, expect, it } from 'vitest';
import { csvField, pivotCsv } from './pivotCsv';

describe('pivotCsv', () => {
  it('writes headers, cells, row and column totals, with a BOM', () => {
    const csv = pivotCsv(
      {
        rows: [
          { key: 'BJ', label: { en: 'Beijing', zh: '北京' } },
          { key: null, label: { en: 'Unknown' } },
        ],
        cols: [
          { key: '2023', label: { en: '2023' } },
          { key: '2024', label: { en: '2024' } },
        ],
        cells: [
          [1, 2.5],
          [null, 4],
        ],
        rowTotals: [3.5, 4],
        colTotals: [1, 6.5],
        total: 7.5,
      },
      { corner: 'Province \\ Year', total: 'Total', header: (h) => h.label.zh ?? h.label.en },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Province \\ Year,2023,2024,Total', '北京,1,2.5,3.5', 'Unknown,,4,4', 'Total,1,6.5,7.5', '']);
  });
  it('quotes separators and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(null)).toBe('');
    expect(csvField(88800766.89999998)).toBe('88800766.9');
  });
});
