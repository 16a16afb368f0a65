import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/home/HomePage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { ApiTokensPage } from '../features/profile/ApiTokensPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { fundingCallRoutes } from '../features/funding/calls/routes';
import { fundingReviewRoutes } from '../features/funding/review/routes';
import { statisticsMeRoutes } from '../features/statistics/me/routes';
import { surveyRoutes } from '../features/statistics/survey/routes';
import { statisticsYearbookRoutes } from '../features/statistics/yearbook/routes';
import { techmarketRoutes } from '../features/techmarket/routes';
import { cooperationRoutes } from '../features/cooperation/routes';
import { parseListParams, parseSearchParams } from '../features/registry/filters';
import { RequireRole } from './components/RequireRole';
import { NotFoundPage } from './components/NotFoundPage';
import { requireUser } from './guards';
import { Shell } from './Shell';

export type RouterContext = { queryClient: QueryClient };

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

const root = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  notFoundComponent: NotFoundPage,
});

const home = createRoute({ getParentRoute: () => root, path: '/', component: HomePage });

const signIn = createRoute({
  getParentRoute: () => root,
  path: '/sign-in',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({ redirect: str(s.redirect) }),
  component: SignInPage,
});
const register = createRoute({ getParentRoute: () => root, path: '/register', component: RegisterPage });
const forgot = createRoute({ getParentRoute: () => root, path: '/forgot-password', component: ForgotPasswordPage });
const reset = createRoute({
  getParentRoute: () => root,
  path: '/reset-password',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: ResetPasswordPage,
});

/** Pages of every signed-in user. */
const member = createRoute({ getParentRoute: () => root, id: 'member', beforeLoad: requireUser, component: Outlet });
export type RootRoute = typeof root;
export type MemberRoute = typeof member;
const profile = createRoute({ getParentRoute: () => member, path: '/profile', component: ProfilePage });
const tokens = createRoute({ getParentRoute: () => member, path: '/tokens', component: ApiTokensPage });
const notificationsPage = createRoute({ getParentRoute: () => member, path: '/notifications', component: NotificationsPage });

/**
 * Administration: the API enforces it; the UI only avoids showing a page that would answer 403.
 * Loaded on demand (lazyRouteComponent), as pages only some roles reach should be.
 */
const admin = createRoute({
  getParentRoute: () => member,
  path: '/admin',
  component: () => (
    <RequireRole need="admin">
      <Outlet />
    </RequireRole>
  ),
});
const users = createRoute({
  getParentRoute: () => admin,
  path: '/users',
  component: lazyRouteComponent(() => import('../features/admin/UsersPage'), 'UsersPage'),
});
const audit = createRoute({
  getParentRoute: () => admin,
  path: '/audit',
  component: lazyRouteComponent(() => import('../features/admin/AuditLogPage'), 'AuditLogPage'),
});
const jobs = createRoute({ getParentRoute: () => admin, path: '/jobs', component: lazyRouteComponent(() => import('../features/admin/JobsPage'), 'JobsPage') });
const outbox = createRoute({
  getParentRoute: () => admin,
  path: '/outbox',
  component: lazyRouteComponent(() => import('../features/admin/OutboxPage'), 'OutboxPage'),
});

/**
 * The registry's directory: public pages (the API hides private fields from visitors), loaded on demand.
 * Static segments (search, map, …) win over the `$type` of the lists.
 */
const directory = createRoute({ getParentRoute: () => root, path: '/directory', component: Outlet });
const directoryHome = createRoute({
  getParentRoute: () => directory,
  path: '/',
  component: lazyRouteComponent(() => import('../features/registry/DirectoryHome'), 'DirectoryHome'),
});
const directorySearch = createRoute({
  getParentRoute: () => directory,
  path: '/search',
  validateSearch: parseSearchParams,
  component: lazyRouteComponent(() => import('../features/registry/search/SearchPage'), 'SearchPage'),
});
const directoryMap = createRoute({
  getParentRoute: () => directory,
  path: '/map',
  component: lazyRouteComponent(() => import('../features/registry/map/MapPage'), 'MapPage'),
});
const directoryGovernance = createRoute({
  getParentRoute: () => directory,
  path: '/governance',
  component: lazyRouteComponent(() => import('../features/registry/governance/GovernancePage'), 'GovernancePage'),
});
const directoryStatistics = createRoute({
  getParentRoute: () => directory,
  path: '/statistics',
  component: lazyRouteComponent(() => import('../features/registry/charts/StatisticsPage'), 'StatisticsPage'),
});
const directoryImport = createRoute({
  getParentRoute: () => directory,
  path: '/import',
  beforeLoad: requireUser,
  component: lazyRouteComponent(() => import('../features/registry/import/ImportPage'), 'ImportPage'),
});
const directoryList = createRoute({
  getParentRoute: () => directory,
  path: '/$type',
  validateSearch: parseListParams,
  component: lazyRouteComponent(() => import('../features/registry/list/EntityListPage'), 'EntityListPage'),
});
const directoryEntity = createRoute({
  getParentRoute: () => directory,
  path: '/$type/$id',
  component: lazyRouteComponent(() => import('../features/registry/entity/EntityPage'), 'EntityPage'),
});

const [fundingResults, fundingCallResults, ...fundingMemberPages] = fundingReviewRoutes(root, member);
const [fundingCalls, fundingCall, ...fundingApplyPages] = fundingCallRoutes(root, member);
const mePages = statisticsMeRoutes(member);
const surveyPages = surveyRoutes(member);
const [statsYearbook, statsYearbookTable, statsSeries, ...statsReadingPages] = statisticsYearbookRoutes(root, member);
const [market, marketListing, marketStats, marketMemberPages] = techmarketRoutes(root, member);
const [cooperationPublicPages, cooperationMemberPages] = cooperationRoutes(root, member);

const routeTree = root.addChildren([
  fundingResults,
  fundingCalls,
  fundingCall,
  fundingCallResults,
  statsYearbook,
  statsYearbookTable,
  statsSeries,
  market,
  marketListing,
  marketStats,
  ...cooperationPublicPages,
  home,
  signIn,
  register,
  forgot,
  reset,
  directory.addChildren([
    directoryHome,
    directorySearch,
    directoryMap,
    directoryGovernance,
    directoryStatistics,
    directoryImport,
    directoryList,
    directoryEntity,
  ]),
  member.addChildren([
    profile,
    tokens,
    notificationsPage,
    admin.addChildren([users, audit, jobs, outbox]),
    ...fundingMemberPages,
    ...fundingApplyPages,
    ...surveyPages,
    ...statsReadingPages,
    ...mePages,
    ...marketMemberPages,
    ...cooperationMemberPages,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
