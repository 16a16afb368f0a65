import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type TestApp } from '../../../test/harness';
import { loadReference } from './load-reference';

describe('reference data set in the database', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof loadReference>>;
  beforeAll(async () => {
    t = await makeTestApp();
    first = await loadReference(systemCtx(t.database, t.config, pino({ level: 'silent' }), 'reference-data'));
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url }).then((r) => r.json());

  it('holds the 54 national STIPs of the appendix, each citing its seed', async () => {
    const rows = await queryRows<{ n: number; cited: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE source LIKE 'seeds/001_%')::int AS cited FROM zones WHERE appendix_no IS NOT NULL`,
    );
    expect(rows[0]).toEqual({ n: 54, cited: 54 });
    const uncited = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*) FROM zones WHERE source IS NULL) + (SELECT count(*) FROM incubators WHERE source IS NULL) + (SELECT count(*) FROM institutions WHERE source IS NULL) + (SELECT count(*) FROM people WHERE source IS NULL) AS n`,
    );
    expect(Number(uncited[0].n)).toBe(0);
  });

  it('finds Zhongguancun Science Park from 中关村 and from zhongguancun', async () => {
    for (const q of ['中关村', 'zhongguancun']) {
      const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}&type=zone`);
      expect(res.items[0].names.en, q).toBe('Zhongguancun Science Park');
    }
    const zgc = (await get(`/api/v1/search?q=zhongguancun&type=zone`)).items[0];
    const detail = await get(`/api/v1/zones/${zgc.id}`);
    expect(detail).toMatchObject({ approvedOn: '1988-05', areaKm2: 488, memberParkCount: 16 });
  });

  it('knows the first incubator and the governance chain', async () => {
    const wuhan = (await get(`/api/v1/search?q=${encodeURIComponent('Wuhan East Lake Innovation Center')}&type=incubator`)).items[0];
    expect(wuhan.names.en).toMatch(/Wuhan East Lake/);
    expect((await get(`/api/v1/incubators/${wuhan.id}`)).foundedOn).toBe('1987-06');
    const tree = (await get('/api/v1/governance')).items as { names: { en: string }; children: { names: { en: string } }[] }[];
    const stateCouncil = tree.find((n) => /State Council/.test(n.names.en));
    expect(stateCouncil?.children.map((c) => c.names.en).join()).toMatch(/Ministry of Science and Technology/);
  });

  it('reloads without duplicating anything', async () => {
    const again = await loadReference(systemCtx(t.database, t.config, pino({ level: 'silent' }), 'reference-data'));
    expect(again).toEqual(first);
    const zones = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM zones`);
    expect(zones[0].n).toBe(first.zone);
    const entries = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM search_entries`);
    expect(entries[0].n).toBe(first.zone + first.incubator + first.institution + first.enterprise + first.person + first.investor);
  });
});
