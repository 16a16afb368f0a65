/**
 * Feasibility of a flow problem with supplies and capacities (lower bounds already moved into supplies):
 * Dinic's maximum flow from a super source feeding every supply to a super sink draining every demand.
 * Feasible when it saturates every supply; otherwise the minimum cut says why: the nodes still reachable
 * from the super source hold supply their arcs cannot carry away.
 */

export type FeasibilityProblem = { nodes: number; supply: Int32Array; tail: Int32Array; head: Int32Array; cap: Int32Array };
export type Feasibility = {
  feasible: boolean;
  /** Supply that cannot be routed (0 when feasible). */
  shortage: number;
  /** Nodes on the source side of a minimum cut (only when infeasible). */
  sourceSide?: Uint8Array;
};

export function maxFlowFeasibility(p: FeasibilityProblem): Feasibility {
  const n = p.nodes + 2;
  const s = p.nodes;
  const t = p.nodes + 1;
  const tails: number[] = [];
  const heads: number[] = [];
  const caps: number[] = [];
  let totalSupply = 0;
  for (let v = 0; v < p.nodes; v++) {
    if (p.supply[v] > 0) {
      tails.push(s);
      heads.push(v);
      caps.push(p.supply[v]);
      totalSupply += p.supply[v];
    } else if (p.supply[v] < 0) {
      tails.push(v);
      heads.push(t);
      caps.push(-p.supply[v]);
    }
  }
  const m0 = p.tail.length;
  const m = m0 + tails.length;
  const tailOf = (e: number) => (e < m0 ? p.tail[e] : tails[e - m0]);
  const headOf = (e: number) => (e < m0 ? p.head[e] : heads[e - m0]);
  const capOf = (e: number) => (e < m0 ? p.cap[e] : caps[e - m0]);

  const firstOut = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    firstOut[tailOf(e) + 1]++;
    firstOut[headOf(e) + 1]++;
  }
  for (let v = 0; v < n; v++) firstOut[v + 1] += firstOut[v];
  const R = 2 * m;
  const target = new Int32Array(R);
  const source = new Int32Array(R);
  const reverse = new Int32Array(R);
  const resCap = new Int32Array(R);
  const fill = firstOut.slice(0, n);
  for (let e = 0; e < m; e++) {
    const u = tailOf(e);
    const v = headOf(e);
    const a = fill[u]++;
    const b = fill[v]++;
    target[a] = v;
    source[a] = u;
    target[b] = u;
    source[b] = v;
    reverse[a] = b;
    reverse[b] = a;
    resCap[a] = capOf(e);
  }

  const level = new Int32Array(n);
  const queue = new Int32Array(n);
  const bfs = () => {
    level.fill(-1);
    level[s] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const u = queue[qh++];
      for (let a = firstOut[u]; a < firstOut[u + 1]; a++) {
        const v = target[a];
        if (resCap[a] > 0 && level[v] < 0) {
          level[v] = level[u] + 1;
          queue[qt++] = v;
        }
      }
    }
    return level[t] >= 0;
  };

  let flow = 0;
  const it = new Int32Array(n);
  const path = new Int32Array(n);
  while (bfs()) {
    it.set(firstOut.subarray(0, n));
    let u = s;
    let len = 0;
    for (;;) {
      if (u === t) {
        let b = Number.POSITIVE_INFINITY;
        for (let i = 0; i < len; i++) b = Math.min(b, resCap[path[i]]);
        let back = len;
        for (let i = 0; i < len; i++) {
          const a = path[i];
          resCap[a] -= b;
          resCap[reverse[a]] += b;
          if (resCap[a] === 0 && back === len) back = i;
        }
        flow += b;
        len = back;
        u = source[path[back]];
        continue;
      }
      let found = -1;
      const end = firstOut[u + 1];
      for (; it[u] < end; it[u]++) {
        const a = it[u];
        if (resCap[a] > 0 && level[target[a]] === level[u] + 1) {
          found = a;
          break;
        }
      }
      if (found >= 0) {
        path[len++] = found;
        u = target[found];
      } else {
        level[u] = -1;
        if (u === s) break;
        const a = path[--len];
        u = source[a];
        it[u]++;
      }
    }
  }

  if (flow === totalSupply) return { feasible: true, shortage: 0 };
  // Minimum cut: what the super source still reaches.
  const reached = new Uint8Array(n);
  reached[s] = 1;
  let qh = 0;
  let qt = 0;
  queue[qt++] = s;
  while (qh < qt) {
    const u = queue[qh++];
    for (let a = firstOut[u]; a < firstOut[u + 1]; a++) {
      const v = target[a];
      if (resCap[a] > 0 && !reached[v]) {
        reached[v] = 1;
        queue[qt++] = v;
      }
    }
  }
  return { feasible: false, shortage: totalSupply - flow, sourceSide: reached.subarray(0, p.nodes) };
}
