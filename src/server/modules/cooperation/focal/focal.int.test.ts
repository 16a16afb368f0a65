import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';

/**
 * The focal-person network (issue 7): Hangzhou's focal person appointed during the 2018 visit, Jinan's promise to
 * allocate one (an open slot, seeds/000); the public directory without contacts; filling the slot; a successor
 * taking over the post with the earlier holder kept as history.
 */
describe('cooperation focal persons', () => {
  let t: TestApp;
  let officer: Session;
  let analyst: Session;
  let mentor: Session;
  let zjuId: string;
  let delegationId: string;
  let hangzhouId: string;
  let jinanId: string;
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
  const jinanPost = { name: 'Jinan Science and Technology Bureau', country: 'CN' };

  beforeAll(async () => {
    t = await makeTestApp();
    const admin = await t.signIn('admin');
    officer = await t.signIn('cooperation_officer');
    analyst = await t.signIn('zone_manager');
    mentor = await t.signIn('mentor');
    const inst = await inject(admin, 'POST', '/api/v1/institutions', {
      names: { en: 'Hangzhou Science and Technology Bureau', zh: '杭州市科学技术局' },
      kind: 'government_body',
      country: 'CN',
    });
    expect(inst.statusCode, inst.body).toBe(201);
    zjuId = inst.json().id;
    const d = await inject(officer, 'POST', '/api/v1/cooperation/delegations', {
      title: { en: 'Pakistani delegation to six Chinese cities' },
      hostCountry: 'CN',
      guestCountry: 'PK',
      startsOn: '2018-11-26',
      endsOn: '2018-12-07',
      itinerary: [
        { day: '2018-11-27', city: 'Jinan' },
        { day: '2018-11-30', city: 'Hangzhou' },
      ],
      publish: true,
    });
    expect(d.statusCode, d.body).toBe(201);
    delegationId = d.json().id;
  }, 60_000);
  afterAll(() => t.close());

  it('records an appointed focal person and an open slot; others may not', async () => {
    const before = await count('coop_focal_persons');
    const topic = { en: 'S&T cooperation with Pakistan' };
    expect((await inject(mentor, 'POST', '/api/v1/cooperation/focal-persons', { country: 'CN', organisation: jinanPost, topic })).statusCode).toBe(403);
    expect((await inject(analyst, 'POST', '/api/v1/cooperation/focal-persons', { country: 'CN', organisation: jinanPost, topic })).statusCode).toBe(403);
    expect((await inject(null, 'POST', '/api/v1/cooperation/focal-persons', { country: 'CN', organisation: jinanPost, topic })).statusCode).toBe(401);
    const bad = await inject(officer, 'POST', '/api/v1/cooperation/focal-persons', {
      country: 'CN',
      organisation: jinanPost,
      topic,
      appointedOn: '2018-11-27',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('cooperation.focal.appointed_without_person');
    expect(await count('coop_focal_persons')).toBe(before);

    const hz = await inject(officer, 'POST', '/api/v1/cooperation/focal-persons', {
      country: 'CN',
      organisation: { entityType: 'institution', entityId: zjuId },
      topic,
      personName: 'Ms. Zeng Xiaopeng',
      contact: { email: 'zeng@example.cn' },
      delegationId,
      appointedOn: '2018-11-30',
    });
    expect(hz.statusCode, hz.body).toBe(201);
    hangzhouId = hz.json().id;
    expect(hz.json()).toMatchObject({ state: 'appointed', organisation: { name: '杭州市科学技术局' }, contact: { email: 'zeng@example.cn' } });

    const jn = await inject(officer, 'POST', '/api/v1/cooperation/focal-persons', {
      country: 'CN',
      organisation: jinanPost,
      topic,
      delegationId,
      promisedOn: '2018-11-27',
    });
    expect(jn.statusCode, jn.body).toBe(201);
    jinanId = jn.json().id;
    expect(jn.json()).toMatchObject({ state: 'open', personName: null, promisedOn: '2018-11-27', delegation: { id: delegationId } });
    const audits = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'cooperation.focal_person.create'`,
    );
    expect(audits[0].n).toBe(2);
  });

  it('shows the public directory without contacts, and the open slot as open', async () => {
    const pub = (await inject(null, 'GET', '/api/v1/cooperation/focal-persons?country=CN')).json();
    expect(pub.total).toBe(2);
    expect(pub.items.every((f: { contact: unknown }) => f.contact === null)).toBe(true);
    const open = (await inject(null, 'GET', '/api/v1/cooperation/focal-persons?state=open')).json();
    expect(open.items.map((f: { id: string }) => f.id)).toEqual([jinanId]);
    expect((await inject(null, 'GET', '/api/v1/cooperation/focal-persons?q=Zeng')).json().items.map((f: { id: string }) => f.id)).toEqual([hangzhouId]);
    const staff = (await inject(analyst, 'GET', `/api/v1/cooperation/focal-persons?state=appointed`)).json();
    expect(staff.items[0].contact).toEqual({ email: 'zeng@example.cn' });
    const d = (await inject(null, 'GET', `/api/v1/cooperation/delegations/${delegationId}`)).json();
    expect(d.focalPersons.map((f: { state: string }) => f.state).sort()).toEqual(['appointed', 'open']);
    expect(JSON.stringify(d)).not.toContain('zeng@example.cn');
  });

  it('fills the open slot, hands the post to a successor keeping the earlier holder as history, and ends a term', async () => {
    expect(
      (await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${jinanId}/appoint`, { personName: 'Mr. Li', appointedOn: '2019-01-10', version: 5 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await inject(mentor, 'POST', `/api/v1/cooperation/focal-persons/${jinanId}/appoint`, { personName: 'Mr. Li', appointedOn: '2019-01-10', version: 1 }))
        .statusCode,
    ).toBe(403);
    const early = await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${jinanId}/appoint`, {
      personName: 'Mr. Li',
      appointedOn: '2018-11-01',
      version: 1,
    });
    expect(early.statusCode).toBe(400);
    const filled = await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${jinanId}/appoint`, {
      personName: 'Mr. Li',
      appointedOn: '2019-01-10',
      version: 1,
    });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toMatchObject({ id: jinanId, state: 'appointed', personName: 'Mr. Li', appointedOn: '2019-01-10', history: [], version: 2 });
    expect((await inject(null, 'GET', '/api/v1/cooperation/focal-persons?state=open')).json().total).toBe(0);

    const next = await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${jinanId}/appoint`, {
      personName: 'Ms. Sun',
      appointedOn: '2021-06-01',
      version: 2,
    });
    expect(next.statusCode, next.body).toBe(200);
    const successor = next.json();
    expect(successor.id).not.toBe(jinanId);
    expect(successor).toMatchObject({ state: 'appointed', personName: 'Ms. Sun', organisation: { name: jinanPost.name } });
    expect(successor.history).toEqual([{ id: jinanId, personName: 'Mr. Li', appointedOn: '2019-01-10', endedOn: '2021-06-01' }]);

    const third = await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${successor.id}/appoint`, {
      personName: 'Dr. Zhou',
      appointedOn: '2023-02-01',
      version: 1,
    });
    expect(third.json().history.map((h: { personName: string }) => h.personName)).toEqual(['Ms. Sun', 'Mr. Li']);

    const ended = (await inject(null, 'GET', '/api/v1/cooperation/focal-persons?state=ended')).json();
    expect(ended.items.map((f: { personName: string }) => f.personName).sort()).toEqual(['Mr. Li', 'Ms. Sun']);
    const current = (await inject(null, 'GET', '/api/v1/cooperation/focal-persons?state=current')).json();
    expect(current.items.map((f: { personName: string }) => f.personName).sort()).toEqual(['Dr. Zhou', 'Ms. Zeng Xiaopeng']);

    const endBefore = await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${hangzhouId}/end`, { endedOn: '2017-01-01', version: 1 });
    expect(endBefore.statusCode).toBe(400);
    const end = await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${hangzhouId}/end`, { endedOn: '2022-12-31', version: 1 });
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({ state: 'ended', endedOn: '2022-12-31', version: 2 });
    expect(
      (await inject(officer, 'POST', `/api/v1/cooperation/focal-persons/${hangzhouId}/end`, { endedOn: '2023-01-01', version: 2 })).json().error.code,
    ).toBe('cooperation.focal.term_ended');
  });
});
