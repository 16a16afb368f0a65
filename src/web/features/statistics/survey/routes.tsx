import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/**
 * The pages of the annual statistical survey (issue 5), all for signed-in users: what I file and my
 * returns, one return's form (filled in, reviewed, reopened on the same page), the approvals inbox, and
 * completeness by zone or province. The API decides who may do what; the pages show what it allows
 * (`can` on each return) and say why something is read-only.
 */
export function surveyRoutes<M extends AnyRoute>(member: M) {
  const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => member, path, component: lazyRouteComponent(load as never, name as never) });
  return [
    page('/statistics/survey', () => import('./MySurveysPage'), 'MySurveysPage'),
    page('/statistics/survey/$submissionId', () => import('./SubmissionPage'), 'SubmissionPage'),
    page('/statistics/review', () => import('./ReviewInboxPage'), 'ReviewInboxPage'),
    page('/statistics/completeness', () => import('./CompletenessPage'), 'CompletenessPage'),
  ] as const;
}
