import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { MemberRoute, RootRoute } from '../../../app/router';
import { parseYearbookSearch } from './search';

/**
 * The statistics' reading pages (issue 5). Public: the yearbook (published years), its tables and the
 * published series. Staff (signed in; the API enforces 'statistics.read'): dashboard, map, ranking, pivot.
 */
export function statisticsYearbookRoutes(root: RootRoute, member: MemberRoute) {
  const yearbook = createRoute({
    getParentRoute: () => root,
    path: '/statistics/yearbook',
    validateSearch: parseYearbookSearch,
    component: lazyRouteComponent(() => import('./YearbookPage'), 'YearbookPage'),
  });
  const table = createRoute({
    getParentRoute: () => root,
    path: '/statistics/yearbook/$table',
    validateSearch: parseYearbookSearch,
    component: lazyRouteComponent(() => import('./YearbookTablePage'), 'YearbookTablePage'),
  });
  const series = createRoute({
    getParentRoute: () => root,
    path: '/statistics/series',
    component: lazyRouteComponent(() => import('./SeriesPage'), 'SeriesPage'),
  });
  const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => member, path, component: lazyRouteComponent(load as never, name as never) });
  return [
    yearbook,
    table,
    series,
    page('/statistics/dashboard', () => import('./DashboardPage'), 'DashboardPage'),
    page('/statistics/map', () => import('./StatsMapPage'), 'StatsMapPage'),
    page('/statistics/ranking', () => import('./RankingPage'), 'RankingPage'),
    page('/statistics/pivot', () => import('./PivotPage'), 'PivotPage'),
  ] as const;
}
