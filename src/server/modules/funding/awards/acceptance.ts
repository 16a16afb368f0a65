/**
 * The project acceptance check (项目验收) that closes an award (issue 4), pure. The officer decides the
 * outcome — passed, basically passed, failed — with reasons; Seedbed proposes one from the milestones so
 * the decision is explained, and a failed check feeds the eligibility engine: the `failed_acceptance_bar`
 * rule template bars the enterprise for three calendar years (fact `lastFailedAcceptanceYear`).
 *
 * The proposal (Seedbed's default, not from the seeds, which name the outcomes but give no thresholds):
 * - passed: every milestone reported and approved;
 * - basically passed: at least two thirds of the milestones approved and none rejected outright;
 * - failed: otherwise.
 */

export const ACCEPTANCE_OUTCOMES = ['passed', 'basically_passed', 'failed'] as const;
export type AcceptanceOutcome = (typeof ACCEPTANCE_OUTCOMES)[number];

export type MilestoneState = 'planned' | 'reported' | 'approved' | 'rejected';

export type AcceptanceProposal = {
  outcome: AcceptanceOutcome;
  /** i18n key under `messages:acceptance.reason.` and its figures. */
  reason: { key: 'all_approved' | 'mostly_approved' | 'too_few_approved' | 'rejected_milestone' | 'no_milestones'; params: Record<string, number> };
};

export function proposeAcceptance(milestones: readonly { state: MilestoneState }[]): AcceptanceProposal {
  const total = milestones.length;
  const approved = milestones.filter((m) => m.state === 'approved').length;
  const rejected = milestones.filter((m) => m.state === 'rejected').length;
  const params = { approved, total, rejected };
  if (total === 0) return { outcome: 'failed', reason: { key: 'no_milestones', params } };
  if (approved === total) return { outcome: 'passed', reason: { key: 'all_approved', params } };
  if (rejected > 0) return { outcome: 'failed', reason: { key: 'rejected_milestone', params } };
  if (approved * 3 >= total * 2) return { outcome: 'basically_passed', reason: { key: 'mostly_approved', params } };
  return { outcome: 'failed', reason: { key: 'too_few_approved', params } };
}

/**
 * The facts the eligibility engine reads about an enterprise's past acceptance checks: the year of its most
 * recent failed check, or null when none is on record ("known: none", which passes `not_within_years`).
 */
export function acceptanceFacts(checks: readonly { outcome: AcceptanceOutcome; decidedOn: string }[]): { lastFailedAcceptanceYear: number | null } {
  let last: number | null = null;
  for (const c of checks) {
    if (c.outcome !== 'failed') continue;
    const y = Number(c.decidedOn.slice(0, 4));
    if (Number.isInteger(y) && (last === null || y > last)) last = y;
  }
  return { lastFailedAcceptanceYear: last };
}
