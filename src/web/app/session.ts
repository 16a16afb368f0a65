import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Session, User } from '../../shared/contracts/accounts';
import type { Role } from '../../shared/roles';
import { get, setCsrfToken } from './api';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    const s = await get<Session>('/api/v1/auth/session');
    setCsrfToken(s.csrfToken);
    return s;
  },
  staleTime: 60_000,
});

/** After sign-in, register or a profile change: the new session without another round trip. */
export function storeSession(qc: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  qc.setQueryData(sessionQuery.queryKey, session);
}

export function storeUser(qc: QueryClient, user: User): void {
  const prev = qc.getQueryData(sessionQuery.queryKey);
  qc.setQueryData(sessionQuery.queryKey, { user, csrfToken: prev?.csrfToken ?? null });
}

export function useSession() {
  return useQuery(sessionQuery);
}

export function useUser(): User | null {
  return useSession().data?.user ?? null;
}

export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user?.roles.some((g) => g.role === role);
}

/** The distinct roles a user holds, in the order they were granted. */
export function rolesOf(user: User): Role[] {
  return [...new Set(user.roles.map((g) => g.role))];
}
