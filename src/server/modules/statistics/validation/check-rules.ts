import type { z } from 'zod';
import { ExpressionError, indicatorsOf, parseExpression } from './expression';
import { RULE_KINDS, StrictValidationRule, type ValidationRule } from './rules';

/**
 * The definition-time check of a form's rules: shape (unknown fields refused, so a typo is not silently
 * dropped), expressions that parse, indicator codes the form knows, limits that make sense. Each problem
 * has a dotted path into the rule list, as the API's validation errors do (`2.left`, `0.indicators.1`).
 */

export type RuleProblem = { path: string; message: string };
export type RuleCheck = { ok: true; rules: ValidationRule[] } | { ok: false; problems: RuleProblem[] };

/** A form has tens of rules; a thousand is a mistake or an attack. */
export const MAX_RULES = 1000;

export function checkRules(rules: unknown, knownIndicators: ReadonlySet<string>): RuleCheck {
  if (!Array.isArray(rules)) return { ok: false, problems: [{ path: '', message: 'expected a list of rules' }] };
  if (rules.length > MAX_RULES) return { ok: false, problems: [{ path: '', message: `at most ${MAX_RULES} rules (got ${rules.length})` }] };
  const problems: RuleProblem[] = [];
  const parsed: ValidationRule[] = [];
  const firstWithId = new Map<string, number>();
  rules.forEach((raw, i) => {
    const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ path: `${i}`, message: 'expected a rule (an object with id and kind)' });
      return;
    }
    if (!(RULE_KINDS as readonly unknown[]).includes(kind)) {
      problems.push({
        path: `${i}.kind`,
        message: `kind must be one of ${RULE_KINDS.join(', ')}${kind === undefined ? '' : ` (got ${JSON.stringify(kind)})`}`,
      });
      return;
    }
    const result = StrictValidationRule.safeParse(raw);
    if (!result.success) {
      problems.push(...result.error.issues.flatMap((issue) => describeIssue(i, issue)));
      return;
    }
    const rule = result.data;
    const seen = firstWithId.get(rule.id);
    if (seen !== undefined) problems.push({ path: `${i}.id`, message: `duplicate rule id "${rule.id}" (rule ${seen} has it)` });
    else firstWithId.set(rule.id, i);
    problems.push(...meaningProblems(rule, i, knownIndicators));
    parsed.push(rule);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules: parsed };
}

function describeIssue(i: number, issue: z.core.$ZodIssue): RuleProblem[] {
  const path = [i, ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: `${path}.${key}`, message: `unknown field "${key}"` }));
  return [{ path, message: issue.message }];
}

/** What the schema cannot say: expressions, indicator codes, limits. */
function meaningProblems(rule: ValidationRule, i: number, known: ReadonlySet<string>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const at = (path: string, message: string) => problems.push({ path: `${i}.${path}`, message });
  const code = (path: string, c: string) => {
    if (!known.has(c)) at(path, unknownIndicator(c, known));
  };
  switch (rule.kind) {
    case 'compare': {
      const sides = (['left', 'right'] as const).map((side) => {
        try {
          const expr = parseExpression(rule[side]);
          for (const c of indicatorsOf(expr)) code(side, c);
          return indicatorsOf(expr).length;
        } catch (err) {
          if (!(err instanceof ExpressionError)) throw err;
          at(side, err.message);
          return -1;
        }
      });
      if (sides[0] === 0 && sides[1] === 0) problems.push({ path: `${i}`, message: 'compares two numbers: name an indicator on at least one side' });
      break;
    }
    case 'required':
      rule.indicators.forEach((c, j) => {
        code(`indicators.${j}`, c);
        if (rule.indicators.indexOf(c) !== j) at(`indicators.${j}`, `"${c}" is listed twice`);
      });
      break;
    case 'requiredPair':
      code('when', rule.when);
      rule.then.forEach((c, j) => {
        code(`then.${j}`, c);
        if (c === rule.when) at(`then.${j}`, `"${c}" is also the "when" indicator: a value cannot require itself`);
      });
      break;
    case 'range':
      code('indicator', rule.indicator);
      if (rule.min === undefined && rule.max === undefined) problems.push({ path: `${i}`, message: 'a range needs min, max or both' });
      if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) at('min', `min (${rule.min}) is greater than max (${rule.max})`);
      break;
    case 'outlierMinMax':
      code('indicator', rule.indicator);
      if (rule.minRatio > rule.maxRatio) at('minRatio', `minRatio (${rule.minRatio}) is greater than maxRatio (${rule.maxRatio})`);
      break;
    case 'outlierZScore':
      code('indicator', rule.indicator);
      break;
  }
  return problems;
}

function unknownIndicator(c: string, known: ReadonlySet<string>): string {
  const near = closest(c, known);
  return `unknown indicator "${c}"${near ? ` (did you mean "${near}"?)` : ''}`;
}

/** The known code nearest to a typo, if one is within a third of its length in edits (Levenshtein). */
function closest(c: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(c.length / 3)) + 1;
  for (const k of known) {
    if (Math.abs(k.length - c.length) >= bestDistance) continue;
    const d = levenshtein(c, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
