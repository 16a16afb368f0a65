import { ROLES, type Role } from '../../shared/roles';

/**
 * The one declarative permission table. Every route names one of these keys in
 * `config.permission`; a route without one fails at start-up, and
 * `permissions.routes.test.ts` walks every route × every role against this table.
 *
 * - 'public': anyone, signed in or not.
 * - 'signedIn': any signed-in user (self-service on one's own data).
 * - a list of roles: a signed-in user holding at least one of them. Roles may be
 *   scoped (a zone manager of zone X); services then check the scope with `requireScope`.
 */
const EVERYONE_SIGNED_IN = ROLES;

export const PERMISSIONS = {
  public: 'public',
  signedIn: 'signedIn',
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  'jobs.read': ['admin'],
  'jobs.manage': ['admin'],
  'outbox.read': ['admin'],
  // Registry writes: the service then checks the scope (a zone manager's own zones, …) — modules/registry/access.ts.
  'registry.write': ['admin', 'ministry_analyst', 'cooperation_officer', 'zone_manager', 'incubator_manager', 'enterprise_member'],
  'registry.delete': ['admin'],
  // Governance links: the national structure (who oversees whom).
  'registry.structure': ['admin', 'ministry_analyst', 'cooperation_officer'],
  'files.upload': EVERYONE_SIGNED_IN,
  'files.read': EVERYONE_SIGNED_IN,
  // Seed fund (issue 4): officers run calls and screen; enterprise members apply (the service checks which enterprise).
  'funding.call.manage': ['admin', 'program_officer'],
  'funding.apply': ['enterprise_member'],
  'funding.screen': ['admin', 'program_officer'],
  // Seed fund review and awards (issue 4): officers run review and follow awards; reviewers score what is assigned to
  // them; an applicant objects to results and reports milestones (the services check which application or award).
  'funding.review.manage': ['admin', 'program_officer'],
  'funding.review.score': ['reviewer'],
  'funding.results.object': ['enterprise_member'],
  'funding.awards.read': ['admin', 'program_officer', 'ministry_analyst', 'enterprise_member'],
  'funding.awards.manage': ['admin', 'program_officer'],
  'funding.awards.report': ['enterprise_member'],
  'funding.dashboard.read': ['admin', 'program_officer', 'ministry_analyst'],
  // Statistics (issue 5). Unpublished figures, pivots, dashboards, maps, rankings, completeness and M&E: staff.
  'statistics.read': ['admin', 'ministry_analyst', 'zone_manager', 'incubator_manager', 'program_officer', 'cooperation_officer'],
  // Filing and approving survey returns: the service checks which entity / level (a zone manager approves their zone's).
  'statistics.survey': ['admin', 'ministry_analyst', 'zone_manager', 'incubator_manager', 'enterprise_member'],
  // Periods, forms and rules, publishing a yearbook, reopening an approved return, policies and targets.
  'statistics.manage': ['admin', 'ministry_analyst'],
  // Technology market (issue 6). Listing and expressing interest: members of enterprises and institutions (the
  // service checks which organisation they act for); moderation and contract registration: transfer agents.
  'techmarket.list': ['admin', 'enterprise_member', 'transfer_agent'],
  'techmarket.interest': ['admin', 'enterprise_member', 'transfer_agent', 'investor', 'incubator_manager', 'zone_manager'],
  'techmarket.moderate': ['admin', 'transfer_agent', 'ministry_analyst'],
  'techmarket.contracts.submit': ['admin', 'enterprise_member', 'transfer_agent'],
  'techmarket.contracts.register': ['admin', 'transfer_agent'],
  'techmarket.contracts.read': ['admin', 'ministry_analyst', 'transfer_agent', 'zone_manager', 'cooperation_officer'],
  // International cooperation (issue 7). Published agreements, delegations and open opportunities are public (the
  // services hide internal notes, evidence and contacts from the public); officers record and follow them through;
  // staff read drafts and scorecards; anyone signed in (a student, an entrepreneur) applies to an opportunity.
  'cooperation.manage': ['admin', 'cooperation_officer'],
  'cooperation.read': ['admin', 'cooperation_officer', 'ministry_analyst', 'program_officer', 'zone_manager', 'incubator_manager'],
  'cooperation.apply': EVERYONE_SIGNED_IN,
} as const satisfies Record<string, 'public' | 'signedIn' | readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(x: unknown): x is Permission {
  return typeof x === 'string' && Object.hasOwn(PERMISSIONS, x);
}

/** Does a holder of these roles (or nobody, for the public) pass this permission? */
export function allows(permission: Permission, roles: readonly Role[] | null): boolean {
  const rule = PERMISSIONS[permission] as 'public' | 'signedIn' | readonly Role[];
  if (rule === 'public') return true;
  if (roles === null) return false;
  if (rule === 'signedIn') return true;
  return roles.some((r) => rule.includes(r));
}
