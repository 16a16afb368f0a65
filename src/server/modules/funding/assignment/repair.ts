import { SCORE_UNIT } from './affinity';
import type { AssignmentInstance, PairConflict } from './instance';
import { isConflicted, pairUnits, prepare } from './prepare';
import type { AssignmentOptions, FixedPair } from './problem';
import { type AssignmentResult, assignReviewers } from './solve';

/**
 * Changes to an assignment after the fact (issue 4):
 * - a reviewer declines an application for a conflict: `replaceReviewer` puts the best available reviewer
 *   in their place and changes nothing else;
 * - an officer overrides a pair: `forcePair` re-solves with the pair forced in or out (the audit trail is
 *   the caller's).
 * Pure functions: the instance and the earlier result are read, never changed.
 */

export type Replacement = {
  /** The assignment with the one pair replaced (or only removed, when nobody can take it). */
  result: AssignmentResult;
  /** The reviewer put in, with the pair's affinity; null when none is available. */
  replacement: { reviewerId: string; affinity: number } | null;
  /** Why nobody could be put in, or why nothing changed. */
  reason?: string;
  /** The declined pair, to record in the instance (`pairConflicts`) so later solves respect it. */
  declined: PairConflict;
  /** Loads that now fall short of a reviewer's minimum (the decliner's, typically). */
  warnings: string[];
};

/**
 * Replaces `reviewerId` on `applicationId` by the available reviewer of highest affinity (ties: lower id):
 * not already on the application, not conflicted with it, not forced out of it, below their maximum load,
 * and senior if the decliner was the application's only senior and seniors are required. Every other pair
 * stays as it was. The earlier `bound` stays valid (the declined pair only removes options); `optimal`
 * becomes false: re-solve to re-optimise everything.
 */
export function replaceReviewer(
  instance: AssignmentInstance,
  current: AssignmentResult,
  decline: { applicationId: string; reviewerId: string; note?: string },
): Replacement {
  const o = current.options;
  const declined: PairConflict = {
    applicationId: decline.applicationId,
    reviewerId: decline.reviewerId,
    note: decline.note ?? 'declined: conflict of interest',
  };
  const unchanged = (reason: string): Replacement => ({ result: current, replacement: null, reason, declined, warnings: [] });
  const p = prepare(instance, o.weights);
  const a = p.appIndex.get(decline.applicationId);
  const out = p.revIndex.get(decline.reviewerId);
  if (a === undefined || out === undefined) return unchanged('Unknown application or reviewer.');
  const onApp = current.pairs.filter((x) => x.applicationId === decline.applicationId);
  if (!onApp.some((x) => x.reviewerId === decline.reviewerId)) return unchanged(`${decline.reviewerId} is not assigned to ${decline.applicationId}.`);

  const loads = new Map(Object.entries(current.loads));
  const maxOf = (r: number) => p.revs[r].maxLoad ?? o.maxLoad;
  const minOf = (r: number) => p.revs[r].minLoad ?? o.minLoad;
  const taken = new Set(onApp.map((x) => x.reviewerId));
  const forcedOut = new Set(o.fixed.filter((f) => !f.include && f.applicationId === decline.applicationId).map((f) => f.reviewerId));
  const needSenior =
    o.requireSenior && p.revs[out].senior && !onApp.some((x) => x.reviewerId !== decline.reviewerId && p.revs[p.revIndex.get(x.reviewerId)!].senior);

  let best = -1;
  let bestUnits = -1;
  for (let r = 0; r < p.revs.length; r++) {
    const rv = p.revs[r];
    if (r === out || taken.has(rv.id) || forcedOut.has(rv.id) || isConflicted(p, a, r)) continue;
    if ((loads.get(rv.id) ?? 0) >= maxOf(r)) continue;
    if (needSenior && !rv.senior) continue;
    const u = pairUnits(p, a, r);
    if (u > bestUnits) {
      best = r;
      bestUnits = u;
    }
  }

  const pairs = current.pairs.filter((x) => !(x.applicationId === decline.applicationId && x.reviewerId === decline.reviewerId));
  loads.set(decline.reviewerId, (loads.get(decline.reviewerId) ?? 1) - 1);
  let replacement: Replacement['replacement'] = null;
  let reason: string | undefined;
  if (best >= 0) {
    const rv = p.revs[best];
    replacement = { reviewerId: rv.id, affinity: bestUnits / SCORE_UNIT };
    pairs.push({ applicationId: decline.applicationId, reviewerId: rv.id, affinity: bestUnits / SCORE_UNIT });
    pairs.sort((x, y) => (x.applicationId < y.applicationId ? -1 : x.applicationId > y.applicationId ? 1 : x.reviewerId < y.reviewerId ? -1 : 1));
    loads.set(rv.id, (loads.get(rv.id) ?? 0) + 1);
  } else {
    reason = `No ${needSenior ? 'senior ' : ''}reviewer without a conflict has room left for ${decline.applicationId}: it now has ${onApp.length - 1} of ${o.k} reviewers.`;
  }
  const warnings: string[] = [];
  if ((loads.get(decline.reviewerId) ?? 0) < minOf(out)) {
    warnings.push(`${decline.reviewerId} now reviews ${loads.get(decline.reviewerId)} application(s), below the minimum of ${minOf(out)}.`);
  }
  const objective =
    Math.round((current.objective - (onApp.find((x) => x.reviewerId === decline.reviewerId)?.affinity ?? 0) + (replacement?.affinity ?? 0)) * SCORE_UNIT) /
    SCORE_UNIT;
  // Forcing the declined pair in no longer makes sense.
  const fixed = o.fixed.filter((f) => !(f.include && f.applicationId === decline.applicationId && f.reviewerId === decline.reviewerId));
  const result: AssignmentResult = {
    ...current,
    pairs,
    objective,
    gap: current.bound > 0 ? (current.bound - objective) / current.bound : 0,
    optimal: false,
    loads: Object.fromEntries(loads),
    options: { ...o, fixed },
  };
  return { result, replacement, reason, declined, warnings };
}

/**
 * Re-solves with one pair forced in (`include`) or out, on top of the overrides the current result already
 * carries (a later override of the same pair replaces the earlier one). The current reviewer prices seed
 * the new solve, so it starts near the old optimum. Forcing in a conflicted pair is reported infeasible.
 */
export function forcePair(
  instance: AssignmentInstance,
  current: AssignmentResult,
  pair: { applicationId: string; reviewerId: string },
  include: boolean,
  options: Pick<AssignmentOptions, 'onProgress'> = {},
): AssignmentResult {
  const o = current.options;
  const fixed: FixedPair[] = [
    ...o.fixed.filter((f) => !(f.applicationId === pair.applicationId && f.reviewerId === pair.reviewerId)),
    { applicationId: pair.applicationId, reviewerId: pair.reviewerId, include },
  ];
  const { maxLoad, ...rest } = o;
  return assignReviewers(instance, {
    ...rest,
    maxLoad: Number.isFinite(maxLoad) ? maxLoad : undefined,
    fixed,
    priceHint: current.feasible ? current.reviewerPrices : undefined,
    onProgress: options.onProgress,
  });
}
