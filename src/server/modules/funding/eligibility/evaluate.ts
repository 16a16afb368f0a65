import type { Language } from '../../../../shared/roles';
import { serverI18n, translate } from '../../../../shared/i18n';
import type { Comparison, Rule, Test } from './rules';

/**
 * The eligibility engine: pure and deterministic. Every rule gives `pass`, `fail` or `unknown`, with a
 * reason (an i18n key under `messages:eligibility.reason.*` and the figures it used), the rule's source,
 * and the facts that were missing. Combinators follow three-valued (Kleene) logic, so an outcome reached
 * while facts are missing holds whatever those facts turn out to be: a missing fact never makes a pass.
 *
 * The verdict: `ineligible` if any rule fails, else `incomplete` if any is unknown, else `eligible`.
 */

export type Outcome = 'pass' | 'fail' | 'unknown';
export type Verdict = 'eligible' | 'ineligible' | 'incomplete';
export type ReasonParam = string | number | boolean | null | (string | number)[];
/** `key` is relative to the `messages` namespace; `children` explain a combinator by its parts. */
export type Reason = { key: string; params: Record<string, ReasonParam>; children?: Reason[] };
export type Facts = Readonly<Record<string, unknown>>;

export type RuleResult = {
  ruleId: string;
  label: Rule['label'];
  outcome: Outcome;
  reason: Reason;
  source: string;
  /** Facts that were absent or had no usable value and left the outcome `unknown`; empty for pass and fail. */
  missingFacts: string[];
};
export type Evaluation = { verdict: Verdict; results: RuleResult[] };

type Judged = { outcome: Outcome; reason: Reason; missing: string[] };

const K = 'eligibility.reason.';
/** Shares are compared with a relative tolerance, so 147 of 490 is exactly 30% despite binary fractions. */
const RATIO_TOLERANCE = 1e-9;

export function evaluate(rules: readonly Rule[], facts: Facts): Evaluation {
  const safeFacts: Facts = facts !== null && typeof facts === 'object' ? facts : {};
  const results = rules.map((rule): RuleResult => {
    const j = judge(rule.test, safeFacts);
    return {
      ruleId: rule.id,
      label: rule.label,
      outcome: j.outcome,
      reason: j.reason,
      source: rule.source,
      missingFacts: j.outcome === 'unknown' ? j.missing : [],
    };
  });
  const verdict: Verdict = results.some((r) => r.outcome === 'fail') ? 'ineligible' : results.some((r) => r.outcome === 'unknown') ? 'incomplete' : 'eligible';
  return { verdict, results };
}

// ── Reading facts ────────────────────────────────────────────────────────────

type Read = { kind: 'missing' } | { kind: 'value'; value: unknown };

function read(facts: Facts, name: string): Read {
  if (typeof name !== 'string' || !Object.hasOwn(facts, name)) return { kind: 'missing' };
  const value = facts[name];
  return value === undefined ? { kind: 'missing' } : { kind: 'value', value };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A short, JSON-safe description of a value that cannot be used, for the reason shown to the user. */
function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v;
}

function missing(...facts: string[]): Judged {
  return { outcome: 'unknown', reason: { key: `${K}missing`, params: { facts } }, missing: facts };
}
function invalid(fact: string, value: unknown): Judged {
  // `null` is "none on record": for a test that needs a value, that is as good as missing.
  if (value === null) return missing(fact);
  return { outcome: 'unknown', reason: { key: `${K}invalid`, params: { fact, got: describe(value) } }, missing: [fact] };
}

// ── Tests ────────────────────────────────────────────────────────────────────

function holds(op: Comparison, a: number, b: number, tolerance = 0): boolean {
  const equal = Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  switch (op) {
    case 'lt':
      return a < b && !equal;
    case 'lte':
      return a < b || equal;
    case 'gt':
      return a > b && !equal;
    case 'gte':
      return a > b || equal;
  }
}

const pass = (ok: boolean): Outcome => (ok ? 'pass' : 'fail');
const suffix = (ok: boolean) => (ok ? 'pass' : 'fail');

function judge(test: Test, facts: Facts): Judged {
  if (test === null || typeof test !== 'object') return badTest(test);
  switch (test.op) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (!('ratio' in test)) return compareFact(test.op, test.fact, test.value, facts);
      return Array.isArray(test.ratio) && test.ratio.length === 2 ? compareRatio(test.op, test.ratio, test.value, facts) : badTest(test);
    case 'eq':
      return equals(test.fact, test.value, facts);
    case 'in':
      return oneOf(test.fact, test.values, facts);
    case 'not_within_years':
      return notWithinYears(test.fact, test.years, test.asOf, facts);
    case 'all':
    case 'any':
      return combine(test.op, Array.isArray(test.tests) ? test.tests : [], facts);
    case 'not':
      return negate(test.test, facts);
    default:
      return badTest(test);
  }
}

function badTest(test: unknown): Judged {
  const op = test !== null && typeof test === 'object' && 'op' in test ? String((test as { op: unknown }).op).slice(0, 40) : typeof test;
  return { outcome: 'unknown', reason: { key: `${K}bad_test`, params: { op } }, missing: [] };
}

function compareFact(op: Comparison, fact: string, value: number, facts: Facts): Judged {
  const r = read(facts, fact);
  if (r.kind === 'missing') return missing(fact);
  if (!isNumber(r.value)) return invalid(fact, r.value);
  const ok = holds(op, r.value, value);
  return { outcome: pass(ok), reason: { key: `${K}compare_${suffix(ok)}`, params: { fact, actual: r.value, op, value } }, missing: [] };
}

function compareRatio(op: Comparison, ratio: readonly [string, string], value: number, facts: Facts): Judged {
  const [numerator, denominator] = ratio;
  const n = read(facts, numerator);
  const d = read(facts, denominator);
  const absent = [n.kind === 'missing' ? numerator : null, d.kind === 'missing' ? denominator : null].filter((x): x is string => x !== null);
  if (absent.length) return missing(...absent);
  const nv = (n as { value: unknown }).value;
  const dv = (d as { value: unknown }).value;
  if (!isNumber(nv)) return invalid(numerator, nv);
  if (!isNumber(dv)) return invalid(denominator, dv);
  if (dv === 0) return { outcome: 'unknown', reason: { key: `${K}ratio_no_base`, params: { numerator, denominator } }, missing: [] };
  const share = nv / dv;
  const ok = holds(op, share, value, RATIO_TOLERANCE);
  return {
    outcome: pass(ok),
    reason: {
      key: `${K}ratio_${suffix(ok)}`,
      params: { numerator, denominator, numeratorValue: nv, denominatorValue: dv, ratio: Math.round(share * 1e6) / 1e6, op, value },
    },
    missing: [],
  };
}

function equals(fact: string, expected: string | number | boolean, facts: Facts): Judged {
  const r = read(facts, fact);
  if (r.kind === 'missing') return missing(fact);
  if (typeof r.value !== typeof expected || (typeof r.value === 'number' && !isNumber(r.value))) return invalid(fact, r.value);
  const actual = r.value as string | number | boolean;
  const ok = actual === expected;
  return { outcome: pass(ok), reason: { key: `${K}eq_${suffix(ok)}`, params: { fact, actual, expected } }, missing: [] };
}

function oneOf(fact: string, values: readonly (string | number)[], facts: Facts): Judged {
  const r = read(facts, fact);
  if (r.kind === 'missing') return missing(fact);
  const list = Array.isArray(values) ? values : [];
  const usable = (typeof r.value === 'string' || isNumber(r.value)) && list.some((v) => typeof v === typeof r.value);
  if (!usable) return invalid(fact, r.value);
  const actual = r.value as string | number;
  const ok = list.includes(actual);
  return { outcome: pass(ok), reason: { key: `${K}in_${suffix(ok)}`, params: { fact, actual, allowed: [...list] } }, missing: [] };
}

/**
 * Whether the year in `fact` lies outside the `years` years before the year in `asOf`: fails when
 * 0 ≤ asOf − year ≤ years (barred through year + years), passes when it lies further back, when it lies
 * after `asOf`, or when the fact is `null` (none on record).
 */
function notWithinYears(fact: string, years: number, asOf: string, facts: Facts): Judged {
  const r = read(facts, fact);
  const a = read(facts, asOf);
  if (r.kind === 'value' && r.value === null) {
    return { outcome: 'pass', reason: { key: `${K}window_none`, params: { fact } }, missing: [] };
  }
  const absent = [r.kind === 'missing' ? fact : null, a.kind === 'missing' ? asOf : null].filter((x): x is string => x !== null);
  if (absent.length) return missing(...absent);
  const year = (r as { value: unknown }).value;
  const asOfValue = (a as { value: unknown }).value;
  if (!isNumber(year)) return invalid(fact, year);
  if (!isNumber(asOfValue)) return invalid(asOf, asOfValue);
  const params = { fact, year, years, until: year + years, asOf, asOfValue };
  const elapsed = asOfValue - year;
  if (elapsed < 0) return { outcome: 'pass', reason: { key: `${K}window_later`, params }, missing: [] };
  const ok = elapsed > years;
  return { outcome: pass(ok), reason: { key: `${K}window_${suffix(ok)}`, params }, missing: [] };
}

function combine(op: 'all' | 'any', tests: readonly Test[], facts: Facts): Judged {
  const parts = tests.map((t) => judge(t, facts));
  const decisive: Outcome = op === 'all' ? 'fail' : 'pass';
  let outcome: Outcome;
  if (parts.some((p) => p.outcome === decisive)) outcome = decisive;
  else if (parts.some((p) => p.outcome === 'unknown')) outcome = 'unknown';
  else outcome = op === 'all' ? 'pass' : 'fail';
  // Explain by the parts that decided: the failing ones of a failed `all`, the passing ones of a passed
  // `any`, the unknown ones of an unknown outcome, all of them otherwise.
  const shown = outcome === 'pass' && op === 'all' ? parts : outcome === 'fail' && op === 'any' ? parts : parts.filter((p) => p.outcome === outcome);
  const missingFacts = outcome === 'unknown' ? [...new Set(shown.flatMap((p) => p.missing))] : [];
  // Unknown only for want of facts: one "not yet known" naming them all.
  if (outcome === 'unknown' && shown.every((p) => p.reason.key === `${K}missing`)) return missing(...missingFacts);
  const key = op === 'any' && outcome !== 'unknown' ? `${K}any_${outcome}` : `${K}all`;
  return { outcome, reason: { key, params: {}, children: shown.map((p) => p.reason) }, missing: missingFacts };
}

function negate(test: Test, facts: Facts): Judged {
  const inner = judge(test, facts);
  if (inner.outcome === 'unknown') return inner;
  const outcome: Outcome = inner.outcome === 'pass' ? 'fail' : 'pass';
  return { outcome, reason: { key: `${K}not_${outcome}`, params: {}, children: [inner.reason] }, missing: [] };
}

// ── Explanations ─────────────────────────────────────────────────────────────

export type ExplainedRule = { ruleId: string; label: string; outcome: Outcome; outcomeText: string; reason: string; source: string };
export type Explanation = { verdict: Verdict; verdictText: string; rules: ExplainedRule[] };

/** The evaluation in words, in one of the interface languages: the verdict, and each rule's outcome and reason. */
export function explain(evaluation: Evaluation, lang: Language): Explanation {
  return {
    verdict: evaluation.verdict,
    verdictText: t(lang, `eligibility.verdict.${evaluation.verdict}`),
    rules: evaluation.results.map((r) => explainRule(r, lang)),
  };
}

export function explainRule(result: RuleResult, lang: Language): ExplainedRule {
  return {
    ruleId: result.ruleId,
    label: result.label?.[lang] ?? result.label?.en ?? result.ruleId,
    outcome: result.outcome,
    outcomeText: t(lang, `eligibility.outcome.${result.outcome}`),
    reason: explainReason(result.reason, lang),
    source: result.source,
  };
}

const t = (lang: Language, key: string, params: Record<string, unknown> = {}) => translate(lang, `messages:${key}`, params);
const has = (lang: Language, key: string) => serverI18n().exists(`messages:${key}`, { lng: lang });
const SAFE_KEY = /^[A-Za-z0-9_]+$/;

function factLabel(lang: Language, fact: unknown): string {
  const name = String(fact);
  return SAFE_KEY.test(name) && has(lang, `eligibility.fact.${name}`) ? t(lang, `eligibility.fact.${name}`) : name;
}

/** Years are written without grouping (2024, not 2,024). */
function num(lang: Language, n: unknown, fact?: unknown): string {
  if (typeof n !== 'number') return String(n);
  const yearLike = typeof fact === 'string' && /year/i.test(fact);
  return new Intl.NumberFormat(lang, { useGrouping: !yearLike, maximumFractionDigits: 6 }).format(n);
}

const percent = (lang: Language, n: unknown) =>
  typeof n === 'number' ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(n) : String(n);

/** A fact's value in words: yes/no, a catalogued label (sector, tenancy status), or the number. */
function valueLabel(lang: Language, fact: unknown, v: unknown): string {
  if (typeof v === 'boolean') return t(lang, `eligibility.values.boolean.${v}`);
  if (typeof v === 'number') return num(lang, v, fact);
  const s = String(v);
  const key = `eligibility.values.${String(fact)}.${s}`;
  return SAFE_KEY.test(String(fact)) && SAFE_KEY.test(s) && has(lang, key) ? t(lang, key) : s;
}

const list = (lang: Language, items: string[], type: 'conjunction' | 'disjunction') => new Intl.ListFormat(lang, { type }).format(items);

export function explainReason(reason: Reason, lang: Language): string {
  const p = reason.params ?? {};
  const name = reason.key.startsWith(K) ? reason.key.slice(K.length) : reason.key;
  const inner = () => (reason.children ?? []).map((c) => explainReason(c, lang)).join(t(lang, 'eligibility.separator'));
  const condition = (value: string) => t(lang, `eligibility.op.${String(p.op)}`, { value });
  switch (name) {
    case 'compare_pass':
    case 'compare_fail':
      return t(lang, reason.key, { fact: factLabel(lang, p.fact), actual: num(lang, p.actual, p.fact), condition: condition(num(lang, p.value, p.fact)) });
    case 'ratio_pass':
    case 'ratio_fail':
      return t(lang, reason.key, {
        numerator: factLabel(lang, p.numerator),
        denominator: factLabel(lang, p.denominator),
        numeratorValue: num(lang, p.numeratorValue),
        denominatorValue: num(lang, p.denominatorValue),
        ratio: percent(lang, p.ratio),
        condition: condition(percent(lang, p.value)),
      });
    case 'ratio_no_base':
      return t(lang, reason.key, { numerator: factLabel(lang, p.numerator), denominator: factLabel(lang, p.denominator) });
    case 'eq_pass':
    case 'eq_fail':
      return t(lang, reason.key, { fact: factLabel(lang, p.fact), actual: valueLabel(lang, p.fact, p.actual), expected: valueLabel(lang, p.fact, p.expected) });
    case 'in_pass':
    case 'in_fail': {
      const allowed = Array.isArray(p.allowed) ? p.allowed.map((v) => valueLabel(lang, p.fact, v)) : [];
      return t(lang, reason.key, { fact: factLabel(lang, p.fact), actual: valueLabel(lang, p.fact, p.actual), allowed: list(lang, allowed, 'disjunction') });
    }
    case 'window_none':
      return t(lang, reason.key, { fact: factLabel(lang, p.fact) });
    case 'window_pass':
    case 'window_fail':
    case 'window_later':
      return t(lang, reason.key, { fact: factLabel(lang, p.fact), year: p.year, years: p.years, until: p.until, asOfValue: p.asOfValue });
    case 'missing': {
      const facts = Array.isArray(p.facts) ? p.facts.map((f) => factLabel(lang, f)) : [];
      return t(lang, reason.key, { facts: list(lang, facts, 'conjunction') });
    }
    case 'invalid':
      return t(lang, reason.key, { fact: factLabel(lang, p.fact), got: p.got });
    case 'all':
    case 'any_pass':
    case 'any_fail':
    case 'not_pass':
    case 'not_fail':
      return t(lang, reason.key, { inner: inner() });
    default:
      return t(lang, reason.key, p);
  }
}
