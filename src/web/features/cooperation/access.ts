import type { Role } from '../../../shared/roles';
import { useUser } from '../../app/session';

/** The cooperation permissions as the API grants them (src/server/platform/permissions.ts). */
export const COOP_MANAGERS: readonly Role[] = ['admin', 'cooperation_officer'];
export const COOP_READERS: readonly Role[] = ['admin', 'cooperation_officer', 'ministry_analyst', 'program_officer', 'zone_manager', 'incubator_manager'];

/** What the reader may do: the pages hide what the API would refuse (and the API checks anyway). */
export function useCoopAccess() {
  const user = useUser();
  const held = (roles: readonly Role[]) => !!user?.roles.some((g) => roles.includes(g.role));
  return { user, signedIn: !!user, canManage: held(COOP_MANAGERS), canRead: held(COOP_READERS) };
}
