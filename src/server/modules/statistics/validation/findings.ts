import type { Values } from './expression';
import type { RuleKind, ValidationRule } from './rules';

/** What `validateSubmission` reports. Re-exported from `evaluate.ts`, which is where callers look. */

export type { Values };
/** The same entity's earlier, approved years, in any order. */
export type History = { year: number; values: Values }[];

export type Params = Record<string, string | number>;

export type Finding = {
  ruleId: string;
  kind: RuleKind;
  severity: 'error' | 'warning';
  /** The codes involved, to highlight the fields (for a missing value, that one first). */
  indicators: string[];
  /** An i18n key in the `statistics` namespace, with its prefix: `statistics:validation.compare_failed.lte`. */
  key: string;
  /**
   * What the message needs, raw: expressions as written (`left`, `right`), indicator codes (`indicator`,
   * `when`), numbers unformatted. `explainFinding` turns codes into names and formats numbers for the
   * reader's language; `t(key, params)` alone gives a rough message with codes. `count`, when present,
   * selects the plural form.
   */
  params: Params;
  /** The rule's `source`, when it has one. */
  source?: string;
};

export type UncheckedReason = 'missing_values' | 'no_history' | 'division_by_zero';

/**
 * A rule that could not be applied to this submission: neither a pass nor a failure. The fields after
 * `reason` are there for the message (`explainUnchecked`); they are optional so an `Outcome` can be
 * written by hand (tests, fixtures) with `ruleId` and `reason` only.
 */
export type Unchecked = {
  ruleId: string;
  reason: UncheckedReason;
  kind?: RuleKind;
  /** For `missing_values`, the codes without a value; otherwise the rule's indicator. */
  indicators?: string[];
  key?: string;
  params?: Params;
};

export type Outcome = { findings: Finding[]; unchecked: Unchecked[] };

export const NS = 'statistics:';
/** Every message key the engine emits, without the namespace prefix (the catalogue test checks they exist). */
export const FINDING_KEYS = [
  'validation.compare_failed.lte',
  'validation.compare_failed.lt',
  'validation.compare_failed.gte',
  'validation.compare_failed.gt',
  'validation.compare_failed.eq',
  'validation.compare_failed.ne',
  'validation.required_missing',
  'validation.required_pair_missing.filled',
  'validation.required_pair_missing.nonzero',
  'validation.range_failed.min',
  'validation.range_failed.max',
  'validation.range_failed.between',
  'validation.outlier_ratio_failed',
  'validation.outlier_zscore_failed.above',
  'validation.outlier_zscore_failed.below',
] as const;
export const UNCHECKED_KEYS = [
  'validation.unchecked.missing_values',
  'validation.unchecked.zero_divisor',
  'validation.unchecked.no_last_year',
  'validation.unchecked.zero_last_year',
  'validation.unchecked.too_little_history',
  'validation.unchecked.no_spread',
] as const;

/** The schema's default, for a rule built by hand without `ValidationRule.parse`. */
const severityOf = (rule: ValidationRule): Finding['severity'] =>
  rule.severity ?? (rule.kind === 'outlierMinMax' || rule.kind === 'outlierZScore' ? 'warning' : 'error');

/** The pieces every finding and every unchecked entry of a rule share. */
export function finding(rule: ValidationRule, indicators: string[], key: string, params: Finding['params']): Finding {
  const f: Finding = { ruleId: rule.id, kind: rule.kind, severity: severityOf(rule), indicators, key: `${NS}${key}`, params };
  if (rule.source) f.source = rule.source;
  return f;
}
export function unchecked(rule: ValidationRule, reason: Unchecked['reason'], indicators: string[], key: string, params: Unchecked['params']): Unchecked {
  return { ruleId: rule.id, reason, kind: rule.kind, indicators, key: `${NS}${key}`, params };
}
export const missingValues = (rule: ValidationRule, missing: string[]) =>
  unchecked(rule, 'missing_values', missing, 'validation.unchecked.missing_values', { count: missing.length });
