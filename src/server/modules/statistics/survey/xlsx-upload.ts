import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { UploadResult as UploadResultSchema, Values } from '../../../../shared/contracts/statistics';
import type { Language } from '../../../../shared/roles';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden } from '../../../platform/errors';
import { indicatorMap } from '../catalogue/catalogue';
import { canFile } from './chain';
import { formRow } from './submission-dto';
import { getSubmission, saveValues, validateValues } from './submissions';
import { CODE_HEADER, COLUMNS, MAX_VALUE, META_KEYS, SHEET_NAME, VALUE_HEADER } from './xlsx-template';

/**
 * Reads a filled survey template (issue 5). Values are found by the code in column A, not by row position,
 * and the value column by its header (any language), so sorted rows read the same. Every cell that cannot be
 * read becomes a problem naming its row and column, in the reader's language.
 */

export type Problem = { row: number; column: string; message: string };
export type UploadResult = z.infer<typeof UploadResultSchema>;
export type ReadIndicator = { code: string; valueType: string; names: { en: string; zh?: string; ur?: string } };

const MAX_PROBLEMS = 200;

type Words = Record<Language, string>;
const M = {
  notXlsx: {
    en: 'The file is not an XLSX workbook. Download the survey template, fill it in and upload it as .xlsx (an .xls, .csv or .ods file cannot be read).',
    zh: '该文件不是 XLSX 工作簿。请下载调查模板，填写后以 .xlsx 格式上传（无法读取 .xls、.csv 或 .ods 文件）。',
    ur: 'یہ فائل XLSX ورک بک نہیں ہے۔ سروے کا سانچہ ڈاؤن لوڈ کریں، اسے پُر کریں اور .xlsx کے طور پر اپ لوڈ کریں (.xls، .csv یا .ods فائل پڑھی نہیں جا سکتی)۔',
  },
  noSheet: { en: 'The workbook has no sheet.', zh: '该工作簿没有工作表。', ur: 'اس ورک بک میں کوئی شیٹ نہیں ہے۔' },
  noHeader: {
    en: 'No row with “code” in column A was found, so no figure could be placed. Upload the template downloaded from Seedbed.',
    zh: '未找到 A 列为“code”的表头行，无法定位任何数字。请上传从 Seedbed 下载的模板。',
    ur: 'کالم A میں “code” والی کوئی قطار نہیں ملی، اس لیے کوئی عدد اپنی جگہ نہیں رکھا جا سکا۔ Seedbed سے ڈاؤن لوڈ کیا گیا سانچہ اپ لوڈ کریں۔',
  },
  wrongForm: {
    en: 'This file is the template for “{file}” returns; this return is for “{expected}”. Download this return’s template.',
    zh: '该文件是“{file}”的模板；本报表的对象是“{expected}”。请下载本报表的模板。',
    ur: 'یہ فائل “{file}” کے گوشواروں کا سانچہ ہے؛ یہ گوشوارہ “{expected}” کا ہے۔ اس گوشوارے کا سانچہ ڈاؤن لوڈ کریں۔',
  },
  wrongPeriod: {
    en: 'This file is the template of period {file}; this return is for period {expected}. Download this period’s template.',
    zh: '该文件是统计期 {file} 的模板；本报表属于统计期 {expected}。请下载本期模板。',
    ur: 'یہ فائل مدت {file} کا سانچہ ہے؛ یہ گوشوارہ مدت {expected} کا ہے۔ اس مدت کا سانچہ ڈاؤن لوڈ کریں۔',
  },
  unknownCode: {
    en: '“{code}” is not an indicator of this form: leave the codes in column A as they are.',
    zh: '“{code}”不是本表的指标：请勿修改 A 列中的代码。',
    ur: '“{code}” اس فارم کا اشاریہ نہیں ہے: کالم A کے کوڈ جوں کے توں رہنے دیں۔',
  },
  duplicate: {
    en: '{name} appears twice: it is already in row {row}.',
    zh: '{name}出现了两次：第 {row} 行已有该指标。',
    ur: '{name} دو بار آیا ہے: یہ قطار {row} میں پہلے سے موجود ہے۔',
  },
  noCode: {
    en: 'This row has a figure but no code in column A, so it cannot be placed.',
    zh: '该行有数字但 A 列没有代码，无法确定它属于哪个指标。',
    ur: 'اس قطار میں عدد ہے لیکن کالم A میں کوڈ نہیں، اس لیے یہ کسی اشاریے سے نہیں جوڑا جا سکتا۔',
  },
  notNumber: {
    en: '“{value}” is not a number ({name}).',
    zh: '“{value}”不是数字（{name}）。',
    ur: '“{value}” عدد نہیں ہے ({name})۔',
  },
  notWhole: {
    en: '{name} is a whole number; “{value}” has decimals.',
    zh: '{name}应为整数；“{value}”带有小数。',
    ur: '{name} مکمل عدد ہوتا ہے؛ “{value}” میں اعشاریہ ہے۔',
  },
  tooLarge: {
    en: '“{value}” is too large for {name}.',
    zh: '“{value}”对{name}而言过大。',
    ur: '“{value}” {name} کے لیے بہت بڑا ہے۔',
  },
  noResult: {
    en: 'The formula in this cell has no computed value ({name}): type the figure itself.',
    zh: '该单元格的公式没有计算结果（{name}）：请直接填写数字。',
    ur: 'اس خانے کے فارمولے کی کوئی حاصل شدہ قدر نہیں ({name}): خود عدد لکھیں۔',
  },
  more: {
    en: 'And {count} more problems: correct the ones above and check the file again.',
    zh: '另有 {count} 处问题：请先更正以上问题，再重新检查文件。',
    ur: 'اور {count} مزید مسائل: اوپر والے درست کریں اور فائل دوبارہ جانچیں۔',
  },
} satisfies Record<string, Words>;

/** A message of the table above in a language, with {placeholders} filled. */
export function uploadMessage(key: keyof typeof M, lang: Language, params: Record<string, string | number> = {}): string {
  return M[key][lang].replace(/\{(\w+)\}/g, (all, k: string) => (k in params ? String(params[k]) : all));
}

const columnLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * A figure typed as text → a number; '' → null; anything else → undefined. Accepts grouping by commas
 * (1,200,000 and the South Asian 12,00,000), spaces (1 200 000, also no-break and thin spaces) or
 * apostrophes; full-width and Arabic-Indic digits; a leading sign, a Unicode minus or accounting brackets.
 * A decimal comma (1,5) is refused rather than guessed.
 */
export function parseFigure(raw: string): number | null | undefined {
  let s = raw
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066c/g, ',')
    .replace(/\u066b/g, '.')
    .replace(/[\u2212\u2012\u2013\ufe63]/g, '-')
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return null;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const sign = /^([+-]) ?/.exec(s);
  if (sign) {
    if (negative) return undefined;
    negative = sign[1] === '-';
    s = s.slice(sign[0].length);
  }
  const fraction = '(\\.\\d+)?';
  const grouped = [
    new RegExp(`^\\d{1,3}( \\d{3})+${fraction}$`),
    new RegExp(`^\\d{1,3}(,\\d{3})+${fraction}$`),
    new RegExp(`^\\d{1,2}(,\\d{2})*,\\d{3}${fraction}$`),
    new RegExp(`^\\d{1,3}('\\d{3})+${fraction}$`),
  ];
  if (/[ ,']/.test(s)) {
    if (!grouped.some((re) => re.test(s))) return undefined;
    s = s.replace(/[ ,']/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/** A cell's text for keys and codes. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

type Read = { ok: true; value: number | null } | { ok: false; shown: string; noResult?: boolean };

/** A value cell → a number (typed or as text), empty, or what was shown when it is not a number. */
function cellFigure(v: ExcelJS.CellValue): Read {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, shown: String(v) };
  if (typeof v === 'string') {
    const n = parseFigure(v);
    return n === undefined ? { ok: false, shown: v.trim() } : { ok: true, value: n };
  }
  if (typeof v === 'boolean') return { ok: false, shown: String(v) };
  if (v instanceof Date) return { ok: false, shown: v.toISOString().slice(0, 10) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null) return { ok: false, shown: `=${(v as { formula?: string }).formula ?? ''}`, noResult: true };
    return cellFigure(result as ExcelJS.CellValue);
  }
  if ('error' in v) return { ok: false, shown: String(v.error) };
  const text = cellText(v);
  const n = parseFigure(text);
  return n === undefined ? { ok: false, shown: text.trim() } : { ok: true, value: n };
}

/** Loads the workbook; a file that is not an XLSX (no zip, not a workbook) is a 400 with a clear message. */
async function loadWorkbook(bytes: Buffer, lang: Language): Promise<ExcelJS.Workbook> {
  const notXlsx = () => new AppError(400, 'file_type_not_allowed', { allowed: 'XLSX' }, [{ path: 'file', message: uploadMessage('notXlsx', lang) }]);
  // Every XLSX is a zip archive: refuse anything else before handing it to the parser.
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) throw notXlsx();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  return wb;
}

export type ReadInput = {
  lang: Language;
  /** The form's indicators (its order is the values' order). */
  indicators: ReadIndicator[];
  /** When the file's header block names another period or entity type, say so. */
  periodKey?: string;
  entityType?: string;
};

/** Reads a filled template: every form indicator gets a value (null when empty or absent) unless its cell is a problem. */
export async function readSurveyFile(bytes: Buffer, input: ReadInput): Promise<{ values: Values; problems: Problem[] }> {
  const { lang } = input;
  const wb = await loadWorkbook(bytes, lang);
  const sheet = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  const problems: Problem[] = [];
  if (!sheet) return { values: {}, problems: [{ row: 1, column: 'A', message: uploadMessage('noSheet', lang) }] };
  const byCode = new Map(input.indicators.map((i) => [i.code.toLowerCase(), i]));
  const nameOf = (i: ReadIndicator) => i.names[lang] ?? i.names.en;
  const values: Values = Object.fromEntries(input.indicators.map((i) => [i.code, null]));
  const seen = new Map<string, number>();
  const valueHeaders = new Set(Object.values(VALUE_HEADER).map((h) => h.toLowerCase()));
  let headerRow = 0;
  let valueColumn: number = COLUMNS.value;

  sheet.eachRow((row, n) => {
    const key = cellText(row.getCell(COLUMNS.code).value).trim();
    if (!headerRow) {
      if (key.toLowerCase() === CODE_HEADER) {
        headerRow = n;
        row.eachCell((cell, col) => {
          if (valueHeaders.has(cellText(cell.value).trim().toLowerCase())) valueColumn = col;
        });
        return;
      }
      // The header block: its key in column A, the short value (period key, entity type) in column C.
      const short = cellText(row.getCell(3).value).trim();
      if (key === META_KEYS.period && input.periodKey && short && short !== input.periodKey)
        problems.push({ row: n, column: 'C', message: uploadMessage('wrongPeriod', lang, { file: short, expected: input.periodKey }) });
      if (key === META_KEYS.form && input.entityType && short && short !== input.entityType)
        problems.push({ row: n, column: 'C', message: uploadMessage('wrongForm', lang, { file: short, expected: input.entityType }) });
      return;
    }
    const cell = row.getCell(valueColumn);
    const column = columnLetter(valueColumn);
    const read = cellFigure(cell.value);
    if (key === '') {
      if (!(read.ok && read.value === null)) problems.push({ row: n, column: 'A', message: uploadMessage('noCode', lang) });
      return;
    }
    const ind = byCode.get(key.toLowerCase());
    if (!ind) {
      problems.push({ row: n, column: 'A', message: uploadMessage('unknownCode', lang, { code: key }) });
      return;
    }
    const earlier = seen.get(ind.code);
    if (earlier !== undefined) {
      problems.push({ row: n, column: 'A', message: uploadMessage('duplicate', lang, { name: nameOf(ind), row: earlier }) });
      return;
    }
    seen.set(ind.code, n);
    if (!read.ok) {
      delete values[ind.code];
      problems.push({ row: n, column, message: uploadMessage(read.noResult ? 'noResult' : 'notNumber', lang, { value: read.shown, name: nameOf(ind) }) });
      return;
    }
    const v = read.value;
    if (v !== null && ind.valueType === 'integer' && !Number.isInteger(v)) {
      delete values[ind.code];
      problems.push({ row: n, column, message: uploadMessage('notWhole', lang, { value: cellText(cell.value) || String(v), name: nameOf(ind) }) });
      return;
    }
    if (v !== null && Math.abs(v) > MAX_VALUE) {
      delete values[ind.code];
      problems.push({ row: n, column, message: uploadMessage('tooLarge', lang, { value: cellText(cell.value) || String(v), name: nameOf(ind) }) });
      return;
    }
    values[ind.code] = v;
  });

  if (!headerRow) return { values: {}, problems: [...problems, { row: 1, column: 'A', message: uploadMessage('noHeader', lang) }] };
  problems.sort((a, b) => a.row - b.row);
  if (problems.length > MAX_PROBLEMS) {
    const rest = problems.length - MAX_PROBLEMS;
    const last = problems[MAX_PROBLEMS - 1];
    problems.length = MAX_PROBLEMS;
    problems.push({ row: last.row, column: last.column, message: uploadMessage('more', lang, { count: rest }) });
  }
  return { values, problems };
}

/**
 * Uploads a filled template into a return. A dry run reads and checks and saves nothing; a real run saves the
 * file's values in place of the draft's (empty cells → null) only when every cell could be read (else 422).
 * Only the return's filer may upload, and only while it is editable.
 */
export async function uploadSurveyFile(ctx: Ctx, id: string, bytes: Buffer, opts: { dryRun: boolean; version?: number }): Promise<UploadResult> {
  const actor = requireActor(ctx);
  const submission = await getSubmission(ctx, id);
  if (!canFile(actor, submission.entityType, submission.entity.id)) throw forbidden();
  if (submission.status !== 'draft' && submission.status !== 'returned') throw conflict('statistics.submission_locked', { status: submission.status });
  const form = (await formRow(ctx.database.db, submission.formId))!;
  const catalogue = await indicatorMap(ctx.database.db);
  const indicators = form.indicators.map((code) => {
    const i = catalogue.get(code);
    return { code, valueType: i?.valueType ?? 'decimal', names: i?.names ?? { en: code } };
  });
  const { values, problems } = await readSurveyFile(bytes, { lang: ctx.lang, indicators, periodKey: submission.period.key, entityType: submission.entityType });

  if (opts.dryRun) {
    const { findings } = await validateValues(ctx, id, values);
    return { dryRun: true, values, problems, findings, saved: false };
  }
  if (problems.length > 0) {
    throw new AppError(
      422,
      'import_invalid',
      { count: problems.length },
      problems.map((p) => ({ path: `rows.${p.row}.${p.column}`, message: p.message })),
    );
  }
  const saved = await saveValues(ctx, id, { values, version: opts.version });
  return { dryRun: false, values, problems: [], findings: saved.findings, saved: true };
}
