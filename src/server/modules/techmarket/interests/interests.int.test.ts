import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';

/**
 * Expressions of interest (issue 6, Conversations): an interest opens a thread between the two sides, both
 * write in it, the owner accepts or declines with a reason from the fixed list; nobody else reads it.
 */
describe('technology market expressions of interest', () => {
  let t: TestApp;
  let admin: Session;
  let moderator: Session;
  let lab: Session;
  let factory: Session;
  let bystander: Session;
  let investor: Session;
  let mentor: Session;
  let labId: string;
  let factoryId: string;
  let offerId: string;
  let needId: string;
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

  async function publish(owner: Session, body: object): Promise<string> {
    const created = await inject(owner, 'POST', '/api/v1/techmarket/listings', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await inject(owner, 'POST', `/api/v1/techmarket/listings/${id}/submit`, {})).statusCode).toBe(200);
    expect((await inject(moderator, 'POST', `/api/v1/techmarket/listings/${id}/moderate`, { decision: 'publish' })).statusCode).toBe(200);
    return id;
  }

  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    const make = async (type: string, body: object) => {
      const res = await inject(admin, 'POST', `/api/v1/${type}`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    labId = await make('institutions', {
      names: { en: 'Wuhan Optics Lab', zh: '武汉光学实验室' },
      kind: 'research_institute',
      country: 'CN',
      province: '420000',
    });
    factoryId = await make('enterprises', { names: { en: 'Sialkot Surgical Works' }, country: 'PK' });
    moderator = await t.signIn('ministry_analyst');
    lab = await t.signIn('transfer_agent', { scopeType: 'organisation', scopeId: labId });
    factory = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: factoryId });
    bystander = await t.signIn('enterprise_member', {
      email: 'bystander@test.seedbed.local',
      scopeType: 'enterprise',
      scopeId: '00000000-0000-4000-8000-000000000009',
    });
    investor = await t.signIn('investor');
    mentor = await t.signIn('mentor');
    offerId = await publish(lab, {
      kind: 'offer',
      texts: { zh: { title: '激光表面硬化', summary: '手术器械刃口的激光淬火工艺。' } },
      ownerType: 'institution',
      ownerId: labId,
      sector: 'surgical_instruments',
      trl: 7,
      dealForms: ['licence'],
    });
    needId = await publish(factory, {
      kind: 'need',
      texts: { en: { title: 'Harder edges for scissors', summary: 'Our scissors lose their edge; we look for a surface hardening process.' } },
      ownerType: 'enterprise',
      ownerId: factoryId,
      sector: 'surgical_instruments',
    });
  }, 60_000);
  afterAll(() => t.close());

  let interestId: string;

  it('refuses interest from those without the permission, in one’s own listing, and with bad input — writing nothing', async () => {
    const before = { interests: await count('tm_interests'), messages: await count('tm_messages'), audit: await count('audit_log') };
    expect((await inject(null, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'Hello' })).statusCode).toBe(401);
    expect((await inject(mentor, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'Hello' })).statusCode).toBe(403);
    const own = await inject(lab, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'Hello' });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('techmarket.own_listing');
    const empty = await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details[0].path).toBe('message');
    const sameKind = await inject(lab, 'POST', `/api/v1/techmarket/listings/${needId}/interests`, { message: 'Hello', fromListingId: needId });
    expect(sameKind.json().error.code).toBe('techmarket.from_listing_invalid');
    const notMine = await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, {
      message: 'Hello',
      ownerType: 'institution',
      ownerId: labId,
    });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('techmarket.organisation_not_yours');
    const half = await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'Hello', ownerType: 'enterprise' });
    expect(half.json().error.code).toBe('techmarket.owner_incomplete');
    expect((await inject(factory, 'POST', '/api/v1/techmarket/listings/00000000-0000-4000-8000-000000000000/interests', { message: 'Hello' })).statusCode).toBe(
      404,
    );
    expect({ interests: await count('tm_interests'), messages: await count('tm_messages'), audit: await count('audit_log') }).toEqual(before);
  });

  it('opens a thread from the need to the offer, and tells the owner', async () => {
    const res = await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, {
      message: 'Could your process harden 400-series steel?',
      fromListingId: needId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const interest = res.json();
    interestId = interest.id;
    expect(interest).toMatchObject({
      status: 'open',
      side: 'interested',
      fromName: 'Sialkot Surgical Works',
      fromCountry: 'PK',
      fromOwner: { type: 'enterprise', id: factoryId },
      fromListingId: needId,
      listing: { id: offerId, ownerName: '武汉光学实验室' },
      messages: [{ side: 'interested', body: 'Could your process harden 400-series steel?' }],
    });
    const again = await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'Hello again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('techmarket.interest_exists');
    const notes = await inject(lab, 'GET', '/api/v1/notifications');
    expect(notes.json().items[0]).toMatchObject({ link: `/market/interests/${interestId}` });
    expect(notes.json().items[0].message).toMatch(/Sialkot Surgical Works is interested in “激光表面硬化”/);
  });

  it('shows the thread to its two sides and admins only, in their inboxes', async () => {
    expect((await inject(lab, 'GET', `/api/v1/techmarket/interests/${interestId}`)).json().side).toBe('owner');
    expect((await inject(factory, 'GET', `/api/v1/techmarket/interests/${interestId}`)).json().side).toBe('interested');
    expect((await inject(admin, 'GET', `/api/v1/techmarket/interests/${interestId}`)).json().side).toBe('moderator');
    expect((await inject(bystander, 'GET', `/api/v1/techmarket/interests/${interestId}`)).statusCode).toBe(404);
    expect((await inject(investor, 'GET', `/api/v1/techmarket/interests/${interestId}`)).statusCode).toBe(404);
    expect((await inject(mentor, 'GET', `/api/v1/techmarket/interests/${interestId}`)).statusCode).toBe(403);
    const received = await inject(lab, 'GET', '/api/v1/techmarket/interests?box=received');
    expect(received.json()).toMatchObject({ total: 1, items: [{ id: interestId, side: 'owner' }] });
    expect((await inject(lab, 'GET', '/api/v1/techmarket/interests?box=sent')).json().total).toBe(0);
    expect((await inject(factory, 'GET', '/api/v1/techmarket/interests?box=sent')).json().items[0].id).toBe(interestId);
    expect((await inject(factory, 'GET', '/api/v1/techmarket/interests?box=received')).json().total).toBe(0);
    expect((await inject(bystander, 'GET', '/api/v1/techmarket/interests?box=received')).json().total).toBe(0);
    expect((await inject(lab, 'GET', '/api/v1/techmarket/interests?box=received&status=declined')).json().total).toBe(0);
  });

  it('lets both sides write, each message told to the other side; nobody else writes', async () => {
    const reply = await inject(lab, 'POST', `/api/v1/techmarket/interests/${interestId}/messages`, { body: '可以，请寄三把样品。' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json().messages.map((m: { side: string }) => m.side)).toEqual(['interested', 'owner']);
    expect((await inject(factory, 'GET', '/api/v1/notifications')).json().items[0].message).toMatch(/New message/);
    const back = await inject(factory, 'POST', `/api/v1/techmarket/interests/${interestId}/messages`, { body: 'Samples are on their way.' });
    expect(back.json().messages).toHaveLength(3);
    expect((await inject(bystander, 'POST', `/api/v1/techmarket/interests/${interestId}/messages`, { body: 'Me too' })).statusCode).toBe(404);
    const admins = await inject(admin, 'POST', `/api/v1/techmarket/interests/${interestId}/messages`, { body: 'Hi' });
    expect(admins.statusCode).toBe(403);
    expect((await inject(factory, 'POST', `/api/v1/techmarket/interests/${interestId}/messages`, { body: '' })).statusCode).toBe(422);
  });

  it('lets only the owner answer; declining needs a reason from the list, and a note for “other”', async () => {
    const before = await count('tm_messages');
    expect((await inject(factory, 'POST', `/api/v1/techmarket/interests/${interestId}/answer`, { decision: 'accept' })).statusCode).toBe(403);
    const badReason = await inject(lab, 'POST', `/api/v1/techmarket/interests/${interestId}/answer`, { decision: 'decline', reason: 'too_expensive' });
    expect(badReason.statusCode).toBe(422);
    expect(badReason.json().error.details[0].path).toBe('reason');
    const noNote = await inject(lab, 'POST', `/api/v1/techmarket/interests/${interestId}/answer`, { decision: 'decline', reason: 'other' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.code).toBe('techmarket.note_required');
    expect(await count('tm_messages')).toBe(before);
    expect((await inject(lab, 'GET', `/api/v1/techmarket/interests/${interestId}`)).json().status).toBe('open');

    const declined = await inject(lab, 'POST', `/api/v1/techmarket/interests/${interestId}/answer`, {
      decision: 'decline',
      reason: 'too_early',
      note: '400-series steel is not tested yet.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'too_early', declineNote: '400-series steel is not tested yet.' });
    expect((await inject(factory, 'GET', '/api/v1/notifications')).json().items[0].message).toMatch(/declined your expression of interest/);
    const twice = await inject(lab, 'POST', `/api/v1/techmarket/interests/${interestId}/answer`, { decision: 'accept' });
    expect(twice.json().error.code).toBe('techmarket.interest_answered');
    const closed = await inject(factory, 'POST', `/api/v1/techmarket/interests/${interestId}/messages`, { body: 'Reconsider?' });
    expect(closed.json().error.code).toBe('techmarket.interest_closed');
    const [audit] = await queryRows<{ after: { declineReason: string } }>(
      t.database.db,
      sql`select after from audit_log where action = 'techmarket.interest.decline' and entity_id = ${interestId}`,
    );
    expect(audit.after.declineReason).toBe('too_early');
  });

  it('takes a new interest after a decline; accepted threads go on; the interested side may withdraw', async () => {
    const res = await inject(investor, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'We would fund a pilot line.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fromName: 'Test investor', fromCountry: null, fromOwner: null });
    const id = res.json().id;
    const accepted = await inject(lab, 'POST', `/api/v1/techmarket/interests/${id}/answer`, { decision: 'accept', message: '欢迎，下周可以通话。' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', messages: [{ side: 'interested' }, { side: 'owner', body: '欢迎，下周可以通话。' }] });
    expect((await inject(investor, 'POST', `/api/v1/techmarket/interests/${id}/messages`, { body: 'Tuesday?' })).statusCode).toBe(200);
    expect((await inject(lab, 'POST', `/api/v1/techmarket/interests/${id}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await inject(investor, 'POST', `/api/v1/techmarket/interests/${id}/withdraw`);
    expect(withdrawn.json().status).toBe('withdrawn');
    const again = await inject(factory, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'We tested 400-series ourselves now.' });
    expect(again.statusCode).toBe(201);
  });

  it('takes no interest in a listing out of the market', async () => {
    expect((await inject(factory, 'POST', `/api/v1/techmarket/listings/${needId}/withdraw`)).statusCode).toBe(200);
    expect((await inject(investor, 'POST', `/api/v1/techmarket/listings/${needId}/interests`, { message: 'Hello' })).statusCode).toBe(404);
    await t.database.db.execute(sql`update tm_listings set expires_at = now() - interval '1 day' where id = ${offerId}`);
    const expired = await inject(investor, 'POST', `/api/v1/techmarket/listings/${offerId}/interests`, { message: 'Hello' });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.code).toBe('techmarket.listing_not_live');
  });
});
