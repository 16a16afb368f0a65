import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { divisions, enterprises, zones } from '../../registry/registry.tables';
import { rebuildRollups } from '../rollups/rollups';
import { statForms, statIndicators, statPeriods, statSubmissions, statValues } from '../statistics.tables';

/**
 * The analysis routes over a small hand-made system: three zones with returns (A, B, C), one without (D), one
 * enterprise outside any zone, two years. Every expected figure below is worked out by hand from these rows.
 *
 *   2024       zone  sector                  size    stage                rev   rd  emp  status (submitted)
 *   e1         A     electronic_information  small   registered          1000  100   50  approved  (on time)
 *   e2         A     biomedicine             medium  certified_high_tech 3000   60  150  submitted (late; counted)
 *   e3         B     electronic_information  small   registered           500   50   20  approved  (on time)
 *   e4         C     new_materials           small   gazelle             2000   20   80  approved  (on time)
 *   e5         —     —                       micro   registered           400   40    5  approved  (on time)
 *   e6         B     (a draft, not counted)                                 1    1    1  draft
 *   2023       e1 (A) 800 / 40 / 40, e3 (B) 400 / 60 / 20, both approved
 *   zone A's own return for 2024: operating_revenue 9999 (entity type zone; never mixed with enterprises')
 */
describe('statistics analysis: pivot, dashboard, map, ranking, completeness', () => {
  let t: TestApp;
  let analyst: Session;
  let managerA: Session;
  const id: Record<string, string> = {};
  const periodId: Record<number, string> = {};
  const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
  const post = (s: Session | null, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: s?.headers ?? {}, payload });

  beforeAll(async () => {
    t = await makeTestApp();
    const db = t.database.db;
    const ind = (code: string, aggregation: string, extra: Partial<typeof statIndicators.$inferInsert> = {}) => ({
      code,
      names: { en: code, zh: `${code}（中）`, ur: `${code} (ur)` },
      definitions: { en: code },
      unit: 'x',
      valueType: 'number',
      aggregation,
      entityTypes: ['enterprise', 'zone'],
      source: 'test',
      ...extra,
    });
    await db
      .insert(statIndicators)
      .values([
        ind('enterprises', 'count', { entityTypes: ['enterprise'], sort: 1 }),
        ind('employees', 'sum', { sort: 2 }),
        ind('operating_revenue', 'sum', { sort: 3 }),
        ind('rd_expenditure', 'sum', { sort: 4 }),
        ind('rd_intensity', 'ratio', { numerator: 'rd_expenditure', denominator: 'operating_revenue', scale: 100, sort: 5 }),
      ]);
    await db
      .insert(divisions)
      .values([
        { code: '110000', country: 'CN', level: 'province', names: { en: 'Beijing', zh: '北京市', ur: 'بیجنگ' } },
        { code: '420000', country: 'CN', level: 'province', names: { en: 'Hubei', zh: '湖北省', ur: 'ہوبے' } },
      ])
      .onConflictDoNothing();
    const zone = async (key: string, en: string, province: string, lat: number, lon: number) => {
      const [z] = await db
        .insert(zones)
        .values({ key, names: { en, zh: `${en}园` }, country: 'CN', province, lat, lon, kind: 'national_hitech_zone' })
        .returning();
      id[key] = z.id;
    };
    await zone('A', 'Alpha Park', '110000', 39.9, 116.3);
    await zone('B', 'Beta Park', '420000', 30.5, 114.4);
    await zone('C', 'Gamma Park', '420000', 30.6, 114.3);
    await zone('D', 'Delta Park', '420000', 30.7, 114.2);
    const ent = async (key: string, zoneKey: string | null, province: string, sector: string | null) => {
      const [e] = await db
        .insert(enterprises)
        .values({ key, names: { en: key }, country: 'CN', province, sector, hostZoneId: zoneKey ? id[zoneKey] : null })
        .returning();
      id[key] = e.id;
    };
    await ent('e1', 'A', '110000', 'electronic_information');
    await ent('e2', 'A', '110000', 'biomedicine');
    await ent('e3', 'B', '420000', 'electronic_information');
    await ent('e4', 'C', '420000', 'new_materials');
    await ent('e5', null, '110000', null);
    await ent('e6', 'B', '420000', 'electronic_information');

    const forms: Record<string, string> = {};
    for (const year of [2023, 2024]) {
      const [p] = await db
        .insert(statPeriods)
        .values({
          key: `CY${year}`,
          names: { en: String(year) },
          calendar: 'calendar',
          year,
          startsOn: `${year}-01-01`,
          endsOn: `${year}-12-31`,
          dueOn: `${year + 1}-03-31`,
        })
        .returning();
      periodId[year] = p.id;
      for (const entityType of ['enterprise', 'zone'] as const) {
        const [f] = await db
          .insert(statForms)
          .values({ periodId: p.id, entityType, indicators: ['operating_revenue', 'rd_expenditure', 'employees'] })
          .returning();
        forms[`${year}:${entityType}`] = f.id;
      }
    }
    type Sub = {
      year: number;
      key: string;
      entityType?: 'enterprise' | 'zone';
      zone: string | null;
      province: string;
      sector?: string | null;
      size?: string;
      stage?: string;
      status: string;
      submittedAt?: string;
      values: Record<string, number>;
    };
    const submit = async (s: Sub) => {
      const entityType = s.entityType ?? 'enterprise';
      const counted = s.status === 'approved' || s.status === 'submitted';
      const [row] = await db
        .insert(statSubmissions)
        .values({
          formId: forms[`${s.year}:${entityType}`],
          periodId: periodId[s.year],
          year: s.year,
          entityType,
          entityId: id[s.key],
          status: s.status,
          counted,
          country: 'CN',
          province: s.province,
          zoneId: s.zone ? id[s.zone] : null,
          sector: s.sector ?? null,
          sizeClass: s.size ?? null,
          stage: s.stage ?? null,
          submittedAt: s.submittedAt ? new Date(s.submittedAt) : null,
        })
        .returning();
      await db.insert(statValues).values(Object.entries(s.values).map(([indicator, value]) => ({ submissionId: row.id, indicator, value })));
      id[`sub:${s.year}:${s.key}`] = row.id;
    };
    const v = (rev: number, rd: number, emp: number) => ({ operating_revenue: rev, rd_expenditure: rd, employees: emp });
    const onTime = '2025-03-31T23:00:00Z';
    await submit({
      year: 2024,
      key: 'e1',
      zone: 'A',
      province: '110000',
      sector: 'electronic_information',
      size: 'small',
      stage: 'registered',
      status: 'approved',
      submittedAt: onTime,
      values: v(1000, 100, 50),
    });
    await submit({
      year: 2024,
      key: 'e2',
      zone: 'A',
      province: '110000',
      sector: 'biomedicine',
      size: 'medium',
      stage: 'certified_high_tech',
      status: 'submitted',
      submittedAt: '2025-04-01T00:00:01Z',
      values: v(3000, 60, 150),
    });
    await submit({
      year: 2024,
      key: 'e3',
      zone: 'B',
      province: '420000',
      sector: 'electronic_information',
      size: 'small',
      stage: 'registered',
      status: 'approved',
      submittedAt: onTime,
      values: v(500, 50, 20),
    });
    await submit({
      year: 2024,
      key: 'e4',
      zone: 'C',
      province: '420000',
      sector: 'new_materials',
      size: 'small',
      stage: 'gazelle',
      status: 'approved',
      submittedAt: onTime,
      values: v(2000, 20, 80),
    });
    await submit({
      year: 2024,
      key: 'e5',
      zone: null,
      province: '110000',
      size: 'micro',
      stage: 'registered',
      status: 'approved',
      submittedAt: onTime,
      values: v(400, 40, 5),
    });
    await submit({ year: 2024, key: 'e6', zone: 'B', province: '420000', status: 'draft', values: v(1, 1, 1) });
    await submit({
      year: 2023,
      key: 'e1',
      zone: 'A',
      province: '110000',
      sector: 'electronic_information',
      size: 'small',
      stage: 'registered',
      status: 'approved',
      submittedAt: '2024-02-01T00:00:00Z',
      values: v(800, 40, 40),
    });
    await submit({
      year: 2023,
      key: 'e3',
      zone: 'B',
      province: '420000',
      sector: 'electronic_information',
      size: 'small',
      stage: 'registered',
      status: 'approved',
      submittedAt: '2024-02-01T00:00:00Z',
      values: v(400, 60, 20),
    });
    await submit({
      year: 2024,
      key: 'A',
      entityType: 'zone',
      zone: 'A',
      province: '110000',
      status: 'approved',
      submittedAt: onTime,
      values: { operating_revenue: 9999 },
    });
    await db.transaction(async (tx) => rebuildRollups(tx));

    analyst = await t.signIn('ministry_analyst');
    managerA = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: id.A });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the public (401) and roles without statistics.read (403) on every route', async () => {
    const member = await t.signIn('enterprise_member');
    const urls = [
      '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=year',
      '/api/v1/statistics/dashboard',
      '/api/v1/statistics/map?indicator=operating_revenue',
      `/api/v1/statistics/completeness?periodId=${periodId[2024]}`,
    ];
    for (const url of urls) {
      expect((await get(null, url)).statusCode, url).toBe(401);
      expect((await get(member, url)).statusCode, url).toBe(403);
    }
    const ranking = { weights: { operating_revenue: 1 } };
    expect((await post(null, '/api/v1/statistics/ranking', ranking)).statusCode).toBe(401);
    expect((await post(member, '/api/v1/statistics/ranking', ranking)).statusCode).toBe(403);
  });

  describe('pivot', () => {
    it('crosses zones with sectors for the latest year, labelled in three languages, with totals', async () => {
      const res = await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=sector');
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      expect(p.indicator.code).toBe('operating_revenue');
      expect(p.rows.map((r: { key: string | null }) => r.key)).toEqual([id.A, id.B, id.C, null]);
      expect(p.rows[0].label).toEqual({ en: 'Alpha Park', zh: 'Alpha Park园' });
      expect(p.rows[3].label.en).toBe('outside any zone');
      expect(p.cols.map((c: { key: string | null }) => c.key)).toEqual(['electronic_information', 'biomedicine', 'new_materials', null]);
      expect(p.cols[1].label).toEqual({ en: 'biomedicine', zh: '生物与新医药', ur: 'بایو میڈیسن' });
      expect(p.cols[3].label).toEqual({ en: 'not stated', zh: '未填报', ur: 'درج نہیں' });
      expect(p.cells).toEqual([
        [1000, 3000, null, null],
        [500, null, null, null],
        [null, null, 2000, null],
        [null, null, null, 400],
      ]);
      expect(p.rowTotals).toEqual([4000, 500, 2000, 400]);
      expect(p.colTotals).toEqual([1500, 3000, 2000, 400]);
      expect(p.total).toBe(6900); // the draft (e6) and the zone's own return are not in it
      expect(p.synthetic).toBe(false);
    });

    it('totals a ratio as the ratio of totals, across years', async () => {
      const p = (await get(analyst, '/api/v1/statistics/pivot?indicator=rd_intensity&rows=zone&cols=year')).json();
      expect(p.cols.map((c: { key: string }) => c.key)).toEqual(['2023', '2024']);
      expect(p.cols[0].label).toEqual({ en: '2023', zh: '2023', ur: '2023' });
      expect(p.cells[0]).toEqual([5, 4]); // A: 40 / 800, 160 / 4000
      expect(p.cells[1]).toEqual([15, 10]); // B: 60 / 400, 50 / 500
      expect(p.rowTotals[0]).toBeCloseTo((200 / 4800) * 100, 10); // not 4.5, the mean of 5 and 4
      expect(p.colTotals[0]).toBeCloseTo((100 / 1200) * 100, 10);
      expect(p.colTotals[1]).toBeCloseTo((270 / 6900) * 100, 10);
      expect(p.total).toBeCloseTo((370 / 8100) * 100, 10);
    });

    it('reads size class and stage from the cube, with filters; provinces carry their names', async () => {
      const p = (await get(analyst, '/api/v1/statistics/pivot?indicator=employees&rows=size&cols=stage&yearFrom=2024&yearTo=2024')).json();
      expect(p.rows.map((r: { key: string }) => r.key)).toEqual(['micro', 'small', 'medium']);
      expect(p.rows[1].label.zh).toBe('小型（10–99人）');
      expect(p.cols.map((c: { key: string }) => c.key)).toEqual(['registered', 'certified_high_tech', 'gazelle']);
      expect(p.cells).toEqual([
        [5, null, null],
        [70, null, 80],
        [null, 150, null],
      ]);
      expect(p.total).toBe(305);

      const byProvince = (await get(analyst, '/api/v1/statistics/pivot?indicator=enterprises&rows=province&cols=sector&size=small')).json();
      expect(byProvince.rows).toEqual([
        { key: '110000', label: { en: 'Beijing', zh: '北京市', ur: 'بیجنگ' } },
        { key: '420000', label: { en: 'Hubei', zh: '湖北省', ur: 'ہوبے' } },
      ]);
      expect(byProvince.cells).toEqual([
        [1, null],
        [1, 1],
      ]);
      expect(byProvince.total).toBe(3);

      const zoneFiltered = (await get(analyst, `/api/v1/statistics/pivot?indicator=operating_revenue&rows=year&cols=sector&zone=A`)).json();
      expect(zoneFiltered.cells).toEqual([
        [800, null],
        [1000, 3000],
      ]);
    });

    it('shows entity types side by side when asked (otherwise only the chosen type)', async () => {
      const p = (await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=entityType&cols=year')).json();
      expect(p.rows.map((r: { key: string }) => r.key)).toEqual(['enterprise', 'zone']);
      expect(p.cells).toEqual([
        [1200, 6900],
        [null, 9999],
      ]);
    });

    it('refuses the same dimension twice, an unknown indicator or zone, and a reversed year range, saying why', async () => {
      const same = await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=zone');
      expect(same.statusCode).toBe(400);
      expect(same.json().error.details).toEqual([{ path: 'cols', message: 'Rows and columns must be two different dimensions (both are “zone”).' }]);
      const unknown = await get(analyst, '/api/v1/statistics/pivot?indicator=nope&rows=zone&cols=year');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.details[0]).toEqual({ path: 'indicator', message: 'There is no indicator “nope” in the catalogue.' });
      const zh = await t.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/pivot?indicator=nope&rows=zone&cols=year',
        headers: { ...analyst.headers, 'accept-language': 'zh' },
      });
      expect(zh.json().error.details[0].message).toBe('指标目录中没有“nope”这个指标。');
      expect((await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=year&zone=nowhere')).statusCode).toBe(404);
      expect((await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=year&yearFrom=2024&yearTo=2023')).statusCode).toBe(400);
      expect((await get(analyst, '/api/v1/statistics/pivot?indicator=enterprises&rows=zone&cols=year&entityType=zone')).statusCode).toBe(400);
      expect((await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=colour&cols=year')).statusCode).toBe(400);
    });

    it('is marked synthetic when a counted return of those years is', async () => {
      await t.database.db.update(statSubmissions).set({ synthetic: true }).where(eq(statSubmissions.id, id['sub:2023:e3']));
      try {
        expect((await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=year')).json().synthetic).toBe(true);
        expect((await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=sector')).json().synthetic).toBe(false); // 2024 only
      } finally {
        await t.database.db.update(statSubmissions).set({ synthetic: false }).where(eq(statSubmissions.id, id['sub:2023:e3']));
      }
    });
  });

  describe('dashboard', () => {
    it('gives national figures, growth, the zone’s rank, percentile, the spread across zones and trends', async () => {
      const res = await get(analyst, `/api/v1/statistics/dashboard?zoneId=${id.A}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d).toMatchObject({ year: 2024, years: [2023, 2024], zone: { id: id.A, names: { en: 'Alpha Park' } }, synthetic: false });
      // the key indicators the catalogue has, in the dashboard's order (exports, patents, degree holders are not in this catalogue)
      expect(d.items.map((i: { indicator: { code: string } }) => i.indicator.code)).toEqual([
        'enterprises',
        'employees',
        'operating_revenue',
        'rd_expenditure',
        'rd_intensity',
      ]);
      const item = (code: string) => d.items.find((i: { indicator: { code: string } }) => i.indicator.code === code);

      const rev = item('operating_revenue');
      expect(rev).toMatchObject({ national: 6900, nationalPrevious: 1200, zone: 4000, rank: 1 });
      expect(rev.growth).toBeCloseTo(6900 / 1200 - 1, 12);
      expect(rev.percentile).toBeCloseTo((100 * 2.5) / 3, 10); // above B and C; ½ for itself; of 3 zones
      expect(rev.distribution).toEqual({ min: 500, p25: 1250, median: 2000, p75: 3000, max: 4000, n: 3 }); // e5 is in no zone
      expect(rev.trend).toEqual([
        { year: 2023, national: 1200, zone: 800 },
        { year: 2024, national: 6900, zone: 4000 },
      ]);

      const intensity = item('rd_intensity');
      expect(intensity.national).toBeCloseTo((270 / 6900) * 100, 10);
      expect(intensity.zone).toBe(4);
      expect(intensity.rank).toBe(2); // B 10, A 4, C 1
      expect(intensity.distribution).toEqual({ min: 1, p25: 2.5, median: 4, p75: 7, max: 10, n: 3 });

      expect(item('enterprises')).toMatchObject({ national: 5, nationalPrevious: 2, zone: 2, rank: 1, growth: 1.5 });
      expect(d.completeness).toEqual({ expected: 2, submitted: 2, approved: 1 });
    });

    it('without a zone gives national figures and the national completeness', async () => {
      const d = (await get(analyst, '/api/v1/statistics/dashboard?year=2023')).json();
      expect(d.zone).toBeNull();
      expect(d.year).toBe(2023);
      const rev = d.items.find((i: { indicator: { code: string } }) => i.indicator.code === 'operating_revenue');
      expect(rev).toMatchObject({ national: 1200, nationalPrevious: null, growth: null, zone: null, rank: null, percentile: null });
      expect(rev.distribution).toEqual({ min: 400, p25: 500, median: 600, p75: 700, max: 800, n: 2 });
      expect(d.completeness).toEqual({ expected: 6, submitted: 2, approved: 2 });
      const y2024 = (await get(analyst, '/api/v1/statistics/dashboard')).json();
      expect(y2024.completeness).toEqual({ expected: 6, submitted: 5, approved: 4 });
    });

    it('shows a scoped zone manager their own zone and refuses another (403)', async () => {
      const own = await get(managerA, '/api/v1/statistics/dashboard');
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().zone.id).toBe(id.A);
      expect((await get(managerA, `/api/v1/statistics/dashboard?zoneId=${id.A}`)).statusCode).toBe(200);
      const other = await get(managerA, `/api/v1/statistics/dashboard?zoneId=${id.B}`);
      expect(other.statusCode).toBe(403);
      expect(other.json().error.details[0].path).toBe('zoneId');
      expect((await get(analyst, `/api/v1/statistics/dashboard?zoneId=${id.B}`)).json().zone.id).toBe(id.B);
      expect((await get(analyst, '/api/v1/statistics/dashboard?zoneId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });
  });

  it('map: every zone with its place and value (highest first, no data last) and the provinces', async () => {
    const res = await get(analyst, '/api/v1/statistics/map?indicator=operating_revenue');
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.year).toBe(2024);
    expect(m.zones.map((z: { id: string; value: number | null }) => [z.id, z.value])).toEqual([
      [id.A, 4000],
      [id.C, 2000],
      [id.B, 500],
      [id.D, null],
    ]);
    expect(m.zones[0]).toMatchObject({ names: { en: 'Alpha Park' }, province: '110000', lat: 39.9, lon: 116.3 });
    expect(m.provinces).toEqual([
      { code: '110000', names: { en: 'Beijing', zh: '北京市', ur: 'بیجنگ' }, value: 4400 },
      { code: '420000', names: { en: 'Hubei', zh: '湖北省', ur: 'ہوبے' }, value: 2500 },
    ]);
    const ratio = (await get(analyst, '/api/v1/statistics/map?indicator=rd_intensity&year=2023')).json();
    expect(ratio.zones.slice(0, 2).map((z: { value: number }) => z.value)).toEqual([15, 5]);
    expect((await get(analyst, '/api/v1/statistics/map?indicator=nope')).statusCode).toBe(404);
  });

  it('ranking: a composite index of min–max scaled indicators over zones', async () => {
    const res = await post(analyst, '/api/v1/statistics/ranking', { weights: { operating_revenue: 3, rd_intensity: 3 } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.year).toBe(2024);
    expect(r.weights).toEqual({ operating_revenue: 0.5, rd_intensity: 0.5 });
    expect(r.rows.map((x: { zone: { id: string }; rank: number }) => [x.zone.id, x.rank])).toEqual([
      [id.A, 1],
      [id.B, 2],
      [id.C, 3],
    ]);
    // revenue scaled: A (4000−500)/3500 = 1, B 0, C 1500/3500; intensity scaled: A (4−1)/9, B 1, C 0
    expect(r.rows[0].score).toBeCloseTo(0.5 + 0.5 / 3, 12);
    expect(r.rows[0].parts.operating_revenue).toBeCloseTo(0.5, 12);
    expect(r.rows[0].values).toEqual({ operating_revenue: 4000, rd_intensity: 4 });
    expect(r.rows[1].score).toBeCloseTo(0.5, 12);
    expect(r.rows[2].score).toBeCloseTo((0.5 * 1500) / 3500, 12);
    expect(r.rows[0].zone.names.en).toBe('Alpha Park');

    // in 2023 only A and B report; C has no values at all and is not ranked
    const y2023 = (await post(analyst, '/api/v1/statistics/ranking', { year: 2023, weights: { rd_expenditure: 1 }, limit: 1 })).json();
    expect(y2023.rows).toEqual([
      { rank: 1, zone: { id: id.B, names: { en: 'Beta Park', zh: 'Beta Park园' } }, score: 1, parts: { rd_expenditure: 1 }, values: { rd_expenditure: 60 } },
    ]);

    const unknown = await post(analyst, '/api/v1/statistics/ranking', { weights: { nope: 1 } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details[0]).toEqual({ path: 'weights.nope', message: 'There is no indicator “nope” in the catalogue.' });
    expect((await post(analyst, '/api/v1/statistics/ranking', { weights: { operating_revenue: 0 } })).statusCode).toBe(422); // a body that fails its schema
  });

  describe('completeness', () => {
    it('counts expected, started, submitted, approved and on time by zone, with a total row', async () => {
      const res = await get(analyst, `/api/v1/statistics/completeness?periodId=${periodId[2024]}`);
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json();
      expect(c.period).toMatchObject({ id: periodId[2024], year: 2024, dueOn: '2025-03-31' });
      expect(c.by).toBe('zone');
      const row = (key: string | null) => c.rows.find((r: { key: string | null }) => r.key === key);
      expect(c.rows.map((r: { key: string | null }) => r.key)).toEqual([id.A, id.B, id.C, null]);
      expect(row(id.A)).toMatchObject({
        names: { en: 'Alpha Park' },
        expected: 2,
        started: 2,
        submitted: 2,
        approved: 1,
        onTime: 1,
        completeness: 1,
        timeliness: 0.5,
      });
      expect(row(id.B)).toMatchObject({ expected: 2, started: 2, submitted: 1, approved: 1, onTime: 1, completeness: 0.5, timeliness: 1 });
      expect(row(null)).toMatchObject({ names: { en: 'outside any zone' }, expected: 1, submitted: 1 });
      expect(c.total).toMatchObject({ key: null, names: { en: 'Total', zh: '合计', ur: 'کل' }, expected: 6, started: 6, submitted: 5, approved: 4, onTime: 4 });
      expect(c.total.completeness).toBeCloseTo(5 / 6, 12);
      expect(c.total.timeliness).toBeCloseTo(4 / 5, 12);
    });

    it('by province, and for zones themselves', async () => {
      const p = (await get(analyst, `/api/v1/statistics/completeness?periodId=${periodId[2024]}&by=province`)).json();
      expect(
        p.rows.map((r: { key: string; names: { en: string }; expected: number; submitted: number }) => [r.key, r.names.en, r.expected, r.submitted]),
      ).toEqual([
        ['110000', 'Beijing', 3, 3],
        ['420000', 'Hubei', 3, 2],
      ]);
      const z = (await get(analyst, `/api/v1/statistics/completeness?periodId=${periodId[2024]}&entityType=zone`)).json();
      expect(z.rows.map((r: { key: string; expected: number; submitted: number }) => [r.key, r.expected, r.submitted])).toEqual([
        [id.A, 1, 1],
        [id.B, 1, 0],
        [id.D, 1, 0],
        [id.C, 1, 0],
      ]);
      expect(z.total).toMatchObject({ expected: 4, submitted: 1, onTime: 1, completeness: 0.25, timeliness: 1 });
    });

    it('answers 404 for an unknown period and 400 for a malformed one', async () => {
      expect((await get(analyst, '/api/v1/statistics/completeness?periodId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await get(analyst, '/api/v1/statistics/completeness?periodId=nope')).statusCode).toBe(400);
    });
  });

  it('reads the rollups, not survey values: figures follow a rebuild of the rollups only', async () => {
    await t.database.db.execute(sql`UPDATE stat_values SET value = value * 2`);
    try {
      const before = (await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=year')).json();
      expect(before.total).toBe(8100);
      await t.database.db.transaction(async (tx) => rebuildRollups(tx));
      const after = (await get(analyst, '/api/v1/statistics/pivot?indicator=operating_revenue&rows=zone&cols=year')).json();
      expect(after.total).toBe(16200);
    } finally {
      await t.database.db.execute(sql`UPDATE stat_values SET value = value / 2`);
      await t.database.db.transaction(async (tx) => rebuildRollups(tx));
    }
  });
});
