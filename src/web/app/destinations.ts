import type { User } from '../../shared/contracts/accounts';
import type { Role } from '../../shared/roles';

/**
 * Every page a user can reach from the navbar and the home page.
 * A module adds its pages here; `roles` absent means every signed-in user, `public` also visitors.
 */
export type Destination = {
  to: string;
  /** i18n key of the link text; `<key>Hint` is the one-line description on the home card. */
  labelKey: string;
  roles?: readonly Role[];
  section: 'directory' | 'funding' | 'market' | 'cooperation' | 'statistics' | 'personal' | 'administration';
  /** Open to visitors who are not signed in (the directory). */
  public?: boolean;
};

/** Staff who read unpublished statistics (permission 'statistics.read'); who approve survey returns. */
const STATISTICS_READERS: readonly Role[] = ['admin', 'ministry_analyst', 'zone_manager', 'incubator_manager', 'program_officer', 'cooperation_officer'];
const SURVEY_REVIEWERS: readonly Role[] = ['admin', 'ministry_analyst', 'zone_manager', 'incubator_manager'];
const IMPORTERS: readonly Role[] = ['admin', 'zone_manager', 'incubator_manager', 'ministry_analyst', 'cooperation_officer'];
/** The technology market's permissions (techmarket.list, .interest, .moderate, .contracts.submit/.register). */
const MARKET_LISTERS: readonly Role[] = ['admin', 'enterprise_member', 'transfer_agent'];
const MARKET_INTERESTED: readonly Role[] = ['admin', 'enterprise_member', 'transfer_agent', 'investor', 'incubator_manager', 'zone_manager'];
const MARKET_MODERATORS: readonly Role[] = ['admin', 'transfer_agent', 'ministry_analyst'];
const CONTRACT_REGISTRARS: readonly Role[] = ['admin', 'transfer_agent'];
/** International cooperation's permission to record agreements, delegations and focal persons (cooperation.manage). */
const COOPERATION_MANAGERS: readonly Role[] = ['admin', 'cooperation_officer'];

export const DESTINATIONS: readonly Destination[] = [
  { to: '/directory', labelKey: 'nav.directory', section: 'directory', public: true },
  { to: '/directory/map', labelKey: 'nav.map', section: 'directory', public: true },
  { to: '/directory/governance', labelKey: 'nav.governance', section: 'directory', public: true },
  { to: '/directory/statistics', labelKey: 'nav.statistics', section: 'directory', public: true },
  { to: '/directory/import', labelKey: 'nav.import', roles: IMPORTERS, section: 'directory' },
  { to: '/funding/calls', labelKey: 'nav.fundingCalls', section: 'funding', public: true },
  { to: '/funding/applications', labelKey: 'nav.fundingApplications', roles: ['enterprise_member'], section: 'funding' },
  { to: '/funding/screening', labelKey: 'nav.fundingScreening', roles: ['admin', 'program_officer'], section: 'funding' },
  { to: '/funding/results', labelKey: 'nav.fundingResults', section: 'funding', public: true },
  { to: '/funding/review-calls', labelKey: 'nav.fundingReview', roles: ['admin', 'program_officer'], section: 'funding' },
  { to: '/funding/reviewers', labelKey: 'nav.fundingReviewers', roles: ['admin', 'program_officer'], section: 'funding' },
  { to: '/funding/review', labelKey: 'nav.fundingInbox', roles: ['reviewer'], section: 'funding' },
  { to: '/funding/awards', labelKey: 'nav.fundingAwards', roles: ['admin', 'program_officer', 'ministry_analyst', 'enterprise_member'], section: 'funding' },
  { to: '/funding/dashboard', labelKey: 'nav.fundingDashboard', roles: ['admin', 'program_officer', 'ministry_analyst'], section: 'funding' },
  { to: '/market', labelKey: 'techmarket:nav.market', section: 'market', public: true },
  { to: '/market/stats', labelKey: 'techmarket:nav.stats', section: 'market', public: true },
  { to: '/market/mine', labelKey: 'techmarket:nav.mine', roles: MARKET_LISTERS, section: 'market' },
  { to: '/market/interests', labelKey: 'techmarket:nav.interests', roles: MARKET_INTERESTED, section: 'market' },
  { to: '/market/moderation', labelKey: 'techmarket:nav.moderation', roles: MARKET_MODERATORS, section: 'market' },
  { to: '/market/contracts', labelKey: 'techmarket:nav.contracts', roles: MARKET_LISTERS, section: 'market' },
  { to: '/market/contracts/review', labelKey: 'techmarket:nav.review', roles: CONTRACT_REGISTRARS, section: 'market' },
  { to: '/cooperation', labelKey: 'cooperation:nav.overview', section: 'cooperation', public: true },
  { to: '/cooperation/agreements', labelKey: 'cooperation:nav.agreements', section: 'cooperation', public: true },
  { to: '/cooperation/delegations', labelKey: 'cooperation:nav.delegations', section: 'cooperation', public: true },
  { to: '/cooperation/focal-persons', labelKey: 'cooperation:nav.focal', section: 'cooperation', public: true },
  { to: '/cooperation/opportunities', labelKey: 'cooperation:nav.opportunities', section: 'cooperation', public: true },
  { to: '/cooperation/applications', labelKey: 'cooperation:nav.applications', section: 'cooperation' },
  { to: '/cooperation/agreements/new', labelKey: 'cooperation:nav.newAgreement', roles: COOPERATION_MANAGERS, section: 'cooperation' },
  { to: '/cooperation/delegations/new', labelKey: 'cooperation:nav.newDelegation', roles: COOPERATION_MANAGERS, section: 'cooperation' },
  { to: '/statistics/yearbook', labelKey: 'nav.statsYearbook', section: 'statistics', public: true },
  { to: '/statistics/series', labelKey: 'nav.statsSeries', section: 'statistics', public: true },
  { to: '/statistics/survey', labelKey: 'nav.statsSurvey', roles: ['enterprise_member', 'incubator_manager', 'zone_manager'], section: 'statistics' },
  { to: '/statistics/review', labelKey: 'nav.statsReview', roles: SURVEY_REVIEWERS, section: 'statistics' },
  { to: '/statistics/completeness', labelKey: 'nav.statsCompleteness', roles: SURVEY_REVIEWERS, section: 'statistics' },
  { to: '/statistics/dashboard', labelKey: 'nav.statsDashboard', roles: STATISTICS_READERS, section: 'statistics' },
  { to: '/statistics/map', labelKey: 'nav.statsMap', roles: STATISTICS_READERS, section: 'statistics' },
  { to: '/statistics/ranking', labelKey: 'nav.statsRanking', roles: STATISTICS_READERS, section: 'statistics' },
  { to: '/statistics/pivot', labelKey: 'nav.statsPivot', roles: STATISTICS_READERS, section: 'statistics' },
  { to: '/statistics/me', labelKey: 'nav.statsMe', roles: STATISTICS_READERS, section: 'statistics' },
  { to: '/profile', labelKey: 'nav.profile', section: 'personal' },
  { to: '/tokens', labelKey: 'nav.tokens', section: 'personal' },
  { to: '/notifications', labelKey: 'nav.notifications', section: 'personal' },
  { to: '/admin/users', labelKey: 'nav.users', roles: ['admin'], section: 'administration' },
  { to: '/admin/audit', labelKey: 'nav.audit', roles: ['admin'], section: 'administration' },
  { to: '/admin/jobs', labelKey: 'nav.jobs', roles: ['admin'], section: 'administration' },
  { to: '/admin/outbox', labelKey: 'nav.outbox', roles: ['admin'], section: 'administration' },
];

/** The pages a user reaches; `null` is a visitor who is not signed in (the public pages only). */
export function destinationsFor(user: User | null): Destination[] {
  if (!user) return DESTINATIONS.filter((d) => d.public);
  const held = new Set(user.roles.map((g) => g.role));
  return DESTINATIONS.filter((d) => !d.roles || d.roles.some((r) => held.has(r)));
}

const under = (d: Destination, path: string) => path === d.to || path.startsWith(`${d.to}/`);

/** The destination a path belongs to: the most specific one (/directory/map, not /directory). */
export function isActive(d: Destination, path: string, among: readonly Destination[] = DESTINATIONS): boolean {
  if (!under(d, path)) return false;
  return !among.some((o) => o !== d && o.to.length > d.to.length && under(o, path));
}
