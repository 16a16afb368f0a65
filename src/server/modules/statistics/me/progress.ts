/**
 * Measured progress of a policy's indicators against their targets (issue 5, M&E of policy).
 *
 * Why it exists: seeds/002_d481d2e1475dd825.txt (Prof. Bhutto's lecture on Pakistan's STI policy framework)
 * names the "Lack of monitoring and evaluation framework" among the reasons Pakistan's STI policies did not
 * deliver; a goal → indicator → target → measured progress chain is that missing piece. Everything here is
 * pure: (target, measured points) → expected path, achievement, status, trend, projection.
 *
 * The rule:
 * - expected value in a year: linear interpolation from the baseline through the yearly targets; before the
 *   baseline, the baseline; after the last target, the last target;
 * - actual: the latest year with data;
 * - achievement = (actual − baseline) ÷ (expected − baseline), which reads the same for an indicator meant to
 *   decrease (both differences are negative). When the expected value does not move away from the baseline in
 *   the indicator's direction (the baseline year itself, or a target that holds the line), there is no distance
 *   to divide by: the actual either meets the expected value (achievement 1) or does not (achievement 0);
 * - status: achievement ≥ atRisk → on track; ≥ offTrack → at risk; otherwise off track; no actual → no data
 *   (never "off track": a missing survey is not a failed policy);
 * - trend: least-squares slope of the last (up to) three actual points, improving / flat / worsening relative
 *   to the direction, and the straight line projected to the final target year.
 */

export type Direction = 'increase' | 'decrease';
export type Status = 'on_track' | 'at_risk' | 'off_track' | 'no_data';
export type TrendDirection = 'improving' | 'flat' | 'worsening';
export type YearValue = { year: number; value: number };

export type TargetSpec = {
  direction: Direction;
  baseline: YearValue;
  /** Yearly targets; any order (sorted here), years after the baseline. */
  targets: readonly YearValue[];
  /** Achievement at or above `atRisk` is on track; at or above `offTrack` at risk; below, off track. */
  atRisk: number;
  offTrack: number;
};

/** Worst first: the order a goal's status is chosen in. */
export const STATUS_SEVERITY: Record<Status, number> = { off_track: 3, at_risk: 2, on_track: 1, no_data: 0 };

/** How far from zero a yearly slope must be, relative to the level of the points, to count as a change (1 % a year). */
export const FLAT_RELATIVE_SLOPE = 0.01;
/** How many of the latest actual points the trend is fitted on. */
export const TREND_POINTS = 3;

const sign = (d: Direction) => (d === 'increase' ? 1 : -1);

/** The baseline and the targets as one path, by year (a target in the baseline year replaces the baseline). */
export function path(spec: Pick<TargetSpec, 'baseline' | 'targets'>): YearValue[] {
  const byYear = new Map<number, number>([[spec.baseline.year, spec.baseline.value]]);
  for (const t of [...spec.targets].sort((a, b) => a.year - b.year)) if (t.year >= spec.baseline.year) byYear.set(t.year, t.value);
  return [...byYear.entries()].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

/** The value the targets expect in a year (linear between the points of the path; flat before and after). */
export function expectedAt(spec: Pick<TargetSpec, 'baseline' | 'targets'>, year: number): number {
  const p = path(spec);
  if (year <= p[0].year) return p[0].value;
  const last = p[p.length - 1];
  if (year >= last.year) return last.value;
  for (let i = 1; i < p.length; i++) {
    const a = p[i - 1];
    const b = p[i];
    if (year <= b.year) return a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year);
  }
  return last.value;
}

/** The expected path at the given years plus the path's own points, by year (for a chart of actual vs expected). */
export function expectedSeries(spec: Pick<TargetSpec, 'baseline' | 'targets'>, years: readonly number[] = []): YearValue[] {
  const set = new Set<number>([...path(spec).map((p) => p.year), ...years.filter((y) => Number.isFinite(y))]);
  return [...set].sort((a, b) => a - b).map((year) => ({ year, value: expectedAt(spec, year) }));
}

/** The points with a value, by year (one per year: the last given wins). */
export function measured(points: readonly { year: number; value: number | null }[]): YearValue[] {
  const byYear = new Map<number, number>();
  for (const p of points) if (p.value !== null && Number.isFinite(p.value) && Number.isFinite(p.year)) byYear.set(p.year, p.value);
  return [...byYear.entries()].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

/** The latest point with data, or null. */
export function latest(points: readonly { year: number; value: number | null }[]): YearValue | null {
  const m = measured(points);
  return m.length ? m[m.length - 1] : null;
}

/** Achievement of a value measured in `at.year` against the path (1 = exactly where the targets expect it). */
export function achievement(spec: TargetSpec, at: YearValue): number {
  const expected = expectedAt(spec, at.year);
  const s = sign(spec.direction);
  const distance = s * (expected - spec.baseline.value);
  // No distance to cover (yet): the value meets the expected one or it does not.
  if (!(distance > 0)) return s * (at.value - expected) >= 0 ? 1 : 0;
  return (s * (at.value - spec.baseline.value)) / distance;
}

export function statusOf(value: number | null, thresholds: Pick<TargetSpec, 'atRisk' | 'offTrack'>): Status {
  if (value === null || !Number.isFinite(value)) return 'no_data';
  if (value >= thresholds.atRisk) return 'on_track';
  if (value >= thresholds.offTrack) return 'at_risk';
  return 'off_track';
}

/**
 * Least squares over (year, value): the slope per year and the line's value in any year (taken from the mean
 * point, not from an intercept at year 0, which would lose digits); null for fewer than two distinct years.
 */
export function leastSquares(points: readonly YearValue[]): { slope: number; at: (year: number) => number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - mx) ** 2;
    sxy += (p.year - mx) * (p.value - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, at: (year) => my + slope * (year - mx) };
}

export type Trend = {
  /** Null with fewer than two actual points. */
  direction: TrendDirection | null;
  /** Change per year of the fitted line. */
  slope: number | null;
  /** How many points the line is fitted on (0–3). */
  points: number;
};

/** The trend of the last (up to) three actual points, judged by the indicator's direction. */
export function trendOf(points: readonly { year: number; value: number | null }[], direction: Direction): Trend {
  const last = measured(points).slice(-TREND_POINTS);
  const fit = leastSquares(last);
  if (!fit) return { direction: null, slope: null, points: last.length };
  const level = last.reduce((s, p) => s + Math.abs(p.value), 0) / last.length;
  const flat = level === 0 ? fit.slope === 0 : Math.abs(fit.slope) <= FLAT_RELATIVE_SLOPE * level;
  const good = sign(direction) * fit.slope > 0;
  return { direction: flat ? 'flat' : good ? 'improving' : 'worsening', slope: fit.slope, points: last.length };
}

export type Projection = { year: number; value: number; target: number; achievement: number; status: Exclude<Status, 'no_data'> };

/** The trend line carried to the final target year (null without a trend, or when the final year is not ahead of the data). */
export function projectionOf(spec: TargetSpec, points: readonly { year: number; value: number | null }[]): Projection | null {
  const last = measured(points).slice(-TREND_POINTS);
  const fit = leastSquares(last);
  const p = path(spec);
  const final = p[p.length - 1];
  if (!fit || final.year <= last[last.length - 1].year) return null;
  const value = fit.at(final.year);
  const a = achievement(spec, { year: final.year, value });
  return { year: final.year, value, target: final.value, achievement: a, status: statusOf(a, spec) as Projection['status'] };
}

export type Progress = {
  latest: YearValue | null;
  /** What the targets expect in the latest actual year. */
  expected: number | null;
  achievement: number | null;
  status: Status;
  trend: Trend;
  projection: Projection | null;
};

/** Everything M&E shows for one indicator of a goal. */
export function progressOf(spec: TargetSpec, points: readonly { year: number; value: number | null }[]): Progress {
  const at = latest(points);
  const a = at ? achievement(spec, at) : null;
  return {
    latest: at,
    expected: at ? expectedAt(spec, at.year) : null,
    achievement: a,
    status: statusOf(a, spec),
    trend: trendOf(points, spec.direction),
    projection: projectionOf(spec, points),
  };
}

/** A goal's status: the worst of its indicators, ignoring those without data unless all are (or there are none). */
export function worstStatus(statuses: readonly Status[]): Status {
  let worst: Status = 'no_data';
  for (const s of statuses) if (STATUS_SEVERITY[s] > STATUS_SEVERITY[worst]) worst = s;
  return worst;
}

export type StatusCounts = Record<Status, number>;

export function countStatuses(statuses: readonly Status[]): StatusCounts {
  const out: StatusCounts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const s of statuses) out[s]++;
  return out;
}
