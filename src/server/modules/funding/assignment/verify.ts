import { SCORE_UNIT } from './affinity';
import type { AssignmentInstance } from './instance';
import { isConflicted, pairUnits, prepare } from './prepare';
import type { AssignmentOptions } from './problem';
import { resolveOptions } from './problem';
import type { AssignedPair } from './solve';

/**
 * Checks an assignment against every rule, independently of how it was found: exactly k distinct
 * reviewers per application, loads within range, no conflicted pair, a senior on each application when
 * required, forced pairs honoured, affinities and total as scored. Returns the problems found (none: valid).
 */
export function verifyAssignment(instance: AssignmentInstance, options: AssignmentOptions, pairs: AssignedPair[], objective?: number): string[] {
  const o = resolveOptions(options);
  const p = prepare(instance, o.weights);
  const problems: string[] = [];
  const byApp = new Map<string, string[]>(p.apps.map((a) => [a.id, []]));
  const loads = new Map<string, number>(p.revs.map((r) => [r.id, 0]));
  let units = 0;
  for (const x of pairs) {
    const a = p.appIndex.get(x.applicationId);
    const r = p.revIndex.get(x.reviewerId);
    if (a === undefined || r === undefined) {
      problems.push(`unknown pair ${x.applicationId}/${x.reviewerId}`);
      continue;
    }
    byApp.get(x.applicationId)!.push(x.reviewerId);
    loads.set(x.reviewerId, loads.get(x.reviewerId)! + 1);
    if (isConflicted(p, a, r)) problems.push(`conflicted pair ${x.applicationId}/${x.reviewerId}`);
    const u = pairUnits(p, a, r);
    units += u;
    if (Math.abs(u / SCORE_UNIT - x.affinity) > 1e-9) problems.push(`affinity of ${x.applicationId}/${x.reviewerId} is ${u / SCORE_UNIT}, not ${x.affinity}`);
  }
  for (const [appId, revs] of byApp) {
    if (revs.length !== o.k) problems.push(`${appId} has ${revs.length} reviewers, not ${o.k}`);
    if (new Set(revs).size !== revs.length) problems.push(`${appId} has a reviewer twice`);
    if (o.requireSenior && !revs.some((id) => p.revs[p.revIndex.get(id)!].senior)) problems.push(`${appId} has no senior reviewer`);
  }
  for (const rv of p.revs) {
    const load = loads.get(rv.id)!;
    const lo = rv.minLoad ?? o.minLoad;
    const hi = rv.maxLoad ?? o.maxLoad;
    if (load < lo || load > hi) problems.push(`${rv.id} reviews ${load}, outside [${lo}, ${hi}]`);
  }
  for (const f of o.fixed) {
    const has = byApp.get(f.applicationId)?.includes(f.reviewerId) ?? false;
    if (has !== f.include) problems.push(`forced pair ${f.applicationId}/${f.reviewerId} is ${has ? 'in' : 'out'}`);
  }
  if (objective !== undefined && Math.abs(objective - units / SCORE_UNIT) > 1e-6)
    problems.push(`objective ${objective} is not the total ${units / SCORE_UNIT}`);
  return problems;
}
