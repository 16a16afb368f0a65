import { z } from 'zod';

/**
 * M&E of policy (issue 5): a policy has goals; a goal has indicators, each with a baseline, yearly targets and
 * thresholds; progress is measured from the data (survey rollups or published series) and marked on track,
 * at risk, off track or no data, with the trend and a projection to the final target year. A baseline may be
 * measured (the value the data give in its year) and a target set relative to it (a change or points on it);
 * the API answers both what was set and what it resolves to. seeds/002 names the missing "monitoring and
 * evaluation framework" of Pakistan's STI policies; the reference data carries an example framework for the
 * four areas of the draft STI policy 2021, measured on Pakistan's returns.
 */

export const ME_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type MeStatus = (typeof ME_STATUSES)[number];
export const ME_TRENDS = ['improving', 'flat', 'worsening'] as const;
export const ME_DIRECTIONS = ['increase', 'decrease'] as const;

const Text3 = z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() });
const Text3Input = z.object({
  en: z.string().trim().min(1).max(300),
  zh: z.string().trim().max(300).optional(),
  ur: z.string().trim().max(300).optional(),
});
const LongText3Input = z.object({
  en: z.string().trim().min(1).max(2000),
  zh: z.string().trim().max(2000).optional(),
  ur: z.string().trim().max(2000).optional(),
});

export const YearValue = z.object({ year: z.number().int(), value: z.number() });
export type YearValue = z.infer<typeof YearValue>;
const YearInput = z.number().int().min(1947).max(2100);
const ValueInput = z.number().finite().min(-1e15).max(1e15);

export const StatusCounts = z.object({ on_track: z.number().int(), at_risk: z.number().int(), off_track: z.number().int(), no_data: z.number().int() });
export type StatusCounts = z.infer<typeof StatusCounts>;

/**
 * A measure scope: 'national' (every return, whatever its country), 'country:<ISO code>' (the returns of that
 * country's provinces), or part of the survey rollups ('province:<code>', 'zone:<uuid>'), or the scope a
 * published series is given for ('nhz', 'region:<name>', 'zone:<key>').
 */
export const MeScope = z
  .string()
  .trim()
  .regex(
    /^(national|nhz|country:[A-Z]{2}|(province|region|zone):[A-Za-z0-9_.-]{1,60})$/,
    "'national', 'country:<ISO code>', 'province:<code>', 'zone:<id>', 'nhz' or 'region:<name>'",
  );

export const ME_TARGET_BASES = ['value', 'change', 'delta'] as const;
export type MeTargetBasis = (typeof ME_TARGET_BASES)[number];
export const ME_NO_DATA_REASONS = ['not_measured', 'baseline_not_measured'] as const;

/** A baseline as set and as resolved: `measured` — the value the data give in its year (null when they give none). */
export const MeBaseline = z.object({ year: z.number().int(), measured: z.boolean(), value: z.number().nullable() });
export type MeBaseline = z.infer<typeof MeBaseline>;

/**
 * A yearly target as set — an absolute value, a change on the baseline (`change` 0.12 = +12 %) or points added to
 * it (`delta` 0.15 = +0.15, for ratios and percentages): `basis` and `amount` — and the value it resolves to
 * (null while the baseline has none).
 */
export const MeTargetPoint = z.object({ year: z.number().int(), basis: z.enum(ME_TARGET_BASES), amount: z.number(), value: z.number().nullable() });
export type MeTargetPoint = z.infer<typeof MeTargetPoint>;

export const MeActualPoint = z.object({
  year: z.number().int(),
  value: z.number(),
  /** Survey data of a synthetic (demo) period. */
  synthetic: z.boolean(),
  /** A published point's seed file and quote. */
  source: z.string().nullable(),
  quote: z.string().nullable(),
});

export const MeIndicatorProgress = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  indicator: z.string(),
  /** Where the actual values come from: the survey's indicator catalogue, a published series, or neither (unknown code). */
  kind: z.enum(['catalogue', 'series', 'unknown']),
  names: Text3,
  unit: z.string().nullable(),
  scope: z.string(),
  direction: z.enum(ME_DIRECTIONS),
  baseline: MeBaseline,
  targets: z.array(MeTargetPoint),
  thresholds: z.object({ atRisk: z.number(), offTrack: z.number() }),
  example: z.boolean(),
  /** Why the status is no data: nothing measured yet, or a baseline to be measured in a year without data. */
  noDataReason: z.enum(ME_NO_DATA_REASONS).nullable(),
  actual: z.array(MeActualPoint),
  /** The expected path, year by year from the baseline to the last target. */
  expected: z.array(YearValue),
  latest: YearValue.nullable(),
  expectedAtLatest: z.number().nullable(),
  achievement: z.number().nullable(),
  status: z.enum(ME_STATUSES),
  trend: z.object({ direction: z.enum(ME_TRENDS).nullable(), slope: z.number().nullable(), points: z.number().int() }),
  projection: z
    .object({ year: z.number().int(), value: z.number(), target: z.number(), achievement: z.number(), status: z.enum(['on_track', 'at_risk', 'off_track']) })
    .nullable(),
  synthetic: z.boolean(),
});
export type MeIndicatorProgress = z.infer<typeof MeIndicatorProgress>;

export const MeGoal = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  key: z.string().nullable(),
  area: z.string().nullable(),
  names: Text3,
  source: z.string().nullable(),
  sort: z.number().int(),
  status: z.enum(ME_STATUSES),
  counts: StatusCounts,
  indicators: z.array(MeIndicatorProgress),
});
export type MeGoal = z.infer<typeof MeGoal>;

export const MePolicySummary = z.object({
  id: z.uuid(),
  key: z.string().nullable(),
  names: Text3,
  example: z.boolean(),
  source: z.string().nullable(),
  goals: z.number().int(),
  indicators: z.number().int(),
  /** Goals by status. */
  counts: StatusCounts,
  status: z.enum(ME_STATUSES),
});
export type MePolicySummary = z.infer<typeof MePolicySummary>;

export const MePolicy = MePolicySummary.extend({
  note: Text3.nullable(),
  goals: z.array(MeGoal),
  indicatorCounts: StatusCounts,
  /** Some actual values are synthetic (demo survey periods). */
  synthetic: z.boolean(),
  /** The catalogue indicators and published series a target may measure (for the analyst's form). */
  measures: z.array(z.object({ code: z.string(), kind: z.enum(['catalogue', 'series']), names: Text3, unit: z.string() })),
  can: z.object({ manage: z.boolean() }),
});
export type MePolicy = z.infer<typeof MePolicy>;

// ── Inputs ───────────────────────────────────────────────────────────────────

const Key = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'validation.code_chars_lower');

export const PolicyInput = z.object({
  key: Key.optional(),
  names: Text3Input,
  note: LongText3Input.optional(),
  source: z.string().trim().max(500).optional(),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

export const GoalInput = z.object({
  key: Key.optional(),
  area: z.string().trim().min(1).max(80).optional(),
  names: Text3Input,
  source: z.string().trim().max(500).optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
});
export type GoalInput = z.infer<typeof GoalInput>;

const Thresholds = z.object({
  /** Achievement (0–1 = share of the expected progress) at or above which an indicator is on track. */
  atRisk: z.number().finite().min(-10).max(10),
  /** … at or above which it is at risk; below, off track. */
  offTrack: z.number().finite().min(-10).max(10),
});

/** A change on the baseline as a fraction: −1 (down to zero) to +100 (+10,000 %). */
const ChangeInput = z.number().finite().min(-1).max(100);

/** Exactly one of the keys is given (zod's own `union` would only say "invalid input"). */
const exactlyOne =
  (keys: readonly string[], message: string) =>
  (o: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    if (keys.filter((k) => o[k] !== undefined).length !== 1) ctx.addIssue({ code: 'custom', path: [keys[0]], message });
  };

/** A baseline: a value, or `measured: true` — the value the data give in the baseline year. */
export const BaselineInput = z
  .object({ year: YearInput, value: ValueInput.optional(), measured: z.literal(true).optional() })
  .superRefine(exactlyOne(['value', 'measured'], 'give the baseline a value or measured: true (one of them)'));
export type BaselineInput = z.infer<typeof BaselineInput>;

/** A yearly target: an absolute `value`, a `change` on the baseline (0.12 = +12 %) or a `delta` added to it (0.15 = +0.15). */
export const TargetPointInput = z
  .object({ year: YearInput, value: ValueInput.optional(), change: ChangeInput.optional(), delta: ValueInput.optional() })
  .superRefine(exactlyOne(['value', 'change', 'delta'], 'give a target exactly one of value, change or delta'));
export type TargetPointInput = z.infer<typeof TargetPointInput>;

const TargetPoints = z.array(TargetPointInput).min(1).max(50);

export const TargetInput = z.object({
  indicator: z.string().trim().min(1).max(80),
  scope: MeScope.default('national'),
  direction: z.enum(ME_DIRECTIONS),
  baseline: BaselineInput,
  targets: TargetPoints,
  thresholds: Thresholds.default({ atRisk: 0.9, offTrack: 0.6 }),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const TargetPatch = z
  .object({
    indicator: z.string().trim().min(1).max(80),
    scope: MeScope,
    direction: z.enum(ME_DIRECTIONS),
    baseline: BaselineInput,
    targets: TargetPoints,
    thresholds: Thresholds,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');
export type TargetPatch = z.infer<typeof TargetPatch>;

export const ReportQuery = z.object({ format: z.literal('pdf').default('pdf'), lang: z.enum(['en', 'zh', 'ur']).optional() });
