import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { sessionQuery } from './session';

/** beforeLoad of every page that needs a signed-in user: anyone else goes to sign in, and comes back. */
export async function requireUser({ context, location }: { context: { queryClient: QueryClient }; location: { href: string } }) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session.user) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  return { user: session.user };
}

/** Only same-site paths may be redirect targets (no open redirect through ?redirect=). */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}
