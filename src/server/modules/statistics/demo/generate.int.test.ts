import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../../config';
import { type Database, queryRows } from '../../../db/client';
import { systemCtx } from '../../../platform/context';
import { runNextJob } from '../../../platform/jobs/worker';
import { makeTestDatabase } from '../../../test/harness';
import { INDEX_JOB, registerRegistryJobs } from '../../registry/index-job';
import { rollupDifferences } from '../rollups/rollups';
import { validateSubmission } from '../validation/evaluate';
import { ValidationRule } from '../validation/rules';
import { DemoExistsError, type DemoResult, generateDemoStatistics } from './generate';
import { loadDemoPrerequisites } from './test-setup';

/** The first-start size (600 enterprises × 6 years) into two databases: one indexes search inline, the other by jobs. */
describe('demo statistics generator', () => {
  const size = { enterprises: 600, years: 6, seed: 7 };
  const dbs: { database: Database; drop(): Promise<void>; config: Config; result?: DemoResult; ms?: number }[] = [];
  const silent = pino({ level: 'silent' });
  const ctxOf = (i: number) => systemCtx(dbs[i].database, dbs[i].config, silent, 'demo-test');
  const rows = <T>(i: number, q: ReturnType<typeof sql>) => queryRows<T>(dbs[i].database.db, q);

  beforeAll(async () => {
    for (const inlineMax of [2000, 100]) {
      const { database, drop } = await makeTestDatabase();
      const config = loadConfig({ SEEDBED_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-demo-')), LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, {
        importInlineIndexMax: inlineMax,
      });
      await loadDemoPrerequisites(database, config);
      dbs.push({ database, drop, config });
    }
    for (let i = 0; i < dbs.length; i++) {
      const t0 = performance.now();
      // The second database also takes the national-scale path (indexes and foreign key dropped and rebuilt).
      dbs[i].result = await generateDemoStatistics(ctxOf(i), { ...size, bulkLoad: i === 1 });
      dbs[i].ms = performance.now() - t0;
    }
    console.log(
      `[demo] ${size.enterprises} enterprises × ${size.years} years: ${dbs.map((d) => `${d.ms!.toFixed(0)} ms`).join(', ')}; ${JSON.stringify(dbs[0].result)}`,
    );
  }, 180_000);
  afterAll(async () => {
    for (const d of dbs) {
      await d.database.close();
      await d.drop();
    }
  });

  it('writes what it reports, quickly enough for a first start', () => {
    const r = dbs[0].result!;
    expect(r).toMatchObject({ skipped: false, enterprises: 600, firstYear: 2015, lastYear: 2020, indexing: 'done', indexJobs: 0 });
    expect(r.zones).toBeGreaterThanOrEqual(55); // 54 national STIPs + the Pakistani zones
    expect(r.incubators.registry).toBeGreaterThan(0);
    expect(r.incubators.synthetic).toBe(6);
    expect(r.submissions).toBeGreaterThan(600 * 4);
    expect(r.values).toBeGreaterThan(r.submissions * 10);
    expect(dbs[1].result).toMatchObject({ indexing: 'queued' });
    expect(dbs[1].result!.indexJobs).toBeGreaterThan(0);
  });

  it('is deterministic: two databases hold the same returns and the same value sums', async () => {
    const sums = (i: number) =>
      rows<{ year: number; entity_type: string; indicator: string; n: number; total: string }>(
        i,
        sql`SELECT s.year, s.entity_type, v.indicator, count(*)::int AS n, sum(v.value)::text AS total
            FROM stat_submissions s JOIN stat_values v ON v.submission_id = s.id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      );
    const [a, b] = [await sums(0), await sums(1)];
    expect(a.length).toBeGreaterThan(6 * 16);
    expect(b).toEqual(a);
    // Entities by key (the registry's own incubators have ids of their database), returns by id.
    const ids = (i: number) =>
      rows<{ h: string }>(
        i,
        sql`SELECT md5(string_agg(s.id::text || coalesce(e.key, n.key) || coalesce(s.stage, '') || coalesce(s.size_class, '') || s.province, ',' ORDER BY s.id)) AS h
            FROM stat_submissions s LEFT JOIN enterprises e ON e.id = s.entity_id LEFT JOIN incubators n ON n.id = s.entity_id`,
      );
    expect((await ids(1))[0].h).toBe((await ids(0))[0].h);
    const names = (i: number) =>
      rows<{ h: string }>(i, sql`SELECT md5(string_agg(key || names::text || stage || employees, ',' ORDER BY key)) AS h FROM enterprises WHERE synthetic`);
    expect((await names(1))[0].h).toBe((await names(0))[0].h);
  });

  it('leaves the same indexes and foreign keys after a bulk load', async () => {
    const shape = (i: number) =>
      rows<{ def: string }>(
        i,
        sql`SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid IN ('stat_values'::regclass, 'stat_submissions'::regclass)
            UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('stat_values'::regclass, 'stat_submissions'::regclass)
            ORDER BY 1`,
      );
    const [a, b] = [await shape(0), await shape(1)];
    expect(a.some((r) => r.def.includes('FOREIGN KEY (submission_id)'))).toBe(true);
    expect(a.some((r) => r.def.includes('stat_values_indicator_value_idx'))).toBe(true);
    expect(b).toEqual(a);
  });

  it('marks everything it makes synthetic', async () => {
    const [c] = await rows<Record<string, number>>(
      0,
      sql`SELECT (SELECT count(*) FROM stat_submissions WHERE NOT synthetic)::int AS real_returns,
                 (SELECT count(*) FROM stat_submissions)::int AS returns,
                 (SELECT count(*) FROM enterprises WHERE key LIKE 'syn:demo:%' AND NOT synthetic)::int AS real_enterprises,
                 (SELECT count(*) FROM enterprises WHERE synthetic)::int AS enterprises,
                 (SELECT count(*) FROM incubators WHERE key LIKE 'syn:demo:%' AND synthetic)::int AS incubators,
                 (SELECT count(*) FROM stat_periods WHERE NOT synthetic)::int AS real_periods,
                 (SELECT count(*) FROM stat_periods)::int AS periods,
                 (SELECT count(*) FROM stat_submissions WHERE status <> 'approved' OR NOT counted OR step <> jsonb_array_length(chain))::int AS unfinished,
                 (SELECT count(*) FROM audit_log WHERE action = 'statistics.demo_generate')::int AS audit`,
    );
    expect(c).toEqual({
      real_returns: 0,
      returns: dbs[0].result!.submissions,
      real_enterprises: 0,
      enterprises: 600,
      incubators: 6,
      real_periods: 0,
      periods: 6,
      unfinished: 0,
      audit: 1,
    });
  });

  it('passes the forms’ validation rules (no error finding in any return)', async () => {
    const forms = await rows<{ id: string; rules: unknown[] }>(0, sql`SELECT id, rules FROM stat_forms`);
    const rulesOf = new Map(forms.map((f) => [f.id, f.rules.map((r) => ValidationRule.parse(r))]));
    const values = await rows<{ form_id: string; year: number; entity_id: string; v: Record<string, number> }>(
      0,
      sql`SELECT s.form_id, s.year, s.entity_id, jsonb_object_agg(v.indicator, v.value) AS v
          FROM stat_submissions s JOIN stat_values v ON v.submission_id = s.id GROUP BY s.id ORDER BY s.entity_id, s.year`,
    );
    const history = new Map<string, { year: number; values: Record<string, number> }[]>();
    let errors = 0;
    let warnings = 0;
    const failed: unknown[] = [];
    for (const r of values) {
      const h = history.get(r.entity_id) ?? [];
      const out = validateSubmission(rulesOf.get(r.form_id)!, r.v, h, r.year);
      for (const f of out.findings) {
        if (f.severity === 'error') {
          errors++;
          if (failed.length < 5) failed.push({ rule: f.ruleId, values: r.v });
        } else warnings++;
      }
      h.push({ year: r.year, values: r.v });
      history.set(r.entity_id, h);
    }
    expect(values.length).toBe(dbs[0].result!.submissions);
    expect(failed).toEqual([]);
    expect(errors).toBe(0);
    expect(warnings / values.length).toBeLessThan(0.05);
    // And the invariants directly, over every enterprise return.
    const [bad] = await rows<{ n: number }>(
      0,
      sql`SELECT count(*)::int AS n FROM (SELECT s.id, jsonb_object_agg(v.indicator, v.value) AS v FROM stat_submissions s JOIN stat_values v ON v.submission_id = s.id
            WHERE s.entity_type = 'enterprise' GROUP BY s.id) x
          WHERE (v->>'rd_expenditure')::numeric > (v->>'operating_revenue')::numeric OR (v->>'exports')::numeric > (v->>'operating_revenue')::numeric
             OR (v->>'employees_degree')::numeric > (v->>'employees')::numeric OR (v->>'st_personnel')::numeric > (v->>'employees')::numeric
             OR (v->>'value_added')::numeric > (v->>'gross_output')::numeric OR (v->>'employees')::numeric < 1 OR (v->>'operating_revenue')::numeric <= 0`,
    );
    expect(bad.n).toBe(0);
  });

  it('looks like the seed’s NHZ figures: degree share ≈ 57.7%, S&T personnel ≈ 18.1%, R&D ÷ value added ≈ 6.7%', async () => {
    const [r] = await rows<{ degree: number; st: number; rd_va: number }>(
      0,
      sql`SELECT sum(total) FILTER (WHERE indicator = 'employees_degree') / sum(total) FILTER (WHERE indicator = 'employees') AS degree,
                 sum(total) FILTER (WHERE indicator = 'st_personnel') / sum(total) FILTER (WHERE indicator = 'employees') AS st,
                 sum(total) FILTER (WHERE indicator = 'rd_expenditure') / sum(total) FILTER (WHERE indicator = 'value_added') AS rd_va
          FROM stat_rollups WHERE entity_type = 'enterprise'`,
    );
    expect(Number(r.degree)).toBeCloseTo(0.577, 1);
    expect(Number(r.st)).toBeCloseTo(0.181, 1);
    expect(Number(r.rd_va)).toBeGreaterThan(0.04);
    expect(Number(r.rd_va)).toBeLessThan(0.1);
  });

  it('leaves rollups equal to a recomputation from the returns', async () => {
    expect(await rollupDifferences(dbs[0].database.db)).toEqual([]);
    expect(await rollupDifferences(dbs[1].database.db)).toEqual([]);
    const [n] = await rows<{ n: number }>(0, sql`SELECT count(*)::int AS n FROM stat_rollups WHERE indicator = '_records'`);
    expect(n.n).toBeGreaterThan(0);
  });

  it('counts the enterprises in the registry (search entries: at once when small, by jobs when large)', async () => {
    const count = async (i: number) =>
      (await rows<{ n: number }>(i, sql`SELECT count(*)::int AS n FROM search_entries WHERE entity_type = 'enterprise' AND synthetic`))[0].n;
    expect(await count(0)).toBe(600);
    expect(await count(1)).toBe(0);
    registerRegistryJobs();
    while (await runNextJob({ database: dbs[1].database, config: dbs[1].config, log: silent, types: [INDEX_JOB] }));
    expect(await count(1)).toBe(600);
  });

  it('refuses a second run, skips when told to, and replaces without duplicating', async () => {
    await expect(generateDemoStatistics(ctxOf(0), size)).rejects.toBeInstanceOf(DemoExistsError);
    expect(await generateDemoStatistics(ctxOf(0), { ...size, ifExists: 'skip' })).toMatchObject({ skipped: true });
    const before = await rows<{ n: number; total: string }>(0, sql`SELECT count(*)::int AS n, sum(value)::text AS total FROM stat_values`);
    const again = await generateDemoStatistics(ctxOf(0), { ...size, ifExists: 'replace' });
    expect(again).toMatchObject({ replaced: true, submissions: dbs[0].result!.submissions });
    expect(await rows(0, sql`SELECT count(*)::int AS n, sum(value)::text AS total FROM stat_values`)).toEqual(before);
    const [c] = await rows<Record<string, number>>(
      0,
      sql`SELECT (SELECT count(*) FROM enterprises WHERE synthetic)::int AS enterprises, (SELECT count(*) FROM search_entries WHERE synthetic AND entity_type = 'enterprise')::int AS entries,
                 (SELECT count(*) FROM stat_periods)::int AS periods`,
    );
    expect(c).toEqual({ enterprises: 600, entries: 600, periods: 6 });
    expect(await rollupDifferences(dbs[0].database.db)).toEqual([]);
  });
});
