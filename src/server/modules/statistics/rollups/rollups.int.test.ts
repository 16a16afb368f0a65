import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { makeTestApp, type TestApp } from '../../../test/harness';
import { loadStatisticsReference } from '../reference/load-statistics-reference';
import { ensurePeriod } from '../survey/periods';
import { reopenSubmission, reviewSubmission } from '../survey/review';
import { saveValues, startSubmission, submitSubmission } from '../survey/submissions';
import { rollupDifferences } from './rollups';

/**
 * Issue 5: "rollups equal a full recomputation after random edits". Random sequences of saves, submissions,
 * approvals, returns and reopenings over returns of several enterprises, two zones and two years; after each
 * sequence the incrementally kept rollups (and the pivot cube) must equal a recomputation from the values.
 */
describe('rollups under random edits', () => {
  let t: TestApp;
  let ctx: Ctx;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await makeTestApp();
    ctx = systemCtx(t.database, t.config, pino({ level: 'silent' }), 'test');
    await loadStatisticsReference(ctx);
    const admin = await t.signIn('admin');
    const post = async (url: string, payload: object) => {
      const r = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const zones = [
      await post('/api/v1/zones', { names: { en: 'Zone A' }, kind: 'national_hightech_zone', country: 'CN', province: '370000' }),
      await post('/api/v1/zones', { names: { en: 'Zone B' }, kind: 'national_hightech_zone', country: 'CN', province: '330000' }),
    ];
    for (const year of [2024, 2025]) {
      await ensurePeriod(ctx, { calendar: 'calendar', year, dueOn: '2099-12-31' });
    }
    const sectors = ['electronic_information', 'biomedicine', null];
    for (let i = 0; i < 6; i++) {
      const enterprise = await post('/api/v1/enterprises', {
        names: { en: `Firm ${i}` },
        country: 'CN',
        province: i % 2 ? '330000' : '370000',
        hostZoneId: zones[i % 2],
        ...(sectors[i % 3] ? { sector: sectors[i % 3] } : {}),
      });
      for (const f of (await t.app.inject({ method: 'GET', url: '/api/v1/statistics/filings?entityType=enterprise&q=Firm', headers: admin.headers }))
        .json()
        .items.filter((x: { entity: { id: string } }) => x.entity.id === enterprise)) {
        ids.push((await startSubmission(ctx, { formId: f.formId, entityId: enterprise })).submission.id);
      }
    }
    expect(ids.length).toBe(12);
  }, 120_000);
  afterAll(() => t.close());

  const values = fc.record({
    employees: fc.integer({ min: 1, max: 5000 }),
    operating_revenue: fc.integer({ min: 1000, max: 10_000_000 }),
    rd_share: fc.double({ min: 0, max: 0.3, noNaN: true }),
    exports: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    patents: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  });
  const op = fc.oneof(
    fc.record({ kind: fc.constant('save' as const), i: fc.nat(5), v: values }),
    fc.record({ kind: fc.constant('submit' as const), i: fc.nat(5) }),
    fc.record({ kind: fc.constant('approve' as const), i: fc.nat(5) }),
    fc.record({ kind: fc.constant('return' as const), i: fc.nat(5) }),
    fc.record({ kind: fc.constant('reopen' as const), i: fc.nat(5) }),
  );

  let approvals = 0;
  /** Runs one operation; a refusal (wrong state for it) is part of the game, not a failure. */
  async function run(o: typeof op extends fc.Arbitrary<infer T> ? T : never): Promise<void> {
    const id = ids[o.i];
    try {
      if (o.kind === 'save') {
        const v = o.v;
        await saveValues(ctx, id, {
          values: {
            employees: v.employees,
            employees_degree: Math.floor(v.employees / 2),
            st_personnel: Math.floor(v.employees / 3),
            operating_revenue: v.operating_revenue,
            rd_expenditure: Math.round(v.operating_revenue * v.rd_share),
            exports: v.exports,
            valid_invention_patents: v.patents,
          },
        });
      } else if (o.kind === 'submit') await submitSubmission(ctx, id, { explanation: 'checked' });
      else if (o.kind === 'approve') {
        await reviewSubmission(ctx, id, { decision: 'approve' });
        approvals++;
      } else if (o.kind === 'return') await reviewSubmission(ctx, id, { decision: 'return', reason: 'please check' });
      else await reopenSubmission(ctx, id, { reason: 'correction' });
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500 || e.status === 400) throw e;
    }
  }

  it('equal a recomputation after every random sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) await run(o);
        expect(await rollupDifferences(t.database.db)).toEqual([]);
      }),
      { numRuns: 20, seed: 5 },
    );
    // The sequences did reach counted (approved) states, or the property would say nothing.
    expect(approvals).toBeGreaterThan(5);
  }, 300_000);
});
