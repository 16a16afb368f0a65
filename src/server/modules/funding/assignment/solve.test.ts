import { describe, expect, it } from 'vitest';
import { createRng } from '../../registry/synthetic';
import { cplexLp, loadHighs, lpOptimum } from './highs-oracle';
import { type AssignmentInstance, generateInstance, type Reviewer } from './instance';
import type { AssignmentOptions } from './problem';
import { assignReviewers } from './solve';
import { verifyAssignment } from './verify';

/** Solves with ours and with HiGHS; same optimum (or both infeasible), every rule holds. */
async function compare(instance: AssignmentInstance, options: AssignmentOptions, via: 'lp' | 'model' = 'model') {
  const ours = assignReviewers(instance, options);
  const lp = await lpOptimum(instance, options, via);
  if (!ours.feasible) {
    expect(lp.status, ours.infeasibilityReason).not.toBe('Optimal');
    return { ours, lp };
  }
  expect(lp.status).toBe('Optimal');
  expect(Math.abs(ours.objective - lp.objective)).toBeLessThan(1e-6);
  // The LP relaxation has an integral optimum (the constraint matrix is a network matrix).
  expect(lp.fractionality).toBeLessThan(1e-6);
  expect(verifyAssignment(instance, options, ours.pairs, ours.objective)).toEqual([]);
  expect(ours.optimal).toBe(true);
  expect(ours.bound).toBeGreaterThanOrEqual(lp.objective - 1e-6);
  // The dual bound is within a few millionths (pairs never scored count at most 1/(nodes + 1) unit each).
  expect(ours.bound - ours.objective).toBeLessThan(1e-5);
  return { ours, lp };
}

describe('assignReviewers', () => {
  it('equals the HiGHS LP optimum on many small random instances', async () => {
    const rng = createRng(2026);
    let feasible = 0;
    for (let i = 0; i < 60; i++) {
      const n = 5 + Math.floor(rng() * 56);
      const m = 4 + Math.floor(rng() * 27);
      const k = 1 + Math.floor(rng() * 3);
      const avg = (n * k) / m;
      const options: AssignmentOptions = {
        k,
        minLoad: Math.floor(avg * rng() * 0.8),
        maxLoad: Math.max(k, Math.ceil(avg * (1.1 + rng()))),
        requireSenior: rng() < 0.6,
        // Tiny candidate lists: pricing and full rescoring must find what the first network lacks.
        candidatesPerApplication: 1 + Math.floor(rng() * 4),
        reservePerApplication: 2 + Math.floor(rng() * 8),
        pricedPerApplication: 1 + Math.floor(rng() * 4),
      };
      const instance = generateInstance({ seed: 1000 + i, applications: n, reviewers: m, institutionsPerSector: 4, seniorShare: 0.3 + rng() * 0.4 });
      const { ours } = await compare(instance, options, i % 3 === 0 ? 'lp' : 'model');
      if (ours.feasible) feasible++;
    }
    expect(feasible).toBeGreaterThan(40);
  });

  it('equals the HiGHS LP optimum on instances of 500 and 2,000 applications', async () => {
    for (const [n, m, seed] of [
      [500, 40, 1],
      [2000, 150, 2],
    ]) {
      const avg = (n * 3) / m;
      const instance = generateInstance({ seed, applications: n, reviewers: m });
      const { ours } = await compare(instance, { k: 3, minLoad: Math.floor(avg / 2), maxLoad: Math.ceil(avg * 1.5), requireSenior: true });
      expect(ours.pairs).toHaveLength(n * 3);
    }
  }, 60_000);

  it('writes the LP in CPLEX format, as HiGHS reads it', async () => {
    const instance = generateInstance({ seed: 9, applications: 12, reviewers: 8 });
    const options = { k: 2, minLoad: 1, maxLoad: 5, requireSenior: true };
    const { lp, variables } = cplexLp(instance, options);
    expect(lp).toMatch(/^Maximize\n obj: /);
    const highs = await loadHighs();
    const solved = highs.solve(lp, { output_flag: false } as never);
    expect(solved.Status).toBe('Optimal');
    expect(Object.keys(solved.Columns)).toHaveLength(variables);
    expect(solved.ObjectiveValue).toBeCloseTo(assignReviewers(instance, options).objective, 6);
  });

  it('respects forced pairs, in and out', async () => {
    const instance = generateInstance({ seed: 21, applications: 40, reviewers: 15 });
    const base = { k: 3, minLoad: 2, maxLoad: 14, requireSenior: true };
    const free = assignReviewers(instance, base);
    const assigned = free.pairs[0];
    const lowest = [...free.pairs].sort((x, y) => x.affinity - y.affinity)[0];
    const someoneElse = instance.reviewers.find((r) => !free.pairs.some((x) => x.applicationId === lowest.applicationId && x.reviewerId === r.id))!;
    const options = {
      ...base,
      fixed: [
        { applicationId: assigned.applicationId, reviewerId: assigned.reviewerId, include: false },
        { applicationId: lowest.applicationId, reviewerId: someoneElse.id, include: true },
      ],
    };
    const { ours } = await compare(instance, options);
    expect(ours.pairs.some((x) => x.applicationId === assigned.applicationId && x.reviewerId === assigned.reviewerId)).toBe(false);
    expect(ours.pairs.some((x) => x.applicationId === lowest.applicationId && x.reviewerId === someoneElse.id)).toBe(true);
    expect(ours.objective).toBeLessThanOrEqual(free.objective);
  });

  it('gives the same assignment whatever the input order', () => {
    const instance = generateInstance({ seed: 33, applications: 150, reviewers: 30 });
    const options = { k: 3, minLoad: 5, maxLoad: 25, requireSenior: true };
    const shuffled = { ...instance, applications: [...instance.applications].reverse(), reviewers: [...instance.reviewers].reverse() };
    expect(assignReviewers(shuffled, options).pairs).toEqual(assignReviewers(instance, options).pairs);
  });

  it('stops at a certified gap when asked, with a bound valid for every pair', async () => {
    const instance = generateInstance({ seed: 44, applications: 400, reviewers: 40 });
    const options = { k: 3, minLoad: 10, maxLoad: 45, requireSenior: true, candidatesPerApplication: 2, reservePerApplication: 4, gapTolerance: 0.05 };
    const ours = assignReviewers(instance, options);
    const lp = await lpOptimum(instance, options);
    expect(verifyAssignment(instance, options, ours.pairs, ours.objective)).toEqual([]);
    expect(ours.gap).toBeLessThanOrEqual(0.05);
    expect(ours.bound).toBeGreaterThanOrEqual(lp.objective - 1e-6);
    expect(ours.objective).toBeLessThanOrEqual(lp.objective + 1e-6);
    expect(ours.topKBound).toBeGreaterThanOrEqual(lp.objective - 1e-6);
  });
});

describe('infeasible assignments, with the reason', () => {
  // No conflicts to start with: each test adds the ones it needs.
  const generated = generateInstance({ seed: 55, applications: 30, reviewers: 12, seniorShare: 0.4 });
  const instance: AssignmentInstance = {
    applications: generated.applications.map((a, i) => ({ ...a, enterpriseId: `ent-${i}`, institutionIds: [], applicantPersonIds: [`person-a${i}`] })),
    reviewers: generated.reviewers.map((r, i) => ({ ...r, organisationId: `org-${i}`, affiliationIds: [], declaredConflicts: [], senior: i % 2 === 0 })),
  };
  const ok = { k: 3, minLoad: 0, maxLoad: 20 };
  const reason = (inst: AssignmentInstance, options: AssignmentOptions) => {
    const r = assignReviewers(inst, options);
    expect(r.feasible).toBe(false);
    expect(r.pairs).toEqual([]);
    expect(r.infeasibilityReason).toBe(r.infeasibility?.message);
    return r.infeasibility!;
  };
  const withReviewers = (update: (r: Reviewer, i: number) => Partial<Reviewer>): AssignmentInstance => ({
    ...instance,
    reviewers: instance.reviewers.map((r, i) => ({ ...r, ...update(r, i) })),
  });

  it('an application with fewer than k reviewers without a conflict', () => {
    const target = instance.applications[4];
    const inst = withReviewers((_, i) => (i < 10 ? { declaredConflicts: [target.enterpriseId] } : {}));
    const why = reason(inst, ok);
    expect(why.code).toBe('too-few-reviewers');
    expect(why.applicationIds).toEqual([target.id]);
    expect(why.message).toContain(target.id);
  });

  it('total capacity below demand', () => {
    expect(reason(instance, { k: 3, maxLoad: 7 }).code).toBe('capacity');
  });

  it('minimum loads above demand', () => {
    expect(reason(instance, { k: 3, minLoad: 8, maxLoad: 20 }).code).toBe('minimum-load');
  });

  it('no senior reviewer, or not enough senior capacity', () => {
    expect(
      reason(
        withReviewers(() => ({ senior: false })),
        { ...ok, requireSenior: true },
      ).code,
    ).toBe('no-senior');
    const oneSenior = withReviewers((_, i) => ({ senior: i === 0, maxLoad: i === 0 ? 10 : undefined }));
    expect(reason(oneSenior, { ...ok, requireSenior: true }).code).toBe('senior-capacity');
  });

  it('a reviewer who cannot reach their minimum load', () => {
    const starved = withReviewers((_, i) => (i === 0 ? { declaredConflicts: instance.applications.slice(0, 25).map((a) => a.enterpriseId), minLoad: 6 } : {}));
    const why = reason(starved, ok);
    expect(why.code).toBe('reviewer-minimum-load');
    expect(why.reviewerIds).toEqual([instance.reviewers[0].id]);
  });

  it('a group of applications whose only eligible reviewers are full', () => {
    // Six applications may only go to reviewers 0 and 1, who take 2 each: 6 reviews needed, 4 possible.
    const group = instance.applications.slice(0, 6).map((a) => a.enterpriseId);
    const inst = withReviewers((_, i) => (i < 2 ? { maxLoad: 2 } : { declaredConflicts: group }));
    const why = reason(inst, { k: 1, maxLoad: 20 });
    expect(why.code).toBe('bottleneck');
    expect(new Set(why.applicationIds)).toEqual(new Set(instance.applications.slice(0, 6).map((a) => a.id)));
    expect(new Set(why.reviewerIds)).toEqual(new Set([instance.reviewers[0].id, instance.reviewers[1].id]));
  });

  it('a forced pair that is conflicted', () => {
    const a = instance.applications[0];
    const inst = withReviewers((_, i) => (i === 3 ? { declaredConflicts: [a.enterpriseId] } : {}));
    const why = reason(inst, { ...ok, fixed: [{ applicationId: a.id, reviewerId: instance.reviewers[3].id, include: true }] });
    expect(why.code).toBe('forced-conflict');
    expect(why.message).toContain('declared');
  });
});
