import { compareHolds, OP_NAME } from './compare';
import { computeExpression, type Expr, indicatorsOf, parseExpression, valueIn } from './expression';
import { type Finding, finding, type History, missingValues, type Outcome, unchecked, type Values } from './findings';
import { checkOutlierMinMax, checkOutlierZScore } from './outliers';
import type { RuleOfKind, ValidationRule } from './rules';

export type { Finding, History, Outcome, Unchecked, UncheckedReason, Values } from './findings';

/**
 * Checks one submission of the annual survey against a form's rules (issue 5). Pure: the caller loads
 * the values, the same entity's earlier approved years and the survey year. Findings come in rule order.
 *
 * A rule that cannot be applied is `unchecked`, never a failure: a compare rule with an operand missing
 * (the `required` rules are what catch missing data, once, with one clear message), an outlier rule
 * without enough history, anything that would divide by zero.
 *
 * Rules are expected to have passed `checkRules` when the form was defined; an expression that does not
 * parse here throws (naming the rule) rather than silently checking less.
 */
export function validateSubmission(rules: ValidationRule[], values: Values, history: History, year: number): Outcome {
  const out: Outcome = { findings: [], unchecked: [] };
  for (const rule of rules) {
    switch (rule.kind) {
      case 'compare':
        checkCompare(rule, values, out);
        break;
      case 'required':
        checkRequired(rule, values, out);
        break;
      case 'requiredPair':
        checkRequiredPair(rule, values, out);
        break;
      case 'range':
        checkRange(rule, values, out);
        break;
      case 'outlierMinMax':
        checkOutlierMinMax(rule, values, history, year, out);
        break;
      case 'outlierZScore':
        checkOutlierZScore(rule, values, history, year, out);
        break;
    }
  }
  return out;
}

function checkCompare(rule: RuleOfKind<'compare'>, values: Values, out: Outcome): void {
  const left = parsed(rule, rule.left);
  const right = parsed(rule, rule.right);
  const l = computeExpression(left, values);
  const r = computeExpression(right, values);
  const indicators = [...new Set([...indicatorsOf(left), ...indicatorsOf(right)])];
  if (!l.ok || !r.ok) {
    const missing = [...new Set([l, r].flatMap((c) => (!c.ok && c.reason === 'missing_values' ? c.missing : [])))];
    out.unchecked.push(
      missing.length > 0
        ? missingValues(rule, missing)
        : unchecked(rule, 'division_by_zero', indicators, 'validation.unchecked.zero_divisor', { left: rule.left, op: rule.op, right: rule.right }),
    );
    return;
  }
  if (compareHolds(l.value, rule.op, r.value)) return;
  out.findings.push(
    finding(rule, indicators, `validation.compare_failed.${OP_NAME[rule.op]}`, {
      left: rule.left,
      op: rule.op,
      right: rule.right,
      leftValue: l.value,
      rightValue: r.value,
    }),
  );
}

/** One finding per missing indicator, so each field can carry its own message. */
function checkRequired(rule: RuleOfKind<'required'>, values: Values, out: Outcome): void {
  for (const code of new Set(rule.indicators)) {
    if (valueIn(values, code) === null) out.findings.push(finding(rule, [code], 'validation.required_missing', { indicator: code }));
  }
}

/** `when` without a value (or 0, with `whenNonZero`) means the pair does not apply: no finding, nothing unchecked. */
function checkRequiredPair(rule: RuleOfKind<'requiredPair'>, values: Values, out: Outcome): void {
  const w = valueIn(values, rule.when);
  if (w === null || (rule.whenNonZero && w === 0)) return;
  const key = rule.whenNonZero ? 'validation.required_pair_missing.nonzero' : 'validation.required_pair_missing.filled';
  for (const code of new Set(rule.then)) {
    if (valueIn(values, code) === null) out.findings.push(finding(rule, [code, rule.when], key, { indicator: code, when: rule.when, whenValue: w }));
  }
}

function checkRange(rule: RuleOfKind<'range'>, values: Values, out: Outcome): void {
  const v = valueIn(values, rule.indicator);
  if (v === null) {
    out.unchecked.push(missingValues(rule, [rule.indicator]));
    return;
  }
  const hasMin = rule.min !== undefined;
  const hasMax = rule.max !== undefined;
  const ok = (!hasMin || compareHolds(v, '>=', rule.min as number)) && (!hasMax || compareHolds(v, '<=', rule.max as number));
  if (ok) return;
  const params: Finding['params'] = { indicator: rule.indicator, value: v };
  if (hasMin) params.min = rule.min as number;
  if (hasMax) params.max = rule.max as number;
  const which = hasMin && hasMax ? 'between' : hasMin ? 'min' : 'max';
  out.findings.push(finding(rule, [rule.indicator], `validation.range_failed.${which}`, params));
}

/** Parsed expressions, kept: one form's rules are checked against thousands of submissions. */
const cache = new Map<string, Expr>();
const CACHE_LIMIT = 2000;
function parsed(rule: ValidationRule, text: string): Expr {
  let expr = cache.get(text);
  if (!expr) {
    try {
      expr = parseExpression(text);
    } catch (err) {
      throw new Error(`validation rule "${rule.id}": ${(err as Error).message}`, { cause: err });
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, expr);
  }
  return expr;
}
