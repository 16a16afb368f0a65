import { SCORE_UNIT } from './affinity';
import type { AssignmentInstance } from './instance';
import { maxFlowFeasibility } from './max-flow';
import { type FlowResult, minCostFlow } from './min-cost-flow';
import { ArcList, type Layout, layout, tailOf } from './network';
import { buildPool, joinNetwork, type Pool } from './pool';
import { pairUnits, type Prepared, prepare } from './prepare';
import { networkBound, polishPotentials, price } from './pricing';
import {
  type AssignmentOptions,
  applicationList,
  defineProblem,
  type Infeasibility,
  type Problem,
  type ResolvedOptions,
  resolveOptions,
  reviewerList,
} from './problem';

export type { AssignmentOptions, FixedPair, Infeasibility, InfeasibilityCode, ResolvedOptions } from './problem';

/**
 * Optimal reviewer assignment (issue 4): maximise the total affinity with exactly k reviewers per
 * application, each reviewer's load within [min, max], no conflicted pair, optionally at least one senior
 * reviewer per application, and pairs an officer forced in or out.
 *
 * Method. The problem is a min-cost flow (`network.ts`), so its LP optimum is integral. It is solved on a
 * network of candidate pairs (`pool.ts`) by cost scaling (`min-cost-flow.ts`); then the pairs left out are
 * priced against the duals (`pricing.ts`): those that could improve the optimum join the network and the
 * flow is re-optimised from where it stood, until none can. The result is then optimal over all pairs
 * (`optimal: true`), and `bound` is the value of a dual solution of the full LP: `gap` is a certificate.
 * With `gapTolerance` > 0 the rounds stop once the certified gap is that small.
 */

export type AssignedPair = { applicationId: string; reviewerId: string; affinity: number };

export type AssignmentResult = {
  feasible: boolean;
  pairs: AssignedPair[];
  /** Total affinity of the pairs. */
  objective: number;
  /** An upper bound on the total affinity of any feasible assignment (all pairs, not only candidates). */
  bound: number;
  /** (bound − objective) / bound. */
  gap: number;
  /** True when pricing proved that no pair left out could improve the result. */
  optimal: boolean;
  /** Σ over applications of the best k affinities (with a senior if required), ignoring loads: a weaker bound. */
  topKBound: number;
  infeasibilityReason?: string;
  infeasibility?: Infeasibility;
  /** Reviewer id → number of applications assigned. */
  loads: Record<string, number>;
  /**
   * Reviewer id → the marginal value of one more review by them (dual price, score units): positive when
   * in demand, negative when minimum loads force work on them. Pass as `priceHint` to re-solve faster.
   */
  reviewerPrices: Record<string, number>;
  options: ResolvedOptions;
  stats: {
    applications: number;
    reviewers: number;
    networkArcs: number;
    addedPairs: number;
    pricingRounds: number;
    refreshed: number;
    flow: { solves: number; phases: number; relabels: number; globalUpdates: number };
    ms: { prepare: number; candidates: number; feasibility: number; flow: number; pricing: number; total: number };
  };
};

const now = () => performance.now();
/** Objective and bound are in integer score units; floating error in the bound stays far below this. */
const EXACT_MARGIN = 0.5;

export function assignReviewers(instance: AssignmentInstance, options: AssignmentOptions = {}): AssignmentResult {
  const t0 = now();
  const o = resolveOptions(options);
  const p = prepare(instance, o.weights);
  const ms = { prepare: now() - t0, candidates: 0, feasibility: 0, flow: 0, pricing: 0, total: 0 };
  const stats: AssignmentResult['stats'] = {
    applications: p.apps.length,
    reviewers: p.revs.length,
    networkArcs: 0,
    addedPairs: 0,
    pricingRounds: 0,
    refreshed: 0,
    flow: { solves: 0, phases: 0, relabels: 0, globalUpdates: 0 },
    ms,
  };
  const fail = (infeasibility: Infeasibility): AssignmentResult => {
    ms.total = now() - t0;
    return {
      feasible: false,
      pairs: [],
      objective: 0,
      bound: 0,
      gap: 0,
      optimal: false,
      topKBound: 0,
      infeasibilityReason: infeasibility.message,
      infeasibility,
      loads: {},
      reviewerPrices: {},
      options: o,
      stats,
    };
  };
  const problem = defineProblem(p, o);
  if ('code' in problem) return fail(problem);
  const { n, m, k, lo, hi } = problem;
  const L = layout(n, m, o.requireSenior);
  const classes = o.requireSenior ? 2 : 1;
  const classOf = Uint8Array.from(p.revs, (r) => (o.requireSenior && r.senior ? 1 : 0));
  const supply = new Int32Array(L.nodes);
  const log = options.onProgress ? (s: string) => options.onProgress?.(`${(now() - t0).toFixed(0)} ms: ${s}`) : () => {};

  // The first network: each application's best pairs, each reviewer's best applications, a greedy
  // assignment. Widened while infeasible but incomplete.
  // Reviewer prices of an earlier solve of the same call (e.g. before an override) rank the first pairs.
  const hint = options.priceHint;
  const seedPrices = hint ? Float64Array.from(p.revs, (r) => -(hint[r.id] ?? 0) * SCORE_UNIT * (L.nodes + 1)) : undefined;
  let inNetwork = o.candidatesPerApplication;
  let reserve = o.reservePerApplication;
  let perReviewer = lo.reduce((x, l) => Math.max(x, 2 * l + 10), o.candidatesPerReviewer);
  let pool: Pool;
  let arcs: ArcList;
  for (;;) {
    const tc = now();
    pool = buildPool(p, {
      inNetwork,
      reserve,
      perReviewer,
      classOf,
      classes,
      scale: L.nodes + 1,
      prices: seedPrices,
      blocked: (a) => problem.extraBlocked[a],
      greedy: {
        need: Int32Array.from(problem.forcedCount, (f) => k - f),
        needSenior: Uint8Array.from(problem.forcedSenior, (f) => (o.requireSenior && !f ? 1 : 0)),
        capacity: Int32Array.from(hi, (h, r) => h - problem.forcedLoad[r]),
        senior: Uint8Array.from(p.revs, (r) => (r.senior ? 1 : 0)),
      },
    });
    ms.candidates += now() - tc;
    arcs = assemble(p, L, problem, pool, supply);
    const tf = now();
    const check = maxFlowFeasibility(arcs.problem(L.nodes, supply));
    ms.feasibility += now() - tf;
    if (check.feasible) break;
    const complete = pool.inNet.every((x) => x.every((y) => y === 1)) && pool.bound.every((b) => b === Number.NEGATIVE_INFINITY);
    if (complete) return fail(explainCut(p, L, check.sourceSide!, supply));
    log('first network infeasible: widening');
    if (inNetwork < reserve) inNetwork = reserve;
    else {
      reserve = Math.min(m, reserve * 2);
      inNetwork = reserve;
      perReviewer = Math.min(n, perReviewer * 2);
    }
  }
  const topKBound = topK(p, pool, k, o.requireSenior, classes, L.nodes + 1);
  log(`first network: ${arcs.size} arcs`);

  const solve = (initial?: { flow: Int32Array; potential: Float64Array }) => {
    const tf = now();
    const f = minCostFlow(arcs.problem(L.nodes, supply), {
      tightenTo: L.sink,
      ...(initial ? { initialFlow: initial.flow, initialPotential: initial.potential } : {}),
    });
    polishPotentials(L, arcs, f.flow, f.potential, f.scale);
    ms.flow += now() - tf;
    stats.flow.solves++;
    stats.flow.phases += f.stats.phases;
    stats.flow.relabels += f.stats.relabels;
    stats.flow.globalUpdates += f.stats.globalUpdates;
    return f;
  };
  let flow: FlowResult = solve();

  // Pricing rounds: the kept pairs first (cheap); when they have nothing to add, everything (applications
  // the bounds cannot certify are scored in full). Stop when nothing improves, or the certified gap is small.
  let full = false;
  const fewLeft = Math.max(50, Math.floor((n * k) / 500));
  let slack = 0;
  let optimal = false;
  for (;;) {
    const tp = now();
    stats.pricingRounds++;
    const priced = price({ p, L, pool, problem, classOf, pi: flow.potential, S: flow.scale, limit: o.pricedPerApplication, full, reserve });
    stats.refreshed += priced.refreshed;
    ms.pricing += now() - tp;
    const units = -flow.totalCost;
    if (priced.complete) {
      slack = priced.slack;
      const bound = networkBound(arcs, L, supply, flow.potential, flow.scale) + slack;
      log(
        `round ${stats.pricingRounds} (all pairs, ${priced.refreshed} scored in full): ${priced.violations.length} improving, gap ${((bound - units) / bound).toExponential(2)}`,
      );
      // Scores are integers (units): a bound less than one unit above the objective proves it optimal.
      if (priced.violations.length === 0 || bound - units < EXACT_MARGIN) {
        optimal = true;
        break;
      }
      if (bound - units <= o.gapTolerance * bound) break;
    } else
      log(
        `round ${stats.pricingRounds} (kept pairs): ${priced.violations.length} improving, largest ${(priced.maxViolation / flow.scale / SCORE_UNIT).toFixed(4)}`,
      );
    // Few pairs left to add among those kept: price everything in the same round as them from now on.
    if (priced.violations.length === 0 && !full) {
      full = true;
      continue;
    }
    full = priced.violations.length <= fewLeft;
    stats.addedPairs += priced.violations.length;
    const before = arcs.size;
    for (const [a, r, w] of priced.violations) {
      joinNetwork(pool, a, r, w);
      arcs.push(tailOf(L, a, p.revs[r].senior), L.base + r, 1, -w, a, r);
    }
    const initial = new Int32Array(arcs.size);
    initial.set(flow.flow.subarray(0, before));
    flow = solve({ flow: initial, potential: flow.potential });
  }
  stats.networkArcs = arcs.size;
  // Reviewer prices (score units; positive: in demand, negative: needs work to reach its minimum load).
  const reviewerPrices: Record<string, number> = {};
  for (let r = 0; r < m; r++) reviewerPrices[p.revs[r].id] = -(flow.potential[L.base + r] - flow.potential[L.sink]) / flow.scale / SCORE_UNIT;

  // The assignment, its value, and the dual bound.
  const pairs: [number, number, number][] = problem.forcedIn.map(([a, r]) => [a, r, pairUnits(p, a, r)]);
  let units = problem.forcedUnits;
  for (let e = 0; e < arcs.size; e++) {
    if (arcs.app[e] >= 0 && flow.flow[e] > 0) {
      const u = -arcs.cost[e];
      pairs.push([arcs.app[e], arcs.rev[e], u]);
      units += u;
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const boundUnits = networkBound(arcs, L, supply, flow.potential, flow.scale) + slack + problem.forcedUnits;
  const loads: Record<string, number> = {};
  for (const rv of p.revs) loads[rv.id] = 0;
  for (const [, r] of pairs) loads[p.revs[r].id]++;
  const objective = units / SCORE_UNIT;
  const bound = Math.max(objective, boundUnits / SCORE_UNIT);
  ms.total = now() - t0;
  return {
    feasible: true,
    pairs: pairs.map(([a, r, u]) => ({ applicationId: p.apps[a].id, reviewerId: p.revs[r].id, affinity: u / SCORE_UNIT })),
    objective,
    bound,
    gap: bound > 0 ? (bound - objective) / bound : 0,
    optimal,
    topKBound: topKBound / SCORE_UNIT,
    loads,
    reviewerPrices,
    options: o,
    stats,
  };
}

/** The network: structural arcs first (slot and load arcs, same order every time), then the pairs in the pool's network. */
function assemble(p: Prepared, L: Layout, problem: Problem, pool: Pool, supply: Int32Array): ArcList {
  const arcs = new ArcList();
  const { k, forcedCount, forcedSenior, forcedLoad, lo, hi } = problem;
  supply.fill(0);
  let sumLo = 0;
  for (let a = 0; a < L.n; a++) {
    const demand = k - forcedCount[a];
    if (L.seniors) {
      // a → s_a carries between 1 and `demand` units (no lower bound once a senior is forced in).
      const need = forcedSenior[a] ? 0 : 1;
      supply[a] = demand - need;
      supply[L.n + a] = need;
      if (demand - need > 0) arcs.push(a, L.n + a, demand - need, 0);
    } else supply[a] = demand;
  }
  for (let r = 0; r < L.m; r++) {
    // r → sink carries its load in [lo, hi]; forced pairs arrive as supply.
    supply[L.base + r] = forcedLoad[r] - lo[r];
    sumLo += lo[r];
    if (hi[r] > lo[r]) arcs.push(L.base + r, L.sink, hi[r] - lo[r], 0);
  }
  supply[L.sink] = sumLo - L.n * k;
  for (let a = 0; a < L.n; a++) {
    const rev = pool.rev[a];
    for (let i = 0; i < rev.length; i++) {
      if (pool.inNet[a][i]) arcs.push(tailOf(L, a, p.revs[rev[i]].senior), L.base + rev[i], 1, -pool.score[a][i], a, rev[i]);
    }
  }
  return arcs;
}

/** Σ over applications of their best k scores (a senior among them if required), ignoring loads: pairs not kept count at their bound. */
function topK(p: Prepared, pool: Pool, k: number, requireSenior: boolean, classes: number, S: number): number {
  let total = 0;
  // Bounds are on score·S + π⁰(r): the lowest π⁰ turns them into bounds on scores.
  const lowest = pool.snapshots[0].reduce((x, y) => Math.min(x, y), 0);
  for (let a = 0; a < p.apps.length; a++) {
    const list: [number, boolean][] = [];
    pool.rev[a].forEach((r, i) => {
      list.push([pool.score[a][i], p.revs[r].senior]);
    });
    for (let c = 0; c < classes; c++) {
      const b = pool.bound[a * classes + c];
      if (b > Number.NEGATIVE_INFINITY) for (let j = 0; j < k; j++) list.push([(b - lowest) / S, classes === 1 || c === 1]);
    }
    list.sort((x, y) => y[0] - x[0]);
    const top = list.slice(0, k);
    let sum = top.reduce((s, x) => s + x[0], 0);
    if (requireSenior && !top.some((x) => x[1])) {
      const best = list.find((x) => x[1]);
      if (best) sum += best[0] - top[k - 1][0];
    }
    total += sum;
  }
  return total;
}

/** A minimum cut of an infeasible network, said plainly: which applications cannot get their reviewers, and why. */
function explainCut(p: Prepared, L: Layout, side: Uint8Array, supply: Int32Array): Infeasibility {
  const apps: number[] = [];
  for (let a = 0; a < L.n; a++) if (side[a] || (L.seniors && side[L.n + a])) apps.push(a);
  const revs: number[] = [];
  for (let r = 0; r < L.m; r++) if (side[L.base + r]) revs.push(r);
  let demand = 0;
  for (const a of apps) demand += supply[a] + (L.seniors ? supply[L.n + a] : 0);
  const seniorOnly = L.seniors && apps.some((a) => side[L.n + a] && !side[a]);
  return {
    code: 'bottleneck',
    message:
      `${apps.length} application(s) (${applicationList(p, apps)}) need ${demand} review(s) that their eligible reviewers cannot give: ` +
      `${revs.length} reviewer(s) (${reviewerList(p, revs)}) are the only ones without a conflict and their loads are full` +
      `${seniorOnly ? ' (counting senior reviewers)' : ''}, or minimum loads elsewhere leave no room.`,
    applicationIds: apps.map((a) => p.apps[a].id),
    reviewerIds: revs.map((r) => p.revs[r].id),
  };
}
