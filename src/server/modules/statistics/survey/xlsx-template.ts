import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Indicator, Period, StatEntityType, Values } from '../../../../shared/contracts/statistics';
import { type Language, RTL_LANGUAGES } from '../../../../shared/roles';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { indicatorMap } from '../catalogue/catalogue';
import { statPeriods } from '../statistics.tables';
import { toPeriod } from './periods';
import { formRow } from './submission-dto';
import { getSubmission } from './submissions';

/**
 * The annual survey's XLSX template (issue 5): a header block (form, period, entity, due date, instructions)
 * and one row per indicator of the form. Column A holds the indicator's code and the header block's keys:
 * the upload reads values by that code, never by row position. Only the value cells are unlocked.
 */

export const SHEET_NAME = 'Survey';
/** Column A's text on the table's header row: where the indicator rows begin (not translated: it is for the reader). */
export const CODE_HEADER = 'code';
export const COLUMNS = { code: 1, name: 2, unit: 3, definition: 4, lastYear: 5, value: 6, required: 7 } as const;
/** Machine keys in column A of the header block; the short value (period key, entity type) is in column C. */
export const META_KEYS = { form: 'form', period: 'period', entity: 'entity', due: 'due', instructions: 'instructions' } as const;
export const MAX_VALUE = 999_999_999_999_999;

type Words = Record<Language, string>;
const pick = (w: Words, lang: Language) => w[lang];
const text3 = (t: { en: string; zh?: string; ur?: string } | null | undefined, lang: Language) => (t ? (t[lang] ?? t.en) : '');

/** The header labels of the value column in each language (the reader also finds the column by them). */
export const VALUE_HEADER: Words = { en: 'Value', zh: '填报值', ur: 'قدر' };

const L = {
  title: { en: 'Seedbed annual statistical survey', zh: 'Seedbed 年度统计调查', ur: 'Seedbed سالانہ شماریاتی سروے' },
  form: { en: 'Return of', zh: '填报对象', ur: 'گوشوارہ برائے' },
  period: { en: 'Period', zh: '统计期', ur: 'مدت' },
  entity: { en: 'Reporting entity', zh: '填报单位', ur: 'رپورٹ کرنے والا ادارہ' },
  due: { en: 'Due date', zh: '截止日期', ur: 'آخری تاریخ' },
  instructionsLabel: { en: 'Instructions', zh: '填表说明', ur: 'ہدایات' },
  instructions: {
    en: 'Type each figure in the white cells of the “Value” column only, in the unit shown; leave a cell empty when you have no figure. Do not change column A: it holds the codes the upload reads (the rows may be sorted). Upload the file on the return’s page: a check lists any problem first, and nothing is saved until you confirm.',
    zh: '只在“填报值”列的白色单元格中按所示单位填写数字；没有数据的单元格留空。请勿修改 A 列：上传时按其中的代码读取（行可以排序）。在填报页面上传本文件：系统先检查并列出问题，确认后才保存。',
    ur: 'ہر عدد صرف “قدر” والے کالم کے سفید خانوں میں، دکھائی گئی اکائی میں لکھیں؛ جس کا عدد نہ ہو وہ خانہ خالی چھوڑ دیں۔ کالم A تبدیل نہ کریں: اپ لوڈ انہی کوڈز سے اعداد پڑھتا ہے (قطاروں کی ترتیب بدلی جا سکتی ہے)۔ فائل گوشوارے کے صفحے پر اپ لوڈ کریں: پہلے جانچ ہر مسئلہ دکھاتی ہے، اور آپ کی تصدیق تک کچھ محفوظ نہیں ہوتا۔',
  },
  name: { en: 'Indicator', zh: '指标', ur: 'اشاریہ' },
  unit: { en: 'Unit', zh: '单位', ur: 'اکائی' },
  definition: { en: 'Definition', zh: '定义', ur: 'تعریف' },
  lastYear: { en: 'Last year', zh: '上年值', ur: 'گزشتہ سال' },
  required: { en: 'Required', zh: '必填', ur: 'لازمی' },
  requiredMark: { en: 'required', zh: '必填', ur: 'لازمی' },
  wholeTitle: { en: 'Whole number', zh: '整数', ur: 'مکمل عدد' },
  decimalTitle: { en: 'Number', zh: '数字', ur: 'عدد' },
  wholeHint: { en: 'Type a whole number, without decimals.', zh: '请填写整数，不带小数。', ur: 'اعشاریہ کے بغیر مکمل عدد لکھیں۔' },
  decimalHint: { en: 'Type a number (decimals allowed).', zh: '请填写数字（可带小数）。', ur: 'عدد لکھیں (اعشاریہ کی اجازت ہے)۔' },
  wholeError: { en: 'This cell takes a whole number.', zh: '此单元格只能填写整数。', ur: 'اس خانے میں صرف مکمل عدد آ سکتا ہے۔' },
  decimalError: { en: 'This cell takes a number.', zh: '此单元格只能填写数字。', ur: 'اس خانے میں صرف عدد آ سکتا ہے۔' },
} satisfies Record<string, Words>;

const ENTITY_TYPE: Record<StatEntityType, Words> = {
  enterprise: { en: 'Enterprise', zh: '企业', ur: 'ادارہ' },
  incubator: { en: 'Incubator', zh: '孵化器', ur: 'انکیوبیٹر' },
  zone: { en: 'Zone', zh: '园区', ur: 'زون' },
};

const UNITS: Record<string, Words> = {
  persons: { en: 'persons', zh: '人', ur: 'افراد' },
  count: { en: 'number', zh: '个', ur: 'تعداد' },
  'CNY thousand': { en: 'CNY thousand', zh: '千元', ur: 'ہزار یوآن (CNY)' },
  m2: { en: 'm²', zh: '平方米', ur: 'مربع میٹر' },
  percent: { en: '%', zh: '%', ur: '%' },
  grade: { en: 'grade', zh: '等级', ur: 'درجہ' },
};
export const unitLabel = (unit: string, lang: Language) => UNITS[unit]?.[lang] ?? unit;

export type TemplateIndicator = Pick<Indicator, 'code' | 'names' | 'definitions' | 'unit' | 'valueType'>;
export type TemplateInput = {
  lang: Language;
  period: Pick<Period, 'key' | 'names' | 'year' | 'dueOn'>;
  entityType: StatEntityType;
  /** The return's entity (only when the template is for one return the user may see). */
  entityName?: { en: string; zh?: string; ur?: string } | null;
  /** The form's indicators, in the form's order. */
  indicators: TemplateIndicator[];
  required: string[];
  lastYear?: Values | null;
  /** The draft's present values, so that a re-uploaded template does not empty what was typed on the web. */
  values?: Values | null;
};

/** Codes the form requires: its `required` list and the indicators of its 'required' rules. */
export function requiredCodes(form: { required: string[]; rules: unknown[] }): string[] {
  const out = new Set(form.required);
  for (const rule of form.rules) {
    const r = rule as { kind?: unknown; indicators?: unknown };
    if (r.kind === 'required' && Array.isArray(r.indicators)) for (const c of r.indicators) if (typeof c === 'string') out.add(c);
  }
  return [...out];
}

const isWhole = (i: Pick<Indicator, 'valueType'>) => i.valueType === 'integer';
const GREY = 'FF808080';
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Builds the workbook (pure: no database). */
export async function buildSurveyTemplate(input: TemplateInput): Promise<Buffer> {
  const { lang } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Seedbed';
  wb.title = `${pick(L.title, lang)} ${input.period.key}`;
  const rtl = RTL_LANGUAGES.includes(lang);
  const sheet = wb.addWorksheet(SHEET_NAME, { views: [{ rightToLeft: rtl }] });
  sheet.columns = [
    { key: 'code', width: 14 },
    { key: 'name', width: 42 },
    { key: 'unit', width: 16 },
    { key: 'definition', width: 60 },
    { key: 'lastYear', width: 16 },
    { key: 'value', width: 20 },
    { key: 'required', width: 12 },
  ];
  sheet.getColumn(COLUMNS.code).font = { color: { argb: GREY }, size: 9 };

  const title = sheet.addRow([]);
  title.getCell(COLUMNS.name).value = `${pick(L.title, lang)} — ${pick(ENTITY_TYPE[input.entityType], lang)}`;
  title.getCell(COLUMNS.name).font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, COLUMNS.name, title.number, COLUMNS.required);

  const meta = (key: string, label: string, short: string, long?: string) => {
    const row = sheet.addRow([key, label, short, long ?? '']);
    row.getCell(COLUMNS.code).font = { color: { argb: GREY }, size: 9 };
    row.getCell(COLUMNS.name).font = { bold: true };
    return row;
  };
  meta(META_KEYS.form, pick(L.form, lang), input.entityType, pick(ENTITY_TYPE[input.entityType], lang));
  meta(META_KEYS.period, pick(L.period, lang), input.period.key, text3(input.period.names, lang));
  if (input.entityName) {
    const row = meta(META_KEYS.entity, pick(L.entity, lang), text3(input.entityName, lang));
    sheet.mergeCells(row.number, COLUMNS.unit, row.number, COLUMNS.required);
  }
  meta(META_KEYS.due, pick(L.due, lang), input.period.dueOn);
  const how = meta(META_KEYS.instructions, pick(L.instructionsLabel, lang), pick(L.instructions, lang));
  sheet.mergeCells(how.number, COLUMNS.unit, how.number, COLUMNS.required);
  how.getCell(COLUMNS.unit).alignment = { wrapText: true, vertical: 'top' };
  how.height = 80;
  sheet.addRow([]);

  const header = sheet.addRow([
    CODE_HEADER,
    pick(L.name, lang),
    pick(L.unit, lang),
    pick(L.definition, lang),
    `${pick(L.lastYear, lang)} (${input.period.year - 1})`,
    pick(VALUE_HEADER, lang),
    pick(L.required, lang),
  ]);
  header.eachCell((cell, col) => {
    cell.font = col === COLUMNS.code ? { color: { argb: GREY }, size: 9, bold: true } : { bold: true };
    cell.fill = fill('FFE8EEF4');
    cell.border = thin;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number, rightToLeft: rtl }];

  const required = new Set(input.required);
  for (const ind of input.indicators) {
    const name = text3(ind.names, lang) || ind.code;
    const unit = unitLabel(ind.unit, lang);
    const row = sheet.addRow([
      ind.code,
      name,
      unit,
      text3(ind.definitions, lang),
      input.lastYear?.[ind.code] ?? null,
      input.values?.[ind.code] ?? null,
      required.has(ind.code) ? pick(L.requiredMark, lang) : null,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(COLUMNS.code).font = { color: { argb: GREY }, size: 9 };
    const format = isWhole(ind) ? '#,##0' : '#,##0.00';
    const last = row.getCell(COLUMNS.lastYear);
    last.numFmt = format;
    last.fill = fill('FFF2F2F2');
    last.font = { color: { argb: 'FF595959' } };
    const value = row.getCell(COLUMNS.value);
    value.numFmt = format;
    value.protection = { locked: false };
    value.border = thin;
    value.fill = fill('FFFFFFFF');
    value.dataValidation = {
      type: isWhole(ind) ? 'whole' : 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [-MAX_VALUE, MAX_VALUE],
      showInputMessage: true,
      promptTitle: pick(isWhole(ind) ? L.wholeTitle : L.decimalTitle, lang).slice(0, 32),
      prompt: `${name} (${unit}). ${pick(isWhole(ind) ? L.wholeHint : L.decimalHint, lang)}`.slice(0, 255),
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: pick(isWhole(ind) ? L.wholeTitle : L.decimalTitle, lang).slice(0, 32),
      error: pick(isWhole(ind) ? L.wholeError : L.decimalError, lang),
    };
    if (required.has(ind.code)) row.getCell(COLUMNS.required).font = { color: { argb: 'FFC00000' }, bold: true };
  }

  // No password: the protection keeps the layout (codes, rows) intact, it is not a secret.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template of a form, for one return when `submissionId` is given (its entity, last year's and present values). */
export async function surveyTemplate(ctx: Ctx, formId: string, opts: { lang?: Language; submissionId?: string }): Promise<{ filename: string; body: Buffer }> {
  const db = ctx.database.db;
  const form = await formRow(db, formId);
  if (!form) throw notFound('statistics.form_not_found');
  const [periodRow] = await db.select().from(statPeriods).where(eq(statPeriods.id, form.periodId));
  const period = toPeriod(periodRow);
  const submission = opts.submissionId ? await getSubmission(ctx, opts.submissionId) : null;
  if (submission && submission.formId !== form.id) throw notFound();
  const catalogue = await indicatorMap(db);
  const indicators = form.indicators.map(
    (code): TemplateIndicator => catalogue.get(code) ?? { code, names: { en: code }, definitions: { en: '' }, unit: '', valueType: 'decimal' },
  );
  const entityType = form.entityType as StatEntityType;
  const body = await buildSurveyTemplate({
    lang: opts.lang ?? ctx.lang,
    period,
    entityType,
    entityName: submission?.entity.names ?? null,
    indicators,
    required: requiredCodes(form),
    lastYear: submission?.lastYear ?? null,
    values: submission?.values ?? null,
  });
  const safeKey = period.key.replace(/[^A-Za-z0-9_.-]/g, '_');
  return { filename: `seedbed-survey-${safeKey}-${entityType}.xlsx`, body };
}
