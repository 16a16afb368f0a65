// Tests and benches only: `highs` is a dev dependency, never imported by the server.
import highsLoader from 'highs';
import { SCORE_UNIT } from './affinity';
import type { AssignmentInstance } from './instance';
import { isConflicted, pairUnits, prepare } from './prepare';
import { type AssignmentOptions, resolveOptions } from './problem';

/**
 * The exact oracle: the LP relaxation of the assignment, solved by HiGHS. One variable x_ar ∈ [0, 1] per
 * pair without a conflict (forced pairs fixed), maximise Σ affinity · x subject to Σ_r x_ar = k,
 * Σ_{r senior} x_ar ≥ 1 (if required), min_r ≤ Σ_a x_ar ≤ max_r. Written independently of the flow network.
 */

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | undefined;
export const loadHighs = () => (loaded ??= highsLoader());

export type LpOptimum = {
  status: string;
  objective: number;
  /** Largest distance of a variable from 0 or 1. */
  fractionality: number;
  /** Pairs at (near) 1, as "applicationId/reviewerId". */
  pairs: string[];
  variables: number;
  ms: number;
};

export type LpModel = { lp: string; names: string[]; variables: number };

/** The LP in CPLEX LP format (small instances; `lpOptimum` builds the same model in memory for large ones). */
export function cplexLp(instance: AssignmentInstance, options: AssignmentOptions = {}): LpModel {
  const { cols, rows } = formulate(instance, options);
  const name = (j: number) => `x${j}`;
  const term = (c: number, j: number) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${name(j)}`;
  const lines = ['Maximize', ` obj: ${cols.length ? cols.map((c, j) => term(c.w, j)).join(' ') : '0 x0'}`, 'Subject To'];
  rows.forEach((row, i) => {
    const lhs = row.cols.map((j) => `+ ${name(j)}`).join(' ') || '0 x0';
    if (row.lo === row.hi) lines.push(` r${i}: ${lhs} = ${row.lo}`);
    else {
      if (row.lo > 0) lines.push(` r${i}lo: ${lhs} >= ${row.lo}`);
      if (Number.isFinite(row.hi)) lines.push(` r${i}hi: ${lhs} <= ${row.hi}`);
    }
  });
  lines.push('Bounds');
  cols.forEach((c, j) => {
    lines.push(c.fixed ? ` ${name(j)} = 1` : ` 0 <= ${name(j)} <= 1`);
  });
  lines.push('End');
  return { lp: lines.join('\n'), names: cols.map((c) => c.pair), variables: cols.length };
}

function formulate(instance: AssignmentInstance, options: AssignmentOptions) {
  const o = resolveOptions(options);
  const p = prepare(instance, o.weights);
  const n = p.apps.length;
  const m = p.revs.length;
  const out = new Set(o.fixed.filter((f) => !f.include).map((f) => `${f.applicationId}/${f.reviewerId}`));
  const fixedIn = new Set(o.fixed.filter((f) => f.include).map((f) => `${f.applicationId}/${f.reviewerId}`));
  type Row = { lo: number; hi: number; cols: number[] };
  const appRows: Row[] = p.apps.map(() => ({ lo: o.k, hi: o.k, cols: [] }));
  const seniorRows: Row[] = o.requireSenior ? p.apps.map(() => ({ lo: 1, hi: Number.POSITIVE_INFINITY, cols: [] })) : [];
  const revRows: Row[] = p.revs.map((r) => ({ lo: r.minLoad ?? o.minLoad, hi: r.maxLoad ?? o.maxLoad, cols: [] }));
  const cols: { w: number; fixed: boolean; pair: string }[] = [];
  for (let a = 0; a < n; a++) {
    for (let r = 0; r < m; r++) {
      if (isConflicted(p, a, r)) continue;
      const pair = `${p.apps[a].id}/${p.revs[r].id}`;
      if (out.has(pair)) continue;
      const j = cols.length;
      cols.push({ w: pairUnits(p, a, r) / SCORE_UNIT, fixed: fixedIn.has(pair), pair });
      appRows[a].cols.push(j);
      if (o.requireSenior && p.revs[r].senior) seniorRows[a].cols.push(j);
      revRows[r].cols.push(j);
    }
  }
  return { cols, rows: [...appRows, ...seniorRows, ...revRows], o };
}

/** Solves the LP with HiGHS (dual simplex, no presolve tricks needed) and reports its optimum. */
export async function lpOptimum(instance: AssignmentInstance, options: AssignmentOptions = {}, via: 'model' | 'lp' = 'model'): Promise<LpOptimum> {
  const highs = await loadHighs();
  const t0 = performance.now();
  const { cols, rows } = formulate(instance, options);
  const settings = { output_flag: false, solver: 'simplex' } as const;
  let status: string;
  let objective: number;
  let values: ArrayLike<number>;
  if (via === 'lp') {
    const { lp } = cplexLp(instance, options);
    const sol = highs.solve(lp, settings as never);
    status = sol.Status;
    objective = sol.ObjectiveValue;
    values = cols.map((_, j) => (sol.Columns as Record<string, { Primal: number }>)[`x${j}`]?.Primal ?? 0);
  } else {
    const starts = new Int32Array(cols.length + 1);
    const colRows: number[][] = cols.map(() => []);
    rows.forEach((row, i) => {
      for (const j of row.cols) colRows[j].push(i);
    });
    for (let j = 0; j < cols.length; j++) starts[j + 1] = starts[j] + colRows[j].length;
    const indices = new Int32Array(starts[cols.length]);
    for (let j = 0; j < cols.length; j++) indices.set(colRows[j], starts[j]);
    const inf = highs.infinity;
    const result = highs.withModel(
      {
        numCols: cols.length,
        numRows: rows.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost: Float64Array.from(cols, (c) => c.w),
        colLower: Float64Array.from(cols, (c) => (c.fixed ? 1 : 0)),
        colUpper: new Float64Array(cols.length).fill(1),
        rowLower: Float64Array.from(rows, (r) => r.lo),
        rowUpper: Float64Array.from(rows, (r) => (Number.isFinite(r.hi) ? r.hi : inf)),
        matrix: { format: 'csc', numRows: rows.length, numCols: cols.length, starts, indices, values: new Float64Array(indices.length).fill(1) },
      },
      (model) => {
        model.options.set(settings as never);
        model.run();
        const code = model.getModelStatus();
        const ok = code === highs.constants.modelStatus.optimal;
        return {
          status: ok ? 'Optimal' : `status ${code}`,
          objective: ok ? model.getObjectiveValue() : Number.NaN,
          values: ok ? model.getSolution().colValue : new Float64Array(cols.length),
        };
      },
    );
    status = result.status;
    objective = result.objective;
    values = result.values;
  }
  let fractionality = 0;
  const pairs: string[] = [];
  for (let j = 0; j < cols.length; j++) {
    const x = values[j];
    fractionality = Math.max(fractionality, Math.min(Math.abs(x), Math.abs(1 - x)));
    if (x > 0.5) pairs.push(cols[j].pair);
  }
  return { status, objective, fractionality, pairs, variables: cols.length, ms: performance.now() - t0 };
}
