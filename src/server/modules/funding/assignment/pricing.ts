import type { ArcList, Layout } from './network';
import { TopK, type Pool } from './pool';
import { pairUnits, type Prepared } from './prepare';
import type { Problem } from './problem';

/**
 * Pricing: which pairs left out of the network could improve its optimum. With potentials π (scaled units,
 * reduced cost of a pair arc = −score·S + π(tail) − π(reviewer)), a pair breaks 1-optimality when its
 * reduced cost is < −1; adding it to the network and re-optimising then gains. When no pair anywhere does,
 * the flow is optimal for the whole problem (1-optimality with costs scaled by S > nodes is optimality).
 */

export type Violation = [a: number, r: number, score: number];
export type Priced = {
  violations: Violation[];
  /** What the pairs left out add to the dual bound (score units); valid only when `complete`. */
  slack: number;
  /** Every pair left out was priced or certified (no application still needs scoring in full). */
  complete: boolean;
  /** Largest violation (scaled units). */
  maxViolation: number;
  /** Applications scored in full this round. */
  refreshed: number;
};

export type PriceContext = {
  p: Prepared;
  L: Layout;
  pool: Pool;
  problem: Problem;
  classOf: Uint8Array;
  pi: Float64Array;
  S: number;
  /** Most improving pairs returned per application. */
  limit: number;
  /** Score in full the applications the bounds cannot certify (otherwise report them incomplete). */
  full: boolean;
  reserve: number;
};

export function price(ctx: PriceContext): Priced {
  const { p, L, pool, problem, classOf, pi, S, limit, full } = ctx;
  const n = L.n;
  const m = L.m;
  const classes = pool.classes;
  // How far reviewer potentials drifted up since each epoch, per class.
  const drift = new Float64Array(pool.snapshots.length * classes).fill(Number.NEGATIVE_INFINITY);
  pool.snapshots.forEach((snap, e) => {
    for (let r = 0; r < m; r++) {
      const d = pi[L.base + r] - snap[r];
      const at = e * classes + classOf[r];
      if (d > drift[at]) drift[at] = d;
    }
  });
  // Reviewers of each class by drift since each epoch, largest first.
  const driftOf: Float64Array[] = [];
  const byDrift: Int32Array[] = [];
  pool.snapshots.forEach((snap, e) => {
    const d = Float64Array.from({ length: m }, (_, r) => pi[L.base + r] - snap[r]);
    for (let c = 0; c < classes; c++) {
      driftOf[e * classes + c] = d;
      byDrift[e * classes + c] = Int32Array.from([...Array(m).keys()].filter((r) => classOf[r] === c)).sort((x, y) => d[y] - d[x] || x - y);
    }
  });
  const above = new Int32Array(classes);
  let epoch = -1;
  const violations: Violation[] = [];
  const found: [number, number, number][] = [];
  const units = new Int32Array(m);
  const mark = new Uint8Array(m);
  const top = new TopK(Math.max(ctx.reserve, limit));
  let slack = 0;
  let complete = true;
  let maxViolation = 0;
  let refreshed = 0;
  const tail = (a: number, c: number) => (c === 1 ? n + a : a);
  const consider = (a: number, r: number, w: number) => {
    const rc = -w * S + pi[tail(a, classOf[r])] - pi[L.base + r];
    if (rc < 0) slack += -rc / S;
    if (rc < -1) {
      found.push([rc, r, w]);
      if (-rc > maxViolation) maxViolation = -rc;
    }
  };

  for (let a = 0; a < n; a++) {
    found.length = 0;
    const rev = pool.rev[a];
    const score = pool.score[a];
    const inNet = pool.inNet[a];
    for (let i = 0; i < rev.length; i++) if (!inNet[i]) consider(a, rev[i], score[i]);
    // The pairs not kept: certified by the bound, else scored one by one when few reviewers drifted
    // enough to matter, else scored in full.
    let worst = 0;
    let enumerate = 0;
    let tailSlack = 0;
    for (let c = 0; c < classes; c++) {
      const b = pool.bound[a * classes + c];
      if (b === Number.NEGATIVE_INFINITY) continue;
      const e = pool.epoch[a] * classes + c;
      const t = pi[tail(a, c)];
      const lb = t - b - Math.max(0, drift[e]);
      if (lb < worst) worst = lb;
      // A pair of class c scores at most b − π⁰(r): its reduced cost is ≥ π(tail) − b − (π(r) − π⁰(r)).
      above[c] = lb < -1 ? countAbove(byDrift[e], driftOf[e], t - b + 1) : 0;
      enumerate += above[c];
      // What the pairs not scored may add to the bound: each at most its lower bound's shortfall below 0.
      const list = byDrift[e];
      const d = driftOf[e];
      for (let i = above[c]; i < list.length && d[list[i]] > t - b; i++) tailSlack += (d[list[i]] - (t - b)) / S;
    }
    if (worst >= -1) slack += tailSlack;
    else if (enumerate <= ENUMERATE_UP_TO) {
      for (let i = 0; i < rev.length; i++) mark[rev[i]] = 1;
      const extra = problem.extraBlocked[a];
      const conflicted = p.conflicted[a];
      for (let i = 0; i < conflicted.length; i++) mark[conflicted[i]] = 1;
      for (let i = 0; i < extra.length; i++) mark[extra[i]] = 1;
      for (let c = 0; c < classes; c++) {
        const list = byDrift[pool.epoch[a] * classes + c];
        for (let i = 0; i < above[c]; i++) {
          const r = list[i];
          if (mark[r]) continue;
          consider(a, r, pairUnits(p, a, r));
        }
      }
      slack += tailSlack;
      for (let i = 0; i < rev.length; i++) mark[rev[i]] = 0;
      for (let i = 0; i < conflicted.length; i++) mark[conflicted[i]] = 0;
      for (let i = 0; i < extra.length; i++) mark[extra[i]] = 0;
    } else if (!full) complete = false;
    else {
      if (epoch < 0) {
        epoch = pool.snapshots.length;
        pool.snapshots.push(Float64Array.from({ length: m }, (_, r) => pi[L.base + r]));
      }
      refresh(a, epoch);
      refreshed++;
    }
    if (found.length > limit) found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (let i = 0; i < Math.min(limit, found.length); i++) violations.push([a, found[i][1], found[i][2]]);
  }
  return { violations, slack, complete, maxViolation, refreshed };

  /**
   * Scores application a against everyone; prices the pairs not kept; keeps its network pairs and the best
   * others by reduced profit; bounds the rest against today's potentials (a new epoch).
   */
  function refresh(a: number, e: number) {
    pool.scorer.scoreAll(a, units);
    const rev = pool.rev[a];
    const inNet = pool.inNet[a];
    for (let i = 0; i < rev.length; i++) mark[rev[i]] = 1;
    const keptRev: number[] = [];
    const keptScore: number[] = [];
    const keptNet: number[] = [];
    for (let i = 0; i < rev.length; i++) {
      if (inNet[i]) {
        keptRev.push(rev[i]);
        keptScore.push(pool.score[a][i]);
        keptNet.push(1);
      }
    }
    top.clear();
    const extra = problem.extraBlocked[a];
    const conflicted = p.conflicted[a];
    for (let i = 0; i < conflicted.length; i++) mark[conflicted[i]] |= 2;
    for (let i = 0; i < extra.length; i++) mark[extra[i]] |= 2;
    for (let r = 0; r < m; r++) {
      if (mark[r] & 2) continue;
      if (mark[r] === 0) consider(a, r, units[r]);
      // Reduced profit against the application's own threshold: the most attractive first.
      const isNet = mark[r] === 1 && inNet[rev.indexOf(r)] === 1;
      if (!isNet) top.offer(units[r] * S + pi[L.base + r] - pi[tail(a, classOf[r])], r);
    }
    const keep = top.sorted();
    for (const i of keep) {
      const r = top.ids[i];
      keptRev.push(r);
      keptScore.push(units[r]);
      keptNet.push(0);
      mark[r] |= 4;
    }
    for (const r of keptRev) mark[r] |= 4;
    // The bound on what is still left out, per class, against today's potentials.
    for (let c = 0; c < classes; c++) pool.bound[a * classes + c] = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < m; r++) {
      if (mark[r] & 6) continue;
      const v = units[r] * S + pi[L.base + r];
      const at = a * classes + classOf[r];
      if (v > pool.bound[at]) pool.bound[at] = v;
    }
    for (let r = 0; r < m; r++) mark[r] = 0;
    pool.rev[a] = Int32Array.from(keptRev);
    pool.score[a] = Int32Array.from(keptScore);
    pool.inNet[a] = Uint8Array.from(keptNet);
    pool.epoch[a] = e;
  }
}

/** Past this many reviewers to score one by one for an application, scoring it in full is cheaper. */
const ENUMERATE_UP_TO = 150;

/** How many of `sorted` (by `value`, descending) have a value above `cut`. */
function countAbove(sorted: Int32Array, value: Float64Array, cut: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value[sorted[mid]] > cut) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Raises each application's potentials (its node and its senior slot) to the highest value 1-optimality
 * allows given the reviewers' potentials: the threshold its weakest assigned reviewer sets. With reviewer
 * potentials at their lowest (`tightenTo`), this is the dual most favourable to pairs left out, so pricing
 * proposes only pairs that genuinely improve.
 */
export function polishPotentials(L: Layout, arcs: ArcList, flow: Int32Array, pi: Float64Array, S: number) {
  const tails = L.seniors ? 2 * L.n : L.n;
  const upper = new Float64Array(tails).fill(Number.POSITIVE_INFINITY);
  // Residual arcs into a tail: reverses of its assigned pair arcs (reviewer → tail), and the slot arc.
  const slotFlow = new Int32Array(L.n).fill(-1);
  const slotCap = new Int32Array(L.n);
  for (let e = 0; e < arcs.size; e++) {
    const t = arcs.tail[e];
    if (arcs.app[e] >= 0) {
      if (flow[e] > 0) upper[t] = Math.min(upper[t], pi[arcs.head[e]] - arcs.cost[e] * S);
    } else if (L.seniors && t < L.n && arcs.head[e] === L.n + t) {
      slotFlow[t] = flow[e];
      slotCap[t] = arcs.cap[e];
    }
  }
  for (let a = 0; a < L.n; a++) {
    let ua = upper[a];
    if (!L.seniors) {
      if (ua < Number.POSITIVE_INFINITY && ua > pi[a]) pi[a] = ua;
      continue;
    }
    let us = upper[L.n + a];
    // Slot arc a → s (capacity left: π(s) ≤ π(a)) and its reverse (flow on it: π(a) ≤ π(s)).
    const forward = slotFlow[a] >= 0 && slotFlow[a] < slotCap[a];
    const backward = slotFlow[a] > 0;
    for (let i = 0; i < 3; i++) {
      if (forward) us = Math.min(us, Math.max(ua, pi[a]));
      if (backward) ua = Math.min(ua, Math.max(us, pi[L.n + a]));
    }
    if (ua < Number.POSITIVE_INFINITY && ua > pi[a]) pi[a] = ua;
    if (us < Number.POSITIVE_INFINITY && us > pi[L.n + a]) pi[L.n + a] = us;
  }
}

/**
 * Weak duality: for any potentials π, Σ_v π_v b_v + Σ_arcs cap · max(0, −reduced cost) bounds the profit of
 * every flow of the network (scaled units; returned in score units). Shifted so the sink's potential is 0:
 * the same bound, smaller numbers.
 */
export function networkBound(arcs: ArcList, L: Layout, supply: Int32Array, pi: Float64Array, S: number): number {
  const shift = pi[L.sink];
  let total = 0;
  for (let v = 0; v < L.nodes; v++) total += (pi[v] - shift) * supply[v];
  for (let e = 0; e < arcs.size; e++) {
    const rc = arcs.cost[e] * S + pi[arcs.tail[e]] - pi[arcs.head[e]];
    if (rc < 0) total += -rc * arcs.cap[e];
  }
  return total / S;
}
