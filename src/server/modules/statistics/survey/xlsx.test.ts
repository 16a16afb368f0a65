import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/roles';
import { AppError } from '../../../platform/errors';
import { buildSurveyTemplate, CODE_HEADER, COLUMNS, requiredCodes, SHEET_NAME, type TemplateIndicator } from './xlsx-template';
import { parseFigure, readSurveyFile } from './xlsx-upload';

const INDICATORS: TemplateIndicator[] = [
  {
    code: 'employees',
    names: { en: 'Employees at year end', zh: '年末从业人员', ur: 'سال کے آخر میں ملازمین' },
    definitions: { en: 'Persons employed on 31 December.', zh: '12月31日的从业人员。', ur: '31 دسمبر کو ملازم افراد۔' },
    unit: 'persons',
    valueType: 'integer',
  },
  {
    code: 'operating_revenue',
    names: { en: 'Operating revenue', zh: '营业收入', ur: 'آپریٹنگ آمدنی' },
    definitions: { en: 'Revenue from the main business.', zh: '主营业务收入。', ur: 'بنیادی کاروبار کی آمدنی۔' },
    unit: 'CNY thousand',
    valueType: 'decimal',
  },
  {
    code: 'rd_expenditure',
    names: { en: 'R&D expenditure', zh: '研发经费支出', ur: 'تحقیق و ترقی کے اخراجات' },
    definitions: { en: 'Intramural R&D spending.', zh: '内部研发支出。', ur: 'اندرونی تحقیق و ترقی کے اخراجات۔' },
    unit: 'CNY thousand',
    valueType: 'decimal',
  },
];
const PERIOD = { key: 'CY2025', names: { en: 'Statistical year 2025', zh: '2025 统计年度', ur: 'شماریاتی سال 2025' }, year: 2025, dueOn: '2026-03-31' };
const READ = INDICATORS.map((i) => ({ code: i.code, valueType: i.valueType, names: i.names }));

const template = (lang: Language, extra: Partial<Parameters<typeof buildSurveyTemplate>[0]> = {}) =>
  buildSurveyTemplate({ lang, period: PERIOD, entityType: 'enterprise', indicators: INDICATORS, required: ['employees', 'operating_revenue'], ...extra });

async function open(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(SHEET_NAME)!;
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.getCell(1).value === CODE_HEADER) header = n;
  });
  return { wb, sheet, header };
}

/** Fills the template's value cells (by code) the way a user would, and returns the file. */
async function fill(bytes: Buffer, values: Record<string, ExcelJS.CellValue>, opts: { reverse?: boolean } = {}) {
  const { wb, sheet, header } = await open(bytes);
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const code = String(sheet.getRow(r).getCell(1).value);
    if (code in values) sheet.getRow(r).getCell(COLUMNS.value).value = values[code];
  }
  if (opts.reverse) {
    // A user sorted the indicator rows (Z→A): swap the contents of the first and last rows.
    const first = sheet.getRow(header + 1);
    const last = sheet.getRow(sheet.rowCount);
    const a = (first.values as ExcelJS.CellValue[]).slice();
    const b = (last.values as ExcelJS.CellValue[]).slice();
    first.values = b;
    last.values = a;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('survey XLSX template', () => {
  it('has the form’s indicators in order, named in each language, with units, required marks and value cells', async () => {
    for (const lang of ['en', 'zh', 'ur'] as const) {
      const { sheet, header } = await open(await template(lang));
      const rows = INDICATORS.map((_, k) => sheet.getRow(header + 1 + k));
      expect(rows.map((r) => r.getCell(COLUMNS.code).value)).toEqual(['employees', 'operating_revenue', 'rd_expenditure']);
      expect(rows.map((r) => r.getCell(COLUMNS.name).value)).toEqual(INDICATORS.map((i) => i.names[lang]));
      expect(rows.map((r) => r.getCell(COLUMNS.definition).value)).toEqual(INDICATORS.map((i) => i.definitions[lang]));
      expect(rows.map((r) => Boolean(r.getCell(COLUMNS.required).value))).toEqual([true, true, false]);
      expect(sheet.getRow(header + 2).getCell(COLUMNS.unit).value).toBe({ en: 'CNY thousand', zh: '千元', ur: 'ہزار یوآن (CNY)' }[lang]);
      expect(sheet.views[0].rightToLeft ?? false).toBe(lang === 'ur');
    }
  });

  it('protects the sheet except the value cells, which validate whole or decimal numbers with an input message', async () => {
    const { sheet, header } = await open(await template('en'));
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const employees = sheet.getRow(header + 1);
    const revenue = sheet.getRow(header + 2);
    expect(employees.getCell(COLUMNS.value).protection?.locked).toBe(false);
    expect(employees.getCell(COLUMNS.name).protection?.locked).not.toBe(false);
    expect(employees.getCell(COLUMNS.value).dataValidation).toMatchObject({ type: 'whole', showInputMessage: true });
    expect(employees.getCell(COLUMNS.value).dataValidation.prompt).toMatch(/Employees at year end/);
    expect(revenue.getCell(COLUMNS.value).dataValidation).toMatchObject({ type: 'decimal' });
  });

  it('carries the header block: period, entity (when given), due date, instructions in the language', async () => {
    const { sheet } = await open(await template('zh', { entityName: { en: 'Qilu Robotics', zh: '齐鲁机器人' }, lastYear: { employees: 110 } }));
    const texts: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(String(c.value));
      });
    });
    expect(texts).toEqual(expect.arrayContaining(['CY2025', '2025 统计年度', '齐鲁机器人', '2026-03-31', '110']));
    expect(texts.join(' ')).toMatch(/填表说明/);
    const plain = await open(await template('en'));
    const keys: string[] = [];
    plain.sheet.eachRow((row) => {
      keys.push(String(row.getCell(1).value));
    });
    expect(keys).not.toContain('entity');
  });

  it('a filled template reads back to the same values, also with sorted rows and figures typed as text', async () => {
    const filled = await fill(await template('en'), { employees: 120, operating_revenue: 1200000.5, rd_expenditure: null });
    expect(await readSurveyFile(filled, { lang: 'en', indicators: READ, periodKey: 'CY2025', entityType: 'enterprise' })).toEqual({
      values: { employees: 120, operating_revenue: 1200000.5, rd_expenditure: null },
      problems: [],
    });
    const sorted = await fill(await template('ur'), { employees: '1 200', operating_revenue: '1,200,000', rd_expenditure: 30 }, { reverse: true });
    expect((await readSurveyFile(sorted, { lang: 'ur', indicators: READ })).values).toEqual({
      employees: 1200,
      operating_revenue: 1200000,
      rd_expenditure: 30,
    });
  });

  it('names the row and column of a cell that is not a number, and of a non-integer count, in the user’s language', async () => {
    const filled = await fill(await template('en'), { employees: 12.5, operating_revenue: 'many' });
    const en = await readSurveyFile(filled, { lang: 'en', indicators: READ });
    const { header } = await open(filled);
    expect(en.problems).toEqual([
      { row: header + 1, column: 'F', message: expect.stringMatching(/whole number/) },
      { row: header + 2, column: 'F', message: '“many” is not a number (Operating revenue).' },
    ]);
    expect(en.values).toEqual({ rd_expenditure: null });
    const zh = await readSurveyFile(filled, { lang: 'zh', indicators: READ });
    expect(zh.problems[1].message).toBe('“many”不是数字（营业收入）。');
  });

  it('reports unknown codes, duplicate codes, a template of another period, and a sheet without the code column', async () => {
    const { wb, sheet } = await open(await template('en'));
    sheet.addRow(['patents_secret', null, null, null, null, 4]);
    sheet.addRow(['employees', null, null, null, null, 5]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const out = await readSurveyFile(file, { lang: 'en', indicators: READ, periodKey: 'CY2026' });
    expect(out.problems.map((p) => p.column)).toEqual(['C', 'A', 'A']);
    expect(out.problems[0].message).toMatch(/CY2025.*CY2026/);
    expect(out.problems[1].message).toMatch(/patents_secret/);
    expect(out.problems[2].message).toMatch(/already in row/);

    const bare = new ExcelJS.Workbook();
    bare.addWorksheet('Sheet1').addRow(['employees', 3]);
    const none = await readSurveyFile(Buffer.from(await bare.xlsx.writeBuffer()), { lang: 'en', indicators: READ });
    expect(none.problems).toEqual([{ row: 1, column: 'A', message: expect.stringMatching(/“code”/) }]);
  });

  it('refuses a file that is not an XLSX with a 400', async () => {
    const csv = readSurveyFile(Buffer.from('code,value\nemployees,3\n'), { lang: 'en', indicators: READ });
    await expect(csv).rejects.toBeInstanceOf(AppError);
    await expect(csv).rejects.toMatchObject({ status: 400, details: [{ path: 'file', message: expect.stringMatching(/not an XLSX/) }] });
    const brokenZip = readSurveyFile(Buffer.from('PK\u0003\u0004 not really a zip'), { lang: 'en', indicators: READ });
    await expect(brokenZip).rejects.toMatchObject({ status: 400 });
  });

  it('collects required codes from the form list and its required rules', () => {
    expect(
      requiredCodes({
        required: ['tax'],
        rules: [
          { id: 'c', kind: 'required', indicators: ['employees'] },
          { id: 'r', kind: 'range', indicator: 'x' },
        ],
      }).sort(),
    ).toEqual(['employees', 'tax']);
  });
});

describe('parseFigure', () => {
  it.each([
    ['1,200,000', 1_200_000],
    ['1 200 000', 1_200_000],
    ['1\u00a0200\u00a0000', 1_200_000],
    ['12,00,000', 1_200_000],
    ["1'200'000.5", 1_200_000.5],
    ['１２００', 1200],
    ['۱۲۳', 123],
    ['-45.5', -45.5],
    ['\u221245', -45],
    ['(1,000)', -1000],
    ['  7 ', 7],
    ['', null],
  ])('%s → %s', (text, n) => expect(parseFigure(text)).toBe(n));
  it.each(['many', '1,5', '1,20,0', '12 34', '1.2.3', '¥100', '--1', 'NaN', 'Infinity'])('refuses %s', (text) => expect(parseFigure(text)).toBeUndefined());
});
