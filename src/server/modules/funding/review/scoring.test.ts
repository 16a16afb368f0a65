import { describe, expect, it } from 'vitest';
import { checkScores, normaliseByReviewer, type Rubric, weightedTotal } from './scoring';

const rubric: Rubric = {
  scale: { min: 1, max: 5 },
  criteria: [
    { id: 'innovation', weight: 40 },
    { id: 'market', weight: 30 },
    { id: 'team', weight: 30 },
  ],
};

describe('weighted rubric totals', () => {
  it('weights each criterion and explains the total by its parts', () => {
    const t = weightedTotal(rubric, [
      { criterionId: 'innovation', score: 5 },
      { criterionId: 'market', score: 3 },
      { criterionId: 'team', score: 4 },
    ]);
    expect(t.total).toBeCloseTo(0.4 * 5 + 0.3 * 3 + 0.3 * 4, 10);
    expect(t.percent).toBeCloseTo(((4.1 - 1) / 4) * 100, 10);
    expect(t.parts.map((p) => p.contribution)).toEqual([2, 0.9, 1.2]);
  });

  it('gives 0% at the bottom of the scale and 100% at the top', () => {
    const all = (s: number) => rubric.criteria.map((c) => ({ criterionId: c.id, score: s }));
    expect(weightedTotal(rubric, all(1)).percent).toBe(0);
    expect(weightedTotal(rubric, all(5)).percent).toBe(100);
  });

  it('finds missing, unknown, duplicate and out-of-scale scores', () => {
    const problems = checkScores(rubric, [
      { criterionId: 'innovation', score: 6 },
      { criterionId: 'innovation', score: 3 },
      { criterionId: 'luck', score: 3 },
    ]);
    expect(problems.map((p) => `${p.code}:${p.criterionId}`).sort()).toEqual(
      ['duplicate_criterion:innovation', 'missing_criterion:market', 'missing_criterion:team', 'out_of_scale:innovation', 'unknown_criterion:luck'].sort(),
    );
    expect(
      checkScores(
        rubric,
        rubric.criteria.map((c) => ({ criterionId: c.id, score: 2.5 })),
      ),
    ).toEqual([]);
  });
});

describe('per-reviewer normalisation (z-score)', () => {
  it('puts a lenient and a strict reviewer who agree on the order on one scale', () => {
    const totals = [
      { reviewerId: 'lenient', applicationId: 'a', total: 4.8 },
      { reviewerId: 'lenient', applicationId: 'b', total: 4.2 },
      { reviewerId: 'strict', applicationId: 'c', total: 2.6 },
      { reviewerId: 'strict', applicationId: 'd', total: 2.0 },
    ];
    const n = normaliseByReviewer(totals);
    expect(n.map((x) => x.z)).toEqual([1, -1, 1, -1]);
    // The strict reviewer's best is now level with the lenient reviewer's best.
    expect(n[0].normalised).toBeCloseTo(n[2].normalised, 10);
    expect(n[1].normalised).toBeCloseTo(n[3].normalised, 10);
    // The overall mean is kept.
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(n.map((x) => x.normalised))).toBeCloseTo(mean(totals.map((x) => x.total)), 10);
  });

  it('keeps the totals of a reviewer with one review or no spread, and says why', () => {
    const n = normaliseByReviewer([
      { reviewerId: 'once', applicationId: 'a', total: 3 },
      { reviewerId: 'flat', applicationId: 'a', total: 4 },
      { reviewerId: 'flat', applicationId: 'b', total: 4 },
    ]);
    expect(n.map((x) => [x.normalised, x.kept])).toEqual([
      [3, 'single_review'],
      [4, 'no_spread'],
      [4, 'no_spread'],
    ]);
    expect(normaliseByReviewer([])).toEqual([]);
  });
});
