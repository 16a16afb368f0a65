/**
 * Minimum-cost flow by cost scaling (Goldberg's push-relabel method, with partial augment-relabel steps,
 * FIFO selection of active nodes and global price updates), on a compact residual graph in typed arrays.
 *
 * Integer supplies, capacities and costs. Costs are multiplied by S = nodes + 1, so ε-optimality with ε = 1
 * in scaled units is ε < 1/n in original units: the flow found is optimal (and integral). The problem must
 * be feasible (check it with `maxFlowFeasibility` first); the potentials returned are optimal duals in
 * scaled units (reduced cost c·S + π(tail) − π(head) ≥ −1 on every residual arc).
 *
 * A warm start takes a flow and potentials (e.g. the optimum before arcs were added): scaling resumes at
 * the ε the start already satisfies, and each phase only saturates the arcs that break ε-optimality, so
 * the flow is disturbed where the new arcs are, not everywhere.
 */

export type FlowProblem = {
  nodes: number;
  /** Net supply of each node (positive: supply, negative: demand); the sum is 0. */
  supply: Int32Array;
  tail: Int32Array;
  head: Int32Array;
  /** Upper bounds (lower bounds are 0: transform them into supplies). */
  cap: Int32Array;
  /** Integer costs per unit. */
  cost: Float64Array;
};

export type FlowResult = {
  flow: Int32Array;
  /** Potentials in scaled units; divide by `scale` for duals in cost units. */
  potential: Float64Array;
  scale: number;
  /** Σ cost × flow. */
  totalCost: number;
  stats: { phases: number; relabels: number; globalUpdates: number };
};

export type FlowOptions = {
  alpha?: number;
  /** Longest partial augmenting path. */
  maxPathLength?: number;
  /** Start from this flow (within the capacities; supplies may be violated) … */
  initialFlow?: Int32Array;
  /** … and these potentials (scaled units, same scale). */
  initialPotential?: Float64Array;
  /**
   * Lower the final potentials as far as optimality allows, measured from this node: π(v) − dist(v → root)
   * over residual arcs. Pricing arcs left out of the network against the lowest potentials of their heads
   * avoids proposing arcs that only look attractive because a dual was left loose.
   */
  tightenTo?: number;
};

export function minCostFlow(problem: FlowProblem, options: FlowOptions = {}): FlowResult {
  const alpha = options.alpha ?? 16;
  const maxLen = options.maxPathLength ?? 4;
  const n = problem.nodes;
  const m = problem.tail.length;
  const S = n + 1;

  // Residual graph in CSR: each arc e gives a forward residual arc at fwd[e] (out of tail) and a backward one
  // at fwd[e]'s reverse (out of head).
  const firstOut = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    firstOut[problem.tail[e] + 1]++;
    firstOut[problem.head[e] + 1]++;
  }
  for (let v = 0; v < n; v++) firstOut[v + 1] += firstOut[v];
  const R = 2 * m;
  const target = new Int32Array(R);
  const source = new Int32Array(R);
  const reverse = new Int32Array(R);
  const resCap = new Int32Array(R);
  const cost = new Float64Array(R);
  const fwd = new Int32Array(m);
  const fill = firstOut.slice(0, n);
  for (let e = 0; e < m; e++) {
    const u = problem.tail[e];
    const v = problem.head[e];
    const a = fill[u]++;
    const b = fill[v]++;
    fwd[e] = a;
    target[a] = v;
    source[a] = u;
    target[b] = u;
    source[b] = v;
    reverse[a] = b;
    reverse[b] = a;
    const f = options.initialFlow ? options.initialFlow[e] : 0;
    resCap[a] = problem.cap[e] - f;
    resCap[b] = f;
    cost[a] = problem.cost[e] * S;
    cost[b] = -problem.cost[e] * S;
  }

  const excess = new Float64Array(n);
  for (let v = 0; v < n; v++) excess[v] = problem.supply[v];
  for (let e = 0; e < m; e++) {
    const f = resCap[reverse[fwd[e]]];
    if (f !== 0) {
      excess[problem.tail[e]] -= f;
      excess[problem.head[e]] += f;
    }
  }
  const pi = options.initialPotential ? Float64Array.from(options.initialPotential) : new Float64Array(n);

  // The first ε: the largest violation of optimality by the start (for a cold start, the largest |cost|).
  let relabels = 0;
  let globalUpdates = 0;
  let balanced = true;
  for (let v = 0; v < n; v++) if (excess[v] !== 0) balanced = false;
  let violation = 0;
  for (let u = 0; u < n; u++) {
    for (let a = firstOut[u]; a < firstOut[u + 1]; a++) {
      if (resCap[a] > 0) {
        const rc = cost[a] + pi[u] - pi[target[a]];
        if (-rc > violation) violation = -rc;
      }
    }
  }
  let maxCost = 0;
  for (let e = 0; e < m; e++) maxCost = Math.max(maxCost, Math.abs(problem.cost[e]) * S);
  // Exact integer arithmetic in doubles: scaled costs (and the potentials built from them) stay far below 2^53.
  if (maxCost > 2 ** 46) throw new Error('min-cost flow: costs × (nodes + 1) too large for exact arithmetic');
  let epsilon: number;
  if (!options.initialFlow && !options.initialPotential) epsilon = Math.max(1, Math.floor(maxCost / alpha));
  else if (balanced) {
    if (violation <= 1) return finish(0);
    epsilon = Math.max(1, Math.floor(violation / alpha));
  } else epsilon = Math.max(1, violation);

  const nextOut = new Int32Array(n);
  const onPath = new Uint8Array(R);
  const path = new Int32Array(maxLen + 1);
  // FIFO of active nodes, growable ring buffer (a node may sit in it twice).
  let queue = new Int32Array(Math.max(16, n));
  let qHead = 0;
  let qSize = 0;
  const enqueue = (v: number) => {
    if (qSize === queue.length) {
      const bigger = new Int32Array(queue.length * 2);
      for (let i = 0; i < qSize; i++) bigger[i] = queue[(qHead + i) % queue.length];
      queue = bigger;
      qHead = 0;
    }
    queue[(qHead + qSize) % queue.length] = v;
    qSize++;
  };

  // Global price update: exact distances (in units of ε) to the deficit nodes by a bucket search backwards.
  const maxRank = alpha * n;
  const rank = new Int32Array(n);
  const bucketFirst = new Int32Array(maxRank + 1);
  const bucketNext = new Int32Array(n + 1);
  const bucketPrev = new Int32Array(n + 1);
  const END = n;
  const globalUpdate = () => {
    globalUpdates++;
    bucketFirst.fill(END);
    let totalExcess = 0;
    let b0 = END;
    for (let v = 0; v < n; v++) {
      if (excess[v] < 0) {
        rank[v] = 0;
        bucketNext[v] = b0;
        bucketPrev[b0] = v;
        b0 = v;
      } else {
        totalExcess += excess[v];
        rank[v] = maxRank;
      }
    }
    if (totalExcess === 0) return;
    bucketFirst[0] = b0;
    let r = 0;
    outer: for (; r < maxRank; r++) {
      while (bucketFirst[r] !== END) {
        const u = bucketFirst[r];
        bucketFirst[r] = bucketNext[u];
        const piU = pi[u];
        for (let a = firstOut[u]; a < firstOut[u + 1]; a++) {
          const ra = reverse[a];
          if (resCap[ra] <= 0) continue;
          const v = target[a];
          const old = rank[v];
          if (r >= old) continue;
          // Length of the arc in units of ε: floor(rc / ε) + 1, 0 for an admissible arc.
          const steps = (cost[ra] + pi[v] - piU) / epsilon;
          let nr = old;
          if (steps < maxRank) nr = Math.max(r, r + 1 + Math.floor(steps));
          if (nr < old) {
            rank[v] = nr;
            nextOut[v] = firstOut[v];
            if (old < maxRank) {
              if (bucketFirst[old] === v) bucketFirst[old] = bucketNext[v];
              else {
                const pv = bucketPrev[v];
                const nv = bucketNext[v];
                bucketNext[pv] = nv;
                bucketPrev[nv] = pv;
              }
            }
            const first = bucketFirst[nr];
            bucketNext[v] = first;
            bucketPrev[first] = v;
            bucketFirst[nr] = v;
          }
        }
        if (excess[u] > 0) {
          totalExcess -= excess[u];
          if (totalExcess <= 0) break outer;
        }
      }
    }
    for (let v = 0; v < n; v++) {
      const k = Math.min(rank[v], r);
      if (k > 0) {
        pi[v] -= epsilon * k;
        nextOut[v] = firstOut[v];
      }
    }
  };

  let phases = 0;
  const updateEvery = n;
  for (;;) {
    phases++;
    // Saturate every residual arc that breaks ε-optimality: push-relabel then keeps it. (Classic refine
    // saturates every negative arc; leaving those within ε alone disturbs a warm start far less.)
    const floor = -epsilon;
    for (let u = 0; u < n; u++) {
      const piU = pi[u];
      for (let a = firstOut[u]; a < firstOut[u + 1]; a++) {
        const d = resCap[a];
        if (d > 0 && cost[a] + piU - pi[target[a]] < floor) {
          excess[u] -= d;
          excess[target[a]] += d;
          resCap[a] = 0;
          resCap[reverse[a]] += d;
        }
      }
    }
    qHead = 0;
    qSize = 0;
    for (let v = 0; v < n; v++) if (excess[v] > 0) enqueue(v);
    nextOut.set(firstOut.subarray(0, n));
    let nextUpdate = relabels + updateEvery;

    while (qSize > 0) {
      const start = queue[qHead];
      if (excess[start] <= 0) {
        qHead = (qHead + 1) % queue.length;
        qSize--;
        continue;
      }
      // Find a partial augmenting path of admissible arcs from `start`, relabelling dead ends.
      let tip = start;
      let len = 0;
      let cycle = false;
      while (len < maxLen && excess[tip] >= 0) {
        const piTip = pi[tip];
        const last = firstOut[tip + 1];
        let minRc = Number.POSITIVE_INFINITY;
        let advanced = false;
        for (let a = nextOut[tip]; a < last; a++) {
          if (resCap[a] > 0) {
            const v = target[a];
            const rc = cost[a] + piTip - pi[v];
            if (rc < 0) {
              path[len++] = a;
              nextOut[tip] = a;
              if (onPath[a]) cycle = true;
              else {
                onPath[a] = 1;
                tip = v;
              }
              advanced = true;
              break;
            }
            if (rc < minRc) minRc = rc;
          }
        }
        if (cycle) break;
        if (advanced) continue;
        // Relabel the tip: lower its price just enough to make an arc admissible.
        if (tip !== start) {
          const ra = reverse[path[len - 1]];
          const rc = cost[ra] + piTip - pi[target[ra]];
          if (rc < minRc) minRc = rc;
        }
        for (let a = firstOut[tip]; a < nextOut[tip]; a++) {
          if (resCap[a] > 0) {
            const rc = cost[a] + piTip - pi[target[a]];
            if (rc < minRc) minRc = rc;
          }
        }
        if (minRc === Number.POSITIVE_INFINITY) throw new Error('min-cost flow: infeasible (a node with excess has no residual arc)');
        pi[tip] -= minRc + epsilon;
        nextOut[tip] = firstOut[tip];
        relabels++;
        if (tip !== start) {
          const pa = path[--len];
          onPath[pa] = 0;
          tip = source[pa];
        }
      }
      // Push along the path as much as the excesses allow.
      let v = start;
      for (let i = 0; i < len; i++) {
        const pa = path[i];
        const u = v;
        v = target[pa];
        onPath[pa] = 0;
        const delta = Math.min(resCap[pa], excess[u]);
        if (delta <= 0) continue;
        resCap[pa] -= delta;
        resCap[reverse[pa]] += delta;
        excess[u] -= delta;
        excess[v] += delta;
        if (excess[v] > 0 && excess[v] <= delta) enqueue(v);
      }
      if (relabels >= nextUpdate) {
        globalUpdate();
        nextUpdate = relabels + updateEvery;
      }
    }
    if (epsilon <= 1) break;
    epsilon = Math.max(1, Math.floor(epsilon / alpha));
  }
  return finish(phases);

  function finish(phasesDone: number): FlowResult {
    if (options.tightenTo !== undefined) tighten(options.tightenTo);
    const flow = new Int32Array(m);
    let totalCost = 0;
    for (let e = 0; e < m; e++) {
      flow[e] = resCap[reverse[fwd[e]]];
      totalCost += flow[e] * problem.cost[e];
    }
    return { flow, potential: pi, scale: S, totalCost, stats: { phases: phasesDone, relabels, globalUpdates } };
  }

  /**
   * Dijkstra towards `root` over residual arcs, lengths max(0, reduced cost): π' = π − dist keeps every
   * reduced cost ≥ −1 (1-optimality), and is the lowest such shift. Nodes that cannot reach `root` drop by
   * the largest distance found, which keeps the arcs into them optimal.
   */
  function tighten(root: number) {
    const heap = new NodeHeap(n);
    const dist = heap.dist;
    heap.push(root, 0);
    let maxDist = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      const dv = dist[v];
      maxDist = dv;
      const piV = pi[v];
      // Arcs u → v with residual capacity are the reverses of v's residual arcs.
      for (let a = firstOut[v]; a < firstOut[v + 1]; a++) {
        const ra = reverse[a];
        if (resCap[ra] <= 0) continue;
        const u = target[a];
        if (heap.done(u)) continue;
        const rc = cost[ra] + pi[u] - piV;
        heap.relax(u, dv + Math.max(0, rc));
      }
    }
    for (let v = 0; v < n; v++) pi[v] -= dist[v] === Number.POSITIVE_INFINITY ? maxDist : dist[v];
  }
}

/** A binary heap of nodes by tentative distance, with decrease-key. */
class NodeHeap {
  readonly dist: Float64Array;
  private readonly heap: Int32Array;
  private readonly where: Int32Array;
  size = 0;
  constructor(n: number) {
    this.dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.heap = new Int32Array(n);
    this.where = new Int32Array(n).fill(-1);
  }
  /** Settled (popped) already. */
  done(v: number) {
    return this.where[v] === -2;
  }
  push(v: number, d: number) {
    this.relax(v, d);
  }
  /** Lowers v's distance to d if that is shorter; true when it did. */
  relax(v: number, d: number): boolean {
    if (d >= this.dist[v]) return false;
    if (this.where[v] === -1) {
      this.heap[this.size] = v;
      this.where[v] = this.size++;
    }
    this.dist[v] = d;
    this.up(this.where[v]);
    return true;
  }
  pop(): number {
    const v = this.heap[0];
    this.where[v] = -2;
    this.size--;
    if (this.size > 0) {
      this.heap[0] = this.heap[this.size];
      this.where[this.heap[0]] = 0;
      this.down(0);
    }
    return v;
  }
  private up(i: number) {
    const { heap, where, dist } = this;
    const v = heap[i];
    const d = dist[v];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const u = heap[parent];
      if (dist[u] <= d) break;
      heap[i] = u;
      where[u] = i;
      i = parent;
    }
    heap[i] = v;
    where[v] = i;
  }
  private down(i: number) {
    const { heap, where, dist } = this;
    const v = heap[i];
    const d = dist[v];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      let c = l;
      if (l + 1 < this.size && dist[heap[l + 1]] < dist[heap[l]]) c = l + 1;
      if (dist[heap[c]] >= d) break;
      heap[i] = heap[c];
      where[heap[i]] = i;
      i = c;
    }
    heap[i] = v;
    where[v] = i;
  }
}
