import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { coopOpportunities } from '../cooperation.tables';
import { REMIND_JOB, remindFollowUps } from './reminders';

const poppler = !spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Delegations (issue 7): a Pakistani delegation to China with people of the registry and a stop in Hangzhou at a
 * registry institution; what the public reads; dates checked; versions; reminders of follow-ups; the visit report.
 */
describe('cooperation delegations', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let analyst: Session;
  let mentor: Session;
  let zjuId: string;
  let guestId: string;
  let hostId: string;
  let delegationId: string;
  let draftId: string;
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
  const counts = async () => ({
    delegations: await count('coop_delegations'),
    members: await count('coop_delegation_members'),
    stops: await count('coop_itinerary_stops'),
    followUps: await count('coop_follow_ups'),
    audit: await count('audit_log'),
  });

  const visit = () => ({
    title: { en: 'Pakistani delegation on science parks', zh: '巴基斯坦科技园区代表团' },
    purpose: { en: 'To learn how China runs its high-tech zones and incubators.' },
    hostCountry: 'CN',
    guestCountry: 'PK',
    guest: { name: 'Pakistan Science Foundation', country: 'PK' },
    startsOn: '2018-11-26',
    endsOn: '2018-12-07',
    members: [
      { personId: guestId, side: 'guest', role: 'head' },
      { personId: hostId, side: 'host', role: 'host', organisation: { entityType: 'institution', entityId: zjuId } },
      { name: 'Interpreter Wang', side: 'guest', role: 'interpreter' },
    ],
    itinerary: [
      {
        day: '2018-11-29',
        city: 'Hangzhou',
        visited: [{ entityType: 'institution', entityId: zjuId }],
        meetings: [{ title: 'Briefing on the university science park', with: ['浙江大学'] }],
      },
      { day: '2018-11-27', city: 'Jinan', visited: [{ name: 'Jinan High-tech Zone', country: 'CN' }] },
    ],
    internalNotes: 'Visa letters were late; ask earlier next time.',
    publish: true,
  });

  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    officer = await t.signIn('cooperation_officer');
    analyst = await t.signIn('ministry_analyst');
    mentor = await t.signIn('mentor');
    const make = async (type: string, body: object) => {
      const res = await inject(admin, 'POST', `/api/v1/${type}`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    zjuId = await make('institutions', {
      names: { en: 'Zhejiang University', zh: '浙江大学' },
      kind: 'university',
      country: 'CN',
      province: '330000',
      city: '330100',
    });
    guestId = await make('people', { names: { en: 'Dr. Nadeem Ahmed', ur: 'ڈاکٹر ندیم احمد' }, country: 'PK', email: 'nadeem@example.pk' });
    hostId = await make('people', { names: { en: 'Liang Gui', zh: '梁桂' }, country: 'CN' });
  }, 60_000);
  afterAll(() => t.close());

  it('records a delegation PK → CN with registry people and a stop in Hangzhou at a registry institution', async () => {
    const res = await inject(officer, 'POST', '/api/v1/cooperation/delegations', visit());
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    delegationId = d.id;
    expect(d).toMatchObject({ status: 'published', hostCountry: 'CN', guestCountry: 'PK', memberCount: 3, cities: ['Jinan', 'Hangzhou'], version: 1 });
    expect(d.members.map((m: { name: string }) => m.name)).toEqual(['Dr. Nadeem Ahmed', '梁桂', 'Interpreter Wang']);
    expect(d.members[1].organisation).toEqual({ entityType: 'institution', entityId: zjuId, name: '浙江大学', country: 'CN' });
    expect(d.itinerary.map((s: { city: string }) => s.city)).toEqual(['Jinan', 'Hangzhou']);
    expect(d.itinerary[1]).toMatchObject({ cityCode: '330100', lat: 30.274, lon: 120.155, visited: [{ entityId: zjuId, name: '浙江大学' }] });
    expect(d.itinerary[1].meetings[0].title).toBe('Briefing on the university science park');
    expect(d.internalNotes).toBe('Visa letters were late; ask earlier next time.');
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'cooperation.delegation.create' and entity_id = ${delegationId}`,
    );
    expect(audit[0].n).toBe(1);
  });

  it('lets the public read a published delegation without its internal notes, and hides drafts', async () => {
    const draft = await inject(officer, 'POST', '/api/v1/cooperation/delegations', {
      ...visit(),
      title: { en: 'Planned return visit' },
      publish: false,
      hostCountry: 'PK',
      guestCountry: 'CN',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    draftId = draft.json().id;

    const pub = await inject(null, 'GET', `/api/v1/cooperation/delegations/${delegationId}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().internalNotes).toBeNull();
    expect(pub.json().members).toHaveLength(3);
    expect(pub.body).not.toContain('nadeem@example.pk');
    expect(pub.body).not.toContain('Visa letters');

    const list = await inject(null, 'GET', '/api/v1/cooperation/delegations?countries=CN-PK');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([delegationId]);
    expect((await inject(null, 'GET', `/api/v1/cooperation/delegations/${draftId}`)).statusCode).toBe(404);
    const staff = await inject(analyst, 'GET', '/api/v1/cooperation/delegations?countries=PK-CN');
    expect(
      staff
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([delegationId, draftId].sort());
    expect((await inject(analyst, 'GET', `/api/v1/cooperation/delegations/${draftId}`)).json().status).toBe('draft');
    expect((await inject(null, 'GET', '/api/v1/cooperation/delegations?q=science%20parks')).json().total).toBe(1);
    expect((await inject(null, 'GET', '/api/v1/cooperation/delegations?q=%E4%BB%A3%E8%A1%A8%E5%9B%A2')).json().total).toBe(1);
    expect((await inject(null, 'GET', '/api/v1/cooperation/delegations?country=FR')).json().total).toBe(0);
  });

  it('refuses invalid dates with a readable 400, other roles with 403, and writes nothing', async () => {
    const before = await counts();
    const reversed = await inject(officer, 'POST', '/api/v1/cooperation/delegations', { ...visit(), startsOn: '2018-12-07', endsOn: '2018-11-26' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('cooperation.delegations.dates_reversed');
    const outside = await inject(officer, 'POST', '/api/v1/cooperation/delegations', { ...visit(), endsOn: '2018-11-28' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'cooperation.delegations.stop_outside_visit', details: [{ path: 'itinerary.0.day' }] });
    expect(outside.json().error.message).toContain('Hangzhou');
    const unknownPerson = await inject(officer, 'POST', '/api/v1/cooperation/delegations', {
      ...visit(),
      members: [{ personId: '00000000-0000-4000-8000-000000000001' }],
    });
    expect(unknownPerson.statusCode).toBe(422);
    expect(unknownPerson.json().error.details[0].path).toBe('members.0.personId');
    const patchOutside = await inject(officer, 'PATCH', `/api/v1/cooperation/delegations/${delegationId}`, { endsOn: '2018-11-28', version: 1 });
    expect(patchOutside.statusCode).toBe(400);
    expect((await inject(mentor, 'POST', '/api/v1/cooperation/delegations', visit())).statusCode).toBe(403);
    expect((await inject(analyst, 'POST', '/api/v1/cooperation/delegations', visit())).statusCode).toBe(403);
    expect((await inject(null, 'POST', '/api/v1/cooperation/delegations', visit())).statusCode).toBe(401);
    expect((await inject(mentor, 'PATCH', `/api/v1/cooperation/delegations/${delegationId}`, { version: 1 })).statusCode).toBe(403);
    expect((await inject(mentor, 'POST', `/api/v1/cooperation/delegations/${delegationId}/follow-ups`, { action: { en: 'x' } })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('changes a delegation with its version (409 when stale); a new itinerary replaces the old', async () => {
    const stale = await inject(officer, 'PATCH', `/api/v1/cooperation/delegations/${delegationId}`, { title: { en: 'x' }, version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('cooperation.delegations.stale_version');
    const res = await inject(officer, 'PATCH', `/api/v1/cooperation/delegations/${delegationId}`, {
      version: 1,
      itinerary: [
        { day: '2018-11-27', city: '济南', visited: [] },
        { day: '2018-11-29', city: 'Hangzhou', visited: [{ entityType: 'institution', entityId: zjuId }] },
        { day: '2018-12-06', city: 'Atlantis' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.version).toBe(2);
    expect(d.itinerary.map((s: { cityCode: string | null }) => s.cityCode)).toEqual(['370100', '330100', null]);
    expect(d.itinerary[2]).toMatchObject({ lat: null, lon: null });
    expect(d.members).toHaveLength(3);
    expect(await count('coop_itinerary_stops')).toBe(5);
  });

  it('shows the offers made during the visit', async () => {
    await t.database.db.insert(coopOpportunities).values({
      kind: 'scholarship',
      title: { en: 'Two scholarships a year at Wuhan' },
      offeredBy: { entityType: null, entityId: null, name: '武汉东湖新技术开发区', country: 'CN' },
      forCountry: 'PK',
      placesPerYear: 2,
      status: 'open',
      delegationId,
    });
    const d = (await inject(null, 'GET', `/api/v1/cooperation/delegations/${delegationId}`)).json();
    expect(d.offers).toHaveLength(1);
    expect(d.offers[0]).toMatchObject({ kind: 'scholarship', placesPerYear: 2 });
  });

  it('reminds the owner of a follow-up once before it is due and once when it is overdue', async () => {
    const ctx = systemCtx(t.database, t.config, t.app.log, 'test');
    const made = await inject(officer, 'POST', `/api/v1/cooperation/delegations/${delegationId}/follow-ups`, {
      action: { en: 'Send the list of interns' },
      country: 'PK',
      ownerName: 'Dr. Nadeem Ahmed',
      ownerUserId: analyst.userId,
      dueOn: '2030-03-20',
    });
    expect(made.statusCode, made.body).toBe(201);
    const followUp = made.json();
    expect(followUp).toMatchObject({ status: 'open', overdue: false, dueOn: '2030-03-20', version: 1 });
    const queued = await queryRows<{ run_at: Date | string }>(t.database.db, sql`select run_at from jobs where type = ${REMIND_JOB} and status = 'queued'`);
    expect(queued).toHaveLength(1);
    expect(new Date(queued[0].run_at).toISOString().slice(0, 10)).toBe('2030-03-13');

    const notices = async () =>
      queryRows<{ kind: string; link: string }>(
        t.database.db,
        sql`select kind, link from notifications where user_id = ${analyst.userId} and kind like 'cooperation_follow_up_%' order by created_at`,
      );
    expect(await remindFollowUps(ctx, '2030-03-10')).toEqual({ due: 0, overdue: 0 });
    expect(await remindFollowUps(ctx, '2030-03-14')).toEqual({ due: 1, overdue: 0 });
    expect(await remindFollowUps(ctx, '2030-03-15')).toEqual({ due: 0, overdue: 0 });
    expect(await remindFollowUps(ctx, '2030-03-21')).toEqual({ due: 0, overdue: 1 });
    expect(await remindFollowUps(ctx, '2030-03-22')).toEqual({ due: 0, overdue: 0 });
    expect(await notices()).toEqual([
      { kind: 'cooperation_follow_up_due', link: `/cooperation/delegations/${delegationId}` },
      { kind: 'cooperation_follow_up_overdue', link: `/cooperation/delegations/${delegationId}` },
    ]);
    const inbox = await inject(analyst, 'GET', '/api/v1/notifications');
    if (inbox.statusCode === 200) expect(inbox.body).toContain('Send the list of interns');

    // The public sees the follow-up and its owner's name, not which account is reminded.
    const pub = (await inject(null, 'GET', `/api/v1/cooperation/delegations/${delegationId}`)).json();
    expect(pub.followUps[0]).toMatchObject({ ownerName: 'Dr. Nadeem Ahmed', ownerUserId: null, dueOn: '2030-03-20' });

    expect((await inject(officer, 'PATCH', `/api/v1/cooperation/follow-ups/${followUp.id}`, { status: 'done', version: 9 })).statusCode).toBe(409);
    const done = await inject(officer, 'PATCH', `/api/v1/cooperation/follow-ups/${followUp.id}`, { status: 'done', doneOn: '2030-03-25', version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2030-03-25', overdue: false, version: 2 });
  });

  describe.each(['en', 'zh', 'ur'] as const)('the visit report in %s', (lang) => {
    const expected = { en: ['Itinerary', 'Hangzhou', '浙江大学'], zh: ['行程', '浙江大学', '梁桂'], ur: ['ارکان', '浙江大学'] }[lang];
    it('is a PDF with the visit’s text', { timeout: 60_000 }, async () => {
      const res = await inject(null, 'GET', `/api/v1/cooperation/delegations/${delegationId}/report.pdf?lang=${lang}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (!poppler) return;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-visit-'));
      try {
        const file = path.join(dir, 'r.pdf');
        fs.writeFileSync(file, res.rawPayload);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(BIDI_CONTROLS, '').normalize('NFKC');
        for (const s of expected) expect(text).toContain(s.normalize('NFKC'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('gives no report of a draft to the public', async () => {
    expect((await inject(null, 'GET', `/api/v1/cooperation/delegations/${draftId}/report.pdf`)).statusCode).toBe(404);
  });
});
