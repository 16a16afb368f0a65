import { sql } from 'drizzle-orm';
import { copyRows } from '../../../db/copy-rows';
import { queryRows } from '../../../db/client';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { queueIndexing } from '../../registry/index-job';
import { enterprises, incubators, type Names } from '../../registry/registry.tables';
import { indexEntities } from '../../registry/search-index';
import { readIndicators } from '../catalogue/catalogue';
import { rebuildRollups } from '../rollups/rollups';
import { statSubmissions, statValues } from '../statistics.tables';
import { approvalChain, sizeClass } from '../survey/chain';
import { ensureDefaultForms, ensurePeriod } from '../survey/periods';
import {
  ENTERPRISE_CODES,
  type EnterpriseSim,
  INCUBATOR_CODES,
  type IncubatorSlot,
  KIND,
  makeWorld,
  type Return,
  simulateEnterprise,
  simulateIncubator,
  syntheticIncubators,
  type ZoneSlot,
  zoneWeight,
} from './model';
import { placeOf } from './names';
import { demoId } from './random';

/**
 * `seedbed demo generate`: a national-scale synthetic statistics data set (issue 5), deterministic (same seed
 * and sizes → same rows, ids included) and marked synthetic everywhere: the registry's new enterprises and
 * incubators (`synthetic = true`, keys `syn:demo:<seed>:…`), every return (stat_submissions.synthetic), and
 * the periods it creates (stat_periods.synthetic). The economy it simulates is described in model.ts, shaped
 * on the NHZ figures of seeds/002_d481d2e1475dd825.txt.
 *
 * What it writes, in one transaction (all or nothing):
 * - enterprises spread over the registry's zones (the 54 national STIPs and the Pakistani zones of the
 *   reference data, weighted by size), and ~1 synthetic incubator per 100 enterprises, by COPY;
 * - their search entries: in the transaction when the set is small (≤ SEEDBED_IMPORT_INLINE_INDEX_MAX entities,
 *   as an import does), else by registry.index jobs queued in it (index-job.ts) — the CLI runs them at once,
 *   a server's job runner within seconds. The registry's totals count search entries (geo.ts registryStats),
 *   so the enterprises count there once indexed;
 * - one approved, counted return per entity and year it files (its chain passed; step = chain length;
 *   dimensions snapshot as the survey takes them), for the enterprises and for every incubator of the registry
 *   plus the synthetic ones, and their values, by COPY in batches;
 * - the rollups, rebuilt once at the end (rebuildRollups), not maintained return by return;
 * - one audit entry summarising the generation. An audit row per generated row (tens of millions at national
 *   scale) would say nothing a reader needs beyond "this was generated, with this seed and these sizes", and
 *   would be most of the cost; the generated rows are recognisable by their synthetic flag and keys instead.
 * Approvals are not written to stat_reviews (no reviewer approved them); the chain and step say how far they went.
 *
 * A second run finds the first one's entities and, by `ifExists`: 'error' (the default) refuses with a message;
 * 'replace' deletes the previous demo (its entities, their search entries, every synthetic return of them and of
 * the registry's incubators) and generates anew in the same transaction; 'skip' returns without writing
 * (first start). Periods and forms are kept: they are reused by key.
 */

export type DemoPhase = 'periods' | 'enterprises' | 'incubators' | 'rollups';
export type DemoOptions = {
  enterprises: number;
  years: number;
  firstYear?: number;
  seed?: number;
  ifExists?: 'error' | 'replace' | 'skip';
  /** Drop and rebuild the values' secondary indexes and foreign key around the load (default: from 500,000 values on). */
  bulkLoad?: boolean;
  onProgress?: (done: number, total: number, phase: DemoPhase) => void;
};
export type DemoResult = {
  skipped: boolean;
  seed: number;
  firstYear: number;
  lastYear: number;
  enterprises: number;
  incubators: { registry: number; synthetic: number };
  zones: number;
  submissions: number;
  values: number;
  replaced: boolean;
  indexing: 'done' | 'queued';
  indexJobs: number;
  /** write: registry rows, returns and values, with `indexes` (rebuilding what a national-scale load suspends); then the rollups. */
  seconds: { write: number; indexes: number; rollups: number; total: number };
};

export const DEFAULT_SEED = 20260105;
export const DEFAULT_FIRST_YEAR = 2015;
const DEMO_KEY_PREFIX = 'syn:demo:';
/** Enterprises simulated and written per batch: ~17,000 returns and ~270,000 values at ten years. */
const BATCH = 2000;
/** Enterprises simulated between two turns of the event loop (so the COPY stream of the batch before keeps flowing). */
const SLICE = 50;
/** From this many values, the load drops and rebuilds the values' secondary indexes and foreign key (`suspendIndexes`). */
const BULK_VALUES = 500_000;

export class DemoExistsError extends Error {
  constructor(readonly existing: { enterprises: number; seeds: string[] }) {
    super(
      `a demo data set already exists (${existing.enterprises.toLocaleString('en')} synthetic enterprises, seed ${existing.seeds.join(', ')}): ` +
        'run with --replace to delete it and generate anew',
    );
    this.name = 'DemoExistsError';
  }
}

export async function generateDemoStatistics(ctx: Ctx, opts: DemoOptions): Promise<DemoResult> {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const firstYear = opts.firstYear ?? DEFAULT_FIRST_YEAR;
  const { years } = opts;
  if (!Number.isInteger(opts.enterprises) || opts.enterprises < 1 || opts.enterprises > 5_000_000)
    throw new Error('enterprises: a whole number from 1 to 5,000,000');
  if (!Number.isInteger(years) || years < 1 || years > 50) throw new Error('years: a whole number from 1 to 50');
  if (!Number.isInteger(firstYear) || firstYear < 1980 || firstYear + years - 1 > 2100)
    throw new Error('first year: from 1980, and the last year at most 2100');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('seed: a whole number from 0 to 4294967295');
  const lastYear = firstYear + years - 1;
  const db = ctx.database.db;
  const base = { seed, firstYear, lastYear, replaced: false };

  const existing = await existingDemo(ctx);
  if (existing) {
    if (opts.ifExists === 'skip')
      return {
        ...base,
        skipped: true,
        enterprises: 0,
        incubators: { registry: 0, synthetic: 0 },
        zones: 0,
        submissions: 0,
        values: 0,
        indexing: 'done',
        indexJobs: 0,
        seconds: { write: 0, indexes: 0, rollups: 0, total: 0 },
      };
    if (opts.ifExists !== 'replace') throw new DemoExistsError(existing);
  }

  const raw = new Set((await readIndicators(db)).filter((i) => i.aggregation === 'sum' || i.aggregation === 'average').map((i) => i.code));
  if (!ENTERPRISE_CODES.some((c) => raw.has(c))) throw new Error('the indicator catalogue is empty: load the reference data first (seedbed reference load)');
  const zones = await demoZones(ctx, seed);
  if (zones.length === 0) throw new Error('the registry has no zones to place enterprises in: load the reference data first (seedbed reference load)');
  const registryIncubators = await registryIncubatorSlots(ctx);

  // Periods and their default forms first: they are made (or found) by the survey's own functions, each in its
  // own transaction (reused by key on a second run).
  const forms = new Map<number, { periodId: string; enterprise: FormRef | null; incubator: FormRef | null }>();
  for (let year = firstYear; year <= lastYear; year++) {
    const period = await ensurePeriod(ctx, { calendar: 'calendar', year, dueOn: `${year + 1}-03-31`, synthetic: true });
    await ensureDefaultForms(ctx, period.id);
    const rows = await queryRows<{ id: string; entity_type: string; indicators: string[] }>(
      db,
      sql`SELECT id, entity_type, indicators FROM stat_forms WHERE period_id = ${period.id}`,
    );
    const ref = (type: string, codes: readonly string[]): FormRef | null => {
      const f = rows.find((r) => r.entity_type === type);
      if (!f) return null;
      const on = new Set(f.indicators);
      const slots = codes.flatMap((c, i) => (on.has(c) && raw.has(c) ? [[i, c] as const] : []));
      return { id: f.id, slots };
    };
    forms.set(year, { periodId: period.id, enterprise: ref('enterprise', ENTERPRISE_CODES), incubator: ref('incubator', INCUBATOR_CODES) });
    opts.onProgress?.(year - firstYear + 1, years, 'periods');
  }

  const probe = makeWorld({ seed, firstYear, years, zones, incubators: [], gazelle: ctx.config.gazelle });
  const synthetic = syntheticIncubators(probe, Math.max(3, Math.round(opts.enterprises / 100)));
  const world = makeWorld({ seed, firstYear, years, zones, incubators: [...registryIncubators, ...synthetic], gazelle: ctx.config.gazelle });
  const inline = opts.enterprises + synthetic.length <= ctx.config.importInlineIndexMax;
  const createdBy = ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null;

  return withTransaction(ctx, async (tx, audit) => {
    if (existing) {
      await deleteDemo(tx);
      base.replaced = true;
    }
    const counts = { submissions: 0, values: 0, indexJobs: 0 };
    const tw = performance.now();

    // Synthetic incubators (the registry's own are there already).
    const incubatorRows = synthetic.map((s) => ({
      id: s.id,
      key: s.key,
      names: s.names,
      country: s.country,
      province: s.province,
      city: s.city,
      kind: 'technology_business_incubator',
      hostZoneId: s.zoneId,
      foundedOn: s.foundedYear === null ? null : String(s.foundedYear),
      source: `synthetic: seedbed demo generate (seed ${seed})`,
      synthetic: true,
    }));
    await copyRows(tx, incubators, incubatorRows);
    if (inline) await indexEntities(tx, 'incubator', incubatorRows);
    else
      counts.indexJobs += (
        await queueIndexing(
          tx,
          'incubator',
          incubatorRows.map((r) => r.id),
          createdBy,
        )
      ).length;

    // At national scale the values' secondary index and foreign key are dropped for the load and rebuilt after
    // it, in this transaction (as pg_restore does): building an index once from sorted rows and checking the
    // key with one join cost a fraction of maintaining them row by row (27 million rows at 200,000 × 10).
    // Meanwhile the transaction holds stat_values and stat_submissions exclusively; a failure rolls all of it back.
    const expectedValues = opts.enterprises * years * ENTERPRISE_CODES.length * 0.85;
    const restore = (opts.bulkLoad ?? expectedValues >= BULK_VALUES) ? await suspendIndexes(tx) : null;

    // Enterprises, batch by batch: the registry rows, their returns, the returns' values. The next batch is
    // simulated while the database takes in the one before (both cores busy), in slices so the COPY streams flow.
    let writing: Promise<void> = Promise.resolve();
    for (let from = 0; from < opts.enterprises; from += BATCH) {
      const to = Math.min(opts.enterprises, from + BATCH);
      const sims: EnterpriseSim[] = [];
      for (let i = from; i < to; i++) {
        sims.push(simulateEnterprise(world, i));
        if (i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      const rows = sims.map((e) => enterpriseRow(e, seed));
      const submissions: Record<string, unknown>[] = [];
      const values: Record<string, unknown>[] = [];
      for (let k = 0; k < sims.length; k++) {
        const e = sims[k];
        const chain = approvalChain({ entityType: 'enterprise', entityId: e.id, incubatorId: e.incubatorId, zoneId: e.zoneId, province: e.province });
        for (let r = 0; r < e.returns.length; r++) {
          const ret = e.returns[r];
          const form = forms.get(ret.year)?.enterprise;
          if (!form) continue;
          // Each enterprise has `years` ids reserved, so ids depend only on (seed, enterprise, year).
          const id = demoId(seed, KIND.enterpriseSubmission, (from + k) * years + (ret.year - firstYear));
          submissions.push(submissionRow(id, form.id, forms.get(ret.year)!.periodId, ret, 'enterprise', e.id, chain, e, sizeClass(ret.employees)));
          pushValues(values, id, form, ret);
        }
        if (k % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await writing;
      writing = (async () => {
        await copyRows(tx, enterprises, rows);
        if (inline) await indexEntities(tx, 'enterprise', rows);
        else
          counts.indexJobs += (
            await queueIndexing(
              tx,
              'enterprise',
              rows.map((r) => r.id),
              createdBy,
            )
          ).length;
        await copyRows(tx, statSubmissions, submissions);
        await copyRows(tx, statValues, values);
        counts.submissions += submissions.length;
        counts.values += values.length;
        opts.onProgress?.(to, opts.enterprises, 'enterprises');
      })();
      writing.catch(() => {}); // awaited before the next batch is written, and after the last
    }
    await writing;

    // Every incubator's returns: the registry's (where it has not filed that year itself) and the synthetic ones.
    const filed = new Set(
      (
        await queryRows<{ k: string }>(
          tx,
          sql`SELECT form_id::text || entity_id::text AS k FROM stat_submissions WHERE entity_type = 'incubator' AND NOT synthetic`,
        )
      ).map((r) => r.k),
    );
    const all = [...registryIncubators, ...synthetic];
    const submissions: Record<string, unknown>[] = [];
    const values: Record<string, unknown>[] = [];
    for (let n = 0; n < all.length; n++) {
      const inc = all[n];
      const chain = approvalChain({ entityType: 'incubator', entityId: inc.id, zoneId: inc.zoneId, province: inc.province });
      const place = { country: inc.country, province: inc.province, zoneId: inc.zoneId, sector: null };
      for (const ret of simulateIncubator(world, inc, n)) {
        const form = forms.get(ret.year)?.incubator;
        if (!form || filed.has(form.id + inc.id)) continue;
        const id = demoId(seed, KIND.incubatorSubmission, n * years + (ret.year - firstYear));
        submissions.push(submissionRow(id, form.id, forms.get(ret.year)!.periodId, ret, 'incubator', inc.id, chain, place, null));
        pushValues(values, id, form, ret);
      }
    }
    await copyRows(tx, statSubmissions, submissions);
    await copyRows(tx, statValues, values);
    counts.submissions += submissions.length;
    counts.values += values.length;
    opts.onProgress?.(all.length, all.length, 'incubators');
    const ti = performance.now();
    if (restore) await restore();
    const indexSeconds = (performance.now() - ti) / 1000;
    const writeSeconds = (performance.now() - tw) / 1000;

    // Fresh statistics for the planner before the one big aggregation (ANALYZE sees the transaction's own rows).
    const tr = performance.now();
    opts.onProgress?.(0, 1, 'rollups');
    await tx.execute(sql`ANALYZE stat_submissions`);
    await tx.execute(sql`ANALYZE stat_values`);
    // The rebuild groups every value at once; with the default 4 MB its hash tables spill to disk.
    if (ctx.database.kind === 'postgres') await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
    await rebuildRollups(tx);
    opts.onProgress?.(1, 1, 'rollups');
    const rollupSeconds = (performance.now() - tr) / 1000;

    const result: DemoResult = {
      ...base,
      skipped: false,
      enterprises: opts.enterprises,
      incubators: { registry: registryIncubators.length, synthetic: synthetic.length },
      zones: zones.length,
      submissions: counts.submissions,
      values: counts.values,
      indexing: inline ? 'done' : 'queued',
      indexJobs: counts.indexJobs,
      seconds: { write: writeSeconds, indexes: indexSeconds, rollups: rollupSeconds, total: (performance.now() - t0) / 1000 },
    };
    await audit({
      action: 'statistics.demo_generate',
      entityType: 'stat_demo',
      after: {
        synthetic: true,
        seed,
        years: [firstYear, lastYear],
        enterprises: result.enterprises,
        incubators: result.incubators,
        zones: result.zones,
        submissions: result.submissions,
        values: result.values,
        replaced: result.replaced,
      },
    });
    return result;
  });
}

type FormRef = { id: string; slots: (readonly [number, string])[] };
type Dims = { country: string; province: string | null; zoneId: string | null; sector: string | null };

function submissionRow(
  id: string,
  formId: string,
  periodId: string,
  ret: Return,
  entityType: 'enterprise' | 'incubator',
  entityId: string,
  chain: unknown[],
  d: Dims,
  size: string | null,
) {
  const day = String(1 + (Number.parseInt(id.slice(6, 8), 16) % 28)).padStart(2, '0');
  return {
    id,
    formId,
    periodId,
    year: ret.year,
    entityType,
    entityId,
    status: 'approved',
    chain,
    step: chain.length,
    counted: true,
    country: d.country,
    province: d.province,
    zoneId: d.zoneId,
    sector: d.sector,
    sizeClass: size,
    stage: ret.stage,
    synthetic: true,
    submittedAt: `${ret.year + 1}-03-${day}T08:00:00.000Z`,
    approvedAt: `${ret.year + 1}-04-${day}T08:00:00.000Z`,
  };
}

function pushValues(out: Record<string, unknown>[], submissionId: string, form: FormRef, ret: Return) {
  for (const [i, indicator] of form.slots) out.push({ submissionId, indicator, value: ret.values[i] });
}

function enterpriseRow(e: EnterpriseSim, seed: number) {
  return {
    id: e.id,
    key: e.key,
    names: e.names,
    country: e.country,
    province: e.province,
    city: e.city,
    source: `synthetic: seedbed demo generate (seed ${seed})`,
    synthetic: true,
    foundedOn: e.foundedOn,
    sector: e.sector,
    employees: e.employees,
    technicalStaff: e.technicalStaff,
    hostZoneId: e.zoneId,
    incubatorId: e.incubatorId,
    tenancyStatus: e.tenancyStatus,
    certifiedHighTechOn: e.certifiedHighTechOn,
    listed: e.listed,
    revenueHistory: e.revenueHistory,
    stage: e.stage.stage,
    stageReason: e.stage.reason,
  };
}

/**
 * Drops the secondary indexes of stat_submissions and stat_values and the foreign keys of stat_values (as the
 * catalogue has them, so a later migration's index is kept too), and returns what recreates them all.
 */
async function suspendIndexes(tx: Tx): Promise<() => Promise<void>> {
  const keys = await queryRows<{ tbl: string; name: string; def: string }>(
    tx,
    sql`SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'stat_values'::regclass AND contype = 'f' ORDER BY conname`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    tx,
    sql`SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
        WHERE i.indrelid IN ('stat_values'::regclass, 'stat_submissions'::regclass)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid) ORDER BY 1`,
  );
  for (const k of keys) await tx.execute(sql.raw(`ALTER TABLE ${k.tbl} DROP CONSTRAINT "${k.name}"`));
  for (const ix of indexes) await tx.execute(sql.raw(`DROP INDEX ${ix.name}`));
  return async () => {
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
    for (const ix of indexes) await tx.execute(sql.raw(ix.def));
    for (const k of keys) await tx.execute(sql.raw(`ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.name}" ${k.def}`));
  };
}

/** The demo already in the database, if any: how many synthetic enterprises, under which seeds. */
async function existingDemo(ctx: Ctx): Promise<{ enterprises: number; seeds: string[] } | null> {
  const rows = await queryRows<{ seed: string; n: number }>(
    ctx.database.db,
    sql`SELECT split_part(key, ':', 3) AS seed, count(*)::int AS n FROM enterprises WHERE key LIKE ${`${DEMO_KEY_PREFIX}%`} GROUP BY 1 ORDER BY 1`,
  );
  if (rows.length === 0) {
    const [inc] = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM incubators WHERE key LIKE ${`${DEMO_KEY_PREFIX}%`}`);
    return inc.n > 0 ? { enterprises: 0, seeds: ['?'] } : null;
  }
  return { enterprises: rows.reduce((s, r) => s + r.n, 0), seeds: rows.map((r) => r.seed) };
}

/** Deletes a previous demo: its returns (values and reviews go with them), search entries and entities. */
async function deleteDemo(tx: Tx) {
  const like = `${DEMO_KEY_PREFIX}%`;
  // A synthetic return of a registry (non-synthetic) incubator can only be the demo's: the survey marks a return synthetic only for a synthetic entity.
  await tx.execute(sql`DELETE FROM stat_submissions WHERE synthetic AND (
      (entity_type = 'enterprise' AND entity_id IN (SELECT id FROM enterprises WHERE key LIKE ${like}))
      OR (entity_type = 'incubator' AND entity_id IN (SELECT id FROM incubators WHERE key LIKE ${like} OR NOT synthetic)))`);
  await tx.execute(sql`DELETE FROM search_entries WHERE entity_type = 'enterprise' AND entity_id IN (SELECT id FROM enterprises WHERE key LIKE ${like})`);
  await tx.execute(sql`DELETE FROM search_entries WHERE entity_type = 'incubator' AND entity_id IN (SELECT id FROM incubators WHERE key LIKE ${like})`);
  await tx.execute(sql`DELETE FROM enterprises WHERE key LIKE ${like}`);
  await tx.execute(sql`DELETE FROM incubators WHERE key LIKE ${like}`);
}

/**
 * The zones enterprises are placed in: China's national high-tech zones and Pakistan's zones of the registry
 * (reference data), in key order; any other real zone if there are none of those. Weighted by company count
 * where the registry has one, else by a seeded spread (model.ts zoneWeight).
 */
async function demoZones(ctx: Ctx, seed: number): Promise<ZoneSlot[]> {
  type Row = { id: string; key: string; country: string; province: string | null; city: string | null; company_count: number | null; place: Names | null };
  const select = (where: ReturnType<typeof sql>) =>
    queryRows<Row>(
      ctx.database.db,
      sql`SELECT z.id, z.key, z.country, z.province, z.city, z.company_count, coalesce(c.names, p.names) AS place
          FROM zones z LEFT JOIN divisions c ON c.code = z.city LEFT JOIN divisions p ON p.code = z.province
          WHERE NOT z.synthetic AND ${where} ORDER BY z.key NULLS LAST, z.id`,
    );
  let rows = await select(sql`((z.country = 'CN' AND z.kind = 'national_hightech_zone') OR z.country = 'PK')`);
  if (rows.length === 0) rows = await select(sql`true`);
  return rows.map((z, n) => ({
    id: z.id,
    key: z.key ?? z.id,
    country: z.country,
    province: z.province,
    city: z.city,
    place: placeOf(z.place),
    weight: zoneWeight(seed, n, z.company_count, z.country),
  }));
}

/** The registry's own incubators (they file returns too), in key order. */
async function registryIncubatorSlots(ctx: Ctx): Promise<IncubatorSlot[]> {
  const rows = await queryRows<{
    id: string;
    key: string | null;
    names: Names;
    country: string;
    province: string | null;
    city: string | null;
    host_zone_id: string | null;
    founded_on: string | null;
  }>(
    ctx.database.db,
    sql`SELECT id, key, names, country, province, city, host_zone_id, founded_on FROM incubators WHERE NOT synthetic ORDER BY key NULLS LAST, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    key: r.key ?? r.id,
    names: r.names,
    country: r.country,
    province: r.province,
    city: r.city,
    zoneId: r.host_zone_id,
    foundedYear: r.founded_on && /^\d{4}/.test(r.founded_on) ? Number(r.founded_on.slice(0, 4)) : null,
    synthetic: false,
  }));
}
