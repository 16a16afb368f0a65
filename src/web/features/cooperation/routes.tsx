import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { AGREEMENT_TYPES, OPPORTUNITY_KINDS } from '../../../shared/contracts/cooperation';
import type { MemberRoute, RootRoute } from '../../app/router';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => ((list as readonly unknown[]).includes(v) ? (v as T) : undefined);
const country = (v: unknown) => {
  const c = str(v)?.toUpperCase();
  return c && /^[A-Z]{2}$/.test(c) ? c : undefined;
};

export type AgreementsSearch = { type?: (typeof AGREEMENT_TYPES)[number]; country?: string; area?: string };
export type OpportunitiesSearch = { kind?: (typeof OPPORTUNITY_KINDS)[number]; country?: string };
export type ScorecardsSearch = { by?: 'partner' | 'country' };
export type DelegationsSearch = { country?: string };
export type FocalSearch = { country?: string };

/**
 * International cooperation's pages (issue 7). Public: the overview, agreements with scorecards, delegations,
 * focal persons, the opportunities board, country pairs. Signed in: recording agreements and delegations
 * (cooperation officers), my applications. Static segments (`new`) win over `$id`.
 */
export function cooperationRoutes(root: RootRoute, member: MemberRoute) {
  const pub = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => root, path, component: lazyRouteComponent(load as never, name as never) });
  const mem = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => member, path, component: lazyRouteComponent(load as never, name as never) });
  const agreements = createRoute({
    getParentRoute: () => root,
    path: '/cooperation/agreements',
    validateSearch: (s: Record<string, unknown>): AgreementsSearch => ({
      type: oneOf(AGREEMENT_TYPES, s.type),
      country: country(s.country),
      area: str(s.area),
    }),
    component: lazyRouteComponent(() => import('./agreements/AgreementsPage'), 'AgreementsPage'),
  });
  const scorecards = createRoute({
    getParentRoute: () => root,
    path: '/cooperation/scorecards',
    validateSearch: (s: Record<string, unknown>): ScorecardsSearch => ({ by: s.by === 'partner' ? 'partner' : undefined }),
    component: lazyRouteComponent(() => import('./agreements/ScorecardsPage'), 'ScorecardsPage'),
  });
  const delegations = createRoute({
    getParentRoute: () => root,
    path: '/cooperation/delegations',
    validateSearch: (s: Record<string, unknown>): DelegationsSearch => ({ country: country(s.country) }),
    component: lazyRouteComponent(() => import('./delegations/DelegationsPage'), 'DelegationsPage'),
  });
  const focal = createRoute({
    getParentRoute: () => root,
    path: '/cooperation/focal-persons',
    validateSearch: (s: Record<string, unknown>): FocalSearch => ({ country: country(s.country) }),
    component: lazyRouteComponent(() => import('./focal/FocalPersonsPage'), 'FocalPersonsPage'),
  });
  const opportunities = createRoute({
    getParentRoute: () => root,
    path: '/cooperation/opportunities',
    validateSearch: (s: Record<string, unknown>): OpportunitiesSearch => ({ kind: oneOf(OPPORTUNITY_KINDS, s.kind), country: country(s.country) }),
    component: lazyRouteComponent(() => import('./opportunities/OpportunitiesPage'), 'OpportunitiesPage'),
  });
  return [
    [
      pub('/cooperation', () => import('./OverviewPage'), 'OverviewPage'),
      agreements,
      scorecards,
      pub('/cooperation/agreements/$id', () => import('./agreements/AgreementPage'), 'AgreementPage'),
      delegations,
      pub('/cooperation/delegations/$id', () => import('./delegations/DelegationPage'), 'DelegationPage'),
      focal,
      opportunities,
      pub('/cooperation/opportunities/$id', () => import('./opportunities/OpportunityPage'), 'OpportunityPage'),
      pub('/cooperation/pairs/$pair', () => import('./PairPage'), 'PairPage'),
    ],
    [
      mem('/cooperation/agreements/new', () => import('./agreements/AgreementFormPage'), 'NewAgreementPage'),
      mem('/cooperation/delegations/new', () => import('./delegations/DelegationFormPage'), 'NewDelegationPage'),
      mem('/cooperation/applications', () => import('./opportunities/MyApplicationsPage'), 'MyApplicationsPage'),
    ],
  ] as const;
}
