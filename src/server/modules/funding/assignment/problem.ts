import { type AffinityWeights, DEFAULT_WEIGHTS } from './affinity';
import { isConflicted, type Prepared, pairUnits } from './prepare';

/** The problem an assignment solves: loads, forced pairs, and the counting conditions it must meet. */

export type FixedPair = { applicationId: string; reviewerId: string; include: boolean };

export type AssignmentOptions = {
  /** Reviewers per application (default 3). */
  k?: number;
  /** Load range of every reviewer (a reviewer's own `minLoad`/`maxLoad` overrides it). Default [0, ∞). */
  minLoad?: number;
  maxLoad?: number;
  requireSenior?: boolean;
  weights?: AffinityWeights;
  /** Pairs an officer forced into or out of the assignment. */
  fixed?: FixedPair[];
  /**
   * Stop once the assignment is proven within this relative distance of the optimum (default 0: optimal).
   * The bound is always valid for all pairs, whatever this says.
   */
  gapTolerance?: number;
  /** Best reviewers per application in the first network (default 12). */
  candidatesPerApplication?: number;
  /** Best reviewers per application scored and kept in reserve for pricing (default 150). */
  reservePerApplication?: number;
  /** Best applications per reviewer in the first network (default 2 × its minimum load + 10). */
  candidatesPerReviewer?: number;
  /** Improving pairs added per application and pricing round (default 8). */
  pricedPerApplication?: number;
  /** Reviewer prices from an earlier result (`reviewerPrices`): the first network starts closer to the optimum. */
  priceHint?: Record<string, number>;
  /** Progress messages (rounds, gap), for logs and the CLI. */
  onProgress?: (message: string) => void;
};

export type ResolvedOptions = Required<Omit<AssignmentOptions, 'maxLoad' | 'priceHint' | 'onProgress'>> & { maxLoad: number };

export function resolveOptions(options: AssignmentOptions = {}): ResolvedOptions {
  const minLoad = options.minLoad ?? 0;
  return {
    k: options.k ?? 3,
    minLoad,
    maxLoad: options.maxLoad ?? Number.POSITIVE_INFINITY,
    requireSenior: options.requireSenior ?? false,
    weights: options.weights ?? DEFAULT_WEIGHTS,
    fixed: options.fixed ?? [],
    gapTolerance: options.gapTolerance ?? 0,
    candidatesPerApplication: options.candidatesPerApplication ?? 12,
    reservePerApplication: options.reservePerApplication ?? 150,
    candidatesPerReviewer: options.candidatesPerReviewer ?? 2 * minLoad + 10,
    pricedPerApplication: options.pricedPerApplication ?? 8,
  };
}

export type InfeasibilityCode =
  | 'too-few-reviewers'
  | 'no-senior'
  | 'capacity'
  | 'senior-capacity'
  | 'minimum-load'
  | 'reviewer-minimum-load'
  | 'load-range'
  | 'forced-conflict'
  | 'forced-contradiction'
  | 'forced-too-many'
  | 'unknown-id'
  | 'bottleneck';
export type Infeasibility = { code: InfeasibilityCode; message: string; applicationIds?: string[]; reviewerIds?: string[] };

export type Problem = {
  n: number;
  m: number;
  k: number;
  requireSenior: boolean;
  lo: Int32Array;
  hi: Int32Array;
  forcedIn: [number, number][];
  /** Per application: forced pairs count, whether one of them is senior; per reviewer: forced load. */
  forcedCount: Int32Array;
  forcedSenior: Uint8Array;
  forcedLoad: Int32Array;
  forcedUnits: number;
  /** Per application, reviewers never to propose besides conflicts (forced in or out), ascending. */
  extraBlocked: Int32Array[];
  /** A pair that may not be an arc: conflicted, forced out, or forced in (fixed outside the network). */
  blocked: (a: number, r: number) => boolean;
};

const ids = (p: Prepared, apps: number[]) =>
  `${apps
    .slice(0, 10)
    .map((a) => p.apps[a].id)
    .join(', ')}${apps.length > 10 ? ' …' : ''}`;
const revIds = (p: Prepared, revs: number[]) =>
  `${revs
    .slice(0, 10)
    .map((r) => p.revs[r].id)
    .join(', ')}${revs.length > 10 ? ' …' : ''}`;
export { ids as applicationList, revIds as reviewerList };

/** The problem, or the first plain reason it has no solution (loads, forced pairs, counting conditions). */
export function defineProblem(p: Prepared, o: ResolvedOptions): Problem | Infeasibility {
  const n = p.apps.length;
  const m = p.revs.length;
  const k = o.k;
  if (!Number.isInteger(k) || k < 1) throw new Error('k must be a positive integer');

  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const rv = p.revs[r];
    const l = rv.minLoad ?? o.minLoad;
    const h = Math.min(rv.maxLoad ?? o.maxLoad, n);
    if (!(l <= h) || l < 0) {
      return { code: 'load-range', message: `Reviewer ${rv.id} must review at least ${l} applications but at most ${h}.`, reviewerIds: [rv.id] };
    }
    lo[r] = l;
    hi[r] = h;
  }

  // Forced pairs.
  const key = (a: number, r: number) => a * m + r;
  const forcedIn: [number, number][] = [];
  const inKeys = new Set<number>();
  const outKeys = new Set<number>();
  for (const f of o.fixed) {
    const a = p.appIndex.get(f.applicationId);
    const r = p.revIndex.get(f.reviewerId);
    if (a === undefined || r === undefined) {
      return { code: 'unknown-id', message: `Forced pair ${f.applicationId} / ${f.reviewerId} names an unknown application or reviewer.` };
    }
    if (!f.include) {
      outKeys.add(key(a, r));
      continue;
    }
    if (isConflicted(p, a, r)) {
      const reasons = p.conflicts.get(f.applicationId)?.get(f.reviewerId) ?? [];
      return {
        code: 'forced-conflict',
        message: `Reviewer ${f.reviewerId} cannot be forced onto ${f.applicationId}: conflicted (${reasons.map((x) => `${x.kind} ${x.detail}`).join(', ')}).`,
        applicationIds: [f.applicationId],
        reviewerIds: [f.reviewerId],
      };
    }
    if (!inKeys.has(key(a, r))) {
      inKeys.add(key(a, r));
      forcedIn.push([a, r]);
    }
  }
  for (const kk of inKeys) {
    if (outKeys.has(kk)) {
      const a = Math.floor(kk / m);
      const r = kk % m;
      return {
        code: 'forced-contradiction',
        message: `The pair ${p.apps[a].id} / ${p.revs[r].id} is forced both in and out.`,
        applicationIds: [p.apps[a].id],
        reviewerIds: [p.revs[r].id],
      };
    }
  }
  const forcedCount = new Int32Array(n);
  const forcedSenior = new Uint8Array(n);
  const forcedLoad = new Int32Array(m);
  let forcedUnits = 0;
  for (const [a, r] of forcedIn) {
    forcedCount[a]++;
    forcedLoad[r]++;
    if (p.revs[r].senior) forcedSenior[a] = 1;
    forcedUnits += pairUnits(p, a, r);
  }
  const tooMany = [...forcedCount.keys()].filter((a) => forcedCount[a] > k);
  if (tooMany.length) {
    return { code: 'forced-too-many', message: `More than ${k} reviewers forced onto ${ids(p, tooMany)}.`, applicationIds: tooMany.map((a) => p.apps[a].id) };
  }
  const overloaded = [...forcedLoad.keys()].filter((r) => forcedLoad[r] > hi[r]);
  if (overloaded.length) {
    return {
      code: 'forced-too-many',
      message: `Forced pairs exceed the maximum load of ${revIds(p, overloaded)}.`,
      reviewerIds: overloaded.map((r) => p.revs[r].id),
    };
  }
  const extra: number[][] = Array.from({ length: n }, () => []);
  for (const kk of [...inKeys, ...outKeys]) extra[Math.floor(kk / m)].push(kk % m);
  const extraBlocked = extra.map((x) => Int32Array.from(new Set(x)).sort());
  const blocked = (a: number, r: number) => {
    if (isConflicted(p, a, r)) return true;
    const list = extraBlocked[a];
    for (let i = 0; i < list.length; i++) if (list[i] === r) return true;
    return false;
  };

  // Counting conditions, each with a plain reason.
  const outByApp = new Int32Array(n);
  const outSeniorByApp = new Int32Array(n);
  const outByRev = new Int32Array(m);
  for (const kk of outKeys) {
    const a = Math.floor(kk / m);
    const r = kk % m;
    if (isConflicted(p, a, r)) continue;
    outByApp[a]++;
    outByRev[r]++;
    if (p.revs[r].senior) outSeniorByApp[a]++;
  }
  const conflictedByRev = new Int32Array(m);
  const seniorConflicts = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    for (const r of p.conflicted[a]) {
      conflictedByRev[r]++;
      if (p.revs[r].senior) seniorConflicts[a]++;
    }
  }
  const seniorCount = p.revs.filter((r) => r.senior).length;
  const short = [...outByApp.keys()].filter((a) => m - p.conflicted[a].length - outByApp[a] < k);
  if (short.length) {
    return {
      code: 'too-few-reviewers',
      message: `${short.length} application(s) have fewer than ${k} reviewers without a conflict: ${ids(p, short)}.`,
      applicationIds: short.map((a) => p.apps[a].id),
    };
  }
  if (o.requireSenior) {
    const noSenior = [...outByApp.keys()].filter((a) => !forcedSenior[a] && seniorCount - seniorConflicts[a] - outSeniorByApp[a] < 1);
    if (noSenior.length) {
      return {
        code: 'no-senior',
        message: `${noSenior.length} application(s) have no senior reviewer without a conflict: ${ids(p, noSenior)}.`,
        applicationIds: noSenior.map((a) => p.apps[a].id),
      };
    }
  }
  let sumHi = 0;
  let sumLo = 0;
  let seniorHi = 0;
  for (let r = 0; r < m; r++) {
    sumHi += hi[r];
    sumLo += lo[r];
    if (p.revs[r].senior) seniorHi += hi[r];
  }
  if (sumHi < n * k) return { code: 'capacity', message: `The reviewers can take ${sumHi} reviews in total, but ${n} applications × ${k} need ${n * k}.` };
  if (sumLo > n * k) {
    return { code: 'minimum-load', message: `The minimum loads add up to ${sumLo} reviews, more than the ${n * k} that ${n} applications × ${k} need.` };
  }
  if (o.requireSenior && seniorHi < n) {
    return {
      code: 'senior-capacity',
      message: `The ${seniorCount} senior reviewers can take ${seniorHi} reviews, fewer than the ${n} applications that each need one.`,
    };
  }
  const starved = [...lo.keys()].filter((r) => n - conflictedByRev[r] - outByRev[r] < lo[r]);
  if (starved.length) {
    return {
      code: 'reviewer-minimum-load',
      message: `${starved.length} reviewer(s) have fewer applications without a conflict than their minimum load: ${revIds(p, starved)}.`,
      reviewerIds: starved.map((r) => p.revs[r].id),
    };
  }
  return { n, m, k, requireSenior: o.requireSenior, lo, hi, forcedIn, forcedCount, forcedSenior, forcedLoad, forcedUnits, extraBlocked, blocked };
}
