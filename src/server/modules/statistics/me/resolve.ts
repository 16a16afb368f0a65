/**
 * A target as an analyst sets it, resolved against the data: a measured baseline is the value the data give in
 * the baseline year (so a framework can be written before anyone knows the figures, and never contradicts
 * them); a relative target is a change on the baseline (`change` 0.12 → × 1.12) or points added to it
 * (`delta` 0.15 → + 0.15, for ratios and percentages, where "+12 %" of a share would be ambiguous). Pure:
 * (setting, measured points) → the resolved figures and the progress of progress.ts on them.
 */
import { type Direction, expectedSeries, latest, type Progress, progressOf, type Status, type TargetSpec, trendOf, type YearValue } from './progress';

export type Basis = 'value' | 'change' | 'delta';
export type TargetSetting = { year: number } & ({ value: number } | { change: number } | { delta: number });
/** `value` null: measured in `year`. */
export type BaselineSetting = { year: number; value: number | null };

export type Setting = {
  direction: Direction;
  baseline: BaselineSetting;
  targets: readonly TargetSetting[];
  atRisk: number;
  offTrack: number;
};

export type NoDataReason = 'not_measured' | 'baseline_not_measured';
export type ResolvedBaseline = { year: number; measured: boolean; value: number | null };
export type ResolvedTarget = { year: number; basis: Basis; amount: number; value: number | null };

export function basisOf(t: TargetSetting): { basis: Basis; amount: number } {
  if ('change' in t) return { basis: 'change', amount: t.change };
  if ('delta' in t) return { basis: 'delta', amount: t.delta };
  return { basis: 'value', amount: t.value };
}

/** A target's value given the baseline's (null when it is relative and the baseline has none). */
export function targetValue(t: TargetSetting, baseline: number | null): number | null {
  const { basis, amount } = basisOf(t);
  if (basis === 'value') return amount;
  if (baseline === null) return null;
  // 12 significant digits: 90 × 1.1 is 99, not 99.00000000000001.
  return Number((basis === 'change' ? baseline * (1 + amount) : baseline + amount).toPrecision(12));
}

/** The baseline's value: as set, or the measured point of its year (null when there is none). */
export function baselineValue(b: BaselineSetting, points: readonly { year: number; value: number | null }[]): number | null {
  if (b.value !== null) return b.value;
  const p = points.find((x) => x.year === b.year && x.value !== null && Number.isFinite(x.value));
  return p?.value ?? null;
}

/** A baseline as the API takes it (`measured: true` or a value) as the table keeps it (null value: measured). */
export const baselineSetting = (b: { year: number; value?: number; measured?: true }): BaselineSetting => ({
  year: b.year,
  value: b.measured ? null : (b.value ?? null),
});

/** Only the keys of its basis, whatever else came with it (a target is stored as set). */
export function normaliseTarget(t: { year: number; value?: number; change?: number; delta?: number }): TargetSetting {
  if (t.change !== undefined) return { year: t.year, change: t.change };
  if (t.delta !== undefined) return { year: t.year, delta: t.delta };
  if (t.value !== undefined) return { year: t.year, value: t.value };
  throw new Error(`target ${t.year} has no value, change or delta`);
}

export type Resolved = {
  baseline: ResolvedBaseline;
  targets: ResolvedTarget[];
  /** The spec progress.ts measures against; null while the baseline has no value. */
  spec: TargetSpec | null;
};

export function resolve(s: Setting, points: readonly { year: number; value: number | null }[]): Resolved {
  const base = baselineValue(s.baseline, points);
  const targets = [...s.targets].sort((a, b) => a.year - b.year).map((t) => ({ year: t.year, ...basisOf(t), value: targetValue(t, base) }));
  const baseline = { year: s.baseline.year, measured: s.baseline.value === null, value: base };
  if (base === null) return { baseline, targets, spec: null };
  const resolvedTargets = targets.map((t) => ({ year: t.year, value: t.value as number }));
  return {
    baseline,
    targets,
    spec: { direction: s.direction, baseline: { year: s.baseline.year, value: base }, targets: resolvedTargets, atRisk: s.atRisk, offTrack: s.offTrack },
  };
}

export type SettingProgress = Progress & {
  resolved: Resolved;
  /** The expected path year by year from the baseline to the last target (empty without a baseline value). */
  path: YearValue[];
  noDataReason: NoDataReason | null;
};

/** Resolves the setting and measures progress on it; a baseline that cannot be measured is "no data", with why. */
export function progressOfSetting(s: Setting, points: readonly { year: number; value: number | null }[]): SettingProgress {
  const resolved = resolve(s, points);
  const reason = (status: Status): NoDataReason | null => (status === 'no_data' ? 'not_measured' : null);
  if (!resolved.spec) {
    // The trend and the latest value need no baseline; what is expected of them does.
    return {
      latest: latest(points),
      expected: null,
      achievement: null,
      status: 'no_data',
      trend: trendOf(points, s.direction),
      projection: null,
      resolved,
      path: [],
      noDataReason: latest(points) ? 'baseline_not_measured' : 'not_measured',
    };
  }
  const p = progressOf(resolved.spec, points);
  const first = s.baseline.year;
  const last = Math.max(first, ...s.targets.map((t) => t.year));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { ...p, resolved, path: expectedSeries(resolved.spec, years), noDataReason: reason(p.status) };
}
