import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.tables';
import { systemCtx } from '../../../platform/context';
import { countries, divisions } from '../../registry/registry.tables';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { readStatisticsReference } from '../reference/reference-files';
import { meGoals, mePolicies, meTargets, statIndicators, statPeriods, statRollups, statRollupsNational, statSeries } from '../statistics.tables';
import { loadPolicyExample } from './load-policy-example';
import { reportDoc } from './policy-report';

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

  /** One rollup cell of a province (no zone or sector) of an indicator in a year. */
  const cell = (year: number, entityType: string, indicator: string, province: string, total: number) => ({
    year,
    entityType,
    indicator,
    province,
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
    // The example is measured on Pakistan's provinces (country:PK); Shandong's cells (370000) must not count.
    await db.insert(countries).values([
      { code: 'PK', names: { en: 'Pakistan' } },
      { code: 'CN', names: { en: 'China' } },
    ]);
    await db.insert(divisions).values([
      { code: 'PK-IS', country: 'PK', level: 'province', names: { en: 'Islamabad Capital Territory' } },
      { code: 'PK-PB', country: 'PK', level: 'province', names: { en: 'Punjab' } },
      { code: '370000', country: 'CN', level: 'province', names: { en: 'Shandong' } },
    ]);
    const cells = [
      // Jobs in incubated enterprises: 1,015 in 2023 against +3 % (1,030) on the measured 1,000 → 50 %: off track.
      cell(2021, 'incubator', 'tenant_jobs', 'PK-IS', 1_000),
      cell(2022, 'incubator', 'tenant_jobs', 'PK-IS', 1_008),
      cell(2023, 'incubator', 'tenant_jobs', 'PK-IS', 1_015),
      ...[2021, 2022, 2023].map((y) => cell(y, 'incubator', 'tenant_jobs', '370000', 50_000)),
      // Tenants keep pace with +2 % a year on 100: on track.
      cell(2021, 'incubator', 'tenants', 'PK-IS', 100),
      cell(2022, 'incubator', 'tenants', 'PK-IS', 102),
      cell(2023, 'incubator', 'tenants', 'PK-IS', 104),
      ...[2021, 2022, 2023].map((y) => cell(y, 'incubator', 'tenants', '370000', 1_000)),
      // Enterprises (a count of returns): 14 against +40 % on 10 → on track; Shandong's 500 are not Pakistan's.
      cell(2021, 'enterprise', '_records', 'PK-PB', 10),
      cell(2022, 'enterprise', '_records', 'PK-PB', 12),
      cell(2023, 'enterprise', '_records', 'PK-PB', 14),
      ...[2021, 2022, 2023].map((y) => cell(y, 'enterprise', '_records', '370000', 500)),
      // S&T personnel: 207 against +4 % on 200 (208) → 7 of 8: at risk.
      cell(2021, 'enterprise', 'st_personnel', 'PK-PB', 200),
      cell(2023, 'enterprise', 'st_personnel', 'PK-PB', 207),
      // Patents are measured from 2022 only: no baseline in 2021 → no data, and why.
      cell(2022, 'enterprise', 'valid_invention_patents', 'PK-PB', 3),
      cell(2023, 'enterprise', 'valid_invention_patents', 'PK-PB', 4),
    ];
    await db.insert(statRollups).values(cells);
    // The national sums the rollups keep beside their cells (rollups.ts).
    const national = new Map<string, { year: number; entityType: string; indicator: string; total: number; count: number; finalCount: number }>();
    for (const c of cells) {
      const key = `${c.year}/${c.entityType}/${c.indicator}`;
      const n = national.get(key) ?? { year: c.year, entityType: c.entityType, indicator: c.indicator, total: 0, count: 0, finalCount: 0 };
      national.set(key, { ...n, total: n.total + c.total, count: n.count + c.count, finalCount: n.finalCount + c.finalCount });
    }
    await db.insert(statRollupsNational).values([...national.values()]);
    const loaded = await loadPolicyExample(systemCtx(t.database, t.config, t.app.log, 'reference-data'));
    expect(loaded).toEqual({ policy: true, goals: 4, targets: 7 });
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
    expect(targets).toHaveLength(7);
    expect(targets.every((x) => x.example && x.scope === 'country:PK' && x.baselineValue === null)).toBe(true);
    expect(targets.every((x) => x.targets.every((y) => 'change' in y))).toBe(true);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, policyId));
    expect(audits.map((a) => a.action)).toEqual(['me.policy.create']);
  });

  it('lists policies with goals counted by status', async () => {
    const res = await inject(reader, 'GET', '/api/v1/me/policies');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().items.find((x: { id: string }) => x.id === policyId);
    expect(p).toMatchObject({ example: true, goals: 4, indicators: 7, status: 'off_track', counts: { on_track: 1, at_risk: 1, off_track: 1, no_data: 1 } });
  });

  it('measures every indicator on its measured baseline and relative targets; a baseline year without data is no data, saying why', async () => {
    const res = await inject(reader, 'GET', `/api/v1/me/policies/${policyId}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ example: true, synthetic: true, can: { manage: false }, indicatorCounts: { on_track: 2, at_risk: 1, off_track: 1, no_data: 3 } });
    expect(p.note.en).toMatch(/example|illustrative/i);
    const goal = (key: string) => p.goals.find((g: { key: string }) => g.key === key);
    expect(goal('basic-human-needs').status).toBe('off_track');
    expect(goal('good-governance').status).toBe('on_track');
    expect(goal('economic-development').status).toBe('at_risk');
    expect(goal('quality-of-life').status).toBe('no_data');
    const indicator = (key: string, code: string) => goal(key).indicators.find((i: { indicator: string }) => i.indicator === code);

    const jobs = indicator('basic-human-needs', 'tenant_jobs');
    expect(jobs).toMatchObject({
      kind: 'catalogue',
      scope: 'country:PK',
      status: 'off_track',
      noDataReason: null,
      baseline: { year: 2021, measured: true, value: 1_000 },
      latest: { year: 2023, value: 1_015 },
      synthetic: true,
      example: true,
    });
    // What was set (+1.5 % a year) beside what it resolves to.
    expect(jobs.targets.map((x: { year: number; basis: string; amount: number }) => [x.year, x.basis, x.amount])).toEqual([
      [2022, 'change', 0.015],
      [2023, 'change', 0.03],
      [2024, 'change', 0.045],
      [2025, 'change', 0.06],
      [2026, 'change', 0.075],
    ]);
    expect(jobs.targets[1].value).toBeCloseTo(1_030);
    expect(jobs.expectedAtLatest).toBeCloseTo(1_030);
    expect(jobs.achievement).toBeCloseTo(0.5);
    expect(jobs.trend).toMatchObject({ direction: 'flat', slope: 7.5, points: 3 });
    expect(jobs.projection).toMatchObject({ year: 2026, status: 'off_track' });
    expect(jobs.projection.target).toBeCloseTo(1_075);
    expect(jobs.expected.map((e: { year: number }) => e.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(jobs.expected[0].value).toBe(1_000);
    // Pakistan's provinces only: Shandong's 50,000 jobs are not in it.
    expect(jobs.actual.map((a: { value: number }) => a.value)).toEqual([1_000, 1_008, 1_015]);

    expect(indicator('good-governance', 'enterprises')).toMatchObject({ baseline: { value: 10 }, latest: { year: 2023, value: 14 }, status: 'on_track' });
    const staff = indicator('economic-development', 'st_personnel');
    expect(staff).toMatchObject({ baseline: { value: 200 }, status: 'at_risk' });
    expect(staff.achievement).toBeCloseTo(7 / 8);
    expect(staff.trend).toEqual({ direction: 'improving', slope: 3.5, points: 2 });

    const patents = indicator('economic-development', 'valid_invention_patents');
    expect(patents).toMatchObject({
      status: 'no_data',
      noDataReason: 'baseline_not_measured',
      baseline: { year: 2021, measured: true, value: null },
      latest: { year: 2023, value: 4 },
      achievement: null,
      expectedAtLatest: null,
      expected: [],
      projection: null,
    });
    expect(patents.targets.every((x: { value: number | null }) => x.value === null)).toBe(true);
    expect(indicator('quality-of-life', 'graduates')).toMatchObject({ status: 'no_data', noDataReason: 'not_measured', latest: null, actual: [] });
  });

  it('measures a target for a country, for every country, or against a baseline that was set', async () => {
    const pol = (await inject(analyst, 'POST', '/api/v1/me/policies', { key: 'scopes', names: { en: 'Scopes' } })).json();
    const g = await inject(analyst, 'POST', `/api/v1/me/policies/${pol.id}/goals`, { key: 'scopes', names: { en: 'Scopes' } });
    const goalId = g.json().id;
    const add = (scope: string, baseline: unknown) =>
      inject(analyst, 'POST', `/api/v1/me/goals/${goalId}/targets`, {
        indicator: 'tenants',
        scope,
        direction: 'increase',
        baseline,
        targets: [
          { year: 2022, change: 0.02 },
          { year: 2023, value: 1_150 },
        ],
      });
    const pk = await add('country:PK', { year: 2021, measured: true });
    expect(pk.statusCode, pk.body).toBe(201);
    expect(pk.json()).toMatchObject({ scope: 'country:PK', baseline: { measured: true, value: 100 }, latest: { year: 2023, value: 104 } });
    const all = await add('national', { year: 2021, measured: true });
    expect(all.json()).toMatchObject({ baseline: { value: 1_100 }, latest: { value: 1_104 } });
    expect(all.json().targets).toEqual([
      { year: 2022, basis: 'change', amount: 0.02, value: 1_122 },
      { year: 2023, basis: 'value', amount: 1_150, value: 1_150 },
    ]);
    const cn = await add('country:CN', { year: 2021, measured: true });
    expect(cn.json()).toMatchObject({ baseline: { value: 1_000 }, latest: { value: 1_000 } });
    const set = await add('country:PK', { year: 2021, value: 90 });
    expect(set.json()).toMatchObject({ baseline: { year: 2021, measured: false, value: 90 } });
    expect(set.json().targets[0].value).toBeCloseTo(91.8);
    const row = (await t.database.db.select().from(meTargets).where(eq(meTargets.id, pk.json().id)))[0];
    expect(row).toMatchObject({
      baselineValue: null,
      targets: [
        { year: 2022, change: 0.02 },
        { year: 2023, value: 1_150 },
      ],
    });

    // An analyst turns a set baseline into a measured one, and a target into points on it.
    const patched = await inject(analyst, 'PATCH', `/api/v1/me/targets/${set.json().id}`, {
      baseline: { year: 2021, measured: true },
      targets: [{ year: 2023, delta: 5 }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ baseline: { measured: true, value: 100 }, targets: [{ year: 2023, basis: 'delta', amount: 5, value: 105 }] });
    expect(patched.json().achievement).toBeCloseTo(0.8);
    expect(patched.json().status).toBe('at_risk');
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
      baseline: { year: 2005, measured: false, value: 155.1 },
      targets: [{ year: 2020, basis: 'value', amount: 1_500, value: 1_500 }],
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
    const base = { indicator: 'enterprises', direction: 'increase', baseline: { year: 2021, measured: true }, targets: [{ year: 2024, change: 0.2 }] };
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
      [{ ...base, scope: 'nhz' }, 'scope', /nationally, for a country/],
      [{ ...base, scope: 'country:XX' }, 'scope', /not a country of the registry/],
      [{ ...base, scope: 'country:Pakistan' }, 'scope', /./],
      [{ ...base, targets: [{ year: 2024, value: 12, change: 0.2 }] }, 'targets.0.value', /exactly one of value, change or delta/],
      [{ ...base, targets: [{ year: 2024 }] }, 'targets.0.value', /exactly one of value, change or delta/],
      [{ ...base, targets: [{ year: 2024, change: -2 }] }, 'targets.0.change', /./],
      [{ ...base, baseline: { year: 2021, value: 600, measured: true } }, 'baseline.value', /value or measured/],
      [{ ...base, baseline: { year: 2021, measured: false } }, 'baseline.measured', /./],
      [{ ...base, direction: 'sideways' }, 'direction', /./],
      [{ ...base, targets: [] }, 'targets', /./],
      [{ ...base, baseline: { year: 2021 } }, 'baseline.value', /value or measured/],
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

  it('reports the resolved figures: the measured baseline and each target with what it is relative to', async () => {
    const p = (await inject(reader, 'GET', `/api/v1/me/policies/${policyId}`)).json();
    const doc = reportDoc(p, 'en');
    const rows = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    const jobs = rows.find((r) => r[0].startsWith('Jobs in incubated enterprises'));
    expect(jobs?.[0]).toContain('returns from Pakistan');
    expect(jobs?.[1]).toBe('1,000 (measured, 2021) → 2026: 1,075 (+7.5% on baseline)');
    const patents = rows.find((r) => r[0].startsWith('Valid invention patents'));
    expect(patents?.[1]).toBe('not measured: no data for 2021 → 2026: — (+100% on baseline)');
    const text = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
    expect(text).toContain('Yearly targets: 2022: 1,015 (+1.5% on baseline) · 2023: 1,030 (+3% on baseline)');
    expect(reportDoc(p, 'zh').blocks.some((b) => b.kind === 'table' && b.rows.some((r) => r[1].startsWith('1,000（2021 年实测）')))).toBe(true);
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
