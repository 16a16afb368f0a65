import type { MeIndicatorProgress, MePolicy, MeTargetPoint } from '../../../../shared/contracts/me';

export type Basis = MeTargetPoint['basis'];
/** A target row as edited: a change is typed in percent (40 = +40 %) and sent as a fraction (0.4). */
export type YearRow = { year: number | ''; basis: Basis; amount: number | '' };
export const BASES: Basis[] = ['value', 'change', 'delta'];
export const BASIS_LABEL: Record<Basis, string> = { value: 'forms.target.basisValue', change: 'forms.target.basisChange', delta: 'forms.target.basisDelta' };

// Percent ↔ fraction without binary noise (0.075 × 100 = 7.499999999999999).
const toPercent = (f: number) => Number((f * 100).toPrecision(12));
const fromPercent = (p: number) => Number((p / 100).toPrecision(12));
const num = (v: number | '') => (v === '' ? Number.NaN : v);

/** An indicator's targets as the form's rows, as they were set (not as resolved). */
export const rowsOf = (targets: readonly MeTargetPoint[]): YearRow[] =>
  targets.map((x) => ({ year: x.year, basis: x.basis, amount: x.basis === 'change' ? toPercent(x.amount) : x.amount }));

/** The scopes offered: every return, and those the policy's indicators use; the usual one first chosen (a country's policy measures its country). */
export function scopeChoices(policy: Pick<MePolicy, 'goals'>): { scopes: string[]; usual: string } {
  const counts = new Map<string, number>();
  for (const g of policy.goals) for (const i of g.indicators) counts.set(i.scope, (counts.get(i.scope) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'national';
  return { scopes: [...new Set(['national', ...counts.keys()])], usual };
}

export type TargetFormState = {
  indicator: string | null;
  scope: string;
  direction: MeIndicatorProgress['direction'];
  measured: boolean;
  baseYear: number | '';
  baseValue: number | '';
  targets: YearRow[];
  /** Thresholds in percent of the expected progress. */
  atRisk: number | '';
  offTrack: number | '';
};

/** The body of POST …/targets and PATCH /targets/:id; an empty field goes as NaN, so the API names it. */
export function targetBody(s: TargetFormState) {
  return {
    indicator: s.indicator ?? '',
    scope: s.scope,
    direction: s.direction,
    baseline: s.measured ? { year: num(s.baseYear), measured: true as const } : { year: num(s.baseYear), value: num(s.baseValue) },
    targets: s.targets.map((r) => ({ year: num(r.year), [r.basis]: r.basis === 'change' ? fromPercent(num(r.amount)) : num(r.amount) })),
    thresholds: { atRisk: num(s.atRisk) / 100, offTrack: num(s.offTrack) / 100 },
  };
}
