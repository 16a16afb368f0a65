// `npm run bench`: platform figures measured in one run, printed as a table and written to bench/results/platform.json,
// then the registry figures (bench/registry.ts → bench/results/registry.json), then the seed fund's reviewer assignment
// (bench/assignment.ts → bench/results/assignment.json). `npm run bench -- platform|registry|assignment|funding-surge` runs only one;
// the seed fund's deadline surge (bench/funding-surge.ts → bench/results/funding-surge.json); the statistics at national scale
// (bench/statistics.ts → bench/results/statistics.json: `npm run bench -- statistics`); the technology market at
// 1,000,000 listings with its matching quality (bench/techmarket.ts → bench/results/techmarket.json: `npm run bench -- techmarket`).
// Cold start to a healthy server on a fresh data folder (target: ≤ 60 s), and API latency and throughput of an
// authenticated read and an audited write, on embedded PGlite and on a throwaway PostgreSQL 15 server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin, startThrowawayPostgres } from '../src/server/test/postgres-server';
import { startServerProcess } from '../src/server/test/server-process';
import { benchAssignment, formatRows as formatAssignmentRows } from './assignment';
import { runFundingSurge } from './funding-surge';
import { load } from './http-load';
import { registryBench } from './registry';
import { statisticsBench } from './statistics';
import { techmarketBench } from './techmarket';

type Row = { database: string; measure: string; value: number; unit: string; target?: string };
const rows: Row[] = [];
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 16;

async function benchOne(database: 'pglite' | 'postgres', env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-bench-'));
  const t0 = performance.now();
  const server = await startServerProcess({ SEEDBED_DATA_DIR: dataDir, SEEDBED_DEMO: 'on', SEEDBED_JOBS: 'off', LOG_LEVEL: 'warn', ...env });
  rows.push({ database, measure: 'cold start to /api/health (fresh data, demo accounts)', value: (performance.now() - t0) / 1000, unit: 's', target: '≤ 60' });
  try {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.seedbed.local', password: 'seedbed-demo-2026' }),
    });
    const headers = {
      cookie: login.headers.getSetCookie()[0].split(';')[0],
      'x-csrf-token': (await login.json()).csrfToken,
      'content-type': 'application/json',
    };
    const read = await load(REQUESTS, CONCURRENCY, () => fetch(`${server.url}/api/v1/me`, { headers }));
    const write = await load(REQUESTS, CONCURRENCY, (i) =>
      fetch(`${server.url}/api/v1/me`, { method: 'PATCH', headers, body: JSON.stringify({ displayName: `Bench ${i}` }) }),
    );
    for (const [name, r] of [
      ['GET /api/v1/me (session read)', read],
      ['PATCH /api/v1/me (audited write)', write],
    ] as const) {
      rows.push({ database, measure: `${name} p50`, value: r.p50, unit: 'ms' });
      rows.push({ database, measure: `${name} p95`, value: r.p95, unit: 'ms' });
      rows.push({ database, measure: `${name} throughput`, value: r.perSecond, unit: 'req/s' });
      rows.push({ database, measure: `${name} errors`, value: r.errors, unit: 'count', target: '0' });
    }
    rows.push({ database, measure: 'write p50 / read p50', value: write.p50 / read.p50, unit: 'ratio' });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.argv[2];
if (only === undefined || only === 'platform') await platformBench();
if (only === undefined || only === 'registry') await registryBench();
if (only === undefined || only === 'assignment') await assignmentBench();
if (only === undefined || only === 'funding-surge') await runFundingSurge();
if (only === undefined || only === 'statistics') await statisticsBench();
if (only === 'techmarket-quality') await import('./techmarket-quality').then((m) => m.techmarketQualityBench());
if (only === undefined || only === 'techmarket') await techmarketBench();

/** Reviewer assignment of the seed fund (bench/assignment.ts → bench/results/assignment.json). */
async function assignmentBench() {
  const assignmentRows = await benchAssignment((line) => console.log(line));
  console.log(`\nSeedbed reviewer assignment bench — ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log(formatAssignmentRows(assignmentRows));
  const out = path.join(import.meta.dirname, 'results', 'assignment.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), cores: os.cpus().length, rows: assignmentRows }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

async function platformBench() {
  await benchOne('pglite', {});
  const bin = findPostgresBin();
  if (bin) {
    const pg = await startThrowawayPostgres(bin);
    try {
      await benchOne('postgres', { DATABASE_URL: pg.url, SEEDBED_DEMO: 'on' });
    } finally {
      pg.stop();
    }
  } else {
    console.warn('!! PostgreSQL 15 not found: the PostgreSQL rows were NOT measured (apt-get install postgresql-15).');
  }

  const pglite = (m: string) => rows.find((r) => r.database === 'pglite' && r.measure === m)?.value;
  for (const r of rows.filter((r) => r.database === 'postgres' && r.unit === 'ms')) {
    const base = pglite(r.measure);
    if (base) rows.push({ database: 'postgres/pglite', measure: r.measure, value: r.value / base, unit: 'ratio' });
  }

  console.log(`\nSeedbed platform bench — ${REQUESTS} requests per load, ${CONCURRENCY} concurrent clients, loopback, ${os.cpus().length} cores\n`);
  console.log(`${'database'.padEnd(16)} ${'measure'.padEnd(56)} ${'value'.padStart(10)}  unit     target`);
  for (const r of rows) {
    console.log(
      `${r.database.padEnd(16)} ${r.measure.padEnd(56)} ${r.value.toFixed(r.unit === 'count' ? 0 : 2).padStart(10)}  ${r.unit.padEnd(8)} ${r.target ?? ''}`,
    );
  }
  const out = path.join(import.meta.dirname, 'results', 'platform.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), requests: REQUESTS, concurrency: CONCURRENCY, rows }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}
