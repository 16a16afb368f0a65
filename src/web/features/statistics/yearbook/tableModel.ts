import type { YearbookColumn, YearbookRow, YearbookTable } from './queries';

/**
 * The value of a row under a column. A row's cells either line up with every column (the dimension
 * columns holding null) or with the non-dimension columns only; both shapes are read.
 */
export function cellOf(table: Pick<YearbookTable, 'columns'>, row: YearbookRow, columnIndex: number): number | null {
  const { columns } = table;
  if (row.cells.length === columns.length) return row.cells[columnIndex] ?? null;
  let k = 0;
  for (let i = 0; i < columns.length; i++) {
    if (columns[i].kind === 'dimension') continue;
    if (i === columnIndex) return row.cells[k] ?? null;
    k++;
  }
  return null;
}

export const numericColumns = (columns: YearbookColumn[]) => columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'dimension');

/** The rows and values the chart draws: its hinted column; bars sorted largest first and cut to `max`. */
export function chartData(table: YearbookTable, max = 20): { column: YearbookColumn; rows: { row: YearbookRow; value: number }[]; cut: number } | null {
  const index = table.columns.findIndex((c) => c.key === table.chart.column);
  if (index < 0) return null;
  const rows = table.rows.map((row) => ({ row, value: cellOf(table, row, index) })).filter((r): r is { row: YearbookRow; value: number } => r.value !== null);
  if (rows.length === 0) return null;
  if (table.chart.type === 'line') return { column: table.columns[index], rows, cut: 0 };
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  return { column: table.columns[index], rows: sorted.slice(0, max), cut: Math.max(0, sorted.length - max) };
}
