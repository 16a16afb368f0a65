import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { systemCtx } from '../../../platform/context';
import { repoRoot } from '../../../paths';
import { makeTestApp, multipartFile, type Session, type TestApp } from '../../../test/harness';
import { institutions } from '../../registry/registry.tables';
import { commitmentSweepJob, OVERDUE_JOB, sweepOverdueCommitments } from './overdue';
import { addDays, isoDay } from './scorecard';

/**
 * Agreements with commitments tracked to delivery (issue 7): an officer records an MOU between STZA and ZBRA (parties
 * from the registry) with two commitments; the public reads its summary and scorecard, never drafts, internal notes,
 * owners or evidence; a commitment delivered with evidence raises the score, an overdue one shows as overdue, tells
 * its owner once and lowers the score.
 */
describe('cooperation agreements', () => {
  let t: TestApp;
  let officer: Session;
  let analyst: Session;
  let owner: Session;
  let member: Session;
  let stzaId: string;
  let zbraId: string;
  let mouId: string;
  let draftId: string;
  const today = isoDay();
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
  const counts = async () => ({
    agreements: await count('coop_agreements'),
    parties: await count('coop_agreement_parties'),
    commitments: await count('coop_commitments'),
    audit: await count('audit_log'),
  });
  const ctx = () => systemCtx(t.database, t.config, pino({ level: 'silent' }), 'test-sweep');

  const mou = (over: Record<string, unknown> = {}) => ({
    type: 'mou',
    title: { en: 'MOU on technology zones cooperation', zh: '科技园区合作谅解备忘录' },
    summary: { en: 'Exchanges between high-tech enterprises and the construction of technology zones.' },
    parties: [{ org: { entityType: 'institution', entityId: stzaId }, signatory: 'Chairman, STZA' }, { org: { entityType: 'institution', entityId: zbraId } }],
    signedOn: addDays(today, -60),
    signedPlace: 'Islamabad',
    areas: ['semiconductors', 'artificial_intelligence', 'zone_construction_management'],
    stage: 'planning',
    ways: ['strategic_planning', 'people_exchange'],
    validFrom: addDays(today, -60),
    validUntil: addDays(today, 5 * 365),
    internalNotes: 'Ask ZBRA for the list of enterprises before the visit.',
    commitments: [
      { deliverable: { en: 'Joint workshop on zone management' }, owedBy: 0, ownerUserId: owner.userId, dueOn: addDays(today, 30) },
      { deliverable: { zh: '推荐首批赴巴高新技术企业名单' }, owedBy: 1, ownerUserId: owner.userId, dueOn: addDays(today, 90) },
    ],
    publish: true,
    ...over,
  });

  beforeAll(async () => {
    t = await makeTestApp();
    // The two parties of the letter of intent of 13 February 2022 (seeds/003), as the registry's reference data has them.
    const reference = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'reference', 'institutions.json'), 'utf8')) as Record<string, unknown>[];
    for (const key of ['inst:stza', 'inst:zbra']) {
      const r = reference.find((x) => x.key === key)!;
      await t.database.db.insert(institutions).values({
        key,
        names: r.names as { en: string },
        nativeName: r.nativeName as string,
        abbreviation: r.abbreviation as string,
        country: r.country as string,
        province: r.province as string,
        kind: r.kind as string,
        source: r.source as string,
      });
    }
    const ids = await queryRows<{ key: string; id: string }>(t.database.db, sql`select key, id from institutions where key in ('inst:stza', 'inst:zbra')`);
    stzaId = ids.find((r) => r.key === 'inst:stza')!.id;
    zbraId = ids.find((r) => r.key === 'inst:zbra')!.id;
    officer = await t.signIn('cooperation_officer');
    analyst = await t.signIn('ministry_analyst');
    owner = await t.signIn('enterprise_member', { email: 'focal@test.seedbed.local' });
    member = await t.signIn('enterprise_member');
  }, 60_000);
  afterAll(() => t.close());

  it('offers the areas (market sectors and the seeds’ other areas) and the ways of cooperation', async () => {
    const res = await inject(null, 'GET', '/api/v1/cooperation/taxonomy');
    expect(res.statusCode).toBe(200);
    const { areas, ways } = res.json();
    expect(areas.find((a: { key: string }) => a.key === 'semiconductors')).toMatchObject({ sectors: ['semiconductors'] });
    expect(areas.find((a: { key: string }) => a.key === 'zone_construction_management').labels.zh).toBe('科技园区建设与管理');
    expect(ways).toContainEqual({ key: 'people_exchange', source: 'seeds/002_d481d2e1475dd825.txt#Ways of Cooperation' });
  });

  it('records an MOU between STZA and ZBRA from the registry with two commitments, in one audited write', async () => {
    const before = await counts();
    const res = await inject(officer, 'POST', '/api/v1/cooperation/agreements', mou());
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    mouId = a.id;
    expect(a).toMatchObject({ type: 'mou', status: 'published', countries: ['PK', 'CN'], version: 1, internalNotes: expect.stringContaining('ZBRA') });
    expect(a.parties.map((p: { org: { name: string } }) => p.org.name)).toEqual(['Special Technology Zones Authority', '中关村一带一路产业促进会']);
    expect(a.parties[0]).toMatchObject({ position: 0, signatory: 'Chairman, STZA', org: { entityType: 'institution', entityId: stzaId, country: 'PK' } });
    expect(a.commitments.map((c: { state: string }) => c.state)).toEqual(['due', 'due']);
    expect(a.commitments[1].owedBy).toMatchObject({ partyId: a.parties[1].id, name: '中关村一带一路产业促进会', country: 'CN' });
    expect(a.commitments[0]).toMatchObject({ ownerUserId: owner.userId, ownerName: 'Test enterprise_member', evidence: { note: null, files: [] } });
    expect(a.scorecard).toEqual({ total: 2, delivered: 0, deliveredOnTime: 0, deliveredLate: 0, overdue: 0, due: 2, cancelled: 0, score: null });
    expect(await counts()).toEqual({
      agreements: before.agreements + 1,
      parties: before.parties + 2,
      commitments: before.commitments + 2,
      audit: before.audit + 3,
    });
    // The notice sweep is queued for the first commitment's due-soon window.
    const [job] = await queryRows<{ run_at: Date }>(t.database.db, sql`select run_at from jobs where type = ${OVERDUE_JOB} and status = 'queued'`);
    expect(isoDay(new Date(job.run_at))).toBe(addDays(today, 23));

    const draft = await inject(officer, 'POST', '/api/v1/cooperation/agreements', {
      type: 'sister_parks',
      title: { en: 'Sister parks: Chengdu Hi-tech Zone and Sophia Antipolis' },
      parties: [{ org: { name: '成都高新技术产业开发区', country: 'CN' } }, { org: { name: 'Sophia Antipolis', country: 'FR' } }],
      signedOn: addDays(today, 20),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    draftId = draft.json().id;
    expect(draft.json()).toMatchObject({ status: 'draft', countries: ['CN', 'FR'], areas: [], commitments: [] });
  });

  it('shows the public the published summary — no internal notes, owners or evidence — and never drafts', async () => {
    const list = (await inject(null, 'GET', '/api/v1/cooperation/agreements')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([mouId]);
    expect(list.total).toBe(1);
    expect(list.items[0].scorecard.total).toBe(2);
    const one = await inject(null, 'GET', `/api/v1/cooperation/agreements/${mouId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().internalNotes).toBeNull();
    for (const c of one.json().commitments) expect(c).toMatchObject({ evidence: null, ownerUserId: null, ownerName: null });
    expect((await inject(null, 'GET', `/api/v1/cooperation/agreements/${draftId}`)).statusCode).toBe(404);
    expect((await inject(member, 'GET', `/api/v1/cooperation/agreements/${draftId}`)).statusCode).toBe(404);
    expect((await inject(member, 'GET', '/api/v1/cooperation/agreements')).json().total).toBe(1);
    expect((await inject(null, 'GET', '/api/v1/cooperation/agreements?status=draft')).json().total).toBe(0);
    // Staff read drafts too.
    const staff = (await inject(analyst, 'GET', '/api/v1/cooperation/agreements')).json();
    expect(staff.items.map((a: { id: string }) => a.id).sort()).toEqual([mouId, draftId].sort());
    expect((await inject(analyst, 'GET', `/api/v1/cooperation/agreements/${draftId}`)).statusCode).toBe(200);
    expect((await inject(analyst, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json().internalNotes).toContain('ZBRA');
  });

  it('finds agreements by words of the title in any language, type, area, country and country pair', async () => {
    const ids = async (s: Session | null, qs: string) =>
      (await inject(s, 'GET', `/api/v1/cooperation/agreements?${qs}`))
        .json()
        .items.map((a: { id: string }) => a.id)
        .sort();
    expect(await ids(null, `q=${encodeURIComponent('谅解备忘录')}`)).toEqual([mouId]);
    expect(await ids(null, 'q=zones%20cooperation')).toEqual([mouId]);
    expect(await ids(null, 'q=100%25')).toEqual([]);
    expect(await ids(null, 'type=mou&area=semiconductors')).toEqual([mouId]);
    expect(await ids(null, 'area=robotics')).toEqual([]);
    expect(await ids(null, 'country=PK')).toEqual([mouId]);
    expect(await ids(null, 'countries=PK-CN')).toEqual([mouId]);
    expect(await ids(analyst, 'country=CN')).toEqual([mouId, draftId].sort());
    expect(await ids(analyst, 'countries=PK-CN')).toEqual([mouId]);
    expect(await ids(analyst, 'countries=CN-FR')).toEqual([draftId]);
    expect(await ids(analyst, 'countries=PK-FR')).toEqual([]);
    const bad = await inject(null, 'GET', '/api/v1/cooperation/agreements?countries=PKCN');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe('Two country codes, like PK-CN.');
  });

  it('refuses bad input with a message per field, writing nothing', async () => {
    const before = await counts();
    const res = await inject(officer, 'POST', '/api/v1/cooperation/agreements', {
      ...mou({ areas: ['alchemy'], validUntil: addDays(today, -100) }),
      commitments: [
        { deliverable: { en: 'Something' }, owedBy: 5, dueOn: today },
        { deliverable: { en: 'Else' }, owedBy: 0, ownerUserId: '00000000-0000-4000-8000-000000000001', dueOn: today },
      ],
    });
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as { path: string; message: string }[];
    expect(Object.fromEntries(details.map((d) => [d.path, d.message]))).toEqual({
      'areas.0': '“alchemy” is not an area of cooperation: choose one from the list.',
      validUntil: 'The agreement cannot end before it starts: check the validity dates.',
      'commitments.0.owedBy': 'The side that owes this must be one of the 2 parties of the agreement.',
      'commitments.1.ownerUserId': 'There is no such user to answer for this commitment.',
    });
    const ghost = await inject(officer, 'POST', '/api/v1/cooperation/agreements', {
      ...mou(),
      parties: [{ org: { entityType: 'institution', entityId: stzaId } }, { org: { entityType: 'zone', entityId: zbraId } }],
    });
    expect(ghost.json().error.details).toEqual([
      { path: 'parties.1.org', message: 'There is no such organisation in the registry.', code: 'cooperation.agreements.party_not_found' },
    ]);
    const twice = await inject(officer, 'POST', '/api/v1/cooperation/agreements', {
      ...mou(),
      parties: [{ org: { entityType: 'institution', entityId: stzaId } }, { org: { entityType: 'institution', entityId: stzaId } }],
    });
    expect(twice.json().error.details[0].message).toBe('Special Technology Zones Authority is named twice among the parties.');
    const future = await inject(officer, 'POST', '/api/v1/cooperation/agreements', mou({ signedOn: addDays(today, 3) }));
    expect(future.json().error.details[0].path).toBe('signedOn');
    const one = await inject(officer, 'POST', '/api/v1/cooperation/agreements', {
      ...mou(),
      parties: [{ org: { entityType: 'institution', entityId: stzaId } }],
    });
    expect(one.statusCode).toBe(422);
    expect(one.json().error.details[0]).toMatchObject({ path: 'parties', message: 'An agreement has at least two parties.' });
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cooperation/agreements',
      headers: { ...officer.headers, 'accept-language': 'zh' },
      payload: mou({ areas: ['alchemy'] }),
    });
    expect(zh.json().error.details[0].message).toBe('“alchemy”不是合作领域，请从列表中选择。');
    expect(await counts()).toEqual(before);
  });

  it('lets only cooperation officers write, and only the owner or an officer deliver', async () => {
    const before = await counts();
    expect((await inject(null, 'POST', '/api/v1/cooperation/agreements', mou())).statusCode).toBe(401);
    expect((await inject(member, 'POST', '/api/v1/cooperation/agreements', mou())).statusCode).toBe(403);
    expect((await inject(analyst, 'POST', '/api/v1/cooperation/agreements', mou())).statusCode).toBe(403);
    expect((await inject(analyst, 'PATCH', `/api/v1/cooperation/agreements/${mouId}`, { version: 1, stage: 'operation' })).statusCode).toBe(403);
    const a = (await inject(officer, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json();
    const c = a.commitments[0];
    expect((await inject(member, 'PATCH', `/api/v1/cooperation/commitments/${c.id}`, { version: 1, dueOn: today })).statusCode).toBe(403);
    expect((await inject(member, 'POST', `/api/v1/cooperation/commitments/${c.id}/cancel`, { version: 1, reason: 'No' })).statusCode).toBe(403);
    const notOwner = await inject(member, 'POST', `/api/v1/cooperation/commitments/${c.id}/delivery`, { version: 1, deliveredOn: today, evidenceNote: 'Done' });
    expect(notOwner.statusCode).toBe(403);
    expect(notOwner.json().error.code).toBe('cooperation.agreements.not_commitment_owner');
    expect(
      (await inject(null, 'POST', `/api/v1/cooperation/commitments/${c.id}/delivery`, { version: 1, deliveredOn: today, evidenceNote: 'Done' })).statusCode,
    ).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('answers 409 on a stale version and on a status move that is not allowed', async () => {
    const first = await inject(officer, 'PATCH', `/api/v1/cooperation/agreements/${mouId}`, { version: 1, stage: 'construction' });
    expect(first.statusCode, first.body).toBe(200);
    // A patch changes only what it gives: areas, ways and renewal stay.
    expect(first.json()).toMatchObject({ version: 2, stage: 'construction', ways: ['strategic_planning', 'people_exchange'], renewal: 'by_agreement' });
    expect(first.json().areas).toHaveLength(3);
    const stale = await inject(officer, 'PATCH', `/api/v1/cooperation/agreements/${mouId}`, { version: 1, stage: 'operation' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('version 2');
    const back = await inject(officer, 'PATCH', `/api/v1/cooperation/agreements/${mouId}`, { version: 2, status: 'draft' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('cooperation.agreements.status_move');
    const publishEarly = await inject(officer, 'PATCH', `/api/v1/cooperation/agreements/${draftId}`, { version: 1, status: 'published' });
    expect(publishEarly.statusCode).toBe(422);
    expect(publishEarly.json().error.details[0].path).toBe('signedOn');
    const c = (await inject(officer, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json().commitments[1];
    expect((await inject(officer, 'PATCH', `/api/v1/cooperation/commitments/${c.id}`, { version: 2, dueOn: addDays(today, 100) })).statusCode).toBe(409);
  });

  it('marks a commitment delivered with its evidence (the owner’s upload): delivered, and the score goes up', async () => {
    const a = (await inject(officer, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json();
    const c = a.commitments[0];
    const upload = multipartFile('workshop-minutes.txt', Buffer.from('Minutes of the joint workshop on zone management.\n'));
    const file = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...owner.headers, ...upload.headers }, payload: upload.payload });
    expect(file.statusCode, file.body).toBe(201);
    const fileId = file.json().id;
    const othersUpload = multipartFile('other.txt', Buffer.from('Not the owner’s.\n'));
    const othersFile = (
      await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...member.headers, ...othersUpload.headers }, payload: othersUpload.payload })
    ).json().id;

    const before = await counts();
    const noEvidence = await inject(owner, 'POST', `/api/v1/cooperation/commitments/${c.id}/delivery`, { version: 1, deliveredOn: today });
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.json().error.details[0]).toMatchObject({ path: 'evidenceNote', message: 'Say what shows it was delivered: a note or a file.' });
    const notMine = await inject(owner, 'POST', `/api/v1/cooperation/commitments/${c.id}/delivery`, {
      version: 1,
      deliveredOn: today,
      evidenceFileIds: [othersFile],
    });
    expect(notMine.json().error.details).toEqual([
      {
        path: 'evidenceFileIds.0',
        message: 'This file is not there, or is not one you uploaded: upload it again.',
        code: 'cooperation.agreements.evidence_file_not_found',
      },
    ]);
    const tomorrow = await inject(owner, 'POST', `/api/v1/cooperation/commitments/${c.id}/delivery`, {
      version: 1,
      deliveredOn: addDays(today, 1),
      evidenceNote: 'Held',
    });
    expect(tomorrow.json().error.details[0].path).toBe('deliveredOn');
    expect(await counts()).toEqual(before);

    const res = await inject(owner, 'POST', `/api/v1/cooperation/commitments/${c.id}/delivery`, {
      version: 1,
      deliveredOn: today,
      evidenceNote: 'Workshop held in Islamabad with 40 participants.',
      evidenceFileIds: [fileId],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'delivered', state: 'delivered', deliveredOn: today, daysLate: 0, version: 2 });
    expect(await count('audit_log')).toBe(before.audit + 1);
    expect(
      (await inject(owner, 'POST', `/api/v1/cooperation/commitments/${c.id}/delivery`, { version: 2, deliveredOn: today, evidenceNote: 'Again' })).statusCode,
    ).toBe(409);

    const staff = (await inject(officer, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json();
    expect(staff.commitments.find((x: { id: string }) => x.id === c.id).evidence).toEqual({
      note: 'Workshop held in Islamabad with 40 participants.',
      files: [{ id: fileId, name: 'workshop-minutes.txt' }],
    });
    expect(staff.scorecard).toMatchObject({ delivered: 1, deliveredOnTime: 1, due: 1, score: 100 });
    expect(staff.partyScorecards.find((p: { partyId: string }) => p.partyId === staff.parties[0].id).scorecard).toMatchObject({ delivered: 1, score: 100 });
    const pub = (await inject(null, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json();
    expect(pub.commitments.find((x: { id: string }) => x.id === c.id)).toMatchObject({ state: 'delivered', evidence: null });
    // The evidence file is read by staff who follow the agreement and by the owner; to anyone else it is not there.
    const evidenceUrl = `/api/v1/cooperation/commitments/${c.id}/evidence/${fileId}`;
    const read = await inject(analyst, 'GET', evidenceUrl);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.body).toContain('Minutes of the joint workshop');
    expect(read.headers['content-disposition']).toContain('workshop-minutes.txt');
    expect((await inject(owner, 'GET', evidenceUrl)).statusCode).toBe(200);
    expect((await inject(member, 'GET', evidenceUrl)).statusCode).toBe(404);
    expect((await inject(null, 'GET', evidenceUrl)).statusCode).toBe(401);
    expect((await inject(analyst, 'GET', `/api/v1/cooperation/commitments/${c.id}/evidence/${othersFile}`)).statusCode).toBe(404);
  });

  it('shows an overdue commitment as overdue, tells its owner exactly once, and lowers the scorecard', async () => {
    const a = (await inject(officer, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json();
    expect(a.scorecard.score).toBe(100);
    const zbra = a.parties[1].id;
    const added = await inject(officer, 'POST', `/api/v1/cooperation/agreements/${mouId}/commitments`, {
      deliverable: { en: 'Send the list of Chinese high-tech enterprises for the first exchange' },
      owedBy: zbra,
      ownerUserId: owner.userId,
      dueOn: addDays(today, -10),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ state: 'overdue', daysLate: 10, status: 'open', owedBy: { partyId: zbra, country: 'CN' } });
    const notParty = await inject(officer, 'POST', `/api/v1/cooperation/agreements/${mouId}/commitments`, {
      deliverable: { en: 'x' },
      owedBy: draftId,
      dueOn: today,
    });
    expect(notParty.json().error.details[0].path).toBe('owedBy');

    const after = (await inject(null, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json();
    expect(after.scorecard).toMatchObject({ total: 3, delivered: 1, overdue: 1, due: 1, score: 50 });
    expect(after.partyScorecards.find((p: { partyId: string }) => p.partyId === zbra).scorecard).toMatchObject({ overdue: 1, score: 0 });
    expect((await inject(null, 'GET', '/api/v1/cooperation/agreements')).json().items[0].scorecard.score).toBe(50);

    const notices = () =>
      queryRows<{ kind: string; link: string; params: Record<string, string> }>(
        t.database.db,
        sql`select kind, link, params from notifications where user_id = ${owner.userId} and kind like 'cooperation_commitment_%' order by kind`,
      );
    expect(await sweepOverdueCommitments(ctx())).toEqual({ overdue: 1, dueSoon: 0 });
    expect(await sweepOverdueCommitments(ctx())).toEqual({ overdue: 0, dueSoon: 0 });
    const told = await notices();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'cooperation_commitment_overdue',
      link: `/cooperation/agreements/${mouId}`,
      params: {
        title: 'Send the list of Chinese high-tech enterprises for the first exchange',
        agreement: 'MOU on technology zones cooperation',
        date: addDays(today, -10),
      },
    });
    const [marked] = await queryRows<{ d: string }>(
      t.database.db,
      sql`select overdue_notice_for::text as d from coop_commitments where id = ${added.json().id}`,
    );
    expect(marked.d).toBe(addDays(today, -10));

    // Re-dated (still past), it is a new due date: one more notice; a week before a due date, a due-soon notice, once.
    const redated = await inject(officer, 'PATCH', `/api/v1/cooperation/commitments/${added.json().id}`, { version: 1, dueOn: addDays(today, -3) });
    expect(redated.json()).toMatchObject({ state: 'overdue', daysLate: 3, version: 2 });
    const soonDate = addDays(today, 5);
    const second = after.commitments.find((c: { state: string; dueOn: string }) => c.state === 'due');
    expect((await inject(officer, 'PATCH', `/api/v1/cooperation/commitments/${second.id}`, { version: second.version, dueOn: soonDate })).statusCode).toBe(200);
    expect(await sweepOverdueCommitments(ctx())).toEqual({ overdue: 1, dueSoon: 1 });
    expect(await sweepOverdueCommitments(ctx())).toEqual({ overdue: 0, dueSoon: 0 });
    expect((await notices()).map((n) => n.kind)).toEqual([
      'cooperation_commitment_due_soon',
      'cooperation_commitment_overdue',
      'cooperation_commitment_overdue',
    ]);
    // A later `today` (the sweep takes one) finds the re-dated commitment overdue: already told for that date.
    expect(await sweepOverdueCommitments(ctx(), addDays(today, 1))).toEqual({ overdue: 0, dueSoon: 0 });

    // The job: runs the sweep, then queues itself for the next moment — the day after the next due date (today + 5).
    await t.database.db.execute(sql`update jobs set status = 'succeeded' where type = ${OVERDUE_JOB}`);
    const env = { database: t.database, ctx: ctx() };
    expect(await commitmentSweepJob({} as never, async () => {}, env as never)).toEqual({ overdue: 0, dueSoon: 0 });
    const queued = await queryRows<{ run_at: Date }>(t.database.db, sql`select run_at from jobs where type = ${OVERDUE_JOB} and status = 'queued'`);
    expect(queued.map((j) => new Date(j.run_at).toISOString())).toEqual([`${addDays(today, 6)}T00:00:00.000Z`]);
  });

  it('cancels an open commitment only with a reason; scorecards by country and by partner', async () => {
    const a = (await inject(officer, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json();
    const overdue = a.commitments.find((c: { state: string }) => c.state === 'overdue');
    expect((await inject(officer, 'POST', `/api/v1/cooperation/commitments/${overdue.id}/cancel`, { version: overdue.version, reason: ' ' })).statusCode).toBe(
      422,
    );
    const byCountry = (await inject(null, 'GET', '/api/v1/cooperation/scorecards?by=country')).json();
    expect(byCountry.by).toBe('country');
    expect(byCountry.rows.find((r: { key: string }) => r.key === 'CN')).toMatchObject({
      country: 'CN',
      agreements: 1,
      scorecard: { total: 2, overdue: 1, due: 1, score: 0 },
    });
    expect(byCountry.rows.find((r: { key: string }) => r.key === 'PK').scorecard).toMatchObject({ total: 1, delivered: 1, score: 100 });
    expect(byCountry.rows.find((r: { key: string }) => r.key === 'FR')).toBeUndefined();
    const staffRows = (await inject(analyst, 'GET', '/api/v1/cooperation/scorecards?by=country')).json().rows;
    expect(staffRows.find((r: { key: string }) => r.key === 'CN').agreements).toBe(2);
    expect(staffRows.find((r: { key: string }) => r.key === 'FR')).toMatchObject({ agreements: 1, scorecard: { total: 0, score: null } });
    const partners = (await inject(null, 'GET', '/api/v1/cooperation/scorecards?by=partner&country=CN')).json().rows;
    expect(partners).toEqual([
      {
        key: `institution:${zbraId}`,
        name: '中关村一带一路产业促进会',
        country: 'CN',
        agreements: 1,
        scorecard: expect.objectContaining({ overdue: 1, score: 0 }),
      },
    ]);

    const cancelled = await inject(officer, 'POST', `/api/v1/cooperation/commitments/${overdue.id}/cancel`, {
      version: overdue.version,
      reason: 'Replaced by the delegation’s list.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', state: 'cancelled', daysLate: 0 });
    const [entry] = await queryRows<{ after: { reason: string } }>(
      t.database.db,
      sql`select after from audit_log where action = 'cooperation.commitment.cancel' and entity_id = ${overdue.id}`,
    );
    expect(entry.after.reason).toBe('Replaced by the delegation’s list.');
    expect((await inject(null, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json().scorecard).toMatchObject({ cancelled: 1, overdue: 0, score: 100 });
    // Terminated, the agreement stays public with its record, and takes no new commitments.
    const v = (await inject(officer, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).json().version;
    expect((await inject(officer, 'PATCH', `/api/v1/cooperation/agreements/${mouId}`, { version: v, status: 'terminated' })).json().status).toBe('terminated');
    expect((await inject(null, 'GET', `/api/v1/cooperation/agreements/${mouId}`)).statusCode).toBe(200);
    const late = await inject(officer, 'POST', `/api/v1/cooperation/agreements/${mouId}/commitments`, {
      deliverable: { en: 'x' },
      owedBy: a.parties[0].id,
      dueOn: today,
    });
    expect(late.statusCode).toBe(409);
  });
});
