// Statistics figures on PostgreSQL 15 (issue 5), written to bench/results/statistics.json (`npm run bench -- statistics`):
//  1. the national-scale demo data set made by `seedbed demo generate` (BENCH_STAT_ENTERPRISES, default 200,000
//     enterprises × BENCH_STAT_YEARS, default 10 years): time and rows/s;
//  2. every standard yearbook table for every year, in process (BENCH_STAT_ROUNDS rounds, default 3) and over HTTP
//     (autocannon): p95 ≤ 50 ms;
//  3. BENCH_STAT_PIVOTS (default 200) ad-hoc pivots, seeded random pairs of dimensions and filters: p95 ≤ 500 ms;
//  4. the same aggregations as raw scans in DuckDB over the exported microdata (export and load timed apart),
//     on a sample (3 years of every table, BENCH_STAT_DUCK_PIVOTS pivots, default 50), the ratio Seedbed / DuckDB, and a
//     check that both give the same figures;
//  5. the rollup maintenance of one approval (applyToRollups −1 then +1) at that size.
// Quick run: BENCH_STAT_ENTERPRISES=20000 BENCH_STAT_YEARS=5 npm run bench -- statistics
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import cliProgress from 'cli-progress';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, queryRows } from '../src/server/db/client';
import { createRng } from '../src/server/modules/registry/synthetic';
import { pivot } from '../src/server/modules/statistics/analysis/pivot';
import { indicatorMap } from '../src/server/modules/statistics/catalogue/catalogue';
import { DEFAULT_SEED, type DemoPhase, generateDemoStatistics } from '../src/server/modules/statistics/demo/generate';
import { loadDemoPrerequisites } from '../src/server/modules/statistics/demo/test-setup';
import { applyToRollups } from '../src/server/modules/statistics/rollups/rollups';
import { publishPeriod } from '../src/server/modules/statistics/survey/publish';
import { yearbookTable } from '../src/server/modules/statistics/yearbook/tables';
import { systemCtx } from '../src/server/platform/context';
import { findPostgresBin, startThrowawayPostgres } from '../src/server/test/postgres-server';
import { SECTORS } from '../src/shared/contracts/registry';
import {
  PIVOT_DIMENSIONS,
  type PivotQuery,
  PivotQuery as PivotQuerySchema,
  SIZE_CLASSES,
  YEARBOOK_TABLES,
  type YearbookTable,
  YearbookQuery,
} from '../src/shared/contracts/statistics';
import { compareYearbook, comparePivot, exportMicrodata, newComparison, openDuck } from './statistics-duckdb';
import { createEmptyDatabase, latencyStats } from './common';

const ENTERPRISES = Number(process.env.BENCH_STAT_ENTERPRISES ?? 200_000);
const YEARS = Number(process.env.BENCH_STAT_YEARS ?? 10);
const ROUNDS = Number(process.env.BENCH_STAT_ROUNDS ?? 3);
const PIVOTS = Number(process.env.BENCH_STAT_PIVOTS ?? 200);
/** Rounds of the DuckDB equivalents of the yearbook tables (each scans the microdata; one round by default). */
const DUCK_ROUNDS = Number(process.env.BENCH_STAT_DUCK_ROUNDS ?? 1);
/** DuckDB answers a sample (each query scans all the microdata: seconds at national scale): every table for the first, a middle and the last year, and the first BENCH_STAT_DUCK_PIVOTS pivots. */
const DUCK_PIVOTS = Number(process.env.BENCH_STAT_DUCK_PIVOTS ?? 50);
const FIRST_YEAR = 2015;
const SEED = DEFAULT_SEED;
/** As bench/registry.ts: the working set in shared buffers; autovacuum off, the post-load VACUUM run (and timed) by the bench instead. */
const SETTINGS = { shared_buffers: '1GB', max_wal_size: '8GB', effective_cache_size: '4GB', autovacuum: 'off' };

type Row = { figure: string; value: number; unit: string; target?: string; pass?: boolean };

const silent = pino({ level: 'silent' });
const log = (line: string) => console.log(line);

async function run(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

/** Seeded random pivots: two different dimensions, an indicator, and filters drawn like an analyst's. */
function pivotQueries(n: number, years: number[], zones: string[], provinces: string[]): PivotQuery[] {
  const rng = createRng(SEED + 5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const enterpriseIndicators = [
    'operating_revenue',
    'employees',
    'rd_expenditure',
    'exports',
    'enterprises',
    'rd_intensity',
    'rd_intensity_va',
    'degree_share',
    'export_share',
    'net_profit',
    'valid_invention_patents',
    'st_personnel_share',
  ];
  const incubatorIndicators = ['tenants', 'graduates', 'tenant_jobs', 'investment_received', 'incubator_space_m2'];
  const dims = PIVOT_DIMENSIONS.filter((d) => d !== 'entityType');
  const out: PivotQuery[] = [];
  while (out.length < n) {
    const incubator = rng() < 0.1;
    const usable = incubator ? dims.filter((d) => d === 'year' || d === 'zone' || d === 'province') : dims;
    const rows = pick(usable);
    const cols = pick(usable.filter((d) => d !== rows));
    const q: Record<string, unknown> = {
      indicator: pick(incubator ? incubatorIndicators : enterpriseIndicators),
      rows,
      cols,
      entityType: incubator ? 'incubator' : 'enterprise',
    };
    const byYear = rows === 'year' || cols === 'year';
    const r = rng();
    if (byYear) {
      if (r < 0.5) {
        const a = pick(years);
        const b = pick(years);
        [q.yearFrom, q.yearTo] = [Math.min(a, b), Math.max(a, b)];
      }
    } else if (r < 0.7) q.yearFrom = q.yearTo = pick(years);
    else {
      const a = pick(years);
      const b = pick(years);
      [q.yearFrom, q.yearTo] = [Math.min(a, b), Math.max(a, b)];
    }
    if (rows !== 'zone' && cols !== 'zone' && rng() < 0.25) q.zone = pick(zones);
    else if (rows !== 'province' && cols !== 'province' && rng() < 0.25) q.province = pick(provinces);
    if (!incubator) {
      if (rows !== 'sector' && cols !== 'sector' && rng() < 0.25) q.sector = pick(SECTORS);
      if (rows !== 'size' && cols !== 'size' && rng() < 0.2) q.size = pick(SIZE_CLASSES);
      if (rows !== 'stage' && cols !== 'stage' && rng() < 0.15)
        q.stage = pick(['registered', 'incubated', 'graduated', 'certified_high_tech', 'gazelle', 'listed']);
    }
    out.push(PivotQuerySchema.parse(q));
  }
  return out;
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export async function statisticsBench(): Promise<void> {
  const out = path.join(import.meta.dirname, 'results', 'statistics.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const bin = findPostgresBin();
  if (!bin) {
    const message = '!! PostgreSQL 15 not found: the statistics bench was NOT run (apt-get install postgresql-15, or set SEEDBED_PG_BIN).';
    console.warn(`\n${message}\n`);
    fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), ran: false, reason: message }, null, 2)}\n`);
    return;
  }
  const started = performance.now();
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  const loadBefore = os.loadavg();
  const server = await startThrowawayPostgres(bin, { settings: SETTINGS });
  let stopped = false;
  const stopServer = () => {
    if (!stopped) server.stop();
    stopped = true;
  };
  const csv = path.join(os.tmpdir(), `seedbed-bench-microdata-${process.pid}.csv`);
  try {
    const url = await createEmptyDatabase(server.url, 'bench_statistics');
    const database = await openDatabase({ url });
    await database.migrate();
    const config = loadConfig({
      SEEDBED_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-bench-')),
      SEEDBED_DEMO: 'off',
      SEEDBED_JOBS: 'off',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
    } as NodeJS.ProcessEnv);
    const ctx = systemCtx(database, config, silent, 'bench');
    await loadDemoPrerequisites(database, config);
    await run(url, 'CHECKPOINT');

    // ── 1. generation ──
    log(`\n— generating ${ENTERPRISES.toLocaleString('en')} enterprises × ${YEARS} years (seed ${SEED}) …`);
    const bars = new Map<DemoPhase, cliProgress.SingleBar>();
    const node0 = process.cpuUsage();
    const gen = await generateDemoStatistics(ctx, {
      enterprises: ENTERPRISES,
      years: YEARS,
      firstYear: FIRST_YEAR,
      seed: SEED,
      onProgress: (done, total, phase) => {
        let bar = bars.get(phase);
        if (!bar) {
          for (const b of bars.values()) b.stop();
          bar = new cliProgress.SingleBar(
            { format: `${phase.padEnd(11)} |{bar}| {value}/{total} {duration}s`, noTTYOutput: true, notTTYSchedule: 15_000 },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0);
          bars.set(phase, bar);
        }
        bar.update(done);
      },
    });
    for (const b of bars.values()) b.stop();
    const nodeCpu = (process.cpuUsage(node0).user + process.cpuUsage(node0).system) / 1e6;
    const written = gen.enterprises + gen.incubators.synthetic + gen.submissions + gen.values;
    const t1 = performance.now();
    await run(url, 'VACUUM ANALYZE stat_rollups, stat_cube, stat_submissions, stat_values');
    const vacuumSeconds = (performance.now() - t1) / 1000;
    const [size] = await run(
      url,
      `SELECT pg_size_pretty(pg_total_relation_size('stat_values')) AS values, pg_size_pretty(pg_total_relation_size('stat_submissions')) AS submissions,
              pg_size_pretty(pg_total_relation_size('stat_cube')) AS cube, pg_size_pretty(pg_total_relation_size('stat_rollups')) AS rollups,
              (SELECT count(*) FROM stat_cube)::int AS cube_cells, (SELECT count(*) FROM stat_rollups)::int AS rollup_cells`,
    );
    extra.generation = { ...gen, nodeCpuSeconds: nodeCpu, vacuumSeconds, sizes: size };
    rows.push({ figure: `demo data: enterprises (synthetic, over ${gen.zones} zones)`, value: gen.enterprises, unit: 'rows' });
    rows.push({
      figure: `  incubators filing (registry ${gen.incubators.registry} + synthetic)`,
      value: gen.incubators.registry + gen.incubators.synthetic,
      unit: 'rows',
    });
    rows.push({ figure: '  approved returns (stat_submissions)', value: gen.submissions, unit: 'rows' });
    rows.push({ figure: '  values (stat_values)', value: gen.values, unit: 'rows' });
    rows.push({ figure: 'generate + COPY, indexes rebuilt (write)', value: gen.seconds.write, unit: 's' });
    rows.push({ figure: '  of which index + foreign key rebuild', value: gen.seconds.indexes, unit: 's' });
    rows.push({ figure: '  write rate (all rows written)', value: written / gen.seconds.write, unit: 'rows/s' });
    rows.push({ figure: 'rollups rebuilt once (rebuildRollups)', value: gen.seconds.rollups, unit: 's' });
    rows.push({ figure: 'generation in all (one transaction)', value: gen.seconds.total, unit: 's' });
    rows.push({ figure: '  rate over the whole generation', value: written / gen.seconds.total, unit: 'rows/s' });
    rows.push({ figure: '  generator CPU in Node', value: nodeCpu, unit: 's' });
    rows.push({ figure: 'post-load VACUUM ANALYZE', value: vacuumSeconds, unit: 's' });
    await run(url, 'CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    await run(
      url,
      "SELECT pg_prewarm(c.oid) FROM pg_class c WHERE c.relname IN ('stat_rollups', 'stat_cube', 'stat_rollups_cell', 'stat_cube_cell', 'stat_rollups_zone_idx')",
    );

    // ── 2. yearbook tables in process ──
    const years = Array.from({ length: YEARS }, (_, i) => FIRST_YEAR + i);
    const calls = shuffle(
      YEARBOOK_TABLES.flatMap((key) => years.map((year) => ({ key, year }))),
      SEED + 2,
    );
    log(`— yearbook: ${YEARBOOK_TABLES.length} tables × ${YEARS} years × ${ROUNDS} rounds in process …`);
    for (const c of calls.slice(0, 5)) await yearbookTable(ctx, c.key, YearbookQuery.parse({ year: c.year })); // warm-up
    const yearbookMs = new Map<string, number[]>();
    const firstTables: YearbookTable[] = [];
    const sampleYears = new Set([years[0], years[Math.floor(years.length / 2)], years[years.length - 1]]);
    const sampleMs = new Map<string, number[]>();
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of shuffle(calls, SEED + 10 + r)) {
        const t0 = performance.now();
        const table = await yearbookTable(ctx, c.key, YearbookQuery.parse({ year: c.year }));
        const ms = performance.now() - t0;
        yearbookMs.set(c.key, [...(yearbookMs.get(c.key) ?? []), ms]);
        if (r === 0 && sampleYears.has(c.year)) firstTables.push(table);
        if (sampleYears.has(c.year)) sampleMs.set(c.key, [...(sampleMs.get(c.key) ?? []), ms]);
      }
    }
    const allYearbook = latencyStats([...yearbookMs.values()].flat());
    for (const key of YEARBOOK_TABLES) {
      const s = latencyStats(yearbookMs.get(key)!);
      rows.push({ figure: `yearbook ${key}: p95 (p50 ${s.p50.toFixed(1)})`, value: s.p95, unit: 'ms', target: '≤ 50', pass: s.p95 <= 50 });
    }
    rows.push({ figure: `yearbook, all ${allYearbook.n} calls: p95`, value: allYearbook.p95, unit: 'ms', target: '≤ 50', pass: allYearbook.p95 <= 50 });
    extra.yearbook = Object.fromEntries([...yearbookMs].map(([k, ms]) => [k, latencyStats(ms)]));

    // ── 3. pivots in process ──
    const zoneIds = (
      await queryRows<{ id: string }>(database.db, sql`SELECT DISTINCT zone_id::text AS id FROM stat_rollups WHERE zone_id IS NOT NULL ORDER BY 1`)
    ).map((r) => r.id);
    const provinces = (
      await queryRows<{ p: string }>(database.db, sql`SELECT DISTINCT province AS p FROM stat_rollups WHERE province IS NOT NULL ORDER BY 1`)
    ).map((r) => r.p);
    const queries = pivotQueries(PIVOTS, years, zoneIds, provinces);
    log(`— pivots: ${queries.length} seeded random pivots in process …`);
    const pivotMs: number[] = [];
    const pivots = [];
    for (const q of queries.slice(0, 3)) await pivot(ctx, q); // warm-up
    for (const q of queries) {
      const t0 = performance.now();
      const p = await pivot(ctx, q);
      pivotMs.push(performance.now() - t0);
      pivots.push(p);
    }
    const ps = latencyStats(pivotMs);
    rows.push({ figure: `pivot, ${ps.n} random (2 dimensions, filters): p50`, value: ps.p50, unit: 'ms' });
    rows.push({ figure: '  pivot p95', value: ps.p95, unit: 'ms', target: '≤ 500', pass: ps.p95 <= 500 });
    rows.push({ figure: '  pivot max', value: ps.max, unit: 'ms' });
    const slowest = queries.map((q, i) => ({ q, ms: pivotMs[i] })).sort((a, b) => b.ms - a.ms);
    extra.pivots = { stats: ps, slowest: slowest.slice(0, 5) };

    // ── 4. rollup maintenance: one approval's −1 / +1 ──
    const sample = await queryRows<{ id: string }>(database.db, sql`SELECT id::text AS id FROM stat_submissions WHERE counted ORDER BY md5(id::text) LIMIT 30`);
    const approvalMs: number[] = [];
    for (const { id } of sample) {
      const t0 = performance.now();
      await database.db.transaction(async (tx) => {
        await applyToRollups(tx, [id], -1);
        await applyToRollups(tx, [id], 1);
      });
      approvalMs.push(performance.now() - t0);
    }
    const as = latencyStats(approvalMs);
    rows.push({ figure: `rollup maintenance of one approval (−1, +1; ${as.n}): p50`, value: as.p50, unit: 'ms' });
    rows.push({ figure: '  p95', value: as.p95, unit: 'ms' });
    extra.approval = as;

    // ── 2b. one table over HTTP (published, read anonymously as the public would) ──
    const periods = await queryRows<{ id: string }>(
      database.db,
      sql`SELECT id::text AS id FROM stat_periods WHERE published_at IS NULL AND year BETWEEN ${years[0]} AND ${years[years.length - 1]}`,
    );
    for (const p of periods) await publishPeriod(ctx, p.id);
    const app = await buildApp({ config, database, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const paths = YEARBOOK_TABLES.filter((k) => k !== 'top_enterprises').flatMap((k) => years.map((y) => `/api/v1/statistics/yearbook/${k}?year=${y}`));
      log(`— yearbook over HTTP: autocannon, ${paths.length} URLs round robin, 10 s with 1 connection, then 10 s with 4 …`);
      const requests = shuffle(paths, SEED + 3).map((p) => ({ method: 'GET' as const, path: p }));
      const one = await autocannon({ url: base, connections: 1, duration: 10, requests });
      const four = await autocannon({ url: base, connections: 4, duration: 10, requests });
      const failures = one.non2xx + one.errors + four.non2xx + four.errors;
      rows.push({ figure: 'yearbook over HTTP (autocannon, 1 connection): p50', value: one.latency.p50, unit: 'ms' });
      rows.push({ figure: '  p97.5 (autocannon has no p95; p95 ≤ this)', value: one.latency.p97_5, unit: 'ms', target: '≤ 50', pass: one.latency.p97_5 <= 50 });
      rows.push({ figure: '  p99', value: one.latency.p99, unit: 'ms' });
      rows.push({ figure: 'yearbook over HTTP, 4 connections: p97.5', value: four.latency.p97_5, unit: 'ms' });
      rows.push({ figure: '  throughput', value: four.requests.average, unit: 'req/s' });
      rows.push({ figure: '  non-2xx + errors (both runs)', value: failures, unit: 'count', target: '0', pass: failures === 0 });
      extra.http = { one: { latency: one.latency, requests: one.requests }, four: { latency: four.latency, requests: four.requests }, failures };
    } finally {
      await app.close();
    }
    const catalogue = await indicatorMap(database.db);
    await database.close();

    // ── 5. DuckDB over the exported microdata ──
    log('— DuckDB: exporting the microdata (COPY … TO STDOUT, CSV) …');
    const exported = await exportMicrodata(url, csv);
    stopServer(); // everything below runs in DuckDB alone
    log(`  ${(exported.bytes / 1e9).toFixed(2)} GB in ${exported.seconds.toFixed(1)} s; loading into DuckDB …`);
    const duck = await openDuck(csv);
    fs.rmSync(csv, { force: true });
    rows.push({ figure: 'DuckDB: export of the microdata (PostgreSQL COPY → CSV)', value: exported.seconds, unit: 's' });
    rows.push({ figure: '  CSV size', value: exported.bytes / 1e6, unit: 'MB' });
    rows.push({ figure: '  load (read_csv into a DuckDB table)', value: duck.loadSeconds, unit: 's' });
    rows.push({ figure: '  rows', value: duck.rows, unit: 'rows', target: `= ${gen.values.toLocaleString('en')}`, pass: duck.rows === gen.values });
    const comparison = newComparison();
    const duckYearbook = new Map<string, number[]>();
    for (let r = 0; r < DUCK_ROUNDS; r++) {
      for (const table of shuffle(firstTables, SEED + 20 + r)) {
        const t0 = performance.now();
        const check = r === 0 ? comparison : newComparison();
        await compareYearbook(duck, table, catalogue, check);
        duckYearbook.set(table.key, [...(duckYearbook.get(table.key) ?? []), performance.now() - t0]);
      }
    }
    const duckPivotMs: number[] = [];
    let pivotCells = 0;
    const duckPivots = Math.min(DUCK_PIVOTS, queries.length);
    for (let i = 0; i < duckPivots; i++) {
      const t0 = performance.now();
      pivotCells += await comparePivot(duck, queries[i], pivots[i], comparison);
      duckPivotMs.push(performance.now() - t0);
    }
    duck.close();
    // Ratios on the same sample: Seedbed's times of the sampled years and pivots against DuckDB's.
    for (const key of YEARBOOK_TABLES) {
      const s = latencyStats(duckYearbook.get(key)!);
      const mine = latencyStats(sampleMs.get(key)!);
      rows.push({ figure: `DuckDB ${key}: p95 (Seedbed / DuckDB ${(mine.p95 / s.p95).toFixed(3)})`, value: s.p95, unit: 'ms' });
    }
    const dy = latencyStats([...duckYearbook.values()].flat());
    const dp = latencyStats(duckPivotMs);
    const sy = latencyStats([...sampleMs.values()].flat());
    const sp = latencyStats(pivotMs.slice(0, duckPivots));
    rows.push({
      figure: `DuckDB yearbook equivalents (${dy.n}: ${sampleYears.size} years × ${YEARBOOK_TABLES.length} tables): p95`,
      value: dy.p95,
      unit: 'ms',
    });
    rows.push({ figure: '  Seedbed / DuckDB, yearbook p95', value: sy.p95 / dy.p95, unit: 'ratio' });
    rows.push({ figure: `DuckDB pivot equivalents (first ${dp.n}): p95`, value: dp.p95, unit: 'ms' });
    rows.push({ figure: '  Seedbed / DuckDB, pivot p95', value: sp.p95 / dp.p95, unit: 'ratio' });
    rows.push({
      figure: `figures compared, Seedbed vs DuckDB (${pivotCells.toLocaleString('en')} non-empty pivot cells)`,
      value: comparison.figures,
      unit: 'count',
    });
    rows.push({ figure: '  figures that differ', value: comparison.differ, unit: 'count', target: '0', pass: comparison.differ === 0 });
    extra.duckdb = {
      export: exported,
      loadSeconds: duck.loadSeconds,
      rows: duck.rows,
      yearbook: Object.fromEntries([...duckYearbook].map(([k, ms]) => [k, latencyStats(ms)])),
      pivots: dp,
    };
    extra.comparison = comparison;
  } finally {
    stopServer();
    fs.rmSync(csv, { force: true });
  }
  const totalSeconds = (performance.now() - started) / 1000;
  rows.push({ figure: 'whole bench', value: totalSeconds / 60, unit: 'min', target: '≤ 15', pass: totalSeconds <= 900 });
  printTable(rows);
  const report = {
    measuredAt: new Date().toISOString(),
    ran: true,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
    postgres: { version: server.version, settings: { ...SETTINGS, fsync: 'off' } },
    sizes: { enterprises: ENTERPRISES, years: YEARS, firstYear: FIRST_YEAR, seed: SEED, rounds: ROUNDS, duckRounds: DUCK_ROUNDS, pivots: PIVOTS },
    rows,
    ...extra,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

function printTable(rows: Row[]) {
  console.log(
    `\nSeedbed statistics bench — PostgreSQL 15, ${os.cpus().length} cores (load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}), ${ENTERPRISES.toLocaleString('en')} enterprises × ${YEARS} years\n`,
  );
  console.log(`${'figure'.padEnd(66)} ${'value'.padStart(12)}  ${'unit'.padEnd(7)} ${'target'.padEnd(14)} result`);
  for (const r of rows) {
    const value = ['rows', 'count', 'rows/s', 'req/s'].includes(r.unit)
      ? Math.round(r.value).toLocaleString('en')
      : r.value.toFixed(r.unit === 'ratio' ? 3 : 1);
    const result = r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL';
    console.log(`${r.figure.padEnd(66)} ${value.padStart(12)}  ${r.unit.padEnd(7)} ${(r.target ?? '').padEnd(14)} ${result}`);
  }
}
