/** The validation rule engine of the annual statistical survey (issue 5): rules as data, a pure evaluator, messages in three languages. */
export { COMPARE_OPS, type CompareOp, RULE_KINDS, type RuleKind, type RuleOfKind, StrictValidationRule, ValidationRule } from './rules';
export {
  type BinaryOp,
  type Computation,
  computeExpression,
  type Expr,
  ExpressionError,
  evaluateExpression,
  formatExpression,
  INDICATOR_CODE,
  indicatorsOf,
  MAX_EXPRESSION_LENGTH,
  parseComparison,
  parseExpression,
  type PrintOptions,
  valueIn,
} from './expression';
export { compareHolds, NEGATION, nearlyEqual, RELATIVE_TOLERANCE } from './compare';
export {
  type Finding,
  FINDING_KEYS,
  type History,
  type Outcome,
  type Params,
  type Unchecked,
  UNCHECKED_KEYS,
  type UncheckedReason,
  type Values,
} from './findings';
export { validateSubmission } from './evaluate';
export { earlierValues } from './outliers';
export { checkRules, MAX_RULES, type RuleCheck, type RuleProblem } from './check-rules';
export { explainFinding, explainUnchecked, type IndicatorName } from './explain';
