import type { Prepared } from './prepare';
import { PairScorer } from './scorer';

/**
 * The pairs the optimiser knows, per application: scored pairs ("entries"), some of them in the flow
 * network, and a bound on every pair not kept. Built once from the inverted index (`scorer.ts`), never
 * pair by pair, then refreshed application by application as reviewer prices emerge.
 *
 * The bound: for each reviewer class (senior or not, when seniors are required; one class otherwise),
 * `bound[a][c]` ≥ score·S + π⁰(r) over every pair of class c not kept, where π⁰ are the reviewer
 * potentials when the application was last scored in full (its epoch; epoch 0: all zero). With today's
 * potentials π, such a pair's reduced cost is ≥ π(tail) − bound − max_r (π(r) − π⁰(r)): pricing certifies
 * most applications without scoring anything.
 */
export type Pool = {
  rev: Int32Array[];
  score: Int32Array[];
  inNet: Uint8Array[];
  /** Per application and class: the bound (scaled units); −∞ when nothing is left out. */
  bound: Float64Array;
  epoch: Int32Array;
  /** Reviewer potentials per epoch (epoch 0: zeros). */
  snapshots: Float64Array[];
  classes: number;
  scorer: PairScorer;
};

export type PoolOptions = {
  /** Kept in the first network: the application's best, by score. */
  inNetwork: number;
  /** Scored and kept (in reserve) per application. */
  reserve: number;
  /** Each reviewer's best applications, in the first network (so minimum loads can be met). */
  perReviewer: number;
  /** Reviewer class index (0 or 1) when seniors are required; all 0 otherwise. */
  classOf: Uint8Array;
  classes: number;
  /** Cost scale S of the flow (bounds are kept in scaled units). */
  scale: number;
  /**
   * Estimated reviewer potentials (scaled units, sink at 0): pairs are then ranked by reduced profit
   * score·S + π(r) instead of score alone, and bounds are kept against them (epoch 0).
   */
  prices?: Float64Array;
  /** Pairs never to propose, per application (forced in or out), besides conflicts. */
  blocked: (a: number) => ArrayLike<number>;
  /** Greedy pass: reviewers still needed per application, whether a senior is still needed, capacity left per reviewer. */
  greedy?: { need: Int32Array; needSenior: Uint8Array; capacity: Int32Array; senior: Uint8Array };
};

export function buildPool(p: Prepared, o: PoolOptions): Pool {
  const n = p.apps.length;
  const m = p.revs.length;
  const R = Math.max(1, Math.min(Math.max(o.reserve, o.inNetwork), m));
  const N1 = Math.min(o.inNetwork, R);
  const L = Math.max(0, Math.min(o.perReviewer, n));
  const S = o.scale;
  const scorer = new PairScorer(p);
  const prices = o.prices;
  const units = new Int32Array(m);
  const blocked = new Uint8Array(m);
  const heap = new TopK(R);
  const top = new TopK(Math.max(1, N1));

  // Per reviewer: a heap of its best L applications, flat. Applications arrive in index order, so a
  // newcomer beats the root only with a strictly higher score.
  const rs = new Int32Array(m * L);
  const ra = new Int32Array(m * L);
  const rn = new Int32Array(m);

  const lists: { rev: number[]; score: number[]; net: number[] }[] = new Array(n);
  const bound = new Float64Array(n * o.classes).fill(Number.NEGATIVE_INFINITY);
  for (let a = 0; a < n; a++) {
    const conflicted = p.conflicted[a];
    const extra = o.blocked(a);
    for (let i = 0; i < conflicted.length; i++) blocked[conflicted[i]] = 1;
    for (let i = 0; i < extra.length; i++) blocked[extra[i]] = 1;
    scorer.scoreAll(a, units);
    heap.clear();
    let available = 0;
    for (let r = 0; r < m; r++) {
      if (blocked[r] === 1) continue;
      available++;
      const s = units[r];
      heap.offer(prices ? s * S + prices[r] : s, r);
      if (L > 0 && s > 0) {
        const b = r * L;
        const size = rn[r];
        if (size < L) {
          rn[r] = size + 1;
          let i = size;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            if (rs[b + parent] < s || (rs[b + parent] === s && ra[b + parent] > a)) break;
            rs[b + i] = rs[b + parent];
            ra[b + i] = ra[b + parent];
            i = parent;
          }
          rs[b + i] = s;
          ra[b + i] = a;
        } else if (s > rs[b]) siftDownAt(rs, ra, b, L, s, a);
      }
    }
    // The kept pairs, in heap order; the best N1 of them (a small heap over the kept) join the network.
    const kept = heap.size;
    top.clear();
    for (let i = 0; i < kept; i++) top.offer(heap.keys[i], i);
    const list = { rev: [] as number[], score: [] as number[], net: [] as number[] };
    for (let i = 0; i < kept; i++) {
      const r = heap.ids[i];
      list.rev.push(r);
      list.score.push(units[r]);
      list.net.push(0);
    }
    if (N1 > 0) for (let j = 0; j < top.size; j++) list.net[top.ids[j]] = 1;
    // The bound on the rest: no pair left out scores above the last one kept (the heap's root).
    if (available > kept) {
      const worst = heap.keys[0];
      const last = prices ? worst : worst * S;
      for (let c = 0; c < o.classes; c++) bound[a * o.classes + c] = last;
    }

    // Greedy: the best reviewers with capacity left, a senior first if one is needed.
    if (o.greedy && o.greedy.need[a] > 0) {
      const { need, needSenior, capacity, senior } = o.greedy;
      let seniorNeeded = needSenior[a] === 1;
      const chosen: number[] = [];
      const best = (seniorOnly: boolean) => {
        let bestR = -1;
        let bestS = -1;
        for (const r of list.rev) {
          if (capacity[r] > 0 && !chosen.includes(r) && (!seniorOnly || senior[r]) && (units[r] > bestS || (units[r] === bestS && r < bestR))) {
            bestS = units[r];
            bestR = r;
          }
        }
        if (bestR >= 0) return bestR;
        for (let r = 0; r < m; r++) {
          if (blocked[r] === 0 && capacity[r] > 0 && !chosen.includes(r) && (!seniorOnly || senior[r]) && units[r] > bestS) {
            bestS = units[r];
            bestR = r;
          }
        }
        return bestR;
      };
      const take = (r: number) => {
        chosen.push(r);
        capacity[r]--;
        if (senior[r]) seniorNeeded = false;
      };
      if (seniorNeeded) {
        const r = best(true);
        if (r >= 0) take(r);
      }
      while (chosen.length < need[a]) {
        const r = best(false);
        if (r < 0) break;
        take(r);
      }
      for (const r of chosen) addEntry(list, r, units[r]);
    }
    lists[a] = list;
    for (let i = 0; i < conflicted.length; i++) blocked[conflicted[i]] = 0;
    for (let i = 0; i < extra.length; i++) blocked[extra[i]] = 0;
  }

  // Each reviewer's best applications (a reviewer that shares nothing with enough of them takes score-0
  // ones, lowest index first).
  for (let r = 0; r < m; r++) {
    const b = r * L;
    for (let i = 0; i < rn[r]; i++) addEntry(lists[ra[b + i]], r, rs[b + i]);
    if (rn[r] >= L) continue;
    const have = new Set<number>();
    for (let i = 0; i < rn[r]; i++) have.add(ra[b + i]);
    for (let a = 0, count = rn[r]; a < n && count < L; a++) {
      if (have.has(a) || p.conflicted[a].includes(r) || Array.prototype.includes.call(o.blocked(a), r)) continue;
      addEntry(lists[a], r, 0);
      count++;
    }
  }

  return {
    rev: lists.map((l) => Int32Array.from(l.rev)),
    score: lists.map((l) => Int32Array.from(l.score)),
    inNet: lists.map((l) => Uint8Array.from(l.net)),
    bound,
    epoch: new Int32Array(n),
    snapshots: [prices ? Float64Array.from(prices) : new Float64Array(m)],
    classes: o.classes,
    scorer,
  };
}

/** Marks a pair as in the network, adding it to the application's entries if it was not kept. */
export function joinNetwork(pool: Pool, a: number, r: number, score: number) {
  const i = pool.rev[a].indexOf(r);
  if (i >= 0) {
    pool.inNet[a][i] = 1;
    return;
  }
  const grow = <T extends Int32Array | Uint8Array>(x: T, v: number): T => {
    const y = new (x.constructor as new (n: number) => T)(x.length + 1);
    y.set(x);
    y[x.length] = v;
    return y;
  };
  pool.rev[a] = grow(pool.rev[a], r);
  pool.score[a] = grow(pool.score[a], score);
  pool.inNet[a] = grow(pool.inNet[a], 1);
}

/** Puts a pair in the list and in the first network (it may be there already, in reserve). */
function addEntry(list: { rev: number[]; score: number[]; net: number[] }, r: number, s: number) {
  const at = list.rev.indexOf(r);
  if (at >= 0) list.net[at] = 1;
  else {
    list.rev.push(r);
    list.score.push(s);
    list.net.push(1);
  }
}

/** The best `k` (key, id) pairs: higher key first, then lower id. A min-heap on the worst. */
export class TopK {
  keys: Float64Array;
  ids: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.keys = new Float64Array(k);
    this.ids = new Int32Array(k);
  }
  clear() {
    this.size = 0;
  }
  /** Offers in any order; ties in key go to the lower id. */
  offer(key: number, id: number) {
    const { keys, ids } = this;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (keys[parent] < key || (keys[parent] === key && ids[parent] > id)) break;
        keys[i] = keys[parent];
        ids[i] = ids[parent];
        i = parent;
      }
      keys[i] = key;
      ids[i] = id;
      return;
    }
    if (key < keys[0] || (key === keys[0] && id > ids[0])) return;
    let i = 0;
    const size = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      let c = l;
      if (l + 1 < size && (keys[l + 1] < keys[l] || (keys[l + 1] === keys[l] && ids[l + 1] > ids[l]))) c = l + 1;
      if (keys[c] > key || (keys[c] === key && ids[c] < id)) break;
      keys[i] = keys[c];
      ids[i] = ids[c];
      i = c;
    }
    keys[i] = key;
    ids[i] = id;
  }
  /** Positions in the heap arrays, best first. */
  sorted(): number[] {
    const { keys, ids } = this;
    return Array.from({ length: this.size }, (_, i) => i).sort((x, y) => keys[y] - keys[x] || ids[x] - ids[y]);
  }
}

function siftDownAt(rs: Int32Array, ra: Int32Array, b: number, size: number, s: number, a: number) {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    let c = l;
    if (l + 1 < size && (rs[b + l + 1] < rs[b + l] || (rs[b + l + 1] === rs[b + l] && ra[b + l + 1] > ra[b + l]))) c = l + 1;
    if (rs[b + c] > s || (rs[b + c] === s && ra[b + c] < a)) break;
    rs[b + i] = rs[b + c];
    ra[b + i] = ra[b + c];
    i = c;
  }
  rs[b + i] = s;
  ra[b + i] = a;
}
