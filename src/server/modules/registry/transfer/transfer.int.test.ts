import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { makeTestApp, multipartFile, type Session, type TestApp } from '../../../test/harness';

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('enterprises');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('registry import and export', () => {
  let t: TestApp;
  let admin: Session;
  let zoneId: string;
  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    const z = await t.app.inject({
      method: 'POST',
      url: '/api/v1/zones',
      headers: admin.headers,
      payload: { key: 'zone:jinan', kind: 'national_hightech_zone', names: { en: 'Jinan High-tech Zone', zh: '济南高新区' }, country: 'CN' },
    });
    zoneId = z.json().id;
  });
  afterAll(() => t.close());

  const header = ['key', 'name_en', 'name_zh', 'country', 'sector', 'employees', 'host_zone'];
  const upload = (session: Session, file: Buffer, name: string, dryRun: boolean, lang = 'en') => {
    const mp = multipartFile(name, file);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/enterprise?dryRun=${dryRun}`,
      headers: { ...session.headers, ...mp.headers, 'accept-language': lang },
      payload: mp.payload,
    });
  };
  const enterpriseCount = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM enterprises`))[0].n;

  it('lists every bad row with row, column and a message in the user’s language, and writes nothing', async () => {
    const file = await xlsx([
      header,
      ['ent:a', 'Qilu Robotics', '齐鲁机器人', 'CN', 'advanced_manufacturing', 120, 'zone:jinan'],
      ['ent:b', 'Spring Water Bio', null, 'China', 'biomedicine', 'many', 'zone:jinan'],
      ['ent:c', 'Licheng Materials', null, 'CN', 'new_materials', 40, 'zone:nowhere'],
    ]);
    const zm = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: zoneId });
    const dry = await upload(zm, file, 'enterprises.xlsx', true, 'zh-CN');
    expect(dry.statusCode, dry.body).toBe(200);
    const body = dry.json();
    expect(body).toMatchObject({ dryRun: true, rows: 3, valid: 1 });
    expect(body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:employees', '3:country', '4:host_zone']);
    expect(body.errors[0].message).toMatch(/不是整数/);
    expect(body.errors[2].message).toMatch(/zone:nowhere/);
    const commit = await upload(zm, file, 'enterprises.xlsx', false);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe('import_invalid');
    expect(await enterpriseCount()).toBe(0);
  });

  it('imports a corrected file all at once, audited and searchable, within the zone manager’s scope', async () => {
    const zm = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: zoneId });
    const fixed = await xlsx([
      header,
      ['ent:a', 'Qilu Robotics', '齐鲁机器人', 'CN', 'advanced_manufacturing', 120, 'zone:jinan'],
      ['ent:b', 'Spring Water Bio', null, 'CN', 'biomedicine', 300, 'zone:jinan'],
    ]);
    const res = await upload(zm, fixed, 'enterprises.xlsx', false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: 2, updated: 0, errors: [] });
    const audits = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'enterprise.import_create'`);
    expect(audits[0].n).toBe(2);
    const hit = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('齐鲁')}` });
    expect(hit.json().items[0].names.en).toBe('Qilu Robotics');
    // A second import of the same keys updates instead of duplicating.
    const again = await upload(zm, fixed, 'enterprises.xlsx', false);
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    expect(await enterpriseCount()).toBe(2);
  });

  it('refuses rows outside the importer’s scope', async () => {
    const other = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: '00000000-0000-4000-8000-000000000002' });
    const file = await xlsx([header, ['ent:x', 'Elsewhere Ltd', null, 'CN', null, 5, 'zone:jinan']]);
    const res = await upload(other, file, 'x.xlsx', true);
    expect(res.json().errors).toEqual([{ row: 2, column: 'key', message: expect.stringMatching(/outside your zone/) }]);
  });

  it('imports CSV too, and exports a filtered list as CSV and XLSX', async () => {
    const csv = Buffer.from('key,name_en,country,sector\nent:csv,CSV Photonics,CN,electronic_information\n');
    const res = await upload(admin, csv, 'e.csv', false);
    expect(res.json()).toMatchObject({ created: 1 });
    const out = await t.app.inject({ method: 'GET', url: `/api/v1/enterprises/export?format=csv&zoneId=${zoneId}` });
    expect(out.statusCode).toBe(200);
    expect(out.headers['content-type']).toMatch(/text\/csv/);
    const lines = out.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^key,name_en,name_zh/);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['ent:a', 'ent:b']);
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises/export?format=xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(4);
    const tpl = await t.app.inject({ method: 'GET', url: '/api/v1/imports/zone/template?format=xlsx' });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-disposition']).toMatch(/seedbed-zones-template\.xlsx/);
  });
});
