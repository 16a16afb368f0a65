import type { CommitmentState } from '../../../shared/contracts/cooperation';

/** The colour of a commitment's state badge: red overdue, orange delivered late, teal delivered. */
export const STATE_COLORS: Record<CommitmentState, string> = {
  due: 'blue',
  overdue: 'red',
  delivered: 'teal',
  delivered_late: 'orange',
  cancelled: 'gray',
};

/** How a score reads: good (≥ 80), fair (≥ 50), poor; none when no commitment has fallen due. */
export function scoreBand(score: number | null | undefined): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null || score === undefined || !Number.isFinite(score)) return 'none';
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

export const BAND_COLORS = { good: 'teal', fair: 'orange', poor: 'red', none: 'gray' } as const;

/** Whole days from `from` to `to` (YYYY-MM-DD, UTC): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today as YYYY-MM-DD (UTC), the date a form proposes for "delivered on". */
export const isoDay = (d: Date = new Date()) => d.toISOString().slice(0, 10);
