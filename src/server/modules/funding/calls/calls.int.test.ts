import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.tables';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type Session, type TestApp } from '../../../test/harness';
import { eligibleAnswers, fixtureCall } from './call-fixtures';
import { setFundingClock } from './clock';
import { DEMO_CALL_KEY, loadFundingReference } from './demo-call';

describe('seed fund calls', () => {
  let t: TestApp;
  let officer: Session;
  let programId: string;
  const now = new Date('2027-02-01T00:00:00Z');
  const inject = (s: Session | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(s?.headers ?? {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await makeTestApp();
    setFundingClock(() => now);
    officer = await t.signIn('program_officer');
    const p = await inject(officer, 'POST', '/api/v1/funding/programs', { names: { en: 'Innofund', zh: '创新基金' } });
    expect(p.statusCode, p.body).toBe(201);
    programId = p.json().id;
  });
  afterAll(async () => {
    setFundingClock();
    await t.close();
  });

  it('lets an officer create a draft call that the public cannot see until it opens; several calls run at once', async () => {
    const input = fixtureCall(programId, { opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-03-01T09:00:00Z') });
    const res = await inject(officer, 'POST', '/api/v1/funding/calls', input);
    expect(res.statusCode, res.body).toBe(201);
    const call = res.json();
    expect(call).toMatchObject({ status: 'draft', phase: 'upcoming', currency: 'USD', reviewersPerApplication: 3, program: { id: programId } });
    expect(call.instruments[0]).toMatchObject({ kind: 'grant', min: 150_000, max: 250_000 });
    expect((await inject(null, 'GET', `/api/v1/funding/calls/${call.id}`)).statusCode).toBe(404);
    expect((await inject(null, 'GET', '/api/v1/funding/calls')).json().items.map((c: { id: string }) => c.id)).not.toContain(call.id);
    expect((await inject(officer, 'GET', '/api/v1/funding/calls')).json().items.map((c: { id: string }) => c.id)).toContain(call.id);

    const opened = await inject(officer, 'POST', `/api/v1/funding/calls/${call.id}/status`, { status: 'open' });
    expect(opened.json()).toMatchObject({ status: 'open', phase: 'accepting' });
    const second = await inject(officer, 'POST', '/api/v1/funding/calls', { ...input, names: { en: 'Second call' } });
    await inject(officer, 'POST', `/api/v1/funding/calls/${second.json().id}/status`, { status: 'open' });
    const pub = await inject(null, 'GET', '/api/v1/funding/calls?phase=accepting');
    expect(pub.json().total).toBe(2);
    expect(pub.json().items[0].applicationCount).toBeUndefined();
    const page = (await inject(null, 'GET', `/api/v1/funding/calls/${call.id}`)).json();
    expect(page.eligibilityRules.map((r: { id: string }) => r.id)).toEqual([
      'high_tech_rnd',
      'employees_under_500',
      'technical_staff_30pct',
      'majority_domestic',
    ]);
    expect(page.form.sections.length).toBeGreaterThan(1);
    expect(page.rubric.criteria.reduce((s: number, c: { weight: number }) => s + c.weight, 0)).toBe(100);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, call.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['funding.call.create', 'funding.call.open']));
  });

  it('refuses invalid calls with understandable 422s', async () => {
    const input = fixtureCall(programId, { opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-03-01T09:00:00Z') });
    const cases: [string, unknown][] = [
      ['closesAt', { ...input, closesAt: '2026-12-01T00:00:00Z' }],
      ['timeZone', { ...input, timeZone: 'Mars/Olympus' }],
      ['reviewerLoadMax', { ...input, reviewerLoadMin: 9, reviewerLoadMax: 2 }],
      [
        'form.sections.0.fields.1.visibleWhen.field',
        {
          ...input,
          form: {
            sections: [
              {
                key: 's',
                title: { en: 'S' },
                fields: [
                  { key: 'a', type: 'text', label: { en: 'A' } },
                  { key: 'b', type: 'text', label: { en: 'B' }, visibleWhen: { field: 'zzz', in: [true] } },
                ],
              },
            ],
          },
        },
      ],
      [
        'form.sections.0.fields.0.options',
        { ...input, form: { sections: [{ key: 's', title: { en: 'S' }, fields: [{ key: 'a', type: 'select', label: { en: 'A' } }] }] } },
      ],
      ['rubric.scaleMax', { ...input, rubric: { criteria: [], scaleMin: 5, scaleMax: 5 } }],
      ['eligibilityRules.0.test', { ...input, eligibilityRules: [{ id: 'x', source: 's', label: { en: 'a', zh: 'b', ur: 'c' }, test: { op: 'between' } }] }],
    ];
    for (const [path, body] of cases) {
      const res = await inject(officer, 'POST', '/api/v1/funding/calls', body);
      expect(res.statusCode, path).toBe(422);
      expect(
        res
          .json()
          .error.details.map((d: { path: string }) => d.path)
          .join(' '),
        path,
      ).toContain(path);
    }
    const unknownProgram = await inject(officer, 'POST', '/api/v1/funding/calls', { ...input, programId: '00000000-0000-4000-8000-000000000009' });
    expect(unknownProgram.statusCode).toBe(422);
    expect((await inject(await t.signIn('reviewer'), 'POST', '/api/v1/funding/calls', input)).statusCode).toBe(403);
  });

  it('freezes the form and rules once a call has submissions, but still lets the officer extend it', async () => {
    const input = fixtureCall(programId, { opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-03-01T09:00:00Z') });
    const call = (await inject(officer, 'POST', '/api/v1/funding/calls', input)).json();
    await inject(officer, 'POST', `/api/v1/funding/calls/${call.id}/status`, { status: 'open' });
    const admin = await t.signIn('admin');
    const e = await inject(admin, 'POST', '/api/v1/enterprises', {
      names: { en: 'Applicant Co.' },
      country: 'CN',
      employees: 50,
      technicalStaff: 20,
      domesticOwnershipPct: 100,
      sector: 'biomedicine',
    });
    const member = await t.signIn('enterprise_member', { scopeType: 'enterprise', scopeId: e.json().id });
    const draft = (await inject(member, 'POST', '/api/v1/funding/applications', { callId: call.id, enterpriseId: e.json().id })).json();
    const answers = { ...eligibleAnswers(), sector: 'biomedicine' };
    // No file field required for this test: drop the documents section.
    const form = { sections: call.form.sections.filter((s: { key: string }) => s.key !== 'documents') };
    expect((await inject(officer, 'PATCH', `/api/v1/funding/calls/${call.id}`, { form })).statusCode).toBe(200);
    await inject(member, 'PUT', `/api/v1/funding/applications/${draft.id}/draft`, { answers, instrument: 'equity', requestedAmount: 200_000 });
    const sub = await inject(member, 'POST', `/api/v1/funding/applications/${draft.id}/submit`);
    expect(sub.statusCode, sub.body).toBe(201);
    const frozen = await inject(officer, 'PATCH', `/api/v1/funding/calls/${call.id}`, { eligibilityRules: [] });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toMatch(/1 submitted/);
    const extended = await inject(officer, 'PATCH', `/api/v1/funding/calls/${call.id}`, { closesAt: '2027-03-15T09:00:00Z' });
    expect(extended.statusCode).toBe(200);
    expect(extended.json().closesAt).toBe('2027-03-15T09:00:00.000Z');
    expect((await inject(officer, 'DELETE', `/api/v1/funding/calls/${call.id}`)).statusCode).toBe(409);
    expect((await inject(officer, 'POST', `/api/v1/funding/calls/${call.id}/status`, { status: 'draft' })).statusCode).toBe(422);
    const closed = await inject(officer, 'POST', `/api/v1/funding/calls/${call.id}/status`, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', phase: 'ended' });
    expect((await inject(officer, 'GET', `/api/v1/funding/calls?status=closed`)).json().items[0].applicationCount).toBe(1);
  });

  it('loads the demo program and open call once, with the seeds’ rules', async () => {
    const ctx = systemCtx(t.database, t.config, t.app.log, 'test');
    expect(await loadFundingReference(ctx, now)).toEqual({ program: true, call: true });
    expect(await loadFundingReference(ctx, now)).toEqual({ program: false, call: false });
    const list = (await inject(null, 'GET', '/api/v1/funding/calls?phase=accepting&limit=200')).json();
    const demo = list.items.find((c: { key: string }) => c.key === DEMO_CALL_KEY);
    expect(demo).toMatchObject({ status: 'open', phase: 'accepting', program: { names: { en: expect.stringContaining('Innofund') } } });
    const full = (await inject(null, 'GET', `/api/v1/funding/calls/${demo.id}`)).json();
    expect(full.eligibilityRules.every((r: { source: string }) => r.source.startsWith('seeds/000'))).toBe(true);
    expect(full.source).toContain('seeds/000');
  });
});
