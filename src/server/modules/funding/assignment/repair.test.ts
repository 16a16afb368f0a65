import { describe, expect, it } from 'vitest';
import { lpOptimum } from './highs-oracle';
import { type AssignmentInstance, generateInstance } from './instance';
import { isConflicted, pairUnits, prepare } from './prepare';
import { forcePair, replaceReviewer } from './repair';
import { assignReviewers } from './solve';
import { verifyAssignment } from './verify';

const instance = generateInstance({ seed: 77, applications: 80, reviewers: 20 });
const options = { k: 3, minLoad: 4, maxLoad: 16, requireSenior: true };
const current = assignReviewers(instance, options);

describe('replaceReviewer', () => {
  it('puts the best available reviewer in the decliner’s place and changes nothing else', () => {
    const declined = current.pairs[10];
    const { result, replacement, declined: record, warnings } = replaceReviewer(instance, current, declined);
    expect(replacement).not.toBeNull();
    const before = new Set(current.pairs.map((x) => `${x.applicationId}/${x.reviewerId}`));
    const after = new Set(result.pairs.map((x) => `${x.applicationId}/${x.reviewerId}`));
    expect([...before].filter((x) => !after.has(x))).toEqual([`${declined.applicationId}/${declined.reviewerId}`]);
    expect([...after].filter((x) => !before.has(x))).toEqual([`${declined.applicationId}/${replacement!.reviewerId}`]);

    // The best by brute force: free, no conflict, room left, senior if the decliner was the only senior.
    const p = prepare(instance);
    const a = p.appIndex.get(declined.applicationId)!;
    const others = current.pairs.filter((x) => x.applicationId === declined.applicationId && x.reviewerId !== declined.reviewerId).map((x) => x.reviewerId);
    const mustBeSenior = p.revs[p.revIndex.get(declined.reviewerId)!].senior && !others.some((id) => p.revs[p.revIndex.get(id)!].senior);
    const eligible = p.revs
      .map((r, i) => ({ r, i }))
      .filter(
        ({ r, i }) =>
          r.id !== declined.reviewerId &&
          !others.includes(r.id) &&
          !isConflicted(p, a, i) &&
          current.loads[r.id] < options.maxLoad &&
          (!mustBeSenior || r.senior),
      );
    const best = Math.max(...eligible.map(({ i }) => pairUnits(p, a, i)));
    expect(replacement!.affinity).toBe(best / 1e6);

    expect(record).toMatchObject({ applicationId: declined.applicationId, reviewerId: declined.reviewerId });
    expect(result.optimal).toBe(false);
    expect(result.bound).toBe(current.bound);
    expect(result.objective).toBeCloseTo(current.objective - declined.affinity + replacement!.affinity, 9);
    // Only the decliner's minimum load may now be missed.
    const problems = verifyAssignment(instance, options, result.pairs, result.objective);
    expect(problems.every((x) => x.startsWith(`${declined.reviewerId} reviews`))).toBe(true);
    expect(warnings.length).toBe(problems.length);
  });

  it('keeps the senior rule: a lone senior is replaced by a senior', () => {
    const p = prepare(instance);
    const lone = current.pairs.find((x) => {
      const onApp = current.pairs.filter((y) => y.applicationId === x.applicationId);
      return p.revs[p.revIndex.get(x.reviewerId)!].senior && onApp.filter((y) => p.revs[p.revIndex.get(y.reviewerId)!].senior).length === 1;
    })!;
    // Seniors are full here: the place stays empty rather than break the rule …
    const none = replaceReviewer(instance, current, lone);
    if (none.replacement) expect(p.revs[p.revIndex.get(none.replacement.reviewerId)!].senior).toBe(true);
    else expect(none.reason).toMatch(/No senior reviewer/);
    // … and with room for seniors, the best senior takes it.
    const roomy: AssignmentInstance = { ...instance, reviewers: instance.reviewers.map((r) => (r.senior ? { ...r, maxLoad: 30 } : r)) };
    const { replacement } = replaceReviewer(roomy, current, lone);
    expect(p.revs[p.revIndex.get(replacement!.reviewerId)!].senior).toBe(true);
  });

  it('says so when nobody can take the place', () => {
    const full: AssignmentInstance = { ...instance, reviewers: instance.reviewers.map((r) => ({ ...r, maxLoad: current.loads[r.id] })) };
    const { result, replacement, reason } = replaceReviewer(full, { ...current }, current.pairs[0]);
    expect(replacement).toBeNull();
    expect(reason).toMatch(/has room left/);
    expect(result.pairs).toHaveLength(current.pairs.length - 1);
  });

  it('leaves the assignment alone for a pair that is not assigned', () => {
    const r = replaceReviewer(instance, current, { applicationId: current.pairs[0].applicationId, reviewerId: 'rev-nobody' });
    expect(r.result).toBe(current);
    expect(r.reason).toBeDefined();
  });
});

describe('forcePair', () => {
  it('re-solves with the pair forced out, optimally', async () => {
    const pair = current.pairs[5];
    const next = forcePair(instance, current, pair, false);
    expect(next.pairs.some((x) => x.applicationId === pair.applicationId && x.reviewerId === pair.reviewerId)).toBe(false);
    expect(next.options.fixed).toEqual([{ ...pair, include: false }].map(({ applicationId, reviewerId, include }) => ({ applicationId, reviewerId, include })));
    const lp = await lpOptimum(instance, { ...options, fixed: next.options.fixed });
    expect(Math.abs(next.objective - lp.objective)).toBeLessThan(1e-6);
    expect(verifyAssignment(instance, { ...options, fixed: next.options.fixed }, next.pairs, next.objective)).toEqual([]);
  });

  it('re-solves with a pair forced in, keeping earlier overrides', async () => {
    const out = current.pairs[5];
    const first = forcePair(instance, current, out, false);
    const p = prepare(instance);
    const app = current.pairs[20].applicationId;
    const a = p.appIndex.get(app)!;
    const pick = p.revs.find((r, i) => !isConflicted(p, a, i) && !first.pairs.some((x) => x.applicationId === app && x.reviewerId === r.id))!;
    const second = forcePair(instance, first, { applicationId: app, reviewerId: pick.id }, true);
    expect(second.options.fixed).toHaveLength(2);
    expect(second.pairs.some((x) => x.applicationId === app && x.reviewerId === pick.id)).toBe(true);
    expect(second.pairs.some((x) => x.applicationId === out.applicationId && x.reviewerId === out.reviewerId)).toBe(false);
    const lp = await lpOptimum(instance, { ...options, fixed: second.options.fixed });
    expect(Math.abs(second.objective - lp.objective)).toBeLessThan(1e-6);
  });

  it('refuses to force a conflicted pair in', () => {
    const p = prepare(instance);
    const a = p.apps.findIndex((_, i) => p.conflicted[i].length > 0);
    expect(a).toBeGreaterThanOrEqual(0);
    const r = p.revs[p.conflicted[a][0]];
    const next = forcePair(instance, current, { applicationId: p.apps[a].id, reviewerId: r.id }, true);
    expect(next.feasible).toBe(false);
    expect(next.infeasibility?.code).toBe('forced-conflict');
  });
});
