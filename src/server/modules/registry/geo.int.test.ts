import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Session, type TestApp } from '../../test/harness';

describe('map points', () => {
  let t: TestApp;
  let admin: Session;
  const ids: Record<string, string> = {};
  const create = async (path: string, key: string, payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/${path}`, headers: admin.headers, payload: { key, ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    const zone = (en: string, parent?: string, lat = 39.98, lon = 116.31) => ({
      names: { en },
      kind: parent ? 'member_park' : 'national_hightech_zone',
      country: 'CN',
      lat,
      lon,
      ...(parent ? { parentId: ids[parent] } : {}),
    });
    await create('zones', 'z:top', zone('Top Park'));
    await create('zones', 'z:child', zone('Child Park', 'z:top', 40.0, 116.3));
    await create('zones', 'z:grandchild', zone('Grandchild Park', 'z:child', 40.1, 116.2));
    await create('zones', 'z:elsewhere', zone('Elsewhere Park', undefined, 31.2, 121.5));
    await create('incubators', 'i:deep', { names: { en: 'Deep Incubator' }, kind: 'technology_business_incubator', country: 'CN', lat: 40.1, lon: 116.21, hostZoneId: ids['z:grandchild'] });
    await create('incubators', 'i:other', { names: { en: 'Other Incubator' }, kind: 'technology_business_incubator', country: 'CN', lat: 31.2, lon: 121.4, hostZoneId: ids['z:elsewhere'] });
  });
  afterAll(() => t.close());

  it('a zone’s map holds the parks under it at every depth and their incubators, each with its country', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/map/points?zoneId=${ids['z:top']}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; type: string; country: string }[];
    expect(items.map((p) => p.id).sort()).toEqual([ids['z:top'], ids['z:child'], ids['z:grandchild'], ids['i:deep']].sort());
    expect(items.every((p) => p.country === 'CN')).toBe(true);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/map/points?country=CN' })).json().items as { id: string }[];
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([ids['z:elsewhere'], ids['i:other'], ids['i:deep']]));
  });
});
