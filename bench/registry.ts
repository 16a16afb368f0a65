// Registry figures on PostgreSQL 15 (issue 3), written to bench/results/registry.json:
//  1. search latency over BENCH_ENTITIES (default 1,000,000) synthetic entities, in process and over HTTP;
//  2. import throughput of BENCH_IMPORT_ROWS (default 100,000) enterprise rows, validated, against a plain COPY of the same rows.
// Quick runs: BENCH_ENTITIES=100000 BENCH_IMPORT_ROWS=10000 npm run bench -- registry; BENCH_REGISTRY=search (or import)
// runs one part; BENCH_SEARCH_ROUNDS (default 15) sets how many times the query mix runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import pino from 'pino';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, queryRows } from '../src/server/db/client';
import { searchRegistry } from '../src/server/modules/registry/search';
import { createRng, type SyntheticEntity, syntheticEntities } from '../src/server/modules/registry/synthetic';
import { INDEX_JOB, registerRegistryJobs } from '../src/server/modules/registry/index-job';
import { runImport } from '../src/server/modules/registry/transfer/run-import';
import { runNextJob } from '../src/server/platform/jobs/worker';
import { systemCtx } from '../src/server/platform/context';
import { findPostgresBin, startThrowawayPostgres } from '../src/server/test/postgres-server';
import { SearchQuery } from '../src/shared/contracts/registry';
import { load } from './http-load';
import { loadSynthetic } from './registry-load';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1_000_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 15);
/** Which parts to run (both by default): BENCH_REGISTRY=search or =import for a quick look at one. */
const PARTS = (process.env.BENCH_REGISTRY ?? 'search,import').split(',');
const SEED = 20260101;
/** The server as a production one would be set: the working set in shared buffers (25% of RAM is the usual rule; 1 GB here). */
const SETTINGS = { shared_buffers: '1GB', max_wal_size: '4GB', effective_cache_size: '4GB' };

type Row = { figure: string; value: number; unit: string; target?: string; pass?: boolean };
type QueryCase = { cls: string; q: string; filters?: Record<string, string> };

/** The fixed query mix: what people type, in each script, misspelt, and under filters. */
const QUERIES: QueryCase[] = [
  ...['中关村', '武汉', '智能科技', '深圳南山', '生物医药', '华创', '有限公司'].map((q) => ({ cls: 'Chinese', q })),
  ...['zhongguancun', 'wuhan zhineng', 'shenzhen keji', 'huachuang', 'beijing ruanjian', 'hangzhou binjiang'].map((q) => ({ cls: 'pinyin', q })),
  ...['software', 'intelligent tech', 'pharma', 'indus', 'science park', 'bio', 'university of sci'].map((q) => ({ cls: 'English', q })),
  ...['کراچی', 'ٹیکنالوجیز', 'لاہور سافٹ', 'محمد', 'انڈس'].map((q) => ({ cls: 'Urdu', q })),
  ...['zhongguancum', 'shenzen', 'karachee', 'softwere', 'lahor', 'huachaung', 'wuhan zhinen'].map((q) => ({ cls: 'misspelt', q })),
  { cls: 'filtered', q: 'wuhan', filters: { type: 'enterprise' } },
  { cls: 'filtered', q: 'software', filters: { country: 'PK' } },
  { cls: 'filtered', q: 'software', filters: { country: 'FR' } },
  { cls: 'filtered', q: '科技', filters: { province: '440000' } },
  { cls: 'filtered', q: 'keji', filters: { country: 'CN', province: '420000', type: 'enterprise' } },
  { cls: 'filtered', q: 'zhineng', filters: { type: 'incubator' } },
  { cls: 'filtered', q: 'university', filters: { type: 'institution', country: 'PK' } },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await dropDatabase(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  await database.close();
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function checkpoint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CHECKPOINT');
  await client.end();
}

/** CPU seconds used so far by this PostgreSQL server's processes (the postmaster and its children), from /proc. */
async function serverCpuSeconds(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stat = (p: string) => {
    const text = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  };
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const postmaster = String(stat(String(pid)).ppid);
  await client.end();
  let ticks = 0;
  for (const p of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const s = stat(p);
      if (p === postmaster || String(s.ppid) === postmaster) ticks += s.ticks;
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / CLOCK_TICKS;
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const silent = pino({ level: 'silent' });
const benchConfig = (url: string) =>
  loadConfig({
    SEEDBED_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-bench-')),
    SEEDBED_DEMO: 'off',
    SEEDBED_JOBS: 'off',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
  } as NodeJS.ProcessEnv);

/** The query mix in a seeded order, `rounds` times over. */
function schedule(rounds: number): QueryCase[] {
  const rng = createRng(SEED);
  const out: QueryCase[] = [];
  for (let r = 0; r < rounds; r++) {
    const round = [...QUERIES];
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [round[i], round[j]] = [round[j], round[i]];
    }
    out.push(...round);
  }
  return out;
}

async function searchBench(adminUrl: string, rows: Row[], extra: Record<string, unknown>) {
  console.log(`\n— search: loading ${ENTITIES.toLocaleString('en')} synthetic entities (seed ${SEED}) …`);
  const url = await createDatabase(adminUrl, 'bench_search');
  const loaded = await loadSynthetic(url, { seed: SEED, count: ENTITIES });
  rows.push({ figure: 'synthetic entities loaded (COPY, synthetic = true)', value: loaded.rows, unit: 'rows' });
  rows.push({ figure: 'load: generate + search terms + COPY', value: loaded.copySeconds, unit: 's' });
  rows.push({ figure: 'load rate', value: loaded.rows / loaded.copySeconds, unit: 'rows/s' });
  rows.push({ figure: 'load: rebuild indexes + vocabulary', value: loaded.indexSeconds, unit: 's' });
  extra.loaded = loaded;

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const sizes = (
    await admin.query(
      `SELECT pg_size_pretty(pg_total_relation_size('search_entries')) AS entries, pg_size_pretty(pg_relation_size('search_match_idx')) AS match_index,
              (SELECT count(*) FROM search_words)::int AS words`,
    )
  ).rows[0];
  extra.database = sizes;
  // What a running server has in memory after its first minutes; without it the first queries measure the disk.
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  await admin.query(
    `SELECT pg_prewarm(c.oid) FROM pg_class c WHERE c.relname IN ('search_entries', 'search_match_idx', 'search_entries_entity_type_entity_id_pk', 'search_words', 'search_words_word_idx', 'search_words_trgm_idx')`,
  );
  await admin.end();

  const database = await openDatabase({ url });
  const config = benchConfig(url);
  const ctx = systemCtx(database, config, silent, 'bench');
  const parse = (c: QueryCase) => SearchQuery.parse({ q: c.q, ...c.filters });
  const hits: Record<string, number> = {};
  for (const c of QUERIES) {
    const r = await searchRegistry(ctx, parse(c));
    hits[`${c.q}${c.filters ? ` ${JSON.stringify(c.filters)}` : ''}`] = r.total;
  }
  extra.hitsPerQuery = hits;

  const plan = schedule(ROUNDS);
  console.log(`— search: ${plan.length} queries in process …`);
  const byClass = new Map<string, number[]>();
  const byQuery = new Map<string, number[]>();
  const all: number[] = [];
  const label = (c: QueryCase) => `${c.q}${c.filters ? ` ${JSON.stringify(c.filters)}` : ''}`;
  for (const c of plan) {
    const t0 = performance.now();
    await searchRegistry(ctx, parse(c));
    const ms = performance.now() - t0;
    all.push(ms);
    byClass.set(c.cls, [...(byClass.get(c.cls) ?? []), ms]);
    byQuery.set(label(c), [...(byQuery.get(label(c)) ?? []), ms]);
  }
  extra.queries = Object.fromEntries([...byQuery].map(([q, ms]) => [q, stats(ms)]));
  const slowest = [...byQuery].map(([q, ms]) => [q, stats(ms).p50] as const).sort((a, b) => b[1] - a[1]);
  console.log(
    `  slowest by median: ${slowest
      .slice(0, 5)
      .map(([q, ms]) => `${q} ${ms.toFixed(1)} ms`)
      .join('; ')}`,
  );
  const overall = stats(all);
  const target = '≤ 50';
  rows.push({ figure: `search in process, all ${QUERIES.length} queries × ${ROUNDS}: p50`, value: overall.p50, unit: 'ms' });
  rows.push({ figure: 'search in process, all: p95', value: overall.p95, unit: 'ms', target, pass: overall.p95 <= 50 });
  rows.push({ figure: 'search in process, all: p99', value: overall.p99, unit: 'ms' });
  for (const [cls, ms] of byClass) {
    const s = stats(ms);
    rows.push({ figure: `  ${cls}: p50 / p95 / p99`, value: s.p50, unit: 'ms', target: `${s.p95.toFixed(1)} / ${s.p99.toFixed(1)}` });
  }
  extra.classes = Object.fromEntries([...byClass].map(([cls, ms]) => [cls, stats(ms)]));

  const app = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/search`;
    const urlOf = (c: QueryCase) => `${base}?${new URLSearchParams({ q: c.q, ...c.filters })}`;
    console.log(`— search: ${plan.length} requests over HTTP, one client, then four …`);
    const one = await load(plan.length, 1, (i) => fetch(urlOf(plan[i])));
    const four = await load(plan.length, 4, (i) => fetch(urlOf(plan[i])));
    rows.push({ figure: 'search over HTTP, 1 client: p50', value: one.p50, unit: 'ms' });
    rows.push({ figure: 'search over HTTP, 1 client: p95', value: one.p95, unit: 'ms', target, pass: one.p95 <= 50 });
    rows.push({ figure: 'search over HTTP, 1 client: p99', value: one.p99, unit: 'ms' });
    rows.push({ figure: 'search over HTTP, 4 clients: p95', value: four.p95, unit: 'ms' });
    rows.push({ figure: 'search over HTTP, 4 clients: throughput', value: four.perSecond, unit: 'req/s' });
    rows.push({ figure: 'search over HTTP: errors', value: one.errors + four.errors, unit: 'count', target: '0', pass: one.errors + four.errors === 0 });
  } finally {
    await app.close();
    await database.close();
  }
}

const IMPORT_COLUMNS = [
  'key',
  'name_en',
  'name_zh',
  'name_ur',
  'country',
  'province',
  'city',
  'website',
  'source',
  'founded_on',
  'sector',
  'employees',
  'technical_staff',
  'host_zone',
  'listed',
];

/** The import file: synthetic enterprises as the import template has them; every other one in a synthetic zone. */
function importFile(zones: SyntheticEntity[], enterprises: SyntheticEntity[]): Buffer {
  const records = enterprises.map((e, i) => [
    e.key,
    e.names.en,
    e.names.zh ?? '',
    e.names.ur ?? '',
    e.country,
    e.province ?? '',
    e.city ?? '',
    e.website ?? '',
    `synthetic (seed ${SEED + 1})`,
    e.foundedOn ?? '',
    e.sector ?? '',
    e.employees ?? '',
    e.employees ? Math.floor(e.employees / 3) : '',
    i % 2 === 0 ? zones[i % zones.length].key : '',
    e.stage === 'listed' ? 'yes' : 'no',
  ]);
  return Buffer.from(stringify([IMPORT_COLUMNS, ...records]));
}

async function importBench(adminUrl: string, rows: Row[], extra: Record<string, unknown>) {
  const zones = [...syntheticEntities({ seed: SEED + 1, count: 20, only: 'zone' })];
  const enterprises = [...syntheticEntities({ seed: SEED + 2, count: IMPORT_ROWS, only: 'enterprise' })];
  const file = importFile(zones, enterprises);
  console.log(`\n— import: ${IMPORT_ROWS.toLocaleString('en')} enterprise rows (${(file.length / 1e6).toFixed(1)} MB CSV) …`);

  // runImport end to end on a fresh database: parse, validate, resolve references, insert, search entries, audit.
  const importUrl = await createDatabase(adminUrl, 'bench_import');
  const database = await openDatabase({ url: importUrl });
  const ctx = systemCtx(database, benchConfig(importUrl), silent, 'bench');
  const zoneCsv = stringify([
    ['key', 'name_en', 'name_zh', 'name_ur', 'country', 'province', 'kind', 'source'],
    ...zones.map((z) => [z.key, z.names.en, z.names.zh ?? '', z.names.ur ?? '', z.country, z.province ?? '', z.kind, 'synthetic']),
  ]);
  await runImport(ctx, 'zone', Buffer.from(zoneCsv), 'csv', { dryRun: false });
  // Both timed writes (this import, the plain COPY below) start from a checkpoint, so that neither pays for the
  // WAL of what ran before it (the search part's million rows).
  await checkpoint(importUrl);
  const [node0, server0] = [cpuSeconds(), await serverCpuSeconds(importUrl)];
  const t0 = performance.now();
  const result = await runImport(ctx, 'enterprise', file, 'csv', { dryRun: false });
  const importSeconds = (performance.now() - t0) / 1000;
  const [importNodeCpu, importServerCpu] = [cpuSeconds() - node0, (await serverCpuSeconds(importUrl)) - server0];
  // Then the search entries, by the jobs the import queued (the server's job runner would do the same).
  registerRegistryJobs();
  const t2 = performance.now();
  let indexJobs = 0;
  while (await runNextJob({ database, config: ctx.config, log: silent, types: [INDEX_JOB] })) indexJobs++;
  const indexSeconds = (performance.now() - t2) / 1000;
  const [counts] = await queryRows<Record<string, number>>(
    database.db,
    sql`SELECT (SELECT count(*) FROM enterprises)::int AS enterprises, (SELECT count(*) FROM search_entries WHERE entity_type = 'enterprise')::int AS search_entries,
               (SELECT count(*) FROM audit_log WHERE action = 'enterprise.import_create')::int AS audit`,
  );
  await database.close();
  if (
    result.created !== IMPORT_ROWS ||
    result.errors.length ||
    counts.enterprises !== IMPORT_ROWS ||
    counts.search_entries !== IMPORT_ROWS ||
    counts.audit !== IMPORT_ROWS ||
    (result.indexing === 'queued') !== indexJobs > 0
  ) {
    throw new Error(`import did not write every row: ${JSON.stringify({ created: result.created, errors: result.errors.slice(0, 3), counts })}`);
  }
  extra.import = {
    rows: IMPORT_ROWS,
    bytes: file.length,
    seconds: importSeconds,
    nodeCpuSeconds: importNodeCpu,
    serverCpuSeconds: importServerCpu,
    indexing: result.indexing,
    indexJobs,
    indexSeconds,
    counts,
  };

  // The same rows by plain COPY into the same table of another fresh database: no validation, search entries or audit.
  const copyUrl = await createDatabase(adminUrl, 'bench_copy');
  const zoneIds = new Map(zones.map((z) => [z.key, z.id]));
  const copyCsv = stringify(
    enterprises.map((e, i) => [
      e.id,
      e.key,
      JSON.stringify(e.names),
      e.country,
      e.province,
      e.city,
      e.website,
      `synthetic (seed ${SEED + 1})`,
      e.foundedOn,
      e.sector,
      e.employees,
      e.employees ? Math.floor(e.employees / 3) : null,
      i % 2 === 0 ? zoneIds.get(zones[i % zones.length].key) : null,
      e.stage === 'listed',
    ]),
    { cast: { boolean: (v) => String(v) } },
  );
  const client = new pg.Client({ connectionString: copyUrl });
  await client.connect();
  await client.query('CHECKPOINT');
  const copyServer0 = await serverCpuSeconds(copyUrl);
  const t1 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(
      pgCopy.from(
        'COPY enterprises (id, key, names, country, province, city, website, source, founded_on, sector, employees, technical_staff, host_zone_id, listed) FROM STDIN (FORMAT csv)',
      ),
    );
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(copyCsv);
  });
  const copySeconds = (performance.now() - t1) / 1000;
  const copyServerCpu = (await serverCpuSeconds(copyUrl)) - copyServer0;
  await client.end();
  extra.copy = { rows: IMPORT_ROWS, seconds: copySeconds, serverCpuSeconds: copyServerCpu };

  const importRate = IMPORT_ROWS / importSeconds;
  const copyRate = IMPORT_ROWS / copySeconds;
  rows.push({ figure: `import ${IMPORT_ROWS.toLocaleString('en')} enterprise rows (CSV, validated, audited)`, value: importSeconds, unit: 's' });
  rows.push({ figure: 'import throughput (committed)', value: importRate, unit: 'rows/s', target: '≥ 20000', pass: importRate >= 20_000 });
  rows.push({ figure: `  then search entries by ${indexJobs} jobs`, value: indexSeconds, unit: 's' });
  rows.push({ figure: '  import until all searchable', value: IMPORT_ROWS / (importSeconds + indexSeconds), unit: 'rows/s' });
  rows.push({ figure: 'plain COPY of the same rows', value: copyRate, unit: 'rows/s' });
  rows.push({ figure: 'import / COPY', value: importRate / copyRate, unit: 'ratio' });
  // Where an import row's time goes: CPU in this process (parse, validate, segment, serialise) and in PostgreSQL.
  rows.push({ figure: '  import CPU per row: Node', value: (importNodeCpu / IMPORT_ROWS) * 1e6, unit: 'µs' });
  rows.push({ figure: '  import CPU per row: PostgreSQL', value: (importServerCpu / IMPORT_ROWS) * 1e6, unit: 'µs' });
  rows.push({ figure: '  COPY CPU per row: PostgreSQL', value: (copyServerCpu / IMPORT_ROWS) * 1e6, unit: 'µs' });
}

function printTable(rows: Row[]) {
  console.log(
    `\nSeedbed registry bench — PostgreSQL 15, ${os.cpus().length} cores, ${ENTITIES.toLocaleString('en')} entities, ${IMPORT_ROWS.toLocaleString('en')} import rows\n`,
  );
  console.log(`${'figure'.padEnd(62)} ${'value'.padStart(12)}  ${'unit'.padEnd(7)} ${'target'.padEnd(16)} result`);
  for (const r of rows) {
    const value =
      r.unit === 'rows' || r.unit === 'count' || r.unit === 'rows/s' || r.unit === 'req/s'
        ? Math.round(r.value).toLocaleString('en')
        : r.value.toFixed(r.unit === 'ratio' ? 3 : 1);
    const result = r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL';
    console.log(`${r.figure.padEnd(62)} ${value.padStart(12)}  ${r.unit.padEnd(7)} ${(r.target ?? '').padEnd(16)} ${result}`);
  }
}

/** Runs `importBench` in a fresh Node process (this script, in child mode) and takes its rows and details. */
function importInChild(adminUrl: string, rows: Row[], extra: Record<string, unknown>) {
  const out = path.join(os.tmpdir(), `seedbed-bench-import-${process.pid}.json`);
  execFileSync(process.execPath, [...process.execArgv, import.meta.filename], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_IMPORT_CHILD: JSON.stringify({ adminUrl, out }) },
  });
  const child = JSON.parse(fs.readFileSync(out, 'utf8')) as { rows: Row[]; extra: Record<string, unknown> };
  fs.rmSync(out, { force: true });
  rows.push(...child.rows);
  Object.assign(extra, child.extra);
}

if (process.env.BENCH_IMPORT_CHILD) {
  const { adminUrl, out } = JSON.parse(process.env.BENCH_IMPORT_CHILD) as { adminUrl: string; out: string };
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  await importBench(adminUrl, rows, extra);
  fs.writeFileSync(out, JSON.stringify({ rows, extra }));
}

export async function registryBench(): Promise<void> {
  const out = path.join(import.meta.dirname, 'results', 'registry.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const bin = findPostgresBin();
  if (!bin) {
    const message = '!! PostgreSQL 15 not found: the registry bench was NOT run (apt-get install postgresql-15, or set SEEDBED_PG_BIN).';
    console.warn(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}\n`);
    fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), ran: false, reason: message }, null, 2)}\n`);
    return;
  }
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  const loadBefore = os.loadavg();
  const server = await startThrowawayPostgres(bin, { settings: SETTINGS });
  try {
    if (PARTS.includes('search')) await searchBench(server.url, rows, extra);
    if (PARTS.includes('import')) {
      // After the search part this process holds what it loaded and measured (a heap a server would not have),
      // so the import is measured in a process of its own, as a server would run it.
      // The search part's database is dropped first: autovacuum would otherwise work through its million new rows
      // during the import, on the same two cores.
      if (PARTS.includes('search')) {
        await dropDatabase(server.url, 'bench_search');
        importInChild(server.url, rows, extra);
      }
      else await importBench(server.url, rows, extra);
    }
  } finally {
    server.stop();
  }
  printTable(rows);
  const report = {
    measuredAt: new Date().toISOString(),
    ran: true,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
    postgres: { version: server.version, settings: { ...SETTINGS, fsync: 'off' } },
    sizes: { entities: ENTITIES, importRows: IMPORT_ROWS, searchRounds: ROUNDS, seed: SEED },
    queries: QUERIES,
    rows,
    ...extra,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}
