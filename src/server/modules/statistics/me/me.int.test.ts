import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.tables';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { readStatisticsReference } from '../reference/reference-files';
import { meGoals, mePolicies, meTargets, statIndicators, statPeriods, statRollups, statRollupsNational, statSeries } from '../statistics.tables';
import { loadPolicyExample } from './load-policy-example';

/**
 * M&E of policy through the API: the example framework of Pakistan's draft STI policy 2021 (seeds/002, four
 * areas) loaded from the reference data and measured against survey rollups written here (marked synthetic,
 * as the demo data set is), analysts' own policies, goals and targets, validation, permissions, audit, PDF.
 */
describe('M&E of policy', () => {
  let t: TestApp;
  let analyst: Session;
  let reader: Session;
  let policyId: string;
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: { ...(s?.headers ?? {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** One national rollup cell (no province, zone or sector) of an indicator in a year. */
  const cell = (year: number, entityType: string, indicator: string, total: number) => ({
    year,
    entityType,
    indicator,
    province: null,
    zoneId: null,
    sector: null,
    total,
    count: 1,
    finalCount: 1,
  });

  beforeAll(async () => {
    t = await makeTestApp();
    const ref = readStatisticsReference();
    const db = t.database.db;
    await db.insert(statIndicators).values(
      ref.indicators.map((d, sort) => ({
        code: d.code,
        names: d.names,
        definitions: d.definitions,
        unit: d.unit,
        valueType: d.valueType,
        aggregation: d.aggregation,
        numerator: d.numerator ?? null,
        denominator: d.denominator ?? null,
        scale: d.scale ?? null,
        entityTypes: d.entityTypes,
        group: d.group,
        source: d.source,
        sort,
      })),
    );
    await db
      .insert(statSeries)
      .values(ref.series.map((s) => ({ code: s.code, names: s.names, unit: s.unit, indicator: s.indicator ?? null, scope: s.scope, points: s.points })));
    await db.insert(statPeriods).values(
      [2021, 2022, 2023].map((year) => ({
        key: `demo-${year}`,
        names: { en: `Survey ${year} (synthetic)` },
        calendar: 'calendar',
        year,
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        dueOn: `${year + 1}-03-31`,
        status: 'closed',
        synthetic: true,
      })),
    );
    const cells = [
      // Jobs in incubated enterprises grow far slower than the example's targets (13,500 in 2022, 15,200 in 2023): off track.
      cell(2021, 'incubator', 'tenant_jobs', 12_000),
      cell(2022, 'incubator', 'tenant_jobs', 12_600),
      cell(2023, 'incubator', 'tenant_jobs', 13_000),
      // Tenants keep pace with 1,000 / 1,120: on track.
      cell(2021, 'incubator', 'tenants', 900),
      cell(2022, 'incubator', 'tenants', 1_000),
      cell(2023, 'incubator', 'tenants', 1_125),
      // Enterprises (a count of returns): 980 against 1,000 expected in 2023 → 95 %: on track.
      cell(2021, 'enterprise', '_records', 600),
      cell(2022, 'enterprise', '_records', 790),
      cell(2023, 'enterprise', '_records', 980),
      // R&D intensity 1.45 % against 1.5 % expected (baseline 1.2): 83 % of the way → at risk.
      cell(2023, 'enterprise', 'rd_expenditure', 1_450),
      cell(2023, 'enterprise', 'operating_revenue', 100_000),
    ];
    await db.insert(statRollups).values(cells);
    // The national sums the rollups keep beside their cells (rollups.ts).
    await db.insert(statRollupsNational).values(cells.map(({ province, zoneId, sector, ...national }) => national));
    const loaded = await loadPolicyExample(systemCtx(t.database, t.config, t.app.log, 'reference-data'));
    expect(loaded).toEqual({ policy: true, goals: 4, targets: 8 });
    analyst = await t.signIn('ministry_analyst');
    reader = await t.signIn('zone_manager');
    const [p] = await db.select().from(mePolicies).where(eq(mePolicies.key, ref.policy.policy.key));
    policyId = p.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads the example framework once, marked as an example, with the four areas of seeds/002', async () => {
    const again = await loadPolicyExample(systemCtx(t.database, t.config, t.app.log, 'reference-data'));
    expect(again).toEqual({ policy: false, goals: 0, targets: 0 });
    const goals = await t.database.db.select().from(meGoals).where(eq(meGoals.policyId, policyId));
    expect(goals.map((g) => g.area).sort()).toEqual(['basic_human_needs', 'economic_development', 'good_governance', 'quality_of_life']);
    expect(goals.every((g) => g.source?.startsWith('seeds/002_d481d2e1475dd825.txt#'))).toBe(true);
    const targets = await t.database.db
      .select()
      .from(meTargets)
      .where(
        inArray(
          meTargets.goalId,
          goals.map((g) => g.id),
        ),
      );
    expect(targets).toHaveLength(8);
    expect(targets.every((x) => x.example)).toBe(true);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, policyId));
    expect(audits.map((a) => a.action)).toEqual(['me.policy.create']);
  });

  it('lists policies with goals counted by status', async () => {
    const res = await inject(reader, 'GET', '/api/v1/me/policies');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().items.find((x: { id: string }) => x.id === policyId);
    expect(p).toMatchObject({ example: true, goals: 4, indicators: 8, status: 'off_track', counts: { on_track: 1, at_risk: 1, off_track: 1, no_data: 1 } });
  });

  it('measures every indicator: actual vs expected, achievement, status, trend and projection; no data is no data', async () => {
    const res = await inject(reader, 'GET', `/api/v1/me/policies/${policyId}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ example: true, synthetic: true, can: { manage: false }, indicatorCounts: { on_track: 2, at_risk: 1, off_track: 1, no_data: 4 } });
    expect(p.note.en).toMatch(/example|illustrative/i);
    const goal = (key: string) => p.goals.find((g: { key: string }) => g.key === key);
    expect(goal('basic-human-needs').status).toBe('off_track');
    expect(goal('good-governance').status).toBe('on_track');
    expect(goal('economic-development').status).toBe('at_risk');
    expect(goal('quality-of-life').status).toBe('no_data');

    const jobs = goal('basic-human-needs').indicators.find((i: { indicator: string }) => i.indicator === 'tenant_jobs');
    expect(jobs).toMatchObject({
      kind: 'catalogue',
      status: 'off_track',
      latest: { year: 2023, value: 13_000 },
      expectedAtLatest: 15_200,
      synthetic: true,
      example: true,
    });
    expect(jobs.achievement).toBeCloseTo(1_000 / 3_200);
    expect(jobs.trend).toMatchObject({ direction: 'improving', slope: 500, points: 3 });
    expect(jobs.projection).toMatchObject({ year: 2026, target: 21_000, status: 'off_track' });
    // The line through 12,000 / 12,600 / 13,000 (2021–2023): mean 12,533⅓ in 2022, +500 a year → 14,533⅓ in 2026.
    expect(jobs.projection.value).toBeCloseTo(14_533.333, 3);
    expect(jobs.expected.map((e: { year: number }) => e.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(jobs.actual[0]).toMatchObject({ year: 2021, value: 12_000, synthetic: true, source: null });

    const rd = goal('economic-development').indicators.find((i: { indicator: string }) => i.indicator === 'rd_intensity');
    expect(rd.latest.year).toBe(2023);
    expect(rd.latest.value).toBeCloseTo(1.45);
    expect(rd.status).toBe('at_risk');
    expect(rd.trend).toEqual({ direction: null, slope: null, points: 1 });
    expect(rd.projection).toBeNull();
    const patents = goal('economic-development').indicators.find((i: { indicator: string }) => i.indicator === 'valid_invention_patents');
    expect(patents).toMatchObject({ status: 'no_data', latest: null, achievement: null, actual: [] });
  });

  it('lets an analyst build a policy: goal, indicator on a published series (cited), change and remove it; all audited', async () => {
    const created = await inject(analyst, 'POST', '/api/v1/me/policies', { key: 'tech-market', names: { en: 'Technology market', zh: '技术市场' } });
    expect(created.statusCode, created.body).toBe(201);
    const pol = created.json();
    expect(pol).toMatchObject({ example: false, goals: [], can: { manage: true }, status: 'no_data' });
    expect(pol.measures.some((m: { code: string; kind: string }) => m.code === 'tech_contract_value' && m.kind === 'series')).toBe(true);
    expect((await inject(analyst, 'POST', '/api/v1/me/policies', { key: 'tech-market', names: { en: 'Again' } })).statusCode).toBe(409);

    const g = await inject(analyst, 'POST', `/api/v1/me/policies/${pol.id}/goals`, { key: 'contracts', names: { en: 'More technology contracts' } });
    expect(g.statusCode, g.body).toBe(201);
    const goalId = g.json().id;
    expect(g.json()).toMatchObject({ status: 'no_data', indicators: [], sort: 0 });

    // seeds: technology contract value CNY 155.1 billion (2005) and 1,140.7 billion (2017).
    const target = await inject(analyst, 'POST', `/api/v1/me/goals/${goalId}/targets`, {
      indicator: 'tech_contract_value',
      direction: 'increase',
      baseline: { year: 2005, value: 155.1 },
      targets: [{ year: 2020, value: 1_500 }],
    });
    expect(target.statusCode, target.body).toBe(201);
    const ti = target.json();
    expect(ti).toMatchObject({
      kind: 'series',
      scope: 'national',
      example: false,
      synthetic: false,
      latest: { year: 2017, value: 1_140.7 },
      thresholds: { atRisk: 0.9, offTrack: 0.6 },
    });
    expect(ti.actual.every((a: { source: string | null }) => a.source?.startsWith('seeds/'))).toBe(true);
    // Expected in 2017: 155.1 + (1500 − 155.1) × 12/15 = 1231.02 → achievement (1140.7 − 155.1) / (1231.02 − 155.1) ≈ 0.916.
    expect(ti.expectedAtLatest).toBeCloseTo(1_231.02);
    expect(ti.status).toBe('on_track');

    const patched = await inject(analyst, 'PATCH', `/api/v1/me/targets/${ti.id}`, { targets: [{ year: 2017, value: 2_000 }] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().status).toBe('off_track');
    const detail = (await inject(analyst, 'GET', `/api/v1/me/policies/${pol.id}`)).json();
    expect(detail.goals[0]).toMatchObject({ key: 'contracts', status: 'off_track' });

    const removed = await inject(analyst, 'DELETE', `/api/v1/me/targets/${ti.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await inject(analyst, 'DELETE', `/api/v1/me/targets/${ti.id}`)).statusCode).toBe(404);
    expect((await inject(analyst, 'GET', `/api/v1/me/policies/${pol.id}`)).json().goals[0].indicators).toEqual([]);

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'me_target'), eq(auditLog.entityId, ti.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['me.target.create', 'me.target.delete', 'me.target.update']);
    const update = audits.find((a) => a.action === 'me.target.update');
    if (!update) throw new Error('no audit entry of the update');
    expect((update.before as { targets: unknown }).targets).toEqual([{ year: 2020, value: 1_500 }]);
    expect((update.after as { targets: unknown }).targets).toEqual([{ year: 2017, value: 2_000 }]);
    expect(audits.every((a) => a.actorId === analyst.userId)).toBe(true);
  });

  it('refuses invalid targets with messages in the caller’s language, and writes nothing', async () => {
    const goalId = (await t.database.db.select().from(meGoals).where(eq(meGoals.key, 'good-governance')))[0].id;
    const before = (await t.database.db.select().from(meTargets)).length;
    const base = { indicator: 'enterprises', direction: 'increase', baseline: { year: 2021, value: 600 }, targets: [{ year: 2024, value: 1_200 }] };
    const cases: [unknown, string, RegExp][] = [
      [{ ...base, indicator: 'no_such_thing' }, 'indicator', /neither a survey indicator nor a published series/],
      [{ ...base, targets: [{ year: 2020, value: 700 }] }, 'targets.0.year', /after the baseline year \(2021\)/],
      [
        {
          ...base,
          targets: [
            { year: 2023, value: 700 },
            { year: 2023, value: 800 },
          ],
        },
        'targets.1.year',
        /already a target for 2023/,
      ],
      [{ ...base, thresholds: { atRisk: 0.5, offTrack: 0.8 } }, 'thresholds.offTrack', /cannot be above/],
      [{ ...base, scope: 'nhz' }, 'scope', /nationally, for a province/],
      [{ ...base, direction: 'sideways' }, 'direction', /./],
      [{ ...base, targets: [] }, 'targets', /./],
      [{ ...base, baseline: { year: 2021 } }, 'baseline.value', /./],
    ];
    for (const [payload, path, message] of cases) {
      const res = await inject(analyst, 'POST', `/api/v1/me/goals/${goalId}/targets`, payload);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(422);
      const body = res.json();
      expect(body.error.code).toBe('validation_failed');
      const detail = body.error.details.find((d: { path: string }) => d.path === path || d.path === `body.${path}` || d.path.endsWith(path));
      expect(detail, `${path}: ${res.body}`).toBeTruthy();
      expect(detail.message).toMatch(message);
    }
    const zh = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/goals/${goalId}/targets`,
      headers: { ...analyst.headers, 'accept-language': 'zh' },
      payload: { ...base, indicator: 'no_such_thing' },
    });
    expect(zh.json().error.details[0].message).toContain('既不是调查指标');
    expect((await inject(analyst, 'POST', '/api/v1/me/goals/00000000-0000-4000-8000-000000000000/targets', base)).statusCode).toBe(404);
    expect((await inject(analyst, 'PATCH', '/api/v1/me/targets/00000000-0000-4000-8000-000000000000', { direction: 'decrease' })).statusCode).toBe(404);
    expect((await inject(analyst, 'PATCH', '/api/v1/me/targets/00000000-0000-4000-8000-000000000000', {})).statusCode).toBe(422);
    expect((await inject(analyst, 'POST', '/api/v1/me/policies', { names: { en: '' } })).statusCode).toBe(422);
    expect((await t.database.db.select().from(meTargets)).length).toBe(before);
  });

  it('lets staff read and only analysts and admins write; others get 403, visitors 401', async () => {
    const member = await t.signIn('enterprise_member');
    expect((await inject(null, 'GET', '/api/v1/me/policies')).statusCode).toBe(401);
    expect((await inject(member, 'GET', '/api/v1/me/policies')).statusCode).toBe(403);
    expect((await inject(member, 'GET', `/api/v1/me/policies/${policyId}/report?format=pdf`)).statusCode).toBe(403);
    expect((await inject(reader, 'POST', '/api/v1/me/policies', { names: { en: 'Mine' } })).statusCode).toBe(403);
    expect((await inject(reader, 'POST', `/api/v1/me/policies/${policyId}/goals`, { names: { en: 'Mine' } })).statusCode).toBe(403);
    const admin = await t.signIn('admin');
    expect((await inject(admin, 'POST', `/api/v1/me/policies/${policyId}/goals`, { names: { en: 'An admin goal' } })).statusCode).toBe(201);
    expect((await inject(reader, 'GET', '/api/v1/me/policies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('exports the progress report as a PDF in each language', async () => {
    for (const lang of ['en', 'zh', 'ur']) {
      const res = await inject(reader, 'GET', `/api/v1/me/policies/${policyId}/report?format=pdf&lang=${lang}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`seedbed-me-pk-sti-policy-2021-draft-${lang}.pdf`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await inject(reader, 'GET', `/api/v1/me/policies/${policyId}/report?format=docx`)).statusCode).toBe(400);
  });
});
