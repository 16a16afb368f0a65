import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * The pages of the seed fund's calls and applications (issue 4). Public: the calls and each call's page.
 * Signed in: the officer's call editor and screening; the applicant's applications and the form.
 * Static segments (`new`) win over `$callId`.
 */
export function fundingCallRoutes<R extends AnyRoute, M extends AnyRoute>(root: R, member: M) {
  const calls = createRoute({
    getParentRoute: () => root,
    path: '/funding/calls',
    component: lazyRouteComponent(() => import('./CallsListPage'), 'CallsListPage'),
  });
  const call = createRoute({
    getParentRoute: () => root,
    path: '/funding/calls/$callId',
    component: lazyRouteComponent(() => import('./CallPage'), 'CallPage'),
  });
  const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => member, path, component: lazyRouteComponent(load as never, name as never) });
  return [
    calls,
    call,
    page('/funding/calls/new', () => import('./CallEditorPage'), 'CallEditorPage'),
    page('/funding/calls/$callId/edit', () => import('./CallEditorPage'), 'CallEditorPage'),
    page('/funding/calls/$callId/apply', () => import('../applications/ApplyPage'), 'ApplyPage'),
    page('/funding/applications', () => import('../applications/MyApplicationsPage'), 'MyApplicationsPage'),
    page('/funding/applications/$applicationId', () => import('../applications/ApplicationPage'), 'ApplicationPage'),
    page('/funding/screening', () => import('../applications/ScreeningListPage'), 'ScreeningListPage'),
    page('/funding/screening/$applicationId', () => import('../applications/ScreeningPage'), 'ScreeningPage'),
  ] as const;
}
