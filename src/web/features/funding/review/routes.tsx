import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { MemberRoute, RootRoute } from '../../../app/router';

/**
 * The pages of the seed fund's review and awards (issue 4). Public: published results. Signed in: the
 * officer's pool, assignment, ranking and dashboard; the reviewer's inbox and scoring; decision letters;
 * awards. The API enforces who may do what; the pages only avoid showing what would answer 403.
 */
export function fundingReviewRoutes(root: RootRoute, member: MemberRoute) {
  const results = createRoute({
    getParentRoute: () => root,
    path: '/funding/results',
    component: lazyRouteComponent(() => import('./ResultsPages'), 'ResultsListPage'),
  });
  const callResults = createRoute({
    getParentRoute: () => root,
    path: '/funding/results/$callId',
    component: lazyRouteComponent(() => import('./ResultsPages'), 'CallResultsPage'),
  });
  const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => member, path, component: lazyRouteComponent(load as never, name as never) });
  return [
    results,
    callResults,
    page('/funding/reviewers', () => import('./ReviewerPoolPage'), 'ReviewerPoolPage'),
    page('/funding/review-calls', () => import('./ReviewCallsPage'), 'ReviewCallsPage'),
    page('/funding/calls/$callId/assignment', () => import('./AssignmentPage'), 'AssignmentPage'),
    page('/funding/calls/$callId/ranking', () => import('./RankingPage'), 'RankingPage'),
    page('/funding/review', () => import('./InboxPage'), 'InboxPage'),
    page('/funding/review/$assignmentId', () => import('./ScorePage'), 'ScorePage'),
    page('/funding/letters/$applicationId', () => import('./LetterPage'), 'LetterPage'),
    page('/funding/awards', () => import('../awards/AwardsListPage'), 'AwardsListPage'),
    page('/funding/awards/$awardId', () => import('../awards/AwardPage'), 'AwardPage'),
    page('/funding/dashboard', () => import('../awards/DashboardPage'), 'DashboardPage'),
  ] as const;
}
