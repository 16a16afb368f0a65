import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { MemberRoute, RootRoute } from '../../app/router';
import { parseMarketSearch } from './search';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * The technology market's pages (issue 6). Public: the market, a listing with its matches, the market's
 * statistics. Signed in: writing listings, my listings, moderation, interests, technology contracts.
 * Static segments (`new`, `review`) win over `$id`.
 */
export function techmarketRoutes(root: RootRoute, member: MemberRoute) {
  const market = createRoute({
    getParentRoute: () => root,
    path: '/market',
    validateSearch: parseMarketSearch,
    component: lazyRouteComponent(() => import('./MarketPage'), 'MarketPage'),
  });
  const listing = createRoute({
    getParentRoute: () => root,
    path: '/market/listings/$id',
    component: lazyRouteComponent(() => import('./ListingPage'), 'ListingPage'),
  });
  const stats = createRoute({
    getParentRoute: () => root,
    path: '/market/stats',
    component: lazyRouteComponent(() => import('./stats/StatsPage'), 'StatsPage'),
  });
  const newListing = createRoute({
    getParentRoute: () => member,
    path: '/market/new',
    validateSearch: (s: Record<string, unknown>): { kind?: 'offer' | 'need' } => ({ kind: s.kind === 'need' || s.kind === 'offer' ? s.kind : undefined }),
    component: lazyRouteComponent(() => import('./ListingFormPage'), 'NewListingPage'),
  });
  const newContract = createRoute({
    getParentRoute: () => member,
    path: '/market/contracts/new',
    validateSearch: (s: Record<string, unknown>): { listingId?: string; interestId?: string } => ({
      listingId: str(s.listingId),
      interestId: str(s.interestId),
    }),
    component: lazyRouteComponent(() => import('./contracts/ContractFormPage'), 'NewContractPage'),
  });
  const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => member, path, component: lazyRouteComponent(load as never, name as never) });
  return [
    market,
    listing,
    stats,
    [
      newListing,
      newContract,
      page('/market/listings/$id/edit', () => import('./ListingFormPage'), 'EditListingPage'),
      page('/market/mine', () => import('./MyListingsPage'), 'MyListingsPage'),
      page('/market/moderation', () => import('./ModerationPage'), 'ModerationPage'),
      page('/market/interests', () => import('./interests/InterestsPage'), 'InterestsPage'),
      page('/market/interests/$id', () => import('./interests/InterestPage'), 'InterestPage'),
      page('/market/contracts', () => import('./contracts/ContractsPage'), 'ContractsPage'),
      page('/market/contracts/review', () => import('./contracts/ReviewPage'), 'ContractReviewPage'),
      page('/market/contracts/$id', () => import('./contracts/ContractPage'), 'ContractPage'),
    ],
  ] as const;
}
