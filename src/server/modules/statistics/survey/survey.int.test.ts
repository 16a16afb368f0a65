import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { loadStatisticsReference } from '../reference/load-statistics-reference';
import { rollupDifferences } from '../rollups/rollups';
import { ensurePeriod } from './periods';

/**
 * The annual survey end to end through the API (issue 5, Done when): validation rules, the approval chain
 * enterprise → zone → province → national, a returned and corrected return, data locked once approved,
 * rollups equal to a recomputation after every step, the yearbook public only once published.
 */
describe('annual survey: filing, validation, approval chain', () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  let zoneManager: Session;
  let otherZoneManager: Session;
  let provinceAnalyst: Session;
  let analyst: Session;
  let enterpriseId: string;
  let zoneId: string;
  let formId: string;
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const good = { employees: 120, employees_degree: 80, st_personnel: 30, operating_revenue: 50_000, rd_expenditure: 3_000, exports: 10_000 };
  const noDiff = async () => expect(await rollupDifferences(t.database.db)).toEqual([]);
  const yearbookRevenue = async (s: Session | null) => {
    const res = await inject(s, 'GET', '/api/v1/statistics/yearbook/zones?year=2025');
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    t = await makeTestApp();
    const ctx = systemCtx(t.database, t.config, pino({ level: 'silent' }), 'test');
    await loadStatisticsReference(ctx);
    const period = await ensurePeriod(ctx, { calendar: 'calendar', year: 2025, dueOn: '2099-03-31' });
    admin = await t.signIn('admin');
    const zone = await inject(admin, 'POST', '/api/v1/zones', {
      names: { en: 'Jinan High-tech Zone', zh: '济南高新区' },
      kind: 'national_hightech_zone',
      country: 'CN',
      province: '370000',
    });
    expect(zone.statusCode, zone.body).toBe(201);
    zoneId = zone.json().id;
    const e = await inject(admin, 'POST', '/api/v1/enterprises', {
      names: { en: 'Quantum Sensors Ltd' },
      country: 'CN',
      province: '370000',
      hostZoneId: zoneId,
      sector: 'electronic_information',
    });
    expect(e.statusCode, e.body).toBe(201);
    enterpriseId = e.json().id;
    member = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: enterpriseId });
    zoneManager = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: zoneId });
    otherZoneManager = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: '00000000-0000-0000-0000-000000000001' });
    provinceAnalyst = await t.signIn('ministry_analyst', { scopeType: 'province', scopeId: '370000' });
    analyst = await t.signIn('ministry_analyst');
    const filings = await inject(member, 'GET', '/api/v1/statistics/filings');
    expect(filings.statusCode, filings.body).toBe(200);
    const filing = filings.json().items.find((f: { period: { id: string } }) => f.period.id === period.id);
    formId = filing.formId;
  }, 60_000);
  afterAll(() => t.close());

  let id: string;

  it('lets the enterprise start its return, and nobody else file it', async () => {
    expect((await inject(otherZoneManager, 'POST', '/api/v1/statistics/submissions', { formId, entityId: enterpriseId })).statusCode).toBe(403);
    const res = await inject(member, 'POST', '/api/v1/statistics/submissions', { formId, entityId: enterpriseId });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', can: { edit: true, review: false } });
    const again = await inject(member, 'POST', '/api/v1/statistics/submissions', { formId, entityId: enterpriseId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
  });

  it('explains a failed rule in the user’s language and refuses to submit it', async () => {
    const bad = { ...good, rd_expenditure: 60_000 };
    const saved = await inject(member, 'PUT', `/api/v1/statistics/submissions/${id}/values`, { values: bad });
    expect(saved.statusCode, saved.body).toBe(200);
    const finding = saved.json().findings.find((f: { ruleId: string }) => f.ruleId === 'rd_within_revenue');
    expect(finding.severity).toBe('error');
    expect(finding.message).toMatch(/R&D/);
    expect(finding.message).toMatch(/60,000/);
    const zh = await t.app.inject({
      method: 'POST',
      url: `/api/v1/statistics/submissions/${id}/validate`,
      headers: { ...member.headers, 'accept-language': 'zh' },
      payload: { values: bad },
    });
    expect(zh.json().findings[0].message).toMatch(/研发/);
    const submit = await inject(member, 'POST', `/api/v1/statistics/submissions/${id}/submit`, {});
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.code).toBe('statistics.validation_failed');
    expect(submit.json().error.details[0]).toMatchObject({ path: 'rd_expenditure' });
    expect((await inject(member, 'GET', `/api/v1/statistics/submissions/${id}`)).json().status).toBe('draft');
  });

  it('rejects values that are not on the form or not whole where they must be, saving nothing', async () => {
    const before = (await inject(member, 'GET', `/api/v1/statistics/submissions/${id}`)).json().values;
    const res = await inject(member, 'PUT', `/api/v1/statistics/submissions/${id}/values`, { values: { ...good, employees: 12.5, made_up: 3 } });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['employees', 'made_up']);
    expect((await inject(member, 'GET', `/api/v1/statistics/submissions/${id}`)).json().values).toEqual(before);
  });

  it('submits once fixed; the zone returns it with a reason; it is corrected and resubmitted', async () => {
    expect((await inject(member, 'PUT', `/api/v1/statistics/submissions/${id}/values`, { values: good })).statusCode).toBe(200);
    const submitted = await inject(member, 'POST', `/api/v1/statistics/submissions/${id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', step: 0, can: { edit: false } });
    expect(submitted.json().chain.map((c: { level: string }) => c.level)).toEqual(['zone', 'province', 'national']);
    expect((await inject(member, 'PUT', `/api/v1/statistics/submissions/${id}/values`, { values: good })).statusCode).toBe(409);
    // Only the zone's own manager approves at the zone level.
    expect((await inject(otherZoneManager, 'POST', `/api/v1/statistics/submissions/${id}/review`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await inject(provinceAnalyst, 'POST', `/api/v1/statistics/submissions/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    const inbox = await inject(zoneManager, 'GET', '/api/v1/statistics/submissions?view=review');
    expect(inbox.json().items.map((s: { id: string }) => s.id)).toContain(id);
    expect((await inject(zoneManager, 'POST', `/api/v1/statistics/submissions/${id}/review`, { decision: 'return' })).statusCode).toBe(422);
    const returned = await inject(zoneManager, 'POST', `/api/v1/statistics/submissions/${id}/review`, {
      decision: 'return',
      reason: 'Exports look too high for this firm; check the customs figure.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', counted: false, returnedReason: expect.stringMatching(/customs/) });
    await noDiff();
    const fixed = await inject(member, 'PUT', `/api/v1/statistics/submissions/${id}/values`, { values: { ...good, exports: 8_000 } });
    expect(fixed.statusCode).toBe(200);
    expect((await inject(member, 'POST', `/api/v1/statistics/submissions/${id}/submit`, {})).statusCode).toBe(200);
  });

  it('counts the return in the rollups from the first approval, final after the last, then locks it', async () => {
    const approved = await inject(zoneManager, 'POST', `/api/v1/statistics/submissions/${id}/review`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'submitted', step: 1, counted: true });
    await noDiff();
    const staff = await yearbookRevenue(analyst);
    expect(staff.status, JSON.stringify(staff.body)).toBe(200);
    const col = staff.body.columns.findIndex((c: { key: string }) => c.key === 'operating_revenue') - 1;
    expect(staff.body.rows[0].cells[col]).toBe(50_000);
    expect(staff.body.provisional).toBe(1);
    expect((await yearbookRevenue(null)).status).toBe(404);
    expect((await inject(provinceAnalyst, 'POST', `/api/v1/statistics/submissions/${id}/review`, { decision: 'approve' })).json().step).toBe(2);
    const final = await inject(analyst, 'POST', `/api/v1/statistics/submissions/${id}/review`, { decision: 'approve' });
    expect(final.json()).toMatchObject({ status: 'approved', locked: true, counted: true, can: { edit: false } });
    await noDiff();
    expect((await yearbookRevenue(analyst)).body.provisional).toBe(0);
    expect((await inject(member, 'PUT', `/api/v1/statistics/submissions/${id}/values`, { values: good })).statusCode).toBe(409);
    const history = (await inject(member, 'GET', `/api/v1/statistics/submissions/${id}`))
      .json()
      .reviews.map((r: { decision: string; level: string }) => `${r.level}:${r.decision}`);
    expect(history).toEqual(['zone:return', 'zone:approve', 'province:approve', 'national:approve']);
  });

  it('publishes the year: the public then reads the table, never the return', async () => {
    const periods = (await inject(null, 'GET', '/api/v1/statistics/periods')).json().items;
    const p = periods.find((x: { year: number }) => x.year === 2025);
    expect((await inject(member, 'POST', `/api/v1/statistics/periods/${p.id}/publish`)).statusCode).toBe(403);
    expect((await inject(analyst, 'POST', `/api/v1/statistics/periods/${p.id}/publish`)).statusCode).toBe(200);
    const pub = await yearbookRevenue(null);
    expect(pub.status).toBe(200);
    expect(pub.body.rows[0].label.en).toBe('Jinan High-tech Zone');
    expect((await inject(null, 'GET', `/api/v1/statistics/submissions/${id}`)).statusCode).toBe(401);
    for (const format of ['xlsx', 'csv', 'pdf']) {
      const file = await inject(null, 'GET', `/api/v1/statistics/yearbook/zones/export?year=2025&format=${format}&lang=ur`);
      expect(file.statusCode, format).toBe(200);
      expect(file.rawPayload.length).toBeGreaterThan(100);
    }
  }, 60_000);

  it('reopens an approved return for correction, taking it out of the rollups', async () => {
    expect((await inject(zoneManager, 'POST', `/api/v1/statistics/submissions/${id}/reopen`, { reason: 'Audit found an error' })).statusCode).toBe(403);
    const res = await inject(analyst, 'POST', `/api/v1/statistics/submissions/${id}/reopen`, { reason: 'Audit found an error' });
    expect(res.json()).toMatchObject({ status: 'returned', counted: false, can: { reopen: false } });
    await noDiff();
    const rows = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'statistics.submission.%'`);
    expect(rows[0].n).toBeGreaterThanOrEqual(10);
  });
});
