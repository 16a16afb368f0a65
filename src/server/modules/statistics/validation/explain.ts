import { translate } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/roles';
import { formatExpression, parseExpression } from './expression';
import { type Finding, NS, type Params, type Unchecked } from './findings';

/**
 * Findings in words, in the reader's language (PRODUCT.md module 9: "validation rules with clear
 * messages"). The catalogue (`statistics` namespace) holds the sentences; this file fills them: indicator
 * names for codes (in expressions too), numbers formatted for the locale, years without grouping.
 */

export type IndicatorName = (code: string) => string;

export function explainFinding(finding: Finding, lang: Language, indicatorName: IndicatorName): string {
  return sentence(lang, translate(lang, finding.key, render(finding.params, lang, indicatorName, true)));
}

/** Why a rule could not be checked, in words. Entries written by hand (only `ruleId` and `reason`) get a general sentence. */
export function explainUnchecked(item: Unchecked, lang: Language, indicatorName: IndicatorName): string {
  if (!item.key) return sentence(lang, translate(lang, `${NS}validation.unchecked.generic.${GENERIC[item.reason] ?? 'missing_values'}`));
  const params = render(item.params ?? {}, lang, indicatorName, false);
  if (item.reason === 'missing_values') {
    const names = (item.indicators ?? []).map((c) => nameOf(indicatorName, c));
    params.indicators = new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
    params.count = names.length;
  }
  return sentence(lang, translate(lang, item.key, params));
}

/** Catalogue keys avoid the plural suffixes (`_zero`, `_one`, …): i18next and the catalogue test read them as plural forms. */
const GENERIC: Record<Unchecked['reason'], string> = { missing_values: 'missing_values', no_history: 'no_history', division_by_zero: 'zero_divisor' };
const YEARS = new Set(['year', 'lastYear', 'fromYear', 'toYear']);
const COUNTS = new Set(['count', 'need', 'years']);
const SYMBOL: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '=': '=', '!=': '≠' };

/**
 * Numbers shown side by side (a value and its limit) get as many decimals as it takes to tell them
 * apart: "100.004 must not exceed 100.002", never "100 must not exceed 100".
 */
const TOGETHER = [
  ['leftValue', 'rightValue'],
  ['value', 'min', 'max'],
  ['ratio', 'minRatio', 'maxRatio'],
  ['z', 'maxZ'],
];

function render(p: Params, lang: Language, indicatorName: IndicatorName, withValues: boolean): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const digits = new Map<string, number>();
  for (const group of TOGETHER) {
    const present = group.filter((k) => typeof p[k] === 'number');
    if (present.length === 0) continue;
    const nums = present.map((k) => shown(k, p[k] as number));
    const d = digitsToTell(nums, lang, Math.max(...present.map(baseDigits)));
    for (const k of present) digits.set(k, d);
  }
  for (const [k, v] of Object.entries(p)) {
    if (k === 'indicator' || k === 'when') out[k] = nameOf(indicatorName, String(v));
    else if (k === 'op') out[k] = SYMBOL[String(v)] ?? String(v);
    else if (k === 'left' || k === 'right') out[k] = operand(String(v), withValues ? p[`${k}Value`] : undefined, lang, indicatorName, digits.get(`${k}Value`));
    else if (typeof v !== 'number' || COUNTS.has(k)) out[k] = v;
    else if (YEARS.has(k)) out[k] = String(v);
    else out[k] = num(shown(k, v), lang, digits.get(k) ?? baseDigits(k));
  }
  return out;
}

/** z is shown as a distance (the key says above or below). */
const shown = (k: string, v: number) => (k === 'z' ? Math.abs(v) : v);
const baseDigits = (k: string) => (k === 'z' ? 1 : 2);

/** An expression with names and formatted numbers, followed by its value unless it is just a number. */
function operand(text: string, value: string | number | undefined, lang: Language, indicatorName: IndicatorName, digits = 2): string {
  let expression: string;
  let constant = false;
  try {
    const expr = parseExpression(text);
    constant = expr.type === 'number';
    expression = formatExpression(expr, { name: (c) => nameOf(indicatorName, c), number: (n) => num(n, lang, 6), symbols: 'math' });
  } catch {
    expression = text;
  }
  if (typeof value !== 'number' || constant) return expression;
  return translate(lang, `${NS}validation.operand`, { expression, value: num(value, lang, digits) });
}

export function num(n: number, lang: Language, maximumFractionDigits = 2): string {
  if (n !== 0 && Math.abs(n) < 0.01 && maximumFractionDigits <= 2) return new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 }).format(n);
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(n);
}

function digitsToTell(nums: number[], lang: Language, base: number): number {
  for (let d = base; d < 10; d++) {
    const texts = nums.map((n) => num(n, lang, d));
    const clash = nums.some((a, i) => nums.some((b, j) => j > i && a !== b && texts[i] === texts[j]));
    if (!clash) return d;
  }
  return 10;
}

const nameOf = (indicatorName: IndicatorName, code: string) => indicatorName(code) || code;

/** Sentences start with a capital where the script has them ("operating revenue is …" → "Operating revenue is …"). */
function sentence(lang: Language, s: string): string {
  return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
}
