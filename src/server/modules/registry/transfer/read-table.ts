import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type Table = { header: string[]; rows: string[][] };

/** Reads a CSV or XLSX file into a header and rows of strings (the first sheet of a workbook). */
export async function readTable(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<Table> {
  const all = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  const [header = [], ...rows] = all;
  return { header: header.map((h) => h.trim().toLowerCase()), rows: rows.filter((r) => r.some((c) => c.trim() !== '')) };
}

function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const width = sheet.columnCount;
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    out.push(cells);
  });
  return out;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return String(v.hyperlink);
    return '';
  }
  return String(v);
}
