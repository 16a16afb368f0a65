import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.tables';
import { makeTestApp, type Session, type TestApp } from '../../test/harness';

describe('registry', () => {
  let t: TestApp;
  let admin: Session;
  let zgc: string;
  let inc: string;
  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    const z = await t.app.inject({
      method: 'POST',
      url: '/api/v1/zones',
      headers: admin.headers,
      payload: { kind: 'national_hightech_zone', names: { en: 'Zhongguancun Science Park', zh: '中关村科技园区', ur: 'ژونگ گوان تسون سائنس پارک' }, country: 'CN', province: '110000', approvedOn: '1988-05', areaKm2: 488 },
    });
    expect(z.statusCode, z.body).toBe(201);
    zgc = z.json().id;
    const i = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incubators',
      headers: admin.headers,
      payload: { kind: 'makerspace', names: { en: '3W Café', zh: '3W咖啡' }, country: 'CN', hostZoneId: zgc },
    });
    expect(i.statusCode, i.body).toBe(201);
    inc = i.json().id;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/zones',
      headers: admin.headers,
      payload: { kind: 'national_hightech_zone', names: { en: 'Jinan National High-tech Industrial Development Zone', zh: '济南高新技术产业开发区' }, country: 'CN', province: '370000' },
    });
  });
  afterAll(() => t.close());

  const search = (q: string, extra = '') => t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}${extra}` });

  it('finds Zhongguancun in Chinese, in pinyin, in English, in Urdu and misspelt', async () => {
    for (const q of ['中关村', 'zhongguancun', 'Zhongguancun Science', 'zhongguancum', 'ژونگ']) {
      const res = await search(q);
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]?.names.en, q).toBe('Zhongguancun Science Park');
    }
    const hit = (await search('中关村')).json().items[0];
    expect(hit.highlight.zh[0]).toEqual({ text: '中关村', match: true });
  });

  it('filters search by type and country, and ranks the closer name first', async () => {
    expect((await search('zhongguancun', '&type=incubator')).json().items).toEqual([]);
    expect((await search('science', '&country=PK')).json().total).toBe(0);
    const jinan = (await search('济南')).json();
    expect(jinan.items[0].names.en).toMatch(/Jinan/);
  });

  it('serves an entity with its relations to the public, without private fields', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/zones/${zgc}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().relations.incubators.map((x: { id: string }) => x.id)).toEqual([inc]);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/zones?sort=-approvedOn&limit=1' });
    expect(list.json()).toMatchObject({ total: 2, items: [{ id: zgc }] });
  });

  it('lets a zone manager edit their zone only, and audits the change', async () => {
    const mine = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: zgc });
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/v1/zones/${zgc}`, headers: mine.headers, payload: { memberParkCount: 16 } });
    expect(ok.statusCode, ok.body).toBe(200);
    const [last] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(last).toMatchObject({ action: 'zone.update', entityId: zgc, after: { memberParkCount: 16 } });
    const other = await t.signIn('zone_manager', { scopeType: 'zone', scopeId: '00000000-0000-4000-8000-000000000001' });
    const denied = await t.app.inject({ method: 'PATCH', url: `/api/v1/zones/${zgc}`, headers: other.headers, payload: { memberParkCount: 1 } });
    expect(denied.statusCode).toBe(403);
  });

  it('rejects references to missing entities and keeps a used zone from deletion', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incubators',
      headers: admin.headers,
      payload: { kind: 'makerspace', names: { en: 'Ghost' }, country: 'CN', hostZoneId: '00000000-0000-4000-8000-000000000009' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('hostZoneId');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/zones/${zgc}`, headers: admin.headers });
    expect(del.statusCode).toBe(409);
  });

  it('derives an enterprise stage from its data, with the reason', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: admin.headers,
      payload: { names: { en: 'Cambricon' }, country: 'CN', valuationUsd: 2_000_000_000, hostZoneId: zgc },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ stage: 'unicorn', stageReason: { rule: 'unicorn_valuation' } });
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/enterprises/${res.json().id}` });
    expect(pub.json().valuationUsd).toBeUndefined();
    expect(pub.json().stageReason).toEqual({ rule: 'unicorn_valuation' });
    expect(pub.json().stage).toBe('unicorn');
  });
});

describe('registry links', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(() => t.close());

  const create = async (url: string, payload: object) => (await t.app.inject({ method: 'POST', url, headers: admin.headers, payload })).json().id as string;

  it('records who oversees whom and who works where, audited, shown as a tree and on the person', async () => {
    const most = await create('/api/v1/institutions', { kind: 'ministry_agency', names: { en: 'Ministry of Science and Technology', zh: '科学技术部' }, country: 'CN' });
    const torch = await create('/api/v1/institutions', { kind: 'ministry_agency', names: { en: 'Torch Center' }, country: 'CN' });
    const person = await create('/api/v1/people', { names: { en: 'Liang Gui' }, country: 'CN', email: 'private@example.org' });
    const link = await t.app.inject({ method: 'POST', url: '/api/v1/governance', headers: admin.headers, payload: { parentType: 'institution', parentId: most, childType: 'institution', childId: torch, relation: 'oversees' } });
    expect(link.statusCode, link.body).toBe(201);
    const tree = (await t.app.inject({ method: 'GET', url: '/api/v1/governance' })).json().items;
    expect(tree).toMatchObject([{ id: most, children: [{ id: torch, relation: 'oversees' }] }]);
    const aff = await t.app.inject({ method: 'PUT', url: `/api/v1/people/${person}/affiliations`, headers: admin.headers, payload: { affiliations: [{ orgType: 'institution', orgId: torch, position: 'Director General' }] } });
    expect(aff.statusCode, aff.body).toBe(200);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/people/${person}` })).json();
    expect(pub.relations.affiliations).toMatchObject([{ position: 'Director General', org: { id: torch } }]);
    expect(pub.email).toBeUndefined();
    const staff = await t.signIn('cooperation_officer');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/${person}`, headers: staff.headers })).json().email).toBe('private@example.org');
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/people/${person}/affiliations`, headers: admin.headers, payload: { affiliations: [{ orgType: 'zone', orgId: torch }] } });
    expect(bad.statusCode).toBe(422);
    const reviewer = await t.signIn('reviewer');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/governance', headers: reviewer.headers, payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/governance/${link.json().id}`, headers: admin.headers })).statusCode).toBe(204);
  });
});
