import { and, count, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { auditLog } from '../../../platform/audit/audit.tables';
import { systemCtx } from '../../../platform/context';
import { notifications } from '../../../platform/notifications/notifications.tables';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { loadStatisticsReference } from '../../statistics/reference/load-statistics-reference';
import { rollupDifferences } from '../stats/rollups';
import { tmContracts } from '../techmarket.tables';

/**
 * Technology contracts through the API (issue 6): a Pakistani manufacturer submits a patent transfer from a
 * Wuhan university to a technology transfer agency; the agency returns it, the manufacturer corrects and
 * resubmits, the agency registers it with a certificate number; the market statistics count it.
 */
describe('technology contracts: submission, review, registration, market statistics', () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  let otherMember: Session;
  let agent: Session;
  let otherAgent: Session;
  let analyst: Session;
  let reviewer: Session;
  let agencyId: string;
  let otherAgencyId: string;
  let ministryId: string;
  let universityId: string;
  let manufacturerId: string;
  let otherEnterpriseId: string;
  const inject = (s: Session | null, method: string, url: string, payload?: unknown, lang = 'en') =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(s?.headers ?? {}), 'accept-language': lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const create = async (url: string, body: object) => {
    const res = await inject(admin, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const contract = (over: Record<string, unknown> = {}) => ({
    kind: 'transfer',
    subtype: 'patent',
    title: 'Laser surgical-steel cutting: patent transfer',
    parties: [
      { role: 'seller', ownerType: 'institution', ownerId: universityId, name: 'typed wrongly', country: 'PK' },
      { role: 'buyer', ownerType: 'enterprise', ownerId: manufacturerId, name: 'Sialkot Surgical', country: 'CN' },
    ],
    sector: 'advanced_manufacturing',
    amount: 1_200_000,
    currency: 'CNY',
    techIncome: 1_000_000,
    signedOn: '2025-03-01',
    startsOn: '2025-03-15',
    endsOn: '2026-03-14',
    agencyId,
    ...over,
  });
  const writes = async () => {
    const [{ contracts }] = await t.database.db.select({ contracts: count() }).from(tmContracts);
    const [{ audits }] = await t.database.db.select({ audits: count() }).from(auditLog);
    return { contracts, audits };
  };
  const stats = async (query = '') => {
    const res = await inject(null, 'GET', `/api/v1/techmarket/stats${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await makeTestApp();
    await loadStatisticsReference(systemCtx(t.database, t.config, pino({ level: 'silent' }), 'test'));
    admin = await t.signIn('admin');
    agencyId = await create('/api/v1/institutions', {
      kind: 'tech_transfer_agency',
      names: { en: 'Zhejiang Provincial Science and Technology Exchange Center with Foreign Countries', zh: '浙江省对外科技交流中心' },
      nativeName: '浙江省对外科技交流中心',
      abbreviation: 'ZJSTEC',
      country: 'CN',
      province: '330000',
    });
    otherAgencyId = await create('/api/v1/institutions', {
      kind: 'tech_transfer_agency',
      names: { en: 'India China Technology Transfer Centre' },
      abbreviation: 'ICTC',
      country: 'IN',
    });
    ministryId = await create('/api/v1/institutions', { kind: 'ministry_agency', names: { en: 'Ministry of Science and Technology' }, country: 'CN' });
    universityId = await create('/api/v1/institutions', {
      kind: 'university',
      names: { en: 'Wuhan University of Technology', zh: '武汉理工大学' },
      nativeName: '武汉理工大学',
      country: 'CN',
      province: '420000',
    });
    manufacturerId = await create('/api/v1/enterprises', {
      names: { en: 'Sialkot Surgical Instruments Ltd' },
      country: 'PK',
      sector: 'advanced_manufacturing',
    });
    otherEnterpriseId = await create('/api/v1/enterprises', { names: { en: 'Lahore Textiles' }, country: 'PK' });
    member = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: manufacturerId });
    otherMember = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: otherEnterpriseId });
    agent = await t.signIn('transfer_agent', { scopeType: 'organisation', scopeId: agencyId });
    otherAgent = await t.signIn('transfer_agent', { scopeType: 'organisation', scopeId: otherAgencyId });
    analyst = await t.signIn('ministry_analyst');
    reviewer = await t.signIn('reviewer');
  }, 60_000);
  afterAll(() => t.close());

  it('lists the agencies that register contracts, and not a ministry', async () => {
    const res = await inject(null, 'GET', '/api/v1/techmarket/agencies');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; shortCode: string }[];
    expect(items.map((a) => a.id).sort()).toEqual([agencyId, otherAgencyId].sort());
    expect(items.find((a) => a.id === agencyId)?.shortCode).toBe('ZJSTEC');
    expect(items.find((a) => a.id === otherAgencyId)?.shortCode).toBe('ICTC');
  });

  it('lets neither the public nor other roles submit', async () => {
    expect((await inject(null, 'POST', '/api/v1/techmarket/contracts', contract())).statusCode).toBe(401);
    expect((await inject(reviewer, 'POST', '/api/v1/techmarket/contracts', contract())).statusCode).toBe(403);
    expect((await writes()).contracts).toBe(0);
  });

  it('refuses bad amounts, dates and parties with a reason per field, in the reader’s language, writing nothing', async () => {
    const before = await writes();
    const income = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ techIncome: 1_500_000, endsOn: '2025-01-01' }));
    expect(income.statusCode, income.body).toBe(422);
    expect(income.json().error.code).toBe('techContracts.invalid');
    expect(income.json().error.details.map((d: { path: string }) => d.path)).toEqual(['techIncome', 'endsOn']);
    expect(income.json().error.details[0].message).toContain('cannot be more than the contract amount');
    const zh = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ techIncome: 1_500_000 }), 'zh');
    expect(zh.json().error.details[0].message).toContain('技术交易额');
    const ur = await inject(
      member,
      'POST',
      '/api/v1/techmarket/contracts',
      contract({ parties: [contract().parties[1], { role: 'intermediary', name: 'Broker', country: 'PK' }] }),
      'ur',
    );
    expect(ur.statusCode).toBe(422);
    expect(ur.json().error.details[0].message).toContain('فروخت کنندہ');
    const negative = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ amount: -5 }));
    expect(negative.statusCode).toBe(422);
    expect(negative.json().error.details[0].path).toBe('amount');
    const future = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ signedOn: '2999-01-01' }));
    expect(future.json().error.details[0].code).toBe('techContracts.signed_in_future');
    const subtype = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ kind: 'consulting', subtype: 'patent' }));
    expect(subtype.json().error.details[0].message).toContain('technical consulting');
    const ministry = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ agencyId: ministryId }));
    expect(ministry.statusCode).toBe(422);
    expect(ministry.json().error.code).toBe('techContracts.not_an_agency');
    const ghost = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ listingId: '00000000-0000-4000-8000-000000000001' }));
    expect(ghost.json().error.code).toBe('techContracts.listing_not_found');
    expect(await writes()).toEqual(before);
  });

  it('lets a member submit only for their own enterprise', async () => {
    const res = await inject(otherMember, 'POST', '/api/v1/techmarket/contracts', contract());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('techContracts.not_a_party');
  });

  let id: string;
  it('takes a submission: names and countries from the registry, cross-border, region of the agency, year signed', async () => {
    const res = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract());
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    id = c.id;
    expect(c).toMatchObject({ status: 'submitted', crossBorder: true, sellerCountry: 'CN', buyerCountry: 'PK', region: '330000', year: 2025, version: 1 });
    expect(c.parties.map((p: { name: string }) => p.name)).toEqual(['武汉理工大学', 'Sialkot Surgical Instruments Ltd']);
    expect(c.agency).toEqual({ id: agencyId, name: '浙江省对外科技交流中心' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'techmarket.contract.submit')));
    expect(entry).toBeTruthy();
  });

  it('keeps it from another enterprise and another agency', async () => {
    expect((await inject(otherMember, 'GET', `/api/v1/techmarket/contracts/${id}`)).statusCode).toBe(404);
    expect((await inject(otherMember, 'PUT', `/api/v1/techmarket/contracts/${id}`, { ...contract(), version: 1 })).statusCode).toBe(404);
    expect((await inject(otherMember, 'GET', '/api/v1/techmarket/contracts')).json().total).toBe(0);
    expect((await inject(otherAgent, 'GET', `/api/v1/techmarket/contracts/${id}`)).statusCode).toBe(404);
    expect([403, 404]).toContain((await inject(otherAgent, 'POST', `/api/v1/techmarket/contracts/${id}/review`, { decision: 'register' })).statusCode);
    expect((await inject(otherMember, 'GET', '/api/v1/techmarket/contracts?scope=all')).statusCode).toBe(403);
    expect((await inject(member, 'GET', '/api/v1/techmarket/contracts?scope=agency')).statusCode).toBe(403);
    expect((await inject(analyst, 'GET', `/api/v1/techmarket/contracts/${id}`)).statusCode).toBe(200);
  });

  it('goes submit → return → correct → resubmit → register, with a certificate number and the submitter told', async () => {
    const queue = await inject(agent, 'GET', '/api/v1/techmarket/contracts?scope=agency');
    expect(queue.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
    const returned = await inject(agent, 'POST', `/api/v1/techmarket/contracts/${id}/review`, { decision: 'return', note: 'Attach the patent number' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: 'Attach the patent number', version: 2 });
    expect((await inject(agent, 'POST', `/api/v1/techmarket/contracts/${id}/review`, { decision: 'register' })).statusCode).toBe(409);

    const stale = await inject(member, 'PUT', `/api/v1/techmarket/contracts/${id}`, { ...contract({ title: 'stale' }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('techContracts.stale_version');
    const fixed = await inject(member, 'PUT', `/api/v1/techmarket/contracts/${id}`, {
      ...contract({ title: 'Patent ZL201910000001.X: laser cutting' }),
      version: 2,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'submitted', title: 'Patent ZL201910000001.X: laser cutting', version: 3 });

    const registered = await inject(agent, 'POST', `/api/v1/techmarket/contracts/${id}/review`, { decision: 'register' });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json()).toMatchObject({ status: 'registered', certificateNo: 'TC-2025-ZJSTEC-0001', version: 4 });
    expect(registered.json().registeredAt).toBeTruthy();

    const locked = await inject(member, 'PUT', `/api/v1/techmarket/contracts/${id}`, { ...contract(), version: 4 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain('registered');
    const kinds = await t.database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, member.userId));
    expect(kinds.map((k) => k.kind).sort()).toEqual(['tech_contract_registered', 'tech_contract_returned']);
    // The agency's officer was told it waited — on submission and again on resubmission; the other agency's was not.
    const waiting = async (userId: string) =>
      (await t.database.db.select({ kind: notifications.kind, link: notifications.link }).from(notifications).where(eq(notifications.userId, userId))).filter(
        (n) => n.kind === 'techmarket_contract_waiting' && n.link === `/market/contracts/${id}`,
      ).length;
    expect(await waiting(agent.userId)).toBe(2);
    expect(await waiting(otherAgent.userId)).toBe(0);
    const actions = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(actions.map((a) => a.action)).toEqual([
      'techmarket.contract.submit',
      'techmarket.contract.return',
      'techmarket.contract.resubmit',
      'techmarket.contract.register',
    ]);
  });

  it('gives two registrations at the same moment distinct numbers', async () => {
    const ids: string[] = [];
    for (const title of ['first', 'second', 'third']) {
      const res = await inject(member, 'POST', '/api/v1/techmarket/contracts', contract({ title }));
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const results = await Promise.all(ids.map((c) => inject(agent, 'POST', `/api/v1/techmarket/contracts/${c}/review`, { decision: 'register' })));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => r.json().certificateNo).sort();
    expect(numbers).toEqual(['TC-2025-ZJSTEC-0002', 'TC-2025-ZJSTEC-0003', 'TC-2025-ZJSTEC-0004']);
    const [counter] = await queryRows<{ last: number }>(
      t.database.db,
      sql`SELECT last FROM tm_certificate_counters WHERE agency_id = ${agencyId} AND year = 2025`,
    );
    expect(counter.last).toBe(4);
  });

  it('rejects with a note; a rejected contract is locked', async () => {
    const res = await inject(
      member,
      'POST',
      '/api/v1/techmarket/contracts',
      contract({ title: 'to reject', signedOn: '2024-05-01', startsOn: null, endsOn: null }),
    );
    const rejected = await inject(agent, 'POST', `/api/v1/techmarket/contracts/${res.json().id}/review`, {
      decision: 'reject',
      note: 'Not a technology contract',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', certificateNo: null });
    expect((await inject(agent, 'POST', `/api/v1/techmarket/contracts/${res.json().id}/review`, { decision: 'return', note: 'x' })).statusCode).toBe(409);
    expect((await inject(agent, 'POST', `/api/v1/techmarket/contracts/${res.json().id}/review`, { decision: 'reject' })).statusCode).toBe(422);
  });

  it('counts registered contracts only, with the cross-border share and the published series beside', async () => {
    // A domestic consulting contract, submitted but not registered: not counted.
    const domestic = {
      kind: 'consulting',
      subtype: 'consulting',
      parties: [
        { role: 'seller', ownerType: 'institution', ownerId: universityId, name: 'x', country: 'CN' },
        { role: 'buyer', name: '杭州某某科技有限公司', country: 'CN' },
      ],
      amount: 300_000,
      techIncome: 300_000,
    };
    const pending = await inject(agent, 'POST', '/api/v1/techmarket/contracts', contract(domestic));
    expect(pending.statusCode, pending.body).toBe(201);
    expect(pending.json().parties[1].name).toBe('杭州某某科技有限公司');
    let s = await stats('?year=2025');
    expect(s).toMatchObject({ by: 'kind', currency: 'CNY', currencies: ['CNY'], synthetic: false });
    expect(s.total).toMatchObject({ count: 4, amount: 4_800_000, techIncome: 4_000_000, crossBorderCount: 4 });
    expect(s.rows).toEqual([expect.objectContaining({ key: 'transfer', count: 4 })]);
    expect(s.crossBorderShare).toEqual({ count: 1, amount: 1 });

    const registered = await inject(agent, 'POST', `/api/v1/techmarket/contracts/${pending.json().id}/review`, { decision: 'register' });
    expect(registered.json().certificateNo).toBe('TC-2025-ZJSTEC-0005');
    s = await stats('?year=2025&by=country');
    expect(s.total).toMatchObject({ count: 5, amount: 5_100_000 });
    expect(s.crossBorderShare.count).toBeCloseTo(4 / 5);
    expect(s.crossBorderShare.amount).toBeCloseTo(4_800_000 / 5_100_000);
    expect(s.rows.map((r: { key: string; count: number }) => [r.key, r.count])).toEqual([
      ['CN→PK', 4],
      ['CN→CN', 1],
    ]);
    expect((await stats('?by=region')).rows).toEqual([expect.objectContaining({ key: '330000', count: 5 })]);
    expect((await stats('?by=year&year=2024')).total.count).toBe(0);

    const published = s.published as { code: string; year: number; value: number; source: string; quote: string }[];
    expect(published).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'tech_contracts', year: 2005, value: 260000, source: 'seeds/001_55069fa1c9af000a.txt' }),
        expect.objectContaining({ code: 'tech_contract_value', year: 2005, value: 155.1, source: 'seeds/001_55069fa1c9af000a.txt' }),
        expect.objectContaining({ code: 'tech_contract_value', year: 2017, value: 1140.7, source: 'seeds/002_d481d2e1475dd825.txt' }),
        expect.objectContaining({ code: 'tech_contract_value_gdp_share', year: 2005, value: 0.85 }),
        expect.objectContaining({ code: 'tech_contract_value_growth', year: 2017, value: 15.97 }),
      ]),
    );
    expect(published.every((p) => p.quote.length > 0)).toBe(true);
    expect(await rollupDifferences(t.database.db)).toEqual([]);
  });

  it('never sums across currencies: another currency is listed, and counted only when asked', async () => {
    const pkr = await inject(
      member,
      'POST',
      '/api/v1/techmarket/contracts',
      contract({ title: 'in rupees', currency: 'PKR', amount: 9_000_000, techIncome: 8_000_000 }),
    );
    await inject(agent, 'POST', `/api/v1/techmarket/contracts/${pkr.json().id}/review`, { decision: 'register' });
    const s = await stats('?year=2025');
    expect(s.currency).toBe('CNY');
    expect(s.currencies).toEqual(['CNY', 'PKR']);
    expect(s.total.amount).toBe(5_100_000);
    const inPkr = await stats('?year=2025&currency=PKR');
    expect(inPkr.total).toMatchObject({ count: 1, amount: 9_000_000 });
    expect((await stats('?currency=EUR')).total.count).toBe(0);
    expect(await rollupDifferences(t.database.db)).toEqual([]);
  });

  it('lets the market’s readers list all, and submitters their own', async () => {
    const all = await inject(analyst, 'GET', '/api/v1/techmarket/contracts?scope=all&status=registered');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(6);
    const zhejiang = await t.signIn('ministry_analyst', { scopeType: 'province', scopeId: '330000' });
    expect((await inject(zhejiang, 'GET', '/api/v1/techmarket/contracts?scope=all&status=registered')).json().total).toBe(6);
    const hubei = await t.signIn('ministry_analyst', { scopeType: 'province', scopeId: '420000' });
    expect((await inject(hubei, 'GET', '/api/v1/techmarket/contracts?scope=all')).json().total).toBe(0);
    expect((await inject(hubei, 'GET', `/api/v1/techmarket/contracts/${id}`)).statusCode).toBe(404);
    const mine = await inject(member, 'GET', '/api/v1/techmarket/contracts?limit=2');
    expect(mine.json()).toMatchObject({ total: 6 });
    expect(mine.json().items).toHaveLength(2);
  });
});
