import { describe, expect, it } from 'vitest';
import { createRng } from '../../registry/synthetic';
import { loadHighs } from './highs-oracle';
import { maxFlowFeasibility } from './max-flow';
import { type FlowProblem, minCostFlow } from './min-cost-flow';

/** A random network with a feasible flow built in (supplies are its net outflows). */
function randomNetwork(seed: number, nodes: number, arcs: number, flowArcs = arcs): FlowProblem {
  const rng = createRng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const tail = new Int32Array(arcs);
  const head = new Int32Array(arcs);
  const cap = new Int32Array(arcs);
  const cost = new Float64Array(arcs);
  const supply = new Int32Array(nodes);
  for (let e = 0; e < arcs; e++) {
    tail[e] = int(0, nodes - 1);
    do head[e] = int(0, nodes - 1);
    while (head[e] === tail[e]);
    cap[e] = int(1, 6);
    cost[e] = int(-60, 60);
    const f = e < flowArcs ? int(0, cap[e]) : 0;
    supply[tail[e]] += f;
    supply[head[e]] -= f;
  }
  return { nodes, supply, tail, head, cap, cost };
}

async function lpMinCost(p: FlowProblem): Promise<number> {
  const highs = await loadHighs();
  const m = p.tail.length;
  const starts = new Int32Array(m + 1);
  const indices = new Int32Array(2 * m);
  const values = new Float64Array(2 * m);
  for (let e = 0; e < m; e++) {
    starts[e + 1] = 2 * (e + 1);
    const [x, y] = p.tail[e] < p.head[e] ? [p.tail[e], p.head[e]] : [p.head[e], p.tail[e]];
    indices[2 * e] = x;
    indices[2 * e + 1] = y;
    values[2 * e] = x === p.tail[e] ? 1 : -1;
    values[2 * e + 1] = y === p.tail[e] ? 1 : -1;
  }
  return highs.withModel(
    {
      numCols: m,
      numRows: p.nodes,
      colCost: p.cost,
      colLower: new Float64Array(m),
      colUpper: Float64Array.from(p.cap),
      rowLower: Float64Array.from(p.supply),
      rowUpper: Float64Array.from(p.supply),
      matrix: { format: 'csc', numRows: p.nodes, numCols: m, starts, indices, values },
    },
    (model) => {
      model.options.set({ output_flag: false } as never);
      model.run();
      expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
      return model.getObjectiveValue();
    },
  );
}

function expectOneOptimal(p: FlowProblem, r: ReturnType<typeof minCostFlow>) {
  const out = new Float64Array(p.nodes);
  for (let e = 0; e < p.tail.length; e++) {
    const f = r.flow[e];
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(p.cap[e]);
    out[p.tail[e]] += f;
    out[p.head[e]] -= f;
    const rc = p.cost[e] * r.scale + r.potential[p.tail[e]] - r.potential[p.head[e]];
    if (f < p.cap[e]) expect(rc).toBeGreaterThanOrEqual(-1);
    if (f > 0) expect(rc).toBeLessThanOrEqual(1);
  }
  expect([...out]).toEqual([...p.supply]);
}

describe('min-cost flow by cost scaling', () => {
  it('finds the LP optimum of random networks, with 1-optimal potentials', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const p = randomNetwork(seed, 5 + (seed % 30), 10 + seed * 3);
      const r = minCostFlow(p);
      expectOneOptimal(p, r);
      expect(r.totalCost).toBeCloseTo(await lpMinCost(p), 6);
    }
  });

  it('re-optimises from a warm start after arcs are added', async () => {
    let ran = 0;
    for (let seed = 100; seed < 130; seed++) {
      const keep = 80;
      const full = randomNetwork(seed, 25, 120, keep);
      const part: FlowProblem = {
        ...full,
        tail: full.tail.slice(0, keep),
        head: full.head.slice(0, keep),
        cap: full.cap.slice(0, keep),
        cost: full.cost.slice(0, keep),
      };
      expect(maxFlowFeasibility(part).feasible).toBe(true);
      ran++;
      const first = minCostFlow(part, { tightenTo: 0 });
      const initialFlow = new Int32Array(full.tail.length);
      initialFlow.set(first.flow);
      const warm = minCostFlow(full, { initialFlow, initialPotential: first.potential });
      expectOneOptimal(full, warm);
      expect(warm.totalCost).toBe(minCostFlow(full).totalCost);
      expect(warm.totalCost).toBeCloseTo(await lpMinCost(full), 6);
    }
    expect(ran).toBe(30);
  });

  it('tells feasible from infeasible supplies, with the shortage', () => {
    const p = randomNetwork(7, 12, 40);
    expect(maxFlowFeasibility(p)).toEqual({ feasible: true, shortage: 0 });
    const supply = Int32Array.from(p.supply);
    supply[0] += 1000;
    supply[1] -= 1000;
    const check = maxFlowFeasibility({ ...p, supply });
    expect(check.feasible).toBe(false);
    expect(check.shortage).toBeGreaterThan(0);
    expect(check.sourceSide![0]).toBe(1);
  });
});
