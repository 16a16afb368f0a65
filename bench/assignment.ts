// Reviewer assignment of the seed fund (issue 4): `benchAssignment()` for bench/run.ts, or alone:
// `npx tsx bench/assignment.ts` prints a table and writes bench/results/assignment.json.
//
// Measured: 35,000 applications × 3 reviewers from 3,000 reviewers (loads in [20, 45], a senior on every
// application, conflicts derived from organisations, institutions and earlier joint applications), wall
// time and certified gap to the LP bound; and exact equality with the HiGHS LP optimum on instances of
// 500, 1,000 and 2,000 applications, both timed. Instances are synthetic and seeded: every run is the same.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lpOptimum } from '../src/server/modules/funding/assignment/highs-oracle';
import { generateInstance } from '../src/server/modules/funding/assignment/instance';
import { isConflicted, prepare } from '../src/server/modules/funding/assignment/prepare';
import { PairScorer } from '../src/server/modules/funding/assignment/scorer';
import { assignReviewers } from '../src/server/modules/funding/assignment/solve';
import { verifyAssignment } from '../src/server/modules/funding/assignment/verify';

export type Row = { measure: string; value: number; unit: string; target?: string; pass?: boolean };

const seconds = (ms: number) => Math.round(ms) / 1000;

export async function benchAssignment(log: (line: string) => void = () => {}): Promise<Row[]> {
  const rows: Row[] = [];

  // The large instance.
  const t0 = performance.now();
  const instance = generateInstance({ seed: 7, applications: 35_000, reviewers: 3_000 });
  const generateMs = performance.now() - t0;
  const options = { k: 3, minLoad: 20, maxLoad: 45, requireSenior: true };
  log('35,000 × 3 from 3,000: solving …');
  const t1 = performance.now();
  const result = assignReviewers(instance, { ...options, onProgress: (m) => log(`  ${m}`) });
  const solveMs = performance.now() - t1;
  const problems = verifyAssignment(instance, options, result.pairs, result.objective);
  const label = '35,000 applications × 3 of 3,000 reviewers';
  rows.push({ measure: `${label}: generate (synthetic)`, value: seconds(generateMs), unit: 's' });
  rows.push({ measure: `${label}: wall time`, value: seconds(solveMs), unit: 's', target: '≤ 60', pass: solveMs <= 60_000 });
  rows.push({ measure: `${label}: gap to the LP bound`, value: result.gap * 100, unit: '%', target: '≤ 0.5', pass: result.gap <= 0.005 });
  rows.push({ measure: `${label}: proven optimal (1 = yes)`, value: result.optimal ? 1 : 0, unit: 'bool' });
  rows.push({ measure: `${label}: rule violations`, value: problems.length, unit: 'count', target: '0', pass: problems.length === 0 });
  rows.push({ measure: `${label}: total affinity`, value: result.objective, unit: 'score' });
  rows.push({ measure: `${label}: top-k bound ignoring loads`, value: result.topKBound, unit: 'score' });
  rows.push({ measure: `${label}: conflicts among each application's 50 best reviewers`, value: conflictShare(instance) * 100, unit: '%' });
  rows.push({ measure: `${label}: prepare (terms, TF-IDF, conflicts)`, value: seconds(result.stats.ms.prepare), unit: 's' });
  rows.push({ measure: `${label}: candidates (inverted index)`, value: seconds(result.stats.ms.candidates), unit: 's' });
  rows.push({ measure: `${label}: min-cost flow (${result.stats.flow.solves} solves)`, value: seconds(result.stats.ms.flow), unit: 's' });
  rows.push({ measure: `${label}: pricing (${result.stats.pricingRounds} rounds)`, value: seconds(result.stats.ms.pricing), unit: 's' });
  rows.push({ measure: `${label}: pairs in the final network`, value: result.stats.networkArcs, unit: 'count' });

  // Exact equality with HiGHS.
  for (const [n, m] of [
    [500, 50],
    [1_000, 100],
    [2_000, 200],
  ]) {
    const inst = generateInstance({ seed: n, applications: n, reviewers: m });
    const avg = (n * 3) / m;
    const opts = { k: 3, minLoad: Math.floor(avg / 2), maxLoad: Math.ceil(avg * 1.5), requireSenior: true };
    log(`${n} × 3 from ${m}: solving, then HiGHS …`);
    const ta = performance.now();
    const ours = assignReviewers(inst, opts);
    const oursMs = performance.now() - ta;
    const lp = await lpOptimum(inst, opts);
    const diff = Math.abs(ours.objective - lp.objective);
    const ok = lp.status === 'Optimal' && diff <= 1e-6 && verifyAssignment(inst, opts, ours.pairs, ours.objective).length === 0;
    const l = `${n.toLocaleString('en')} applications × 3 of ${m} reviewers`;
    rows.push({ measure: `${l}: |ours − HiGHS LP optimum|`, value: diff, unit: 'score', target: '≤ 1e-6', pass: ok });
    rows.push({ measure: `${l}: ours`, value: seconds(oursMs), unit: 's' });
    rows.push({ measure: `${l}: HiGHS (${lp.variables.toLocaleString('en')} variables)`, value: seconds(lp.ms), unit: 's' });
  }
  return rows;
}

/** Share of conflicted pairs among each application's best 50 reviewers by affinity (a sample of applications). */
function conflictShare(instance: ReturnType<typeof generateInstance>): number {
  const p = prepare(instance);
  const scorer = new PairScorer(p);
  const scores = new Int32Array(p.revs.length);
  let conflicted = 0;
  let total = 0;
  for (let a = 0; a < p.apps.length; a += 25) {
    scorer.scoreAll(a, scores);
    const best = [...scores.keys()].sort((x, y) => scores[y] - scores[x] || x - y).slice(0, 50);
    for (const r of best) {
      total++;
      if (isConflicted(p, a, r)) conflicted++;
    }
  }
  return conflicted / total;
}

export function formatRows(rows: Row[]): string {
  const lines = [`${'measure'.padEnd(78)} ${'value'.padStart(12)}  ${'unit'.padEnd(6)} ${'target'.padEnd(8)} pass`];
  for (const r of rows) {
    const v = Number.isInteger(r.value) ? String(r.value) : Math.abs(r.value) < 1e-3 && r.value !== 0 ? r.value.toExponential(2) : r.value.toFixed(3);
    lines.push(
      `${r.measure.padEnd(78)} ${v.padStart(12)}  ${r.unit.padEnd(6)} ${(r.target ?? '').padEnd(8)} ${r.pass === undefined ? '' : r.pass ? 'yes' : 'NO'}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const rows = await benchAssignment((line) => console.log(line));
  console.log(`\nSeedbed reviewer assignment bench — ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log(formatRows(rows));
  const out = path.join(import.meta.dirname, 'results', 'assignment.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), cores: os.cpus().length, rows }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}
