import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.tables';
import { notifications } from '../../../platform/notifications/notifications.tables';
import { makeTestApp, multipartFile, type Session, type TestApp } from '../../../test/harness';
import { eligibleAnswers, fixtureCall, TINY_PDF } from '../calls/call-fixtures';
import { setFundingClock } from '../calls/clock';
import { fundingApplications } from './applications.tables';

const DAY = 86_400_000;

describe('seed fund applications', () => {
  let t: TestApp;
  let officer: Session;
  let applicant: Session;
  let other: Session;
  let enterpriseId: string;
  let bigEnterpriseId: string;
  let callId: string;
  const opensAt = new Date('2027-01-01T00:00:00Z');
  const closesAt = new Date('2027-03-01T09:00:00Z'); // 17:00 in Beijing
  const before = new Date(closesAt.getTime() - 60_000);
  const now = { t: new Date('2027-02-01T00:00:00Z') };

  const inject = (s: Session | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(s?.headers ?? {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function enterprise(body: Record<string, unknown>) {
    const admin = await t.signIn('admin');
    const res = await inject(admin, 'POST', '/api/v1/enterprises', { country: 'CN', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function startDraft(s: Session, eid = enterpriseId, key?: string) {
    const res = await inject(s, 'POST', '/api/v1/funding/applications', { callId, enterpriseId: eid }, key ? { 'idempotency-key': key } : {});
    expect([200, 201], res.body).toContain(res.statusCode);
    return res.json();
  }

  async function attachPdf(s: Session, appId: string, fieldKey = 'businessPlan') {
    const mp = multipartFile('plan.pdf', TINY_PDF, 'file', 'application/pdf');
    const up = await inject(s, 'POST', '/api/v1/files', mp.payload, mp.headers);
    expect(up.statusCode, up.body).toBe(201);
    const res = await inject(s, 'POST', `/api/v1/funding/applications/${appId}/attachments`, { fieldKey, fileId: up.json().id });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function readyDraft(s: Session, eid = enterpriseId) {
    const draft = await startDraft(s, eid);
    const saved = await inject(s, 'PUT', `/api/v1/funding/applications/${draft.id}/draft`, {
      answers: eligibleAnswers(),
      instrument: 'grant',
      requestedAmount: 200_000,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await attachPdf(s, draft.id);
    return draft.id as string;
  }

  beforeAll(async () => {
    t = await makeTestApp();
    setFundingClock(() => now.t);
    officer = await t.signIn('program_officer');
    enterpriseId = await enterprise({
      names: { en: 'Jinan Graphene Co.' },
      sector: 'new_materials',
      employees: 120,
      technicalStaff: 48,
      domesticOwnershipPct: 80,
    });
    bigEnterpriseId = await enterprise({
      names: { en: 'Huge Telecom Ltd.' },
      sector: 'electronic_information',
      employees: 5000,
      technicalStaff: 2000,
      domesticOwnershipPct: 90,
    });
    applicant = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: enterpriseId });
    other = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: bigEnterpriseId });
    const program = await inject(officer, 'POST', '/api/v1/funding/programs', { names: { en: 'Innofund' } });
    expect(program.statusCode, program.body).toBe(201);
    const call = await inject(officer, 'POST', '/api/v1/funding/calls', fixtureCall(program.json().id, { opensAt, closesAt }));
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    expect((await inject(officer, 'POST', `/api/v1/funding/calls/${callId}/status`, { status: 'open' })).statusCode).toBe(200);
  });
  afterEach(() => {
    now.t = new Date('2027-02-01T00:00:00Z');
  });
  afterAll(async () => {
    setFundingClock();
    await t.close();
  });

  it('evaluates eligibility live, prefilled from the registry, with reasons and sources in the reader’s language', async () => {
    const res = await inject(applicant, 'POST', `/api/v1/funding/calls/${callId}/eligibility`, { enterpriseId, answers: {} }, { 'accept-language': 'zh' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.verdict).toBe('incomplete'); // doesRnd is only declared by the applicant
    expect(body.facts).toMatchObject({ employees: 120, technicalStaff: 48, sector: 'new_materials' });
    expect(body.fromRegistry).toContain('employees');
    const employees = body.rules.find((r: { ruleId: string }) => r.ruleId === 'employees_under_500');
    expect(employees).toMatchObject({ outcome: 'pass', source: expect.stringContaining('seeds/000') });
    expect(employees.label).toBe('从业人员少于500人');

    const big = await inject(other, 'POST', `/api/v1/funding/calls/${callId}/eligibility`, { enterpriseId: bigEnterpriseId, answers: { doesRnd: true } });
    expect(big.json().verdict).toBe('ineligible');
    expect(big.json().rules.find((r: { ruleId: string }) => r.ruleId === 'employees_under_500')).toMatchObject({
      outcome: 'fail',
      reason: expect.stringContaining('5,000'),
    });

    // Another enterprise's profile is not prefilled for someone who cannot act for it.
    const denied = await inject(applicant, 'POST', `/api/v1/funding/calls/${callId}/eligibility`, { enterpriseId: bigEnterpriseId, answers: {} });
    expect(denied.statusCode).toBe(403);
    // Anyone may evaluate bare answers (the public call page).
    const anon = await inject(null, 'POST', `/api/v1/funding/calls/${callId}/eligibility`, { answers: { employees: 10, technicalStaff: 1 } });
    expect(anon.json().rules.find((r: { ruleId: string }) => r.ruleId === 'technical_staff_30pct').outcome).toBe('fail');
  });

  it('saves drafts (refusing stale versions and unknown fields), then submits once with a receipt hash', async () => {
    const draft = await startDraft(applicant);
    expect(draft).toMatchObject({ status: 'draft', version: 0, receipt: null });
    const save = (body: unknown) => inject(applicant, 'PUT', `/api/v1/funding/applications/${draft.id}/draft`, body);
    expect((await save({ answers: { employees: 'many' } })).statusCode).toBe(422);
    const unknownField = await save({ answers: { favouriteColour: 'green' } });
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json().error.details[0]).toMatchObject({ path: 'answers.favouriteColour', code: 'unknown_field' });
    const saved = await save({ answers: { employees: 120 }, version: 0 });
    expect(saved.json().version).toBe(1);
    const stale = await save({ answers: { employees: 121 }, version: 0 });
    expect(stale.statusCode).toBe(409);

    const incomplete = await inject(applicant, 'POST', `/api/v1/funding/applications/${draft.id}/submit`);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['answers.title', 'answers.businessPlan', 'instrument']),
    );

    // The conditional field appears only when its condition holds, and is then required.
    expect((await save({ answers: { ...eligibleAnswers(), ipHeld: true }, instrument: 'grant', requestedAmount: 200_000 })).statusCode).toBe(200);
    await attachPdf(applicant, draft.id);
    const needsPatents = await inject(applicant, 'POST', `/api/v1/funding/applications/${draft.id}/submit`);
    expect(needsPatents.json().error.details.map((d: { path: string }) => d.path)).toEqual(['answers.patents']);
    expect((await save({ answers: { ...eligibleAnswers(), ipHeld: true, patents: 3 }, instrument: 'grant', requestedAmount: 300_000 })).statusCode).toBe(422); // above the grant maximum
    expect((await save({ answers: { ...eligibleAnswers(), ipHeld: true, patents: 3 }, instrument: 'grant', requestedAmount: 200_000 })).statusCode).toBe(200);

    now.t = before;
    const first = await inject(applicant, 'POST', `/api/v1/funding/applications/${draft.id}/submit`, undefined, { 'idempotency-key': 'submit-0001' });
    expect(first.statusCode, first.body).toBe(201);
    const receipt = first.json().receipt;
    expect(receipt).toMatchObject({ applicationId: draft.id, algorithm: 'SHA-256', submittedAt: before.toISOString() });
    expect(receipt.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await inject(applicant, 'POST', `/api/v1/funding/applications/${draft.id}/submit`, undefined, { 'idempotency-key': 'submit-0001' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ receipt, replayed: true });

    const read = (await inject(applicant, 'GET', `/api/v1/funding/applications/${draft.id}`)).json();
    expect(read).toMatchObject({ status: 'submitted', receipt, eligibility: { verdict: 'eligible' } });
    expect(read.attachments).toHaveLength(1);
    expect((await save({ answers: {} })).statusCode).toBe(409);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'funding.application.submit')));
    expect(audit.after).toMatchObject({ receipt: { contentHash: receipt.contentHash } });
  });

  it('creates one application and one submission under concurrent double submits and retried creates', async () => {
    const key = 'create-retry-0001';
    const created = await Promise.all(
      [0, 1, 2].map(() => inject(applicant, 'POST', '/api/v1/funding/applications', { callId, enterpriseId }, { 'idempotency-key': key })),
    );
    const ids = new Set(created.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(created.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    const id = [...ids][0] as string;
    expect(
      (
        await inject(applicant, 'PUT', `/api/v1/funding/applications/${id}/draft`, {
          answers: eligibleAnswers(),
          instrument: 'grant',
          requestedAmount: 150_000,
        })
      ).statusCode,
    ).toBe(200);
    await attachPdf(applicant, id);
    const submits = await Promise.all(Array.from({ length: 8 }, () => inject(applicant, 'POST', `/api/v1/funding/applications/${id}/submit`)));
    expect(submits.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(submits.map((r) => r.json().receipt.receiptId)).size).toBe(1);
    const rows = await t.database.db.select().from(fundingApplications).where(eq(fundingApplications.idempotencyKey, key));
    expect(rows).toHaveLength(1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'funding.application.submit')));
    expect(audits).toHaveLength(1);
  });

  it('judges the deadline by the server clock, with a clear message in the applicant’s language', async () => {
    const id = await readyDraft(applicant);
    now.t = closesAt; // the deadline instant itself is too late
    const late = await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/submit`, undefined, { 'accept-language': 'ur' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('funding.applications.deadline_passed');
    expect(late.json().error.message).toContain('آخری تاریخ');
    expect(late.json().error.message).toContain('Asia/Shanghai');
    const en = await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/submit`);
    expect(en.json().error.message).toMatch(/deadline of this call has passed \(1 March 2027 at 17:00 \(Asia\/Shanghai\)\)/);
    const row = (await inject(applicant, 'GET', `/api/v1/funding/applications/${id}`)).json();
    expect(row.status).toBe('draft');
    now.t = new Date(closesAt.getTime() - 1);
    expect((await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/submit`)).statusCode).toBe(201);
  });

  it('withdraws before the deadline only', async () => {
    const id = await readyDraft(applicant);
    expect((await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/submit`)).statusCode).toBe(201);
    const id2 = await readyDraft(applicant);
    expect((await inject(applicant, 'POST', `/api/v1/funding/applications/${id2}/submit`)).statusCode).toBe(201);
    const w = await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    now.t = new Date(closesAt.getTime() + DAY);
    const late = await inject(applicant, 'POST', `/api/v1/funding/applications/${id2}/withdraw`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('funding.applications.deadline_passed');
  });

  it('refuses an ineligible submission with every failed rule’s reason', async () => {
    const draft = await startDraft(other, bigEnterpriseId);
    const answers = { ...eligibleAnswers(), employees: 5000, technicalStaff: 2000, domesticOwnershipPct: 90, sector: 'electronic_information' };
    await inject(other, 'PUT', `/api/v1/funding/applications/${draft.id}/draft`, { answers, instrument: 'grant', requestedAmount: 200_000 });
    await attachPdf(other, draft.id);
    const res = await inject(other, 'POST', `/api/v1/funding/applications/${draft.id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('funding.applications.ineligible');
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ path: 'eligibility.employees_under_500', message: expect.stringContaining('Fewer than 500 employees') }),
    ]);
  });

  it('lets only the applicant (or a colleague) see a draft; an officer sees submissions', async () => {
    const draft = await startDraft(applicant);
    expect((await inject(other, 'GET', `/api/v1/funding/applications/${draft.id}`)).statusCode).toBe(404);
    expect((await inject(officer, 'GET', `/api/v1/funding/applications/${draft.id}`)).statusCode).toBe(404);
    expect((await inject(other, 'PUT', `/api/v1/funding/applications/${draft.id}/draft`, { answers: {} })).statusCode).toBe(404);
    expect((await inject(other, 'POST', '/api/v1/funding/applications', { callId, enterpriseId })).statusCode).toBe(403);
    const mine = (await inject(applicant, 'GET', '/api/v1/funding/my/applications')).json();
    expect(mine.items.some((a: { id: string }) => a.id === draft.id)).toBe(true);
    const listed = (await inject(officer, 'GET', `/api/v1/funding/applications?callId=${callId}`)).json();
    expect(listed.items.every((a: { status: string }) => a.status !== 'draft')).toBe(true);
    expect(listed.items[0].verdict).toBe('eligible');
  });

  it('refuses attachments that are not PDF, images or XLSX, judged by content', async () => {
    const draft = await startDraft(applicant);
    const mp = multipartFile('plan.txt', Buffer.from('just text, not a pdf'), 'file', 'application/pdf');
    const up = await inject(applicant, 'POST', '/api/v1/files', mp.payload, mp.headers);
    expect(up.statusCode).toBe(201); // the platform stores text files…
    const res = await inject(applicant, 'POST', `/api/v1/funding/applications/${draft.id}/attachments`, { fieldKey: 'businessPlan', fileId: up.json().id });
    expect(res.statusCode).toBe(415); // …but an application takes none
    const wrongField = await inject(applicant, 'POST', `/api/v1/funding/applications/${draft.id}/attachments`, { fieldKey: 'title', fileId: up.json().id });
    expect(wrongField.statusCode).toBe(422);
  });

  it('screens: request information → the applicant is notified and answers → accept; reject needs a reason; all audited', async () => {
    const id = await readyDraft(applicant);
    const sub = await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/submit`);
    const hash = sub.json().receipt.contentHash;
    expect((await inject(officer, 'POST', `/api/v1/funding/applications/${id}/screening`, { kind: 'reject' })).statusCode).toBe(422);
    expect((await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/screening`, { kind: 'accept' })).statusCode).toBe(403);
    const ask = await inject(officer, 'POST', `/api/v1/funding/applications/${id}/screening`, {
      kind: 'request_info',
      reason: 'Please state the patents you hold.',
    });
    expect(ask.statusCode, ask.body).toBe(200);
    expect(ask.json().status).toBe('info_requested');
    const [note] = await t.database.db.select().from(notifications).where(eq(notifications.userId, applicant.userId));
    expect(note).toMatchObject({ kind: 'funding_screening_request_info', link: `/funding/applications/${id}` });
    const answer = await inject(applicant, 'POST', `/api/v1/funding/applications/${id}/info-response`, {
      message: 'We hold three patents.',
      answers: { ipHeld: true, patents: 3 },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'submitted', screening: [{ kind: 'request_info', response: 'We hold three patents.' }] });
    expect(answer.json().receipt.contentHash).not.toBe(hash);
    expect(answer.json().answers.patents).toBe(3);
    const accept = await inject(officer, 'POST', `/api/v1/funding/applications/${id}/screening`, { kind: 'accept' });
    expect(accept.json().status).toBe('accepted');
    expect((await inject(officer, 'POST', `/api/v1/funding/applications/${id}/screening`, { kind: 'reject', reason: 'x' })).statusCode).toBe(409);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['funding.application.screen.request_info', 'funding.application.answer_info', 'funding.application.screen.accept']),
    );
  });

  it('bars a second application of the same enterprise when the call has the one-per-call rule', async () => {
    const templates = (await inject(null, 'GET', '/api/v1/funding/rule-templates')).json();
    const call = (await inject(officer, 'GET', `/api/v1/funding/calls/${callId}`)).json();
    const program = call.program.id;
    const c2 = await inject(officer, 'POST', '/api/v1/funding/calls', {
      ...fixtureCall(program, { opensAt, closesAt }),
      eligibilityRules: [...call.eligibilityRules, templates.templates.find((r: { id: string }) => r.id === 'one_application_per_call')],
    });
    expect(c2.statusCode, c2.body).toBe(201);
    await inject(officer, 'POST', `/api/v1/funding/calls/${c2.json().id}/status`, { status: 'open' });
    const saveCall = callId;
    callId = c2.json().id;
    try {
      const a = await readyDraft(applicant);
      const b = await readyDraft(applicant);
      const [ra, rb] = await Promise.all([a, b].map((id) => inject(applicant, 'POST', `/api/v1/funding/applications/${id}/submit`)));
      expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 422]);
      const refused = ra.statusCode === 422 ? ra : rb;
      expect(refused.json().error.details[0].path).toBe('eligibility.one_application_per_call');
    } finally {
      callId = saveCall;
    }
  });
});
