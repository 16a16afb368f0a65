import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { INCUBATOR_KINDS, INSTITUTION_KINDS, INVESTOR_KINDS, PERSON_ROLES, SECTORS, ZONE_KINDS, type EntityType } from '../../../../shared/contracts/registry';
import { COLUMNS, type Column } from './columns';

export type Format = 'csv' | 'xlsx';
export const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** One entity as a row of cells in template column order. */
export function toCells(type: EntityType, entity: Record<string, unknown>): (string | number | boolean | null)[] {
  return COLUMNS[type].map((c) => cellOf(c, entity));
}

function cellOf(c: Column, e: Record<string, unknown>): string | number | boolean | null {
  const v = c.path ? (e[c.path[0]] as Record<string, unknown> | null | undefined)?.[c.path[1]] : e[c.field];
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return v as string | number | boolean;
}

/** Writes rows (async iterable of pages) to CSV (UTF-8 with BOM, so spreadsheet programs read Chinese and Urdu) or XLSX. */
export async function writeTable(type: EntityType, format: Format, pages: AsyncIterable<Record<string, unknown>[]> | Record<string, unknown>[][]): Promise<Buffer> {
  const header = COLUMNS[type].map((c) => c.name);
  const rows: (string | number | boolean | null)[][] = [];
  for await (const page of pages) for (const e of page) rows.push(toCells(type, e));
  if (format === 'csv') return Buffer.from(`\uFEFF${stringify([header, ...rows])}`, 'utf8');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(type);
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  addValuesSheet(wb, type);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ALLOWED: Partial<Record<EntityType, Record<string, readonly string[]>>> = {
  zone: { kind: ZONE_KINDS },
  incubator: { kind: INCUBATOR_KINDS, level: ['national', 'provincial'], ownership: ['state', 'private', 'university'] },
  enterprise: { sector: SECTORS, tenancy_status: ['tenant', 'graduated'], listed: ['yes', 'no'] },
  institution: { kind: INSTITUTION_KINDS },
  investor: { kind: INVESTOR_KINDS },
  person: { roles: PERSON_ROLES },
};

/** A second sheet listing the allowed values of coded columns, so a template can be filled without the manual. */
function addValuesSheet(wb: ExcelJS.Workbook, type: EntityType) {
  const allowed = ALLOWED[type];
  if (!allowed) return;
  const sheet = wb.addWorksheet('allowed values');
  sheet.addRow(['column', 'allowed values']).font = { bold: true };
  for (const [column, values] of Object.entries(allowed)) sheet.addRow([column, values.join(', ')]);
  sheet.addRow(['country', 'ISO 3166-1 alpha-2, e.g. CN, PK']);
  sheet.addRow(['province / city', 'codes from /api/v1/divisions (GB/T 2260 in China)']);
  sheet.addRow(['dates', 'YYYY, YYYY-MM or YYYY-MM-DD']);
}
