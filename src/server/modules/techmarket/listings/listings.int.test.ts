import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { EXPIRY_JOB, expirySweepJob, sweepListingExpiry } from './expiry';

/**
 * Listings through the API (issue 6): who may list and change what, moderation, the public summary and the
 * details behind an approved access request, search in three languages, expiry and renewal.
 */
describe('technology market listings', () => {
  let t: TestApp;
  let admin: Session;
  let moderator: Session;
  let university: Session;
  let factory: Session;
  let otherFactory: Session;
  let reader: Session;
  let universityId: string;
  let factoryId: string;
  let otherFactoryId: string;
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

  const offer = () => ({
    kind: 'offer',
    original: 'zh',
    texts: {
      zh: {
        title: '钙钛矿太阳能电池封装技术',
        summary: '一种提高钙钛矿光伏组件湿热稳定性的封装方法。',
        details: '工艺窗口：85 °C、85% 相对湿度下 1000 小时衰减小于 5%。',
      },
      en: { title: 'Perovskite solar cell encapsulation', summary: 'An encapsulation method that keeps perovskite photovoltaic modules stable in damp heat.' },
    },
    ownerType: 'institution',
    ownerId: universityId,
    sector: 'solar_energy',
    keywords: ['钙钛矿', 'perovskite'],
    trl: 6,
    dealForms: ['licence', 'joint_development'],
    ip: { type: 'invention_patent', number: 'ZL202110000001.X', status: 'granted' },
  });

  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    const make = async (type: string, body: object) => {
      const res = await inject(admin, 'POST', `/api/v1/${type}`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    universityId = await make('institutions', { names: { en: 'Peking University', zh: '北京大学' }, kind: 'university', country: 'CN', province: '110000' });
    factoryId = await make('enterprises', { names: { en: 'Sialkot Surgical Works' }, country: 'PK' });
    otherFactoryId = await make('enterprises', { names: { en: 'Lahore Looms' }, country: 'PK' });
    moderator = await t.signIn('transfer_agent', { email: 'agent@test.seedbed.local' });
    university = await t.signIn('transfer_agent', { scopeType: 'organisation', scopeId: universityId });
    factory = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: factoryId });
    otherFactory = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: otherFactoryId });
    reader = await t.signIn('investor');
  }, 60_000);
  afterAll(() => t.close());

  let offerId: string;

  it('lets nobody list without signing in, nor for an organisation they do not act for', async () => {
    expect((await inject(null, 'POST', '/api/v1/techmarket/listings', offer())).statusCode).toBe(401);
    expect((await inject(reader, 'POST', '/api/v1/techmarket/listings', offer())).statusCode).toBe(403);
    const res = await inject(factory, 'POST', '/api/v1/techmarket/listings', offer());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('techmarket.cannot_list_for');
    expect(await count('tm_listings')).toBe(0);
  });

  it('refuses bad input with a message and writes nothing', async () => {
    const before = await count('audit_log');
    const cases: [object, number, string][] = [
      [{ ...offer(), texts: {} }, 422, 'validation_failed'],
      [{ ...offer(), trl: 12 }, 422, 'validation_failed'],
      [{ ...offer(), sector: 'alchemy' }, 422, 'techmarket.unknown_sector'],
      [{ ...offer(), budget: 1000 }, 422, 'techmarket.currency_required'],
      [{ ...offer(), original: 'ur' }, 422, 'techmarket.original_not_written'],
      [{ ...offer(), ownerId: '00000000-0000-4000-8000-000000000000' }, 403, 'techmarket.cannot_list_for'],
    ];
    for (const [body, status, code] of cases) {
      const res = await inject(university, 'POST', '/api/v1/techmarket/listings', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).not.toBe(code);
    }
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/techmarket/listings',
      headers: { ...university.headers, 'accept-language': 'zh' },
      payload: { ...offer(), sector: 'alchemy' },
    });
    expect(zh.json().error.message).toMatch(/分类/);
    const unknownOwner = await inject(admin, 'POST', '/api/v1/techmarket/listings', { ...offer(), ownerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownOwner.statusCode).toBe(422);
    expect(unknownOwner.json().error).toMatchObject({ code: 'techmarket.owner_not_found', details: [{ path: 'ownerId' }] });
    expect(await count('tm_listings')).toBe(0);
    expect(await count('audit_log')).toBe(before);
  });

  it('creates a draft in the owner’s name and script, with its concepts, seen only by its owner and moderators', async () => {
    const res = await inject(university, 'POST', '/api/v1/techmarket/listings', offer());
    expect(res.statusCode, res.body).toBe(201);
    const listing = res.json();
    offerId = listing.id;
    expect(listing).toMatchObject({ status: 'draft', languages: ['zh', 'en'], owner: { name: '北京大学', country: 'CN' }, access: 'owner', version: 1 });
    expect(listing.details.zh).toMatch(/1000/);
    expect(listing.concepts.length).toBeGreaterThan(0);
    expect((await inject(null, 'GET', `/api/v1/techmarket/listings/${offerId}`)).statusCode).toBe(404);
    expect((await inject(factory, 'GET', `/api/v1/techmarket/listings/${offerId}`)).statusCode).toBe(404);
    expect((await inject(moderator, 'GET', `/api/v1/techmarket/listings/${offerId}`)).json().access).toBe('moderator');
    const [audit] = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_id = ${offerId}`);
    expect(audit.action).toBe('techmarket.listing.create');
  });

  it('lets only the owner edit, and refuses a stale version with 409', async () => {
    const other = await inject(otherFactory, 'PATCH', `/api/v1/techmarket/listings/${offerId}`, { version: 1, trl: 7 });
    expect(other.statusCode).toBe(404);
    const res = await inject(university, 'PATCH', `/api/v1/techmarket/listings/${offerId}`, { version: 1, trl: 7 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ trl: 7, version: 2, keywords: ['钙钛矿', 'perovskite'], dealForms: ['licence', 'joint_development'] });
    const stale = await inject(university, 'PATCH', `/api/v1/techmarket/listings/${offerId}`, { version: 1, trl: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('techmarket.stale_version');
    expect(stale.json().error.message).toMatch(/version 2/);
    const bad = await inject(university, 'PATCH', `/api/v1/techmarket/listings/${offerId}`, { version: 2, sector: 'alchemy' });
    expect(bad.statusCode).toBe(422);
    expect((await inject(university, 'GET', `/api/v1/techmarket/listings/${offerId}`)).json()).toMatchObject({ trl: 7, version: 2, sector: 'solar_energy' });
  });

  it('goes through moderation: submitted, locked, rejected with a note, corrected, published for twelve months', async () => {
    const submitted = await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('pending');
    const locked = await inject(university, 'PATCH', `/api/v1/techmarket/listings/${offerId}`, { version: 3, trl: 8 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('techmarket.listing_locked');
    expect((await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/moderate`, { decision: 'publish' })).statusCode).toBe(403);
    expect((await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/moderate`, { decision: 'publish' })).statusCode).toBe(403);
    const queue = await inject(moderator, 'GET', '/api/v1/techmarket/listings?scope=moderation');
    expect(queue.json().items.map((l: { id: string }) => l.id)).toEqual([offerId]);
    // The moderator is told it waits (the one who submitted it is not).
    const told = (await inject(moderator, 'GET', '/api/v1/notifications')).json().items;
    expect(told.some((n: { link: string; message: string }) => n.link === `/market/listings/${offerId}` && /waits for moderation/.test(n.message))).toBe(true);
    expect(
      (await inject(university, 'GET', '/api/v1/notifications')).json().items.some((n: { message: string }) => /waits for moderation/.test(n.message)),
    ).toBe(false);
    expect((await inject(factory, 'GET', '/api/v1/techmarket/listings?scope=moderation')).statusCode).toBe(403);
    expect((await inject(null, 'GET', '/api/v1/techmarket/listings?scope=mine')).statusCode).toBe(401);
    const noNote = await inject(moderator, 'POST', `/api/v1/techmarket/listings/${offerId}/moderate`, { decision: 'reject' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.code).toBe('techmarket.note_required');
    const rejected = await inject(moderator, 'POST', `/api/v1/techmarket/listings/${offerId}/moderate`, {
      decision: 'reject',
      note: 'Give the patent’s number as granted.',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', moderationNote: 'Give the patent’s number as granted.' });
    const notes = await inject(university, 'GET', '/api/v1/notifications');
    expect(notes.json().items[0].message).toMatch(/not published: Give the patent/);
    const fixed = await inject(university, 'PATCH', `/api/v1/techmarket/listings/${offerId}`, {
      version: rejected.json().version,
      ip: { type: 'invention_patent', number: 'ZL202110000001.2', status: 'granted' },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/submit`, { version: fixed.json().version })).json().status).toBe(
      'pending',
    );
    const published = await inject(moderator, 'POST', `/api/v1/techmarket/listings/${offerId}/moderate`, { decision: 'publish' });
    expect(published.statusCode, published.body).toBe(200);
    const body = published.json();
    expect(body.status).toBe('published');
    const months = (new Date(body.expiresAt).getTime() - new Date(body.publishedAt).getTime()) / (30.44 * 86_400_000);
    expect(Math.round(months)).toBe(12);
    const [job] = await queryRows<{ run_at: Date }>(t.database.db, sql`select run_at from jobs where type = ${EXPIRY_JOB} and status = 'queued'`);
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    const again = await inject(moderator, 'POST', `/api/v1/techmarket/listings/${offerId}/moderate`, { decision: 'publish' });
    expect(again.statusCode).toBe(409);
  });

  it('shows everyone the summary, and the details only once the owner approves a request', async () => {
    const pub = await inject(null, 'GET', `/api/v1/techmarket/listings/${offerId}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ access: 'public', details: null, moderationNote: null });
    expect(pub.body).not.toMatch(/1000 小时/);
    expect((await inject(null, 'POST', `/api/v1/techmarket/listings/${offerId}/access-requests`, {})).statusCode).toBe(401);
    const own = await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/access-requests`, {});
    expect(own.json().error.code).toBe('techmarket.own_listing');
    const asked = await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/access-requests`, {
      message: 'We make surgical steel; we want solar on our roofs.',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', organisationName: 'Sialkot Surgical Works' });
    expect((await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/access-requests`, {})).statusCode).toBe(200);
    expect((await inject(factory, 'GET', `/api/v1/techmarket/listings/${offerId}`)).json()).toMatchObject({ access: 'pending', details: null });
    expect((await inject(otherFactory, 'GET', `/api/v1/techmarket/listings/${offerId}/access-requests`)).statusCode).toBe(403);
    const list = await inject(university, 'GET', `/api/v1/techmarket/listings/${offerId}/access-requests`);
    expect(list.json().total).toBe(1);
    const requestId = list.json().items[0].id;
    expect((await inject(otherFactory, 'POST', `/api/v1/techmarket/access-requests/${requestId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const noReason = await inject(university, 'POST', `/api/v1/techmarket/access-requests/${requestId}/decision`, { decision: 'decline' });
    expect(noReason.json().error.code).toBe('techmarket.reason_required');
    const approved = await inject(university, 'POST', `/api/v1/techmarket/access-requests/${requestId}/decision`, { decision: 'approve' });
    expect(approved.json().status).toBe('approved');
    const seen = await inject(factory, 'GET', `/api/v1/techmarket/listings/${offerId}`);
    expect(seen.json()).toMatchObject({ access: 'approved', details: { zh: expect.stringMatching(/1000 小时/) } });
    expect((await inject(otherFactory, 'GET', `/api/v1/techmarket/listings/${offerId}`)).json()).toMatchObject({ access: 'none', details: null });
    const told = await inject(factory, 'GET', '/api/v1/notifications');
    expect(told.json().items[0].message).toMatch(/You may now read the details/);
  });

  it('finds the listing in the market by words in any of its languages and by filters, newest first', async () => {
    const need = await inject(factory, 'POST', '/api/v1/techmarket/listings', {
      kind: 'need',
      texts: { en: { title: 'Rooftop solar for a forging plant', summary: 'We need perovskite or silicon photovoltaic panels that survive humid summers.' } },
      ownerType: 'enterprise',
      ownerId: factoryId,
      sector: 'solar_energy',
      budget: 5_000_000,
      currency: 'PKR',
      deadline: '2027-06-30',
    });
    expect(need.statusCode, need.body).toBe(201);
    expect(need.json().owner.name).toBe('Sialkot Surgical Works');
    await inject(factory, 'POST', `/api/v1/techmarket/listings/${need.json().id}/submit`, {});
    expect((await inject(moderator, 'POST', `/api/v1/techmarket/listings/${need.json().id}/moderate`, { decision: 'publish' })).statusCode).toBe(200);
    const ids = async (qs: string) => {
      const res = await inject(null, 'GET', `/api/v1/techmarket/listings${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((l: { id: string }) => l.id);
    };
    expect(await ids('')).toEqual([need.json().id, offerId]);
    expect(await ids('?kind=offer')).toEqual([offerId]);
    expect(await ids(`?q=${encodeURIComponent('钙钛矿')}`)).toContain(offerId);
    expect(await ids(`?q=${encodeURIComponent('钙钛矿')}&kind=offer`)).toEqual([offerId]);
    expect(await ids('?q=encapsulation')).toEqual([offerId]);
    expect(await ids('?q=forging')).toEqual([need.json().id]);
    expect(await ids('?q=zeppelin')).toEqual([]);
    expect(await ids('?country=PK')).toEqual([need.json().id]);
    expect(await ids('?language=zh')).toEqual([offerId]);
    expect(await ids('?trlMin=7&kind=offer')).toEqual([offerId]);
    expect(await ids('?trlMin=8&kind=offer')).toEqual([]);
    expect(await ids('?dealForm=licence')).toEqual([offerId]);
    const page = await inject(null, 'GET', '/api/v1/techmarket/listings?limit=1');
    expect(page.json()).toMatchObject({ total: 2, items: [{ id: need.json().id }] });
    expect(page.body).not.toMatch(/1000 小时/);
    expect((await inject(null, 'GET', '/api/v1/techmarket/listings?trlMin=10')).statusCode).toBe(400);
    const matches = await inject(null, 'GET', `/api/v1/techmarket/listings/${need.json().id}/matches`);
    expect(matches.statusCode, matches.body).toBe(200);
    expect(matches.json().items[0]).toMatchObject({
      listing: { id: offerId },
      reasons: expect.arrayContaining([expect.objectContaining({ type: 'concept' })]),
    });
    expect(matches.json().enterprises).toBeUndefined();
    const offerMatches = await inject(null, 'GET', `/api/v1/techmarket/listings/${offerId}/matches?limit=5`);
    expect(offerMatches.json().items[0].listing.id).toBe(need.json().id);
    expect(Array.isArray(offerMatches.json().enterprises)).toBe(true);
    const mine = await inject(factory, 'GET', '/api/v1/techmarket/listings?scope=mine');
    expect(mine.json().items.map((l: { id: string }) => l.id)).toEqual([need.json().id]);
  });

  it('hides an expired listing from the market at once, marks it expired, tells the owner, and renews it', async () => {
    await t.database.db.execute(sql`update tm_listings set expires_at = now() + interval '10 days' where id = ${offerId}`);
    const early = await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/renew`, { months: 6 });
    expect(early.statusCode, early.body).toBe(200);
    const renewedExpiry = new Date(early.json().expiresAt).getTime();
    expect(Math.round((renewedExpiry - Date.now()) / (30.44 * 86_400_000))).toBe(6);
    const notDue = await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/renew`, {});
    expect(notDue.statusCode).toBe(409);
    expect(notDue.json().error.code).toBe('techmarket.not_renewable');

    await t.database.db.execute(sql`update tm_listings set expires_at = now() + interval '5 days' where id = ${offerId}`);
    const ctx = systemCtx(t.database, t.config, pino({ level: 'silent' }), 'test-sweep');
    expect(await sweepListingExpiry(ctx)).toEqual({ expired: 0, noticed: 1 });
    expect(await sweepListingExpiry(ctx)).toEqual({ expired: 0, noticed: 0 });
    expect((await inject(university, 'GET', '/api/v1/notifications')).json().items[0].message).toMatch(/expires on/);

    await t.database.db.execute(sql`update tm_listings set expires_at = now() - interval '1 minute' where id = ${offerId}`);
    expect((await inject(null, 'GET', '/api/v1/techmarket/listings?kind=offer')).json()).toEqual({ items: [], total: 0 });
    expect((await inject(null, 'GET', `/api/v1/techmarket/listings/${offerId}`)).json().status).toBe('expired');
    const late = await inject(otherFactory, 'POST', `/api/v1/techmarket/listings/${offerId}/access-requests`, {});
    expect(late.json().error.code).toBe('techmarket.listing_not_live');
    expect(await sweepListingExpiry(ctx)).toEqual({ expired: 1, noticed: 0 });
    const [row] = await queryRows<{ status: string }>(t.database.db, sql`select status from tm_listings where id = ${offerId}`);
    expect(row.status).toBe('expired');
    expect((await inject(university, 'GET', '/api/v1/notifications')).json().items[0].message).toMatch(/has expired/);

    expect((await inject(otherFactory, 'POST', `/api/v1/techmarket/listings/${offerId}/renew`, {})).statusCode).toBe(403);
    const renewed = await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/renew`, {});
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().status).toBe('published');
    expect((await inject(null, 'GET', '/api/v1/techmarket/listings?kind=offer')).json().total).toBe(1);

    // The job runs the sweep and queues itself for the next moment it is needed: the earliest notice time.
    await t.database.db.execute(sql`delete from jobs where type = ${EXPIRY_JOB}`);
    const env = { database: t.database, config: t.config, log: ctx.log, ctx, workerId: 'test', signal: new AbortController().signal };
    await expirySweepJob({ id: 'x', type: EXPIRY_JOB } as never, async () => {}, env);
    const [next] = await queryRows<{ run_at: string }>(t.database.db, sql`select run_at from jobs where type = ${EXPIRY_JOB} and status = 'queued'`);
    const notices = await queryRows<{ n: string }>(
      t.database.db,
      sql`select min(expires_at) - interval '30 days' as n from tm_listings where status = 'published' and expires_at > now() + interval '30 days'`,
    );
    expect(Math.abs(new Date(next.run_at).getTime() - new Date(notices[0].n).getTime())).toBeLessThan(1000);
  });

  it('withdraws a listing out of the market; it can be edited again', async () => {
    expect((await inject(otherFactory, 'POST', `/api/v1/techmarket/listings/${offerId}/withdraw`)).statusCode).toBe(403);
    const res = await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    expect((await inject(null, 'GET', `/api/v1/techmarket/listings/${offerId}`)).statusCode).toBe(404);
    expect((await inject(null, 'GET', '/api/v1/techmarket/listings?kind=offer')).json().total).toBe(0);
    expect((await inject(university, 'POST', `/api/v1/techmarket/listings/${offerId}/withdraw`)).statusCode).toBe(409);
    const edited = await inject(university, 'PATCH', `/api/v1/techmarket/listings/${offerId}`, { version: res.json().version, keywords: ['钙钛矿'] });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('gives the taxonomy and (public) matches', async () => {
    const tax = await inject(null, 'GET', '/api/v1/techmarket/taxonomy');
    expect(tax.statusCode).toBe(200);
    expect(tax.json().sectors.find((s: { code: string }) => s.code === 'solar_energy').names.zh).toBeTruthy();
    expect((await inject(null, 'GET', `/api/v1/techmarket/listings/${offerId}/matches`)).statusCode).toBe(404);
    expect((await inject(university, 'GET', `/api/v1/techmarket/listings/${offerId}/matches`)).statusCode).toBe(200);
  });
});
