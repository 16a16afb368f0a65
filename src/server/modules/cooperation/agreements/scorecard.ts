import type { AGREEMENT_STATUSES, CommitmentState, Scorecard } from '../../../../shared/contracts/cooperation';

type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * The implementation rules of agreements: what state a commitment is in on a given day, how an agreement (a
 * partner, a country) scores on delivering what it promised, and what makes an agreement's dates and status
 * coherent. Pure: (facts, today) → answer; `today` is an ISO day (YYYY-MM-DD) so tests can pass any date.
 *
 * Why a scorecard at all: seeds/002_d481d2e1475dd825.txt says intergovernmental cooperation on science parks
 * "has proved to be inefficient on all stages except for exchanges and planning", and PRODUCT.md module 8 says
 * "the seeds blame weak implementation for Pakistan's STI policies failing". So what counts is not how many
 * agreements are signed but whether the sides deliver what they owe, on time — issue 7: "An implementation
 * scorecard per agreement, partner and country: commitments delivered, on time, overdue".
 */

export type CommitmentFacts = { status: string; dueOn: string; deliveredOn: string | null };

const DAY_MS = 86_400_000;

/** Today's date as an ISO day (UTC). */
export const isoDay = (d: Date = new Date()) => d.toISOString().slice(0, 10);

/** Whole days from `from` to `to` (both ISO days); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** An ISO day `days` after `day`. */
export const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/**
 * A commitment is due until the end of its due date and overdue from the day after while still open; delivered
 * after its due date it stays "delivered late" for good (the delay is part of the record, not forgiven by the
 * delivery). Cancelled ones are neither kept nor broken. `daysLate`: days past due (overdue) or late (delivered late).
 */
export function commitmentState(c: CommitmentFacts, today: string): { state: CommitmentState; daysLate: number } {
  if (c.status === 'cancelled') return { state: 'cancelled', daysLate: 0 };
  if (c.status === 'delivered') {
    const late = c.deliveredOn ? daysBetween(c.dueOn, c.deliveredOn) : 0;
    return late > 0 ? { state: 'delivered_late', daysLate: late } : { state: 'delivered', daysLate: 0 };
  }
  const late = daysBetween(c.dueOn, today);
  return late > 0 ? { state: 'overdue', daysLate: late } : { state: 'due', daysLate: 0 };
}

/**
 * Counts by state and the score: of the commitments that have fallen due — delivered (early, on time or late) or
 * still open past their due date — the share (0–100, whole percent) delivered on time. Commitments not yet due and
 * cancelled ones do not count for or against; with none fallen due the score is null (nothing to judge yet), so a
 * new agreement is not shown as failing nor as perfect.
 */
export function scorecard(commitments: readonly CommitmentFacts[], today: string): Scorecard {
  const card = { total: 0, delivered: 0, deliveredOnTime: 0, deliveredLate: 0, overdue: 0, due: 0, cancelled: 0 };
  for (const c of commitments) {
    card.total++;
    const { state } = commitmentState(c, today);
    if (state === 'delivered') {
      card.delivered++;
      card.deliveredOnTime++;
    } else if (state === 'delivered_late') {
      card.delivered++;
      card.deliveredLate++;
    } else if (state === 'overdue') card.overdue++;
    else if (state === 'due') card.due++;
    else card.cancelled++;
  }
  const fallenDue = card.delivered + card.overdue;
  return { ...card, score: fallenDue === 0 ? null : Math.round((card.deliveredOnTime / fallenDue) * 100) };
}

export type AgreementRule = 'valid_until_before_from' | 'signed_in_future';
export type AgreementProblem = { path: string; rule: AgreementRule };

/**
 * An agreement's dates: its validity ends no earlier than it starts. A draft may carry a signing date still to
 * come (officers record an agreement before the ceremony, as with a letter of intent prepared for a visit), but
 * the public summary is of agreements signed: publishing needs a signing date not in the future. Validity may
 * start before the signing (agreements are often made effective from an earlier date), so that is allowed.
 */
export function agreementProblems(
  a: { status: string; signedOn?: string | null; validFrom?: string | null; validUntil?: string | null },
  today: string,
): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  if (a.validFrom && a.validUntil && a.validUntil < a.validFrom) problems.push({ path: 'validUntil', rule: 'valid_until_before_from' });
  if (a.status === 'published' && a.signedOn && a.signedOn > today) problems.push({ path: 'signedOn', rule: 'signed_in_future' });
  return problems;
}

/**
 * A draft is published (its summary becomes public) or dropped by never publishing it; a published agreement may be
 * terminated, and a terminated one stays terminated (its record and scorecard remain public — the seeds' point is
 * to remember what was not delivered). Staying in the same status is always allowed.
 */
export function canMoveStatus(from: AgreementStatus, to: AgreementStatus): boolean {
  if (from === to) return true;
  return (from === 'draft' && to === 'published') || (from === 'published' && to === 'terminated');
}
