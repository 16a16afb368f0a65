import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { loadReference } from '../../registry/reference/load-reference';
import { loadDemoListings } from '../../techmarket/listings/demo-listings';
import { loadCooperationReference } from '../reference/load-reference';

type Item = {
  kind: string;
  name: Record<string, string>;
  country: string;
  reasons: { type: string; key: string; label: Record<string, string> }[];
  score: number;
};

/** The PK–CN country pair from the seeds' records, and the cross-border suggestions for the STZA–ZBRA letter of intent (issue 7). */
describe('country pair and cross-border suggestions', () => {
  let t: TestApp;
  let analyst: Session;
  const log = pino({ level: 'silent' });
  const get = (url: string, s: Session | null = null) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });

  beforeAll(async () => {
    t = await makeTestApp();
    const ctx = systemCtx(t.database, t.config, log, 'test');
    await loadReference(ctx);
    await loadDemoListings(ctx);
    await loadCooperationReference(ctx);
    analyst = await t.signIn('ministry_analyst');
  }, 180_000);
  afterAll(() => t.close());

  it('shows the PK–CN pair: the 2018 delegation, the letter of intent, focal persons with Jinan’s open slot, the offers', async () => {
    const res = await get('/api/v1/cooperation/pairs/PK-CN');
    expect(res.statusCode, res.body).toBe(200);
    const pair = res.json();
    expect(pair.countries).toEqual(['PK', 'CN']);
    expect(pair.agreements.map((a: { key: string }) => a.key)).toEqual(['agr:stza-zbra-loi-2022']);
    expect(pair.agreements[0]).toMatchObject({ type: 'loi', signedOn: '2022-02-13', signedVirtually: true });
    expect(pair.scorecard).toMatchObject({ total: 0, score: null });
    expect(pair.sides.map((s: { country: string }) => s.country)).toEqual(['PK', 'CN']);
    expect(pair.delegations).toHaveLength(1);
    expect(pair.delegations[0]).toMatchObject({
      key: 'del:pk-delegation-china-niidz-2018',
      hostCountry: 'CN',
      guestCountry: 'PK',
      startsOn: '2018-11-26',
      endsOn: '2018-12-07',
    });
    expect(pair.delegations[0].cities).toEqual(expect.arrayContaining(['Jinan', 'Nanjing', 'Hangzhou', 'Ningbo', 'Wuhan', 'Beijing']));
    const focal = pair.focalPersons as { personName: string | null; state: string; organisation: { name: string }; contact: unknown }[];
    expect(focal.map((f) => f.personName)).toEqual(expect.arrayContaining(['Chenmeng Hong', 'Sayyed Paras Ali', 'Jay Pan', 'Abdul Majid Qureshi']));
    const jinan = focal.find((f) => f.personName === null);
    expect(jinan).toMatchObject({ state: 'open', organisation: { name: '济南高新技术产业开发区管理委员会' } });
    expect(focal.every((f) => f.contact === null)).toBe(true);
    const offers = (pair.opportunities as { key: string }[]).map((o) => o.key);
    expect(offers).toEqual(
      expect.arrayContaining([
        'opp:nanjing-internships-2018',
        'opp:torch-center-internships-2018',
        'opp:wut-scholarships-2018',
        'opp:ningbo-business-exhibition-2018',
        'opp:hangzhou-matchmaking-pakistan-2018',
        'opp:hangzhou-project-funding-2018',
      ]),
    );
    expect(pair.techContracts).toEqual({ count: 0, byCurrency: [] });
    // Either order, the same relationship.
    const back = (await get('/api/v1/cooperation/pairs/CN-PK')).json();
    expect(back.agreements.map((a: { key: string }) => a.key)).toEqual(['agr:stza-zbra-loi-2022']);
    expect(back.delegations).toHaveLength(1);
    // The dual parks are another pair.
    const dual = (await get('/api/v1/cooperation/pairs/MY-CN')).json().agreements;
    expect(dual.map((a: { key: string }) => a.key)).toEqual(['agr:china-malaysia-dual-parks-2013']);
    // The seed gives the year only: no day is made up.
    expect(dual[0]).toMatchObject({ signedOn: null, signedYear: 2013 });
    expect(pair.agreements[0]).toMatchObject({ signedYear: 2022 });
    expect((await get('/api/v1/cooperation/pairs/FR-CN', analyst)).json().agreements.map((a: { key: string }) => a.key)).toEqual([
      'agr:chengdu-sophia-sister-parks-2016',
    ]);
  });

  it('answers 400 for a malformed pair', async () => {
    for (const bad of ['PK', 'PKCN', 'PK-PK', 'pk-cn', 'PK-CN-US']) {
      const res = await get(`/api/v1/cooperation/pairs/${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message.length).toBeGreaterThan(10);
    }
  });

  it('suggests Pakistani and Chinese organisations and listings for the letter of intent, with reasons in three languages', async () => {
    const loi = (await get('/api/v1/cooperation/pairs/PK-CN')).json().agreements[0];
    const res = await get(`/api/v1/cooperation/agreements/${loi.id}/suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    const sides = res.json().sides as { country: string; items: Item[] }[];
    expect(sides.map((s) => s.country)).toEqual(['PK', 'CN']);
    for (const side of sides) {
      expect(side.items.length, side.country).toBeGreaterThan(0);
      for (const item of side.items) {
        expect(item.country).toBe(side.country);
        expect(item.reasons.length).toBeGreaterThan(0);
        expect(item.reasons.some((r) => r.type === 'area')).toBe(true);
        for (const r of item.reasons.filter((x) => x.type !== 'party')) expect(Object.keys(r.label).sort(), JSON.stringify(r)).toEqual(['en', 'ur', 'zh']);
      }
    }
    // Parties are not suggested to themselves.
    const names = sides.flatMap((s) => s.items.map((i) => i.name.en));
    expect(names).not.toContain('Special Technology Zones Authority');
    expect((await get('/api/v1/cooperation/agreements/00000000-0000-4000-8000-000000000001/suggestions')).statusCode).toBe(404);
  });
});
