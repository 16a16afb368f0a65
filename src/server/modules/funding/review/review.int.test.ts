import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.tables';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { pastAcceptanceFacts } from '../awards';
import { setFundingClock } from '../calls/clock';
import { callResults, reviewAssignments } from './review.tables';
import { makeApplication, makeCall, makeEnterprise } from './test-fixtures';

/**
 * The review half of the seed fund end to end through the API: pool, optimal assignment with conflicts,
 * override, decline and replacement, blind scoring, ranking with the funding line, decisions, published
 * results (public), decision letters, final results and awards, milestone reports, leverage, acceptance,
 * dashboard and its XLSX export.
 */
describe('seed fund review and awards', () => {
  let t: TestApp;
  let officer: Session;
  let rev1: Session;
  let rev2: Session;
  let applicantA: Session;
  let applicantB: Session;
  let callId: string;
  const ent: Record<string, string> = {};
  const app: Record<string, string> = {};
  const reviewer: Record<string, string> = {};

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, s: Session | null, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1/funding${url}`, headers: { ...(s?.headers ?? {}), ...headers }, payload: payload as never });

  beforeAll(async () => {
    t = await makeTestApp();
    officer = await t.signIn('program_officer');
    rev1 = await t.signIn('reviewer', { email: 'li.reviewer@test.seedbed.local' });
    rev2 = await t.signIn('reviewer', { email: 'khan.reviewer@test.seedbed.local' });
    applicantA = await t.signIn('enterprise_member', { email: 'a@test.seedbed.local' });
    applicantB = await t.signIn('enterprise_member', { email: 'b@test.seedbed.local' });
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: applicantB.headers, payload: { locale: 'zh' } });
    const { call } = await makeCall(t.database, { budget: 450_000, k: 2, loadMax: 3, blind: true });
    callId = call.id;
    for (const [k, name, sector, province] of [
      ['A', 'Vision Chips Ltd', 'electronic_information', '110000'],
      ['B', 'Solid Cell Energy', 'new_energy', '320000'],
      ['C', 'Molecule AI', 'biomedicine', '440000'],
      ['D', 'Cathode Works', 'new_materials', '320000'],
    ] as const) {
      ent[k] = (await makeEnterprise(t.database, name, { sector, province })).id;
    }
    const apps = [
      ['A', applicantA, 'Edge AI vision chip', 'A low-power chip for machine learning inference in computer vision cameras.', 250_000],
      ['B', applicantB, 'Solid-state lithium battery', 'Solid electrolyte lithium battery cells for energy storage with higher safety.', 200_000],
      ['C', applicantA, 'AI drug discovery', 'Machine learning models screen molecules for drug discovery in biomedicine.', 150_000],
      ['D', applicantB, 'Cathode materials for batteries', 'High-nickel cathode materials for lithium battery cells.', 180_000],
    ] as const;
    for (const [k, who, title, summary, amount] of apps) {
      app[k] = (await makeApplication(t.database, { callId, enterpriseId: ent[k], applicantId: who.userId, title, summary, amount })).id;
    }
  });
  afterAll(async () => {
    setFundingClock();
    await t.close();
  });

  it('keeps a reviewer pool with expertise, seniority and declared conflicts (officers only)', async () => {
    const pool = [
      {
        name: 'Dr Li Wei',
        userId: rev1.userId,
        expertise: 'lithium battery cells, energy storage, electrolyte',
        tags: ['new_energy', 'new_materials'],
        senior: true,
      },
      {
        name: 'Dr Ayesha Khan',
        userId: rev2.userId,
        expertise: 'machine learning, computer vision, neural networks',
        tags: ['electronic_information'],
        senior: false,
      },
      { name: 'Prof Zhang Min', expertise: 'semiconductor chip design, circuits', tags: ['electronic_information'], senior: true, organisationId: ent.A },
      { name: 'Dr Sara Malik', expertise: 'biomedicine, drug discovery, molecules, machine learning', tags: ['biomedicine'], senior: true },
      { name: 'Dr Chen Jie', expertise: 'cathode materials, battery materials, nickel', tags: ['new_materials', 'new_energy'], senior: false },
    ];
    for (const p of pool) {
      const res = await api('POST', '/reviewers', officer, p);
      expect(res.statusCode, res.body).toBe(201);
      reviewer[p.name] = res.json().id;
    }
    const declared = await api('POST', `/reviewers/${reviewer['Dr Chen Jie']}/conflicts`, officer, {
      entityId: ent.B,
      entityName: 'Solid Cell Energy',
      note: 'Advises the company',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    expect((await api('POST', `/reviewers/${reviewer['Dr Chen Jie']}/conflicts`, officer, { entityId: ent.B, note: 'again' })).statusCode).toBe(409);
    expect((await api('POST', '/reviewers', applicantA, { name: 'X' })).statusCode).toBe(403);
    const bad = await api('POST', '/reviewers', officer, { name: '', tags: ['astrology'] }, { 'accept-language': 'zh' });
    expect(bad.statusCode).toBe(422);
    const me = await api('GET', '/reviewers/me', rev1);
    expect(me.json()).toMatchObject({ name: 'Dr Li Wei', senior: true });
  });

  it('assigns k reviewers per application optimally, never a conflicted pair, each pair explained', async () => {
    const res = await api('POST', `/calls/${callId}/assignment/run`, officer, {});
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.run).toMatchObject({ k: 2, optimal: true });
    expect(view.run.gap).toBeLessThan(1e-6);
    for (const a of view.applications) {
      const assigned = a.pairs.filter((p: { status: string }) => p.status === 'assigned');
      expect(assigned).toHaveLength(2);
      for (const p of assigned) expect(a.conflicts.map((c: { reviewerId: string }) => c.reviewerId)).not.toContain(p.reviewerId);
    }
    const A = view.applications.find((a: { id: string }) => a.id === app.A);
    expect(A.conflicts).toEqual([
      { reviewerId: reviewer['Prof Zhang Min'], reviewerName: 'Prof Zhang Min', reasons: [{ kind: 'same-organisation', detail: ent.A }] },
    ]);
    const B = view.applications.find((a: { id: string }) => a.id === app.B);
    expect(B.conflicts[0]).toMatchObject({ reviewerId: reviewer['Dr Chen Jie'], reasons: [{ kind: 'declared', detail: ent.B }] });
    // The battery expert reviews the battery application, and says why.
    const li = B.pairs.find((p: { reviewerId: string }) => p.reviewerId === reviewer['Dr Li Wei']);
    expect(li.status).toBe('assigned');
    expect(li.reasons.sharedTerms).toEqual(expect.arrayContaining(['lithium', 'battery']));
    expect(li.reasons.sharedTags).toEqual(['new_energy']);
    expect(view.loads.every((l: { load: number }) => l.load <= 3)).toBe(true);
    // A page at a time, and found by title or enterprise.
    const page = (await api('GET', `/calls/${callId}/assignment?limit=1&offset=1`, officer)).json();
    expect(page).toMatchObject({ total: 4 });
    expect(page.applications).toHaveLength(1);
    const found = (await api('GET', `/calls/${callId}/assignment?q=VISION`, officer)).json();
    expect(found.applications.map((a: { id: string }) => a.id)).toEqual([app.A]);
  });

  it('lets an officer force a pair out (audited), re-optimising around it', async () => {
    const before = (await api('GET', `/calls/${callId}/assignment`, officer)).json();
    const C = before.applications.find((a: { id: string }) => a.id === app.C);
    const out = C.pairs.find((p: { status: string }) => p.status === 'assigned');
    const res = await api('POST', `/calls/${callId}/assignment/override`, officer, {
      applicationId: app.C,
      reviewerId: out.reviewerId,
      include: false,
      reason: 'Reviewed this team last year',
    });
    expect(res.statusCode, res.body).toBe(200);
    const C2 = res.json().applications.find((a: { id: string }) => a.id === app.C);
    const assigned = C2.pairs.filter((p: { status: string }) => p.status === 'assigned');
    expect(assigned).toHaveLength(2);
    expect(assigned.map((p: { reviewerId: string }) => p.reviewerId)).not.toContain(out.reviewerId);
    expect(res.json().run.overrides).toEqual([{ applicationId: app.C, reviewerId: out.reviewerId, include: false }]);
    const [last] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'review.assignment.override')).orderBy(desc(auditLog.id)).limit(1);
    expect(last).toMatchObject({ entityId: app.C, after: { include: false, reason: 'Reviewed this team last year' } });
  });

  it('shows a reviewer only their assignments, with the applicant hidden in a blind call', async () => {
    const inbox = (await api('GET', '/review/inbox', rev1)).json();
    expect(inbox.items.length).toBeGreaterThan(0);
    expect(inbox.items.every((i: { enterpriseName: string | null; blind: boolean }) => i.enterpriseName === null && i.blind)).toBe(true);
    const detail = await api('GET', `/review/assignments/${inbox.items[0].assignmentId}`, rev1);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().application).toMatchObject({ enterprise: null, applicantName: null });
    expect(detail.json().rubric.criteria.map((c: { key: string }) => c.key)).toEqual(['innovation', 'market', 'team']);
    // Someone else's assignment is not there for this reviewer.
    const all = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.status, 'assigned'));
    const others = all.filter((a) => a.reviewerId !== reviewer['Dr Li Wei']);
    expect((await api('GET', `/review/assignments/${others[0].id}`, rev1)).statusCode).toBe(404);
    expect((await api('GET', '/review/inbox', officer)).statusCode).toBe(403);
  });

  it('replaces a reviewer who declines for a conflict by the best available one, and moves nothing else', async () => {
    const mine = (await api('GET', '/review/inbox', rev2)).json().items;
    const target = mine[0];
    const before = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.status, 'assigned'));
    const res = await api('POST', `/review/assignments/${target.assignmentId}/decline`, rev2, { reason: 'My former student leads this team' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().replacement).not.toBeNull();
    const after = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.status, 'assigned'));
    const key = (a: { applicationId: string; reviewerId: string }) => `${a.applicationId}/${a.reviewerId}`;
    const gone = before.filter((b) => !after.some((a) => key(a) === key(b))).map(key);
    const added = after.filter((a) => !before.some((b) => key(a) === key(b)));
    expect(gone).toEqual([`${target.applicationId}/${reviewer['Dr Ayesha Khan']}`]);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ applicationId: target.applicationId, origin: 'replacement' });
    // The declined pair is now a conflict of that pair; a re-run keeps it out.
    const view = (await api('GET', `/calls/${callId}/assignment`, officer)).json();
    const a = view.applications.find((x: { id: string }) => x.id === target.applicationId);
    expect(a.conflicts.find((c: { reviewerId: string }) => c.reviewerId === reviewer['Dr Ayesha Khan']).reasons[0]).toEqual({
      kind: 'declared-pair',
      detail: 'My former student leads this team',
    });
  });

  /** Every assigned pair gets a score: the battery expert scores high, the others middling, so B and D lead. */
  async function scoreAll() {
    const rows = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.status, 'assigned'));
    const level: Record<string, number> = { [app.A]: 3.5, [app.B]: 4.8, [app.C]: 3, [app.D]: 4.2 };
    for (const r of rows) {
      const who = r.reviewerId === reviewer['Dr Li Wei'] ? rev1 : r.reviewerId === reviewer['Dr Ayesha Khan'] ? rev2 : null;
      const s = level[r.applicationId];
      const scores = [
        { criterionId: 'innovation', score: s, comment: 'Clear technical advance' },
        { criterionId: 'market', score: Math.max(1, s - 0.5) },
        { criterionId: 'team', score: s },
      ];
      if (who) {
        const res = await api('PUT', `/review/assignments/${r.id}/score`, who, { scores, comment: 'Solid proposal', submit: true });
        expect(res.statusCode, res.body).toBe(200);
      } else {
        // Pool members without an account: their scores are written by the system in this test.
        await t.database.db.execute(
          `insert into review_scores (assignment_id, call_id, application_id, reviewer_id, scores, total, percent, status, submitted_at) values ('${r.id}', '${r.callId}', '${r.applicationId}', '${r.reviewerId}', '[]', ${s}, ${((s - 1) / 4) * 100}, 'submitted', now())` as never,
        );
      }
    }
  }

  it('scores per rubric criterion: explains bad scores in the reviewer’s language, then freezes submitted ones', async () => {
    const [first] = (await api('GET', '/review/inbox', rev1)).json().items;
    const bad = await api(
      'PUT',
      `/review/assignments/${first.assignmentId}/score`,
      rev1,
      { scores: [{ criterionId: 'innovation', score: 9 }], submit: true },
      { 'accept-language': 'zh' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('1');
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const draft = await api('PUT', `/review/assignments/${first.assignmentId}/score`, rev1, {
      scores: [{ criterionId: 'innovation', score: 4 }],
      submit: false,
    });
    expect(draft.json()).toMatchObject({ status: 'draft', total: null });
    await scoreAll();
    const again = await api('PUT', `/review/assignments/${first.assignmentId}/score`, rev1, {
      scores: [
        { criterionId: 'innovation', score: 1 },
        { criterionId: 'market', score: 1 },
        { criterionId: 'team', score: 1 },
      ],
      submit: true,
    });
    expect(again.statusCode).toBe(409);
    // Once scores are in, an override that would drop a scored pair is refused.
    const scoredPair = (
      await t.database.db
        .select()
        .from(reviewAssignments)
        .where(and(eq(reviewAssignments.status, 'assigned'), eq(reviewAssignments.reviewerId, reviewer['Dr Li Wei'])))
    )[0];
    const refused = await api('POST', `/calls/${callId}/assignment/override`, officer, {
      applicationId: scoredPair.applicationId,
      reviewerId: scoredPair.reviewerId,
      include: false,
      reason: 'late',
    });
    expect(refused.statusCode).toBe(409);
  });

  it('ranks with the funding line from the budget, decides within it, and publishes results to the public', async () => {
    const r = (await api('GET', `/calls/${callId}/ranking`, officer)).json();
    expect(r.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([app.B, app.D, app.A, app.C]);
    // 450,000: B (200k) + D (180k) fit; A (250k) does not.
    expect(r.lineAfterRank).toBe(2);
    expect(r.committed).toBe(380_000);
    const normalised = (await api('GET', `/calls/${callId}/ranking?normalise=true`, officer)).json();
    expect(normalised.normalised).toBe(true);

    const early = await api('POST', `/calls/${callId}/results/publish`, officer, { objectionDays: 3 });
    expect(early.statusCode).toBe(422);
    expect(await t.database.db.select().from(callResults)).toHaveLength(0);

    const decide = (id: string, body: unknown) => api('PUT', `/calls/${callId}/decisions/${id}`, officer, body);
    expect((await decide(app.B, { decision: 'fund', amount: 200_000, reasons: 'Best-scored; strong team' })).statusCode).toBe(200);
    expect((await decide(app.D, { decision: 'fund', reasons: 'no amount' })).statusCode).toBe(422);
    const over = await decide(app.D, { decision: 'fund', amount: 300_000, reasons: 'too much' });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('over_budget');
    expect((await decide(app.D, { decision: 'fund', amount: 180_000, reasons: 'Above the funding line' })).statusCode).toBe(200);
    expect((await decide(app.A, { decision: 'reserve', reasons: 'Below the line; first on the reserve list' })).statusCode).toBe(200);
    expect((await decide(app.C, { decision: 'reject', reasons: 'Market case not shown' })).statusCode).toBe(200);

    const pub = await api('POST', `/calls/${callId}/results/publish`, officer, { objectionDays: 3 });
    expect(pub.statusCode, pub.body).toBe(200);
    const open = await t.app.inject({ method: 'GET', url: `/api/v1/funding/calls/${callId}/results` });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ status: 'published' });
    expect(open.json().entries.map((e: { decision: string }) => e.decision)).toEqual(['fund', 'fund', 'reserve', 'reject']);
    expect(JSON.stringify(open.json())).not.toContain('a@test.seedbed.local');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/funding/results' })).json().items[0]).toMatchObject({ funded: 2, fundedAmount: 380_000 });
    expect((await decide(app.C, { decision: 'fund', amount: 1, reasons: 'late' })).statusCode).toBe(409);
  });

  it('keeps an officer of another program out of this call’s review', async () => {
    const other = await t.signIn('program_officer', { scopeType: 'program', scopeId: '00000000-0000-4000-8000-000000000009' });
    expect((await api('GET', `/calls/${callId}/ranking`, other)).statusCode).toBe(403);
    expect((await api('GET', `/calls/${callId}/assignment`, other)).statusCode).toBe(403);
    expect((await api('PUT', `/calls/${callId}/decisions/${app.C}`, other, { decision: 'fund', amount: 1, reasons: 'x' })).statusCode).toBe(403);
  });

  it('refuses to publish the results of a call that still takes applications', async () => {
    const { call: open } = await makeCall(t.database, { status: 'open', closesInDays: 5 });
    const res = await api('POST', `/calls/${open.id}/results/publish`, officer, { objectionDays: 3 }, { 'accept-language': 'ur' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('call_still_open');
    expect(res.json().error.message).toMatch(/[\u0600-\u06ff]/);
  });

  it('writes the decision letter in the applicant’s language, only for the applicant and officers', async () => {
    const zh = await api('GET', `/decision-letters/${app.B}`, applicantB);
    expect(zh.statusCode, zh.body).toBe(200);
    expect(zh.json()).toMatchObject({ language: 'zh', dir: 'ltr', decision: 'fund' });
    expect(zh.json().paragraphs.join('')).toContain('获得资助');
    expect(zh.json().objectionsOpenUntil).not.toBeNull();
    const ur = await api('GET', `/decision-letters/${app.B}?lang=ur`, officer);
    expect(ur.json()).toMatchObject({ language: 'ur', dir: 'rtl' });
    expect((await api('GET', `/decision-letters/${app.B}`, applicantA)).statusCode).toBe(404);
  });

  it('takes objections during the objection period and becomes final after it, creating the awards', async () => {
    const obj = await api('POST', `/calls/${callId}/results/objections`, applicantA, { applicationId: app.A, text: 'Our market evidence was overlooked.' });
    expect(obj.statusCode, obj.body).toBe(201);
    expect((await api('POST', `/calls/${callId}/results/objections`, applicantA, { applicationId: app.B, text: 'not mine' })).statusCode).toBe(403);
    const early = await api('POST', `/calls/${callId}/results/finalise`, officer);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('objection_period_open');
    setFundingClock(() => new Date(Date.now() + 4 * 86_400_000));
    expect((await api('POST', `/calls/${callId}/results/finalise`, officer)).json().error.code).toBe('objections_open');
    const answered = await api('PATCH', `/result-objections/${obj.json().id}`, officer, {
      status: 'dismissed',
      response: 'The panel re-read the evidence; the ranking stands.',
    });
    expect(answered.statusCode).toBe(200);
    const fin = await api('POST', `/calls/${callId}/results/finalise`, officer);
    expect(fin.statusCode, fin.body).toBe(200);
    expect(fin.json().status).toBe('final');
    setFundingClock();
    const awards = (await api('GET', `/awards?callId=${callId}`, officer)).json();
    expect(awards.items.map((a: { amount: number }) => a.amount).sort()).toEqual([180_000, 200_000]);
    // An applicant sees only their own awards.
    expect((await api('GET', '/awards', applicantA)).json().items).toHaveLength(0);
    expect((await api('GET', '/awards', applicantB)).json().items).toHaveLength(2);
  });

  it('follows an award: milestones within the amount, a report with outcome indicators, leverage, acceptance', async () => {
    const list = (await api('GET', `/awards?callId=${callId}`, officer)).json().items;
    const award = list.find((a: { applicationId: string }) => a.applicationId === app.B);
    const m1 = await api('POST', `/awards/${award.id}/milestones`, officer, { title: 'Pilot line', dueOn: '2027-03-31', disbursement: 120_000 });
    expect(m1.statusCode, m1.body).toBe(201);
    const tooMuch = await api('POST', `/awards/${award.id}/milestones`, officer, { title: 'Scale-up', dueOn: '2027-12-31', disbursement: 100_000 });
    expect(tooMuch.statusCode).toBe(422);
    await api('POST', `/awards/${award.id}/milestones`, officer, { title: 'Scale-up', dueOn: '2027-12-31', disbursement: 80_000 });
    const withMs = (await api('GET', `/awards/${award.id}`, applicantB)).json();
    expect(withMs).toMatchObject({ canReport: true, canManage: false, leverage: 0 });
    const [first, second] = withMs.milestones;
    expect((await api('POST', `/awards/${award.id}/milestones/${first.id}/report`, applicantA, { narrative: 'x', followOn: 1 })).statusCode).toBe(403);
    const rep = await api('POST', `/awards/${award.id}/milestones/${first.id}/report`, applicantB, {
      narrative: 'Pilot line running; first customer signed.',
      revenue: 350_000,
      jobs: 12,
      ipCount: 2,
      followOn: 1_400_000,
      followOnSources: 'Series A led by a provincial guiding fund',
    });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(rep.json().leverage).toBe(7);
    const leverage = (await api('GET', `/leverage?callId=${callId}`, officer)).json();
    expect(leverage.calls[0].figures[0]).toMatchObject({ currency: 'USD', awarded: 380_000, followOn: 1_400_000 });
    expect(leverage.seedReported).toBe(17);
    const reportId = rep.json().milestones[0].report.id;
    const approved = await api('POST', `/milestone-reports/${reportId}/review`, officer, { decision: 'approved' });
    expect(approved.json()).toMatchObject({ disbursed: 120_000 });
    await api('POST', `/awards/${award.id}/milestones/${second.id}/report`, applicantB, { narrative: 'Scale-up delayed', followOn: 0 });
    const rejected = await api(
      'POST',
      `/milestone-reports/${(await api('GET', `/awards/${award.id}`, officer)).json().milestones[1].report.id}/review`,
      officer,
      { decision: 'rejected', note: 'No line built' },
    );
    expect(rejected.json().proposal.outcome).toBe('failed');
    const acc = await api('POST', `/awards/${award.id}/acceptance`, officer, { outcome: 'failed', reasons: 'Scale-up not delivered', decidedOn: '2026-11-01' });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json()).toMatchObject({ status: 'closed', acceptance: { outcome: 'failed', proposed: 'failed' } });
    expect(await pastAcceptanceFacts(t.database.db, ent.B)).toEqual({ lastFailedAcceptanceYear: 2026 });
    expect((await api('POST', `/awards/${award.id}/milestones`, officer, { title: 'More', dueOn: '2028-01-01', disbursement: 0 })).statusCode).toBe(409);
  });

  it('reports the funnel, time to decision, leverage and distributions, and exports them as XLSX', async () => {
    const d = (await api('GET', `/dashboard?callId=${callId}`, officer)).json();
    expect(Object.fromEntries(d.funnel.map((f: { stage: string; count: number }) => [f.stage, f.count]))).toEqual({
      draft: 4,
      submitted: 4,
      accepted: 4,
      reviewed: 4,
      decided: 4,
      funded: 2,
      awarded: 2,
    });
    expect(d.timeToDecision.decisions).toBe(4);
    expect(d.timeToDecision.medianDays).toBeGreaterThan(19);
    expect(d.leverage[0].ratio).toBeCloseTo(1_400_000 / 380_000, 3);
    expect(d.byProvince.find((p: { province: string }) => p.province === '320000')).toMatchObject({ applications: 2, awards: 2 });
    expect(d.outcomes).toMatchObject({ jobs: 12, ipCount: 2, followOn: 1_400_000 });
    const x = await api('GET', `/dashboard/export?callId=${callId}`, officer);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Funnel', 'Time to decision', 'Leverage', 'By province', 'By sector', 'Outcomes']);
    expect((await api('GET', '/dashboard', applicantA)).statusCode).toBe(403);
  });
});
