import type { MeBaseline, MeTargetPoint } from './contracts/me';

/**
 * How an M&E indicator's baseline, targets and scope read, for the page and the PDF report alike (one wording,
 * the `me` catalogue's): "2,120 (measured, 2021)", "2,967 (+40 % on baseline)", "returns from Pakistan".
 */

// Options always given: i18next's typed `t` matches this shape only with them.
type T = (key: string, options: Record<string, unknown>) => string;

export type MeNumbers = {
  num: (n: number | null | undefined) => string;
  /** A change on the baseline (0.4 → "+40%"). */
  change: (f: number) => string;
  /** Points added to the baseline (0.15 → "+0.15"). */
  delta: (n: number) => string;
  country: (code: string) => string;
};

export function meNumbers(tag: string): MeNumbers {
  const nf = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const pf = new Intl.NumberFormat(tag, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 });
  const sf = new Intl.NumberFormat(tag, { signDisplay: 'exceptZero', maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames([tag], { type: 'region' });
  return {
    num: (n) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : nf.format(n)),
    change: (f) => pf.format(f),
    delta: (n) => sf.format(n),
    country: (code) => regions.of(code) ?? code,
  };
}

export function baselineLabel(t: T, f: MeNumbers, b: MeBaseline): string {
  if (b.value === null) return t('indicator.baselineMissing', { year: b.year });
  return t(b.measured ? 'indicator.baselineMeasured' : 'indicator.baselineSet', { value: f.num(b.value), year: b.year });
}

/** "+40 % on baseline" / "+0.15 points on baseline"; null for an absolute target. */
export function relativeLabel(t: T, f: MeNumbers, x: Pick<MeTargetPoint, 'basis' | 'amount'>): string | null {
  if (x.basis === 'change') return t('indicator.change', { amount: f.change(x.amount) });
  if (x.basis === 'delta') return t('indicator.delta', { amount: f.delta(x.amount) });
  return null;
}

/** A target's resolved value, with what it was set as when it is relative to the baseline. */
export function targetLabel(t: T, f: MeNumbers, x: MeTargetPoint): string {
  const relative = relativeLabel(t, f, x);
  if (!relative) return f.num(x.value);
  if (x.value === null) return t('indicator.targetUnresolved', { relative });
  return t('indicator.targetRelative', { value: f.num(x.value), relative });
}

/** A target with its year: "2024: 2,967 (+40 % on baseline)". */
export function targetItem(t: T, f: MeNumbers, x: MeTargetPoint): string {
  const relative = relativeLabel(t, f, x);
  return relative
    ? t('indicator.targetItemRelative', { year: x.year, value: f.num(x.value), relative })
    : t('indicator.targetItem', { year: x.year, value: f.num(x.value) });
}

/** Every yearly target in one line. */
export function targetsLine(t: T, f: MeNumbers, targets: readonly MeTargetPoint[]): string {
  return t('indicator.targetsLine', { targets: targets.map((x) => targetItem(t, f, x)).join(' · ') });
}

/** 'national' and 'country:<code>' in words; any other scope as written (a province, zone or series scope code). */
export function scopeLabel(t: T, f: MeNumbers, scope: string): string {
  if (scope === 'national') return t('scope.national', {});
  const country = /^country:([A-Z]{2})$/.exec(scope);
  return country ? t('scope.country', { country: f.country(country[1]) }) : scope;
}
