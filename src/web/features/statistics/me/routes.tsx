import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { MemberRoute } from '../../../app/router';

/** M&E of policy (issue 5), for signed-in staff (the API enforces 'statistics.read' and 'statistics.manage'). */
export function statisticsMeRoutes(member: MemberRoute) {
  return [
    createRoute({ getParentRoute: () => member, path: '/statistics/me', component: lazyRouteComponent(() => import('./PoliciesPage'), 'PoliciesPage') }),
    createRoute({ getParentRoute: () => member, path: '/statistics/me/$policyId', component: lazyRouteComponent(() => import('./PolicyPage'), 'PolicyPage') }),
  ] as const;
}
