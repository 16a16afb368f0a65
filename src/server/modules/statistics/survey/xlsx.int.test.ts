import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, multipartFile, type Session, type TestApp } from '../../../test/harness';
import { loadStatisticsReference } from '../reference/load-statistics-reference';
import { ensurePeriod, formOf } from './periods';
import { CODE_HEADER, COLUMNS, SHEET_NAME } from './xlsx-template';

async function open(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(SHEET_NAME)!;
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.getCell(1).value === CODE_HEADER) header = n;
  });
  const codes: string[] = [];
  for (let r = header + 1; r <= sheet.rowCount; r++) codes.push(String(sheet.getRow(r).getCell(1).value));
  return { wb, sheet, header, codes };
}

/** Puts figures into the value cells by code (null empties a cell) and returns the file. */
async function fill(bytes: Buffer, values: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
  const { wb, sheet, header } = await open(bytes);
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const code = String(sheet.getRow(r).getCell(1).value);
    if (code in values) sheet.getRow(r).getCell(COLUMNS.value).value = values[code];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('survey XLSX template and upload', () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  let stranger: Session;
  let analyst: Session;
  let formId: string;
  let formCodes: string[];
  let submissionId: string;

  beforeAll(async () => {
    t = await makeTestApp();
    const ctx = systemCtx(t.database, t.config, t.app.log, 'xlsx-test');
    await loadStatisticsReference(ctx);
    const period = await ensurePeriod(ctx, { calendar: 'calendar', year: 2025, dueOn: '2026-12-31' });
    const form = (await formOf(ctx, period.id, 'enterprise'))!;
    formId = form.id;
    formCodes = form.indicators;
    admin = await t.signIn('admin');
    const make = async (en: string, zh: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/enterprises', headers: admin.headers, payload: { names: { en, zh }, country: 'CN' } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const mine = await make('Qilu Robotics', '齐鲁机器人');
    const theirs = await make('Spring Water Bio', '泉水生物');
    member = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: mine });
    stranger = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: theirs });
    analyst = await t.signIn('ministry_analyst');
    const start = await t.app.inject({ method: 'POST', url: '/api/v1/statistics/submissions', headers: member.headers, payload: { formId, entityId: mine } });
    expect(start.statusCode, start.body).toBe(201);
    submissionId = start.json().id;
  });
  afterAll(() => t.close());

  const template = (session: Session, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/statistics/forms/${formId}/template?${query}`, headers: session.headers });
  const upload = (session: Session, file: Buffer, dryRun: boolean, name = 'survey.xlsx') => {
    const mp = multipartFile(name, file);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/statistics/submissions/${submissionId}/upload?dryRun=${dryRun}`,
      headers: { ...session.headers, ...mp.headers },
      payload: mp.payload,
    });
  };
  const valuesNow = async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/statistics/submissions/${submissionId}`, headers: member.headers });
    return res.json() as { values: Record<string, number | null>; version: number };
  };
  const filledTemplate = async (values: Record<string, ExcelJS.CellValue>) =>
    fill((await template(member, `lang=en&submissionId=${submissionId}`)).rawPayload, values);

  it('serves the form’s template: its indicators in order, named in the chosen language, right to left in Urdu', async () => {
    const indicators = (await t.app.inject({ method: 'GET', url: '/api/v1/statistics/indicators' })).json().items as {
      code: string;
      names: Record<string, string>;
    }[];
    const names = new Map(indicators.map((i) => [i.code, i.names]));
    for (const lang of ['en', 'zh', 'ur'] as const) {
      const res = await template(member, `lang=${lang}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="seedbed-survey-CY2025-enterprise.xlsx"');
      const { sheet, header, codes } = await open(res.rawPayload);
      expect(codes).toEqual(formCodes);
      expect(codes.map((_, k) => sheet.getRow(header + 1 + k).getCell(COLUMNS.name).value)).toEqual(formCodes.map((c) => names.get(c)![lang]));
      expect(sheet.views[0].rightToLeft ?? false).toBe(lang === 'ur');
    }
    const required = (await open((await template(member, 'lang=en')).rawPayload)).sheet;
    const marked: string[] = [];
    required.eachRow((row) => {
      if (row.getCell(COLUMNS.required).value === 'required') marked.push(String(row.getCell(1).value));
    });
    expect(marked.sort()).toEqual(['employees', 'operating_revenue']);
  });

  it('names the entity of a return the user may see, and answers 404 to one who may not', async () => {
    const res = await template(member, `lang=zh&submissionId=${submissionId}`);
    expect(res.statusCode).toBe(200);
    const texts: unknown[] = [];
    (await open(res.rawPayload)).sheet.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(c.value);
      });
    });
    expect(texts).toContain('齐鲁机器人');
    expect((await template(stranger, `lang=zh&submissionId=${submissionId}`)).statusCode).toBe(404);
  });

  it('a dry run reads the file and runs the form’s rules, and saves nothing', async () => {
    const before = await valuesNow();
    const file = await filledTemplate({ employees: 120, operating_revenue: '1,200,000', rd_expenditure: 30000 });
    const res = await upload(member, file, true);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, saved: false, problems: [] });
    expect(body.values).toMatchObject({ employees: 120, operating_revenue: 1200000, rd_expenditure: 30000 });
    expect(Object.keys(body.values).sort()).toEqual([...formCodes].sort());
    // rd_expenditure > 0 needs S&T personnel (the default rules): a finding, not a problem.
    expect(body.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('rd_needs_personnel');
    expect(await valuesNow()).toEqual(before);
  });

  it('names the row and column of “many”, and a real run with it answers 422 and saves nothing', async () => {
    const file = await filledTemplate({ employees: 'many', operating_revenue: 500 });
    const dry = await upload(member, file, true);
    expect(dry.statusCode).toBe(200);
    const { header, codes } = await open(file);
    const row = header + 1 + codes.indexOf('employees');
    const indicators = (await t.app.inject({ method: 'GET', url: '/api/v1/statistics/indicators' })).json().items as { code: string; names: { en: string } }[];
    const name = indicators.find((i) => i.code === 'employees')!.names.en;
    expect(dry.json().problems).toEqual([{ row, column: 'F', message: `“many” is not a number (${name}).` }]);
    const before = await valuesNow();
    const real = await upload(member, file, false);
    expect(real.statusCode).toBe(422);
    expect(real.json().error).toMatchObject({ code: 'import_invalid', details: [{ path: `rows.${row}.F`, message: expect.stringMatching(/many/) }] });
    expect(await valuesNow()).toEqual(before);
  });

  it('a real run replaces the draft’s values with the file’s (empty cells become empty)', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/statistics/submissions/${submissionId}/values`,
      headers: member.headers,
      payload: { values: { employees: 1, taxes_paid: 77 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const file = await filledTemplate({ employees: '1 200', operating_revenue: 98765.5, taxes_paid: null });
    const res = await upload(member, file, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, saved: true, problems: [] });
    const after = await valuesNow();
    expect(after.values).toEqual({ employees: 1200, operating_revenue: 98765.5 });
    expect(after.version).toBe(put.json().version + 1);
  });

  it('refuses a file that is not an XLSX with a 400 and a clear message', async () => {
    const res = await upload(member, Buffer.from('code,value\nemployees,3\n'), true, 'survey.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/not an XLSX workbook/);
    const post = (headers: Record<string, string>, payload: Buffer) =>
      t.app.inject({ method: 'POST', url: `/api/v1/statistics/submissions/${submissionId}/upload`, headers: { ...member.headers, ...headers }, payload });
    const otherField = multipartFile('x.xlsx', Buffer.from('PK'), 'other');
    expect((await post(otherField.headers, otherField.payload)).json().error.code).toBe('file_required');
    const empty = multipartFile('x.xlsx', Buffer.alloc(0));
    expect((await post(empty.headers, empty.payload)).statusCode).toBe(400);
    // A body that is not well-formed multipart is the client's error, not a 500.
    expect((await post(otherField.headers, Buffer.from('not multipart at all'))).statusCode).toBe(400);
  });

  it('refuses a file over 2 MB with 413', async () => {
    const res = await upload(member, Buffer.alloc(2 * 1024 * 1024 + 10, 1), true);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/2 MB/);
  });

  it('lets only the filer upload: 404 to another enterprise, 403 to an analyst who may see the return', async () => {
    const file = await filledTemplate({ employees: 5 });
    const before = await valuesNow();
    expect((await upload(stranger, file, true)).statusCode).toBe(404);
    expect((await upload(stranger, file, false)).statusCode).toBe(404);
    expect((await upload(analyst, file, false)).statusCode).toBe(403);
    expect(await valuesNow()).toEqual(before);
  });
});
