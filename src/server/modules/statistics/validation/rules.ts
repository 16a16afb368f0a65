import { z } from 'zod';

/**
 * Validation rules of the annual statistical survey as data (PRODUCT.md module 9: "validation rules with
 * clear messages"; issue 5). A survey form stores its rules as plain JSON; `evaluate.ts` checks one
 * submission against them, `check-rules.ts` checks the rules themselves when a form is defined.
 *
 * Rules name indicators by their code (lower-case snake_case: `rd_expenditure`, `operating_revenue`). The
 * seeds' own cross-checks motivate the kinds: R&D expenditure is part of a firm's spending, so it cannot
 * exceed its operating revenue; "college degree employees" are a share of all employees (seeds/002_*,
 * "2091万名从业人员中,大学专科以上占比57.7%" / "College Degree Employee … accounted for 57.7%"), so the
 * count with a degree cannot exceed the year-end headcount.
 *
 * `severity`: an `error` blocks the submission, a `warning` asks the respondent to check the figure or
 * explain it (the outlier kinds default to `warning`: an unusual figure may be true). `source` says where a
 * rule comes from (a seed, the national survey's instructions, a decision of the agency).
 */

export const COMPARE_OPS = ['<=', '<', '>=', '>', '=', '!='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

const Severity = z.enum(['error', 'warning']);
const id = z.string().min(1).max(100);
const source = z.string().max(500).optional();
const indicator = z.string().min(1).max(100);

/** The fields of each kind; `ValidationRule` accepts (and drops) unknown fields, `checkRules` rejects them. */
const shapes = {
  compare: {
    id,
    kind: z.literal('compare'),
    /** Expressions over indicator codes and numbers with + - * / and parentheses (`expression.ts`). */
    left: z.string().min(1).max(1000),
    op: z.enum(COMPARE_OPS),
    right: z.string().min(1).max(1000),
    severity: Severity.default('error'),
    source,
  },
  required: {
    id,
    kind: z.literal('required'),
    indicators: z.array(indicator).min(1),
    severity: Severity.default('error'),
    source,
  },
  /** When `when` has a value (not null; with `whenNonZero`, not 0 either), each of `then` must have one. */
  requiredPair: {
    id,
    kind: z.literal('requiredPair'),
    when: indicator,
    whenNonZero: z.boolean().default(false),
    // biome-ignore lint/suspicious/noThenProperty: the field's name is the public API's (issue 5); an array is never called, so a rule is no thenable
    then: z.array(indicator).min(1),
    severity: Severity.default('error'),
    source,
  },
  range: {
    id,
    kind: z.literal('range'),
    indicator,
    min: z.number().optional(),
    max: z.number().optional(),
    severity: Severity.default('error'),
    source,
  },
  /** This year's value divided by last year's must lie in [minRatio, maxRatio]. */
  outlierMinMax: {
    id,
    kind: z.literal('outlierMinMax'),
    indicator,
    minRatio: z.number().positive(),
    maxRatio: z.number().positive(),
    severity: Severity.default('warning'),
    source,
  },
  /**
   * z = (value − mean) / sample standard deviation of the entity's own earlier years; |z| > maxZ fails.
   * Fewer than `minHistory` earlier values: not checked (reason `no_history`).
   */
  outlierZScore: {
    id,
    kind: z.literal('outlierZScore'),
    indicator,
    maxZ: z.number().positive().default(3),
    minHistory: z.number().int().min(2).default(3),
    severity: Severity.default('warning'),
    source,
  },
} as const;

export const ValidationRule = z.discriminatedUnion('kind', [
  z.object(shapes.compare),
  z.object(shapes.required),
  z.object(shapes.requiredPair),
  z.object(shapes.range),
  z.object(shapes.outlierMinMax),
  z.object(shapes.outlierZScore),
]);
export type ValidationRule = z.infer<typeof ValidationRule>;
export type RuleKind = ValidationRule['kind'];
export type RuleOfKind<K extends RuleKind> = Extract<ValidationRule, { kind: K }>;

/** The same rules with unknown fields rejected: a definition-time typo (`severty`) is an error, not a silent default. */
export const StrictValidationRule = z.discriminatedUnion('kind', [
  z.strictObject(shapes.compare),
  z.strictObject(shapes.required),
  z.strictObject(shapes.requiredPair),
  z.strictObject(shapes.range),
  z.strictObject(shapes.outlierMinMax),
  z.strictObject(shapes.outlierZScore),
]);

export const RULE_KINDS = ['compare', 'required', 'requiredPair', 'range', 'outlierMinMax', 'outlierZScore'] as const satisfies readonly RuleKind[];
