import { mean, sampleStandardDeviation } from 'simple-statistics';
import { compareHolds, nearlyEqual, RELATIVE_TOLERANCE } from './compare';
import { valueIn } from './expression';
import { finding, type History, missingValues, type Outcome, unchecked, type Values } from './findings';
import type { RuleOfKind } from './rules';

/**
 * The two outlier checks against the entity's own earlier, approved years. Both are warnings by default:
 * an unusual figure may be true (a large contract, a merger), and the respondent is asked to check it or
 * explain it, as statistical offices do in their editing of survey returns.
 */

/** The indicator's value in each earlier year (before `year`), by year ascending. A year listed twice keeps its last entry. */
export function earlierValues(history: History, indicator: string, year: number): { year: number; value: number }[] {
  const byYear = new Map<number, Values>();
  for (const h of history) if (Number.isInteger(h.year) && h.year < year) byYear.set(h.year, h.values ?? {});
  return [...byYear]
    .map(([y, values]) => ({ year: y, value: valueIn(values, indicator) }))
    .filter((e): e is { year: number; value: number } => e.value !== null)
    .sort((a, b) => a.year - b.year);
}

/** value ÷ last year's value must lie in [minRatio, maxRatio]. "Last year" is `year − 1` exactly: a gap is no history. */
export function checkOutlierMinMax(rule: RuleOfKind<'outlierMinMax'>, values: Values, history: History, year: number, out: Outcome): void {
  const v = valueIn(values, rule.indicator);
  if (v === null) {
    out.unchecked.push(missingValues(rule, [rule.indicator]));
    return;
  }
  const lastYear = year - 1;
  const last = earlierValues(history, rule.indicator, year).find((e) => e.year === lastYear);
  if (!last) {
    out.unchecked.push(unchecked(rule, 'no_history', [rule.indicator], 'validation.unchecked.no_last_year', { indicator: rule.indicator, lastYear }));
    return;
  }
  if (last.value === 0) {
    out.unchecked.push(
      unchecked(rule, 'division_by_zero', [rule.indicator], 'validation.unchecked.zero_last_year', { indicator: rule.indicator, lastYear, value: v }),
    );
    return;
  }
  const ratio = v / last.value;
  if (compareHolds(ratio, '>=', rule.minRatio) && compareHolds(ratio, '<=', rule.maxRatio)) return;
  out.findings.push(
    finding(rule, [rule.indicator], 'validation.outlier_ratio_failed', {
      indicator: rule.indicator,
      value: v,
      year,
      lastValue: last.value,
      lastYear,
      ratio,
      minRatio: rule.minRatio,
      maxRatio: rule.maxRatio,
    }),
  );
}

/**
 * z = (value − mean) ÷ s over all the entity's earlier years, s the sample standard deviation (n − 1:
 * the years on record are a sample of the entity's behaviour). |z| > maxZ fails. Fewer than `minHistory`
 * earlier values: not checked. Earlier years all equal (s = 0): the same value passes, any other cannot
 * be measured in standard deviations and is not checked (`division_by_zero`).
 */
export function checkOutlierZScore(rule: RuleOfKind<'outlierZScore'>, values: Values, history: History, year: number, out: Outcome): void {
  const v = valueIn(values, rule.indicator);
  if (v === null) {
    out.unchecked.push(missingValues(rule, [rule.indicator]));
    return;
  }
  const earlier = earlierValues(history, rule.indicator, year);
  if (earlier.length < rule.minHistory) {
    out.unchecked.push(
      unchecked(rule, 'no_history', [rule.indicator], 'validation.unchecked.too_little_history', {
        indicator: rule.indicator,
        count: earlier.length,
        need: rule.minHistory,
      }),
    );
    return;
  }
  const xs = earlier.map((e) => e.value);
  const m = mean(xs);
  const sd = sampleStandardDeviation(xs);
  // A spread within rounding error of the mean is no spread (0.3, 0.1 + 0.2, 0.3 are one figure).
  if (sd <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(m))) {
    if (nearlyEqual(v, m)) return;
    out.unchecked.push(
      unchecked(rule, 'division_by_zero', [rule.indicator], 'validation.unchecked.no_spread', {
        indicator: rule.indicator,
        value: v,
        mean: m,
        count: xs.length,
      }),
    );
    return;
  }
  const z = (v - m) / sd;
  if (Math.abs(z) <= rule.maxZ) return;
  out.findings.push(
    finding(rule, [rule.indicator], `validation.outlier_zscore_failed.${z > 0 ? 'above' : 'below'}`, {
      indicator: rule.indicator,
      value: v,
      z,
      // selects the plural form of "standard deviation(s)" as the message shows |z|, to one decimal
      count: Math.round(Math.abs(z) * 10) / 10,
      maxZ: rule.maxZ,
      mean: m,
      sd,
      years: xs.length,
      fromYear: earlier[0].year,
      toYear: earlier[earlier.length - 1].year,
    }),
  );
}
