import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { repoRoot } from '../../../paths';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { loadReference } from '../../registry/reference/load-reference';
import { loadCooperationReference } from '../reference/load-reference';
import { readCooperationReference } from '../reference/reference-files';

/**
 * The cooperation reference records from the seeds, and the opportunities board (issue 7): a student applies to the
 * Torch Center internship the 2018 delegation was offered, the officer sees it, a second application is refused,
 * and so is one to a closed or past-deadline opportunity.
 */
describe('cooperation reference records and the opportunities board', () => {
  let t: TestApp;
  let officer: Session;
  let student: Session;
  const log = pino({ level: 'silent' });
  const inject = (s: Session | null, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
  const keyed = async (table: string) =>
    (await queryRows<{ key: string }>(t.database.db, sql.raw(`select key from ${table} where key is not null`))).map((r) => r.key);

  beforeAll(async () => {
    t = await makeTestApp();
    await loadReference(systemCtx(t.database, t.config, log, 'test'));
    await loadCooperationReference(systemCtx(t.database, t.config, log, 'test'));
    officer = await t.signIn('cooperation_officer');
    // A student signs up on their own (self-registration).
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'student@example.org', password: 'a-long-password', displayName: 'Ayesha Khan' },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const cookie = reg.cookies.find((c) => c.name === 'seedbed_session')!;
    const header = `seedbed_session=${cookie.value}`;
    student = { cookie: header, csrf: reg.json().csrfToken, userId: reg.json().user.id, headers: { cookie: header, 'x-csrf-token': reg.json().csrfToken } };
  }, 180_000);
  afterAll(() => t.close());

  it('loads every reference record, each citing a seed file whose text holds the quote', async () => {
    const data = readCooperationReference();
    const records = [...data.agreements, ...data.delegations, ...data.focalPersons, ...data.opportunities, ...data.followUps];
    expect(records.length).toBeGreaterThanOrEqual(15);
    const sources = [
      ...records.map((r) => r.source),
      ...data.delegations.flatMap((d) => [d.membersSource, ...d.itinerary.map((s) => s.source)]),
      ...data.agreements.flatMap((a) => a.parties.map((p) => p.source)),
    ];
    for (const source of sources) {
      const [file, quote] = [source.slice(0, source.indexOf('#')), source.slice(source.indexOf('#') + 1)];
      const text = readFileSync(path.join(repoRoot, '..', 'shared', file), 'utf8');
      expect(text.includes(quote), `${source}`).toBe(true);
    }
    expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
    expect(await keyed('coop_agreements')).toEqual(expect.arrayContaining(data.agreements.map((a) => a.key)));
    expect(await keyed('coop_delegations')).toEqual(expect.arrayContaining(data.delegations.map((d) => d.key)));
    expect(await keyed('coop_focal_persons')).toEqual(expect.arrayContaining(data.focalPersons.map((f) => f.key)));
    expect(await keyed('coop_opportunities')).toEqual(expect.arrayContaining(data.opportunities.map((o) => o.key)));
    expect(await count('coop_follow_ups')).toBe(data.followUps.length);
    const [del] = await queryRows<{ starts_on: string; ends_on: string; members: number; stops: number }>(
      t.database.db,
      sql`select d.starts_on::text, d.ends_on::text,
                 (select count(*)::int from coop_delegation_members m where m.delegation_id = d.id and m.side = 'guest') as members,
                 (select count(*)::int from coop_itinerary_stops s where s.delegation_id = d.id) as stops
            from coop_delegations d where d.key = 'del:pk-delegation-china-niidz-2018'`,
    );
    expect(del).toEqual({ starts_on: '2018-11-26', ends_on: '2018-12-07', members: 8, stops: 6 });
    const parties = await queryRows<{ name: string; signatory: string }>(
      t.database.db,
      sql`select p.name, p.signatory from coop_agreement_parties p join coop_agreements a on a.id = p.agreement_id where a.key = 'agr:stza-zbra-loi-2022' order by p.position`,
    );
    expect(parties).toEqual([
      { name: 'Special Technology Zones Authority', signatory: 'Amer Hashmi' },
      { name: '中关村一带一路产业促进会', signatory: 'Zhang Xiaodong' },
    ]);
    expect(await count(`audit_log where action like 'cooperation.reference.%'`)).toBe(records.length);
  });

  it('loading twice adds nothing', async () => {
    const tables = [
      'coop_agreements',
      'coop_agreement_parties',
      'coop_delegations',
      'coop_delegation_members',
      'coop_itinerary_stops',
      'coop_focal_persons',
      'coop_opportunities',
      'coop_follow_ups',
      'audit_log',
    ];
    const before = await Promise.all(tables.map(count));
    expect(await loadCooperationReference(systemCtx(t.database, t.config, log, 'test'))).toEqual({ loaded: 0 });
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('shows the public the open board, without application counts', async () => {
    const res = await inject(null, 'GET', '/api/v1/cooperation/opportunities?limit=100');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.total).toBeGreaterThanOrEqual(6);
    const torch = board.items.find((o: { key: string }) => o.key === 'opp:torch-center-internships-2018');
    expect(torch).toMatchObject({ kind: 'internship', status: 'open', accepting: true, forCountry: 'PK', applicationCount: null, mine: null });
    expect(torch.offeredBy).toMatchObject({ name: '科学技术部火炬高技术产业开发中心', country: 'CN', entityType: 'institution' });
    expect(torch.delegation.title.en).toContain('2018');
    const wuhan = board.items.find((o: { key: string }) => o.key === 'opp:wut-scholarships-2018');
    expect(wuhan).toMatchObject({ kind: 'scholarship', placesPerYear: 2 });
    expect((await inject(null, 'GET', '/api/v1/cooperation/opportunities?kind=scholarship')).json().total).toBe(1);
    expect((await inject(null, 'GET', `/api/v1/cooperation/opportunities?q=${encodeURIComponent('实习')}`)).json().total).toBe(2);
    expect((await inject(null, 'GET', '/api/v1/cooperation/opportunities?country=PK')).json().total).toBe(0);
    // The public cannot ask for drafts: it still gets the open board.
    expect(
      (await inject(null, 'GET', '/api/v1/cooperation/opportunities?status=draft')).json().items.every((o: { status: string }) => o.status === 'open'),
    ).toBe(true);
  });

  let torchId: string;
  let applicationId: string;
  it('takes a student’s application to the Torch Center internship; the officer sees it; a second one is refused', async () => {
    const board = (await inject(null, 'GET', '/api/v1/cooperation/opportunities?limit=100')).json();
    torchId = board.items.find((o: { key: string }) => o.key === 'opp:torch-center-internships-2018').id;
    const before = await count('audit_log');
    const res = await inject(student, 'POST', `/api/v1/cooperation/opportunities/${torchId}/applications`, {
      kind: 'application',
      statement: 'MS student in materials science.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applicantName: 'Ayesha Khan', kind: 'application', status: 'submitted' });
    applicationId = res.json().id;
    expect(await count('audit_log')).toBe(before + 1);
    // Nobody created the reference offer: the cooperation officers are told.
    const [n] = await queryRows<{ kind: string; link: string }>(
      t.database.db,
      sql`select kind, link from notifications where user_id = ${officer.userId} order by created_at desc limit 1`,
    );
    expect(n).toEqual({ kind: 'cooperation_application_received', link: `/cooperation/opportunities/${torchId}` });

    const list = await inject(officer, 'GET', `/api/v1/cooperation/opportunities/${torchId}/applications`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((a: { applicantName: string }) => a.applicantName)).toEqual(['Ayesha Khan']);
    expect((await inject(officer, 'GET', `/api/v1/cooperation/opportunities/${torchId}`)).json().applicationCount).toBe(1);
    // The student is not the offering side.
    expect((await inject(student, 'GET', `/api/v1/cooperation/opportunities/${torchId}/applications`)).statusCode).toBe(403);
    expect((await inject(student, 'GET', `/api/v1/cooperation/opportunities/${torchId}`)).json().mine).toMatchObject({
      id: applicationId,
      status: 'submitted',
    });

    const again = await inject(student, 'POST', `/api/v1/cooperation/opportunities/${torchId}/applications`, { kind: 'interest' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already applied');
    expect((await inject(student, 'GET', '/api/v1/cooperation/applications/mine')).json().total).toBe(1);
  });

  it('lets the offering side decide with a note the applicant is told of, with a version check', async () => {
    const stale = await inject(officer, 'PATCH', `/api/v1/cooperation/applications/${applicationId}`, { status: 'shortlisted', version: 9 });
    expect(stale.statusCode).toBe(409);
    const ok = await inject(officer, 'PATCH', `/api/v1/cooperation/applications/${applicationId}`, {
      status: 'shortlisted',
      note: 'Interview in March.',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'shortlisted', decisionNote: 'Interview in March.', version: 2 });
    const [n] = await queryRows<{ kind: string }>(
      t.database.db,
      sql`select kind from notifications where user_id = ${student.userId} order by created_at desc limit 1`,
    );
    expect(n.kind).toBe('cooperation_application_decided');
    expect((await inject(student, 'PATCH', `/api/v1/cooperation/applications/${applicationId}`, { status: 'accepted', version: 2 })).statusCode).toBe(403);
    const withdrawn = await inject(student, 'POST', `/api/v1/cooperation/applications/${applicationId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
  });

  it('refuses applications to a closed or past-deadline opportunity with a readable message', async () => {
    const created = await inject(officer, 'POST', '/api/v1/cooperation/opportunities', {
      kind: 'call',
      title: { en: 'Past call' },
      offeredBy: { name: 'Some partner', country: 'CN' },
      opensOn: '2020-01-01',
      deadline: '2020-02-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'open', accepting: false });
    const late = await inject(student, 'POST', `/api/v1/cooperation/opportunities/${created.json().id}/applications`, { kind: 'interest' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('has passed');

    const open = await inject(officer, 'POST', '/api/v1/cooperation/opportunities', {
      kind: 'event',
      title: { en: 'Soon closed' },
      offeredBy: { name: 'Some partner', country: 'CN' },
    });
    const closed = await inject(officer, 'PATCH', `/api/v1/cooperation/opportunities/${open.json().id}`, { status: 'closed', version: 1 });
    expect(closed.statusCode, closed.body).toBe(200);
    const refused = await inject(student, 'POST', `/api/v1/cooperation/opportunities/${open.json().id}/applications`, { kind: 'interest' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('closed');
    // The public does not see a closed one; staff do.
    expect((await inject(null, 'GET', `/api/v1/cooperation/opportunities/${open.json().id}`)).statusCode).toBe(404);
    expect((await inject(officer, 'GET', '/api/v1/cooperation/opportunities?status=closed')).json().total).toBe(1);
  });

  it('validates what an officer writes and who may write', async () => {
    const backwards = await inject(officer, 'POST', '/api/v1/cooperation/opportunities', {
      kind: 'call',
      title: { en: 'Backwards' },
      offeredBy: { name: 'X', country: 'CN' },
      opensOn: '2027-01-02',
      deadline: '2027-01-01',
    });
    expect(backwards.statusCode).toBe(422);
    const ghost = await inject(officer, 'POST', '/api/v1/cooperation/opportunities', {
      kind: 'call',
      title: { en: 'Ghost' },
      offeredBy: { entityType: 'institution', entityId: '00000000-0000-4000-8000-000000000001' },
    });
    expect(ghost.statusCode).toBe(422);
    const noDelegation = await inject(officer, 'POST', '/api/v1/cooperation/opportunities', {
      kind: 'call',
      title: { en: 'No delegation' },
      offeredBy: { name: 'X', country: 'CN' },
      delegationId: '00000000-0000-4000-8000-000000000002',
    });
    expect(noDelegation.statusCode).toBe(422);
    expect(
      (await inject(student, 'POST', '/api/v1/cooperation/opportunities', { kind: 'call', title: { en: 'Mine' }, offeredBy: { name: 'X', country: 'PK' } }))
        .statusCode,
    ).toBe(403);
  });
});
