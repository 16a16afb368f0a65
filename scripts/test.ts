// `npm test`: lint, typecheck, unit tests, integration tests on PGlite and on a throwaway PostgreSQL 15,
// and the end-to-end suite in Debian's Chromium. Missing PostgreSQL or Chromium is installed from Debian's
// packages when this runs as root; otherwise what could not run is said loudly (and fails under CI=true).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin } from '../src/server/test/postgres-server';

type Stage = { name: string; status: 'passed' | 'failed' | 'not run'; passed: number; failed: number; note?: string };
const stages: Stage[] = [];
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n$ ${[path.basename(cmd), ...args].join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

function aptInstall(packages: string[]): boolean {
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) return false;
  console.log(`Installing ${packages.join(', ')} from Debian's packages …`);
  const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
  return install() || (run('apt-get', ['update']) && install());
}

const chromiumPath = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p));

function ensurePostgres(): string | null {
  if (process.env.SEEDBED_TEST_PG_URL) return 'given';
  return findPostgresBin() ?? (aptInstall(['postgresql-15']) ? findPostgresBin() : null);
}

function ensureChromium(): string | undefined {
  return chromiumPath() ?? (aptInstall(['chromium']) ? chromiumPath() : undefined);
}

/** Runs vitest with a JSON report so the summary can count tests. */
function vitest(name: string, args: string[], env: Record<string, string> = {}) {
  const report = path.join(os.tmpdir(), `seedbed-vitest-${name.replace(/\W+/g, '-')}-${process.pid}.json`);
  const ok = run(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed = r.numPassedTests ?? 0;
    failed = (r.numFailedTests ?? 0) + (ok ? 0 : r.numFailedTests ? 0 : 1);
    fs.rmSync(report);
  }
  stages.push({ name, status: ok ? 'passed' : 'failed', passed, failed });
}

function check(name: string, cmd: string, args: string[]) {
  const ok = run(cmd, args);
  stages.push({ name, status: ok ? 'passed' : 'failed', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

const notRun = (name: string, note: string) => stages.push({ name, status: 'not run', passed: 0, failed: 0, note });

check('lint (biome)', bin('biome'), ['lint', '.']);
check('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
vitest('unit + integration on PGlite', ['--project', 'unit', '--project', 'pglite']);

const pg = ensurePostgres();
if (pg) vitest('integration on PostgreSQL', ['--project', 'postgres']);
else notRun('integration on PostgreSQL', 'no PostgreSQL 15+ server binaries, and they could not be installed (apt-get install postgresql-15 as root)');

const chromium = ensureChromium();
if (!run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'])) {
  stages.push({ name: 'web build (vite)', status: 'failed', passed: 0, failed: 1 });
} else if (chromium) {
  vitest('end-to-end in Chromium', ['--config', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: chromium });
} else {
  notRun('end-to-end in Chromium', 'no Chromium at /usr/bin/chromium, and it could not be installed (apt-get install chromium as root)');
}

const total = stages.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed }), { passed: 0, failed: 0 });
const skipped = stages.filter((s) => s.status === 'not run');
console.log('\n──────── Seedbed test summary ────────');
for (const s of stages) console.log(`${s.status.toUpperCase().padEnd(8)} ${s.name.padEnd(32)} ${s.passed} passed, ${s.failed} failed${s.note ? `  — ${s.note}` : ''}`);
if (skipped.length) {
  console.log(`\n!!!!!!!!!! NOT RUN: ${skipped.map((s) => s.name).join('; ')} !!!!!!!!!!`);
  console.log('!!!!!!!!!! These parts of the suite did not run on this machine. See the notes above. !!!!!!!!!!');
}
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed`);
const failed = stages.some((s) => s.status === 'failed') || (isCI && skipped.length > 0);
process.exit(failed ? 1 : 0);
