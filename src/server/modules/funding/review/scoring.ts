/**
 * Scoring of the seed fund's review (issue 4), pure: a reviewer's weighted rubric total, and the optional
 * per-reviewer normalisation that takes out a reviewer's habit of scoring high or low.
 *
 * A rubric has criteria with weights and one scale [min, max]. The weighted total is Σ wᵢ·sᵢ / Σ wᵢ on that
 * scale, and also as a percentage of the scale (0 = every criterion at min, 100 = every criterion at max),
 * so totals of calls with different scales compare.
 */

export type RubricCriterion = { id: string; weight: number };
export type RubricScale = { min: number; max: number };
export type Rubric = { criteria: RubricCriterion[]; scale: RubricScale };
export type CriterionScore = { criterionId: string; score: number; comment?: string };

export type RubricProblem = { path: string; code: 'missing_criterion' | 'unknown_criterion' | 'out_of_scale' | 'duplicate_criterion'; criterionId: string };

/** What is wrong with a set of scores against a rubric (empty: nothing). Every criterion must be scored once, on the scale. */
export function checkScores(rubric: Rubric, scores: readonly CriterionScore[]): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const known = new Set(rubric.criteria.map((c) => c.id));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!known.has(s.criterionId)) problems.push({ path: `scores.${i}.criterionId`, code: 'unknown_criterion', criterionId: s.criterionId });
    else if (seen.has(s.criterionId)) problems.push({ path: `scores.${i}.criterionId`, code: 'duplicate_criterion', criterionId: s.criterionId });
    seen.add(s.criterionId);
    if (!(Number.isFinite(s.score) && s.score >= rubric.scale.min && s.score <= rubric.scale.max)) {
      problems.push({ path: `scores.${i}.score`, code: 'out_of_scale', criterionId: s.criterionId });
    }
  });
  for (const c of rubric.criteria) if (!seen.has(c.id)) problems.push({ path: 'scores', code: 'missing_criterion', criterionId: c.id });
  return problems;
}

export type WeightedTotal = {
  /** Σ wᵢ·sᵢ / Σ wᵢ, on the rubric's scale. */
  total: number;
  /** The total as a share of the scale, 0–100. */
  percent: number;
  /** Each criterion's part of the total (wᵢ·sᵢ / Σ w), in rubric order: the explanation of the total. */
  parts: { criterionId: string; score: number; weight: number; contribution: number }[];
};

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The weighted total of complete scores (check them first with `checkScores`). */
export function weightedTotal(rubric: Rubric, scores: readonly CriterionScore[]): WeightedTotal {
  const byId = new Map(scores.map((s) => [s.criterionId, s.score]));
  const weightSum = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  if (!(weightSum > 0)) throw new Error('rubric weights must add up to more than 0');
  const parts = rubric.criteria.map((c) => {
    const score = byId.get(c.id);
    if (score === undefined) throw new Error(`criterion ${c.id} is not scored`);
    return { criterionId: c.id, score, weight: c.weight, contribution: (c.weight * score) / weightSum };
  });
  const total = parts.reduce((s, p) => s + p.contribution, 0);
  const span = rubric.scale.max - rubric.scale.min;
  const percent = span > 0 ? ((total - rubric.scale.min) / span) * 100 : 100;
  return { total: round(total), percent: round(percent), parts: parts.map((p) => ({ ...p, contribution: round(p.contribution) })) };
}

export type ReviewTotal = { reviewerId: string; applicationId: string; total: number };
export type NormalisedTotal = ReviewTotal & {
  /** The reviewer's z-score for this application: (total − reviewer's mean) / reviewer's standard deviation. */
  z: number;
  /** The z-score put back on the scale of all totals: overall mean + z × overall standard deviation. */
  normalised: number;
  /** Why the total was left as it was (a reviewer with one review, or who gave every application the same total). */
  kept?: 'single_review' | 'no_spread';
};

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Population standard deviation. */
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
};

/**
 * Per-reviewer normalisation by z-score: a reviewer who scores everything high and one who scores
 * everything low rank the applications they saw the same way, so their totals are put on one scale:
 * z = (x − μᵣ) / σᵣ per reviewer, then μ + z·σ with the mean and standard deviation of all totals.
 * A reviewer with a single review, or no spread (σᵣ = 0), says nothing about their habit: their totals
 * stay as they are (`kept`). Deterministic; the input order is kept.
 */
export function normaliseByReviewer(totals: readonly ReviewTotal[]): NormalisedTotal[] {
  if (totals.length === 0) return [];
  const all = totals.map((t) => t.total);
  const mu = mean(all);
  const sigma = sd(all);
  const byReviewer = new Map<string, number[]>();
  for (const t of totals) {
    const list = byReviewer.get(t.reviewerId) ?? [];
    list.push(t.total);
    byReviewer.set(t.reviewerId, list);
  }
  const stats = new Map([...byReviewer].map(([id, xs]) => [id, { n: xs.length, mean: mean(xs), sd: sd(xs) }]));
  return totals.map((t) => {
    const s = stats.get(t.reviewerId)!;
    if (s.n < 2) return { ...t, z: 0, normalised: t.total, kept: 'single_review' as const };
    if (s.sd < 1e-12) return { ...t, z: 0, normalised: t.total, kept: 'no_spread' as const };
    const z = (t.total - s.mean) / s.sd;
    return { ...t, z: round(z), normalised: round(mu + z * sigma) };
  });
}
