import type { Actor } from '../../../platform/context';

/**
 * Who may act for an enterprise in the seed fund: an admin, an enterprise member whose grant names this
 * enterprise, or an enterprise member without a scope (self-registered entrepreneurs, the demo account).
 */
export function canActFor(actor: Actor | null, enterpriseId: string): boolean {
  return !!actor?.roles.some(
    (g) => g.role === 'admin' || (g.role === 'enterprise_member' && (g.scopeType === null || (g.scopeType === 'enterprise' && g.scopeId === enterpriseId))),
  );
}

/**
 * Who may read and change an application as its applicant: the user who started it, or a member whose
 * grant names its enterprise (a colleague). An unscoped member sees only their own applications.
 */
export function isApplicantOf(actor: Actor | null, app: { applicantId: string; enterpriseId: string }): boolean {
  if (!actor) return false;
  if (app.applicantId === actor.userId) return true;
  return actor.roles.some((g) => g.role === 'enterprise_member' && g.scopeType === 'enterprise' && g.scopeId === app.enterpriseId);
}

/** A program officer with national reach, one scoped to this program, or an admin. */
export function isOfficerOf(actor: Actor | null, programId: string): boolean {
  return !!actor?.roles.some(
    (g) => g.role === 'admin' || (g.role === 'program_officer' && (g.scopeType === null || (g.scopeType === 'program' && g.scopeId === programId))),
  );
}

/** The programs a scoped officer is limited to; null when the officer (or admin) reaches all. */
export function officerPrograms(actor: Actor | null): string[] | null {
  if (!actor) return [];
  if (actor.roles.some((g) => g.role === 'admin' || (g.role === 'program_officer' && g.scopeType === null))) return null;
  return actor.roles.filter((g) => g.role === 'program_officer' && g.scopeType === 'program' && g.scopeId).map((g) => g.scopeId!);
}
