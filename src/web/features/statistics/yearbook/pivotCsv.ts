import type { Pivot } from './queries';

/** One CSV field: quoted when it holds a separator, a quote or a line break; a leading = + - @ defused. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  // Twelve significant digits: sums of floats carry noise in the last bits (88800766.89999998).
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : '';
  const s = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The pivot as CSV, as the page shows it: a corner cell, the column headers and "Total"; one line per row
 * header with its cells and row total; the column totals and the grand total last. Figures unformatted.
 */
export function pivotCsv(
  p: Pick<Pivot, 'rows' | 'cols' | 'cells' | 'rowTotals' | 'colTotals' | 'total'>,
  labels: { corner: string; total: string; header: (h: Pivot['rows'][number]) => string },
): string {
  const lines: (string | number | null)[][] = [];
  lines.push([labels.corner, ...p.cols.map(labels.header), labels.total]);
  p.rows.forEach((r, i) => {
    lines.push([labels.header(r), ...p.cols.map((_, j) => p.cells[i]?.[j] ?? null), p.rowTotals[i] ?? null]);
  });
  lines.push([labels.total, ...p.cols.map((_, j) => p.colTotals[j] ?? null), p.total]);
  // A byte-order mark so that spreadsheet programs read Chinese and Urdu labels as UTF-8.
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Saves a text as a file from the browser (no round trip to the server). */
export function download(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
