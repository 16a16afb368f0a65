import type { FlowProblem } from './min-cost-flow';

/**
 * The assignment as a flow network (integral, so its LP optimum is an assignment):
 *
 *   application a ──(k units)──▶ reviewer r ──(load in [min, max])──▶ sink
 *
 * Each pair arc has capacity 1, so a reviewer serves an application at most once. With "at least one
 * senior", a has a senior slot s_a behind it: a → s_a carries between 1 and k units and is the only way to
 * a senior reviewer (non-seniors hang off a), so at least one of the k is senior. Lower bounds (the senior
 * slot's 1, a reviewer's minimum load, pairs forced in) become supplies: the standard transformation.
 */
export class ArcList {
  tail = new Int32Array(1024);
  head = new Int32Array(1024);
  cap = new Int32Array(1024);
  cost = new Float64Array(1024);
  /** For pair arcs: application and reviewer index; −1 for structural arcs. */
  app = new Int32Array(1024);
  rev = new Int32Array(1024);
  size = 0;

  push(tail: number, head: number, cap: number, cost: number, app = -1, rev = -1) {
    if (this.size === this.tail.length) this.grow();
    const i = this.size++;
    this.tail[i] = tail;
    this.head[i] = head;
    this.cap[i] = cap;
    this.cost[i] = cost;
    this.app[i] = app;
    this.rev[i] = rev;
    return i;
  }

  private grow() {
    const n = this.tail.length * 2;
    const g = <T extends Int32Array | Float64Array>(x: T, make: (n: number) => T) => {
      const y = make(n);
      y.set(x as never);
      return y;
    };
    this.tail = g(this.tail, (k) => new Int32Array(k));
    this.head = g(this.head, (k) => new Int32Array(k));
    this.cap = g(this.cap, (k) => new Int32Array(k));
    this.cost = g(this.cost, (k) => new Float64Array(k));
    this.app = g(this.app, (k) => new Int32Array(k));
    this.rev = g(this.rev, (k) => new Int32Array(k));
  }

  problem(nodes: number, supply: Int32Array): FlowProblem {
    const s = this.size;
    return { nodes, supply, tail: this.tail.subarray(0, s), head: this.head.subarray(0, s), cap: this.cap.subarray(0, s), cost: this.cost.subarray(0, s) };
  }
}

export type Layout = { n: number; m: number; seniors: boolean; base: number; sink: number; nodes: number };

export function layout(n: number, m: number, seniors: boolean): Layout {
  const base = seniors ? 2 * n : n;
  return { n, m, seniors, base, sink: base + m, nodes: base + m + 1 };
}

/** The node a pair arc leaves from: the application, or its senior slot for a senior reviewer. */
export const tailOf = (l: Layout, a: number, senior: boolean) => (l.seniors && senior ? l.n + a : a);
