import type { User } from '../../../shared/contracts/accounts';
import type { Role } from '../../../shared/roles';
import { useUser } from '../../app/session';

/** The market's permissions as the API grants them (src/server/platform/permissions.ts). */
export const LISTERS: readonly Role[] = ['admin', 'enterprise_member', 'transfer_agent'];
export const INTERESTED: readonly Role[] = ['admin', 'enterprise_member', 'transfer_agent', 'investor', 'incubator_manager', 'zone_manager'];
export const MODERATORS: readonly Role[] = ['admin', 'transfer_agent', 'ministry_analyst'];
export const CONTRACT_SUBMITTERS: readonly Role[] = ['admin', 'enterprise_member', 'transfer_agent'];
export const REGISTRARS: readonly Role[] = ['admin', 'transfer_agent'];

export const holdsAny = (user: User | null, roles: readonly Role[]) => !!user?.roles.some((g) => roles.includes(g.role));

/** What the reader may do in the market: the pages hide actions the API would refuse. */
export function useMarketAccess() {
  const user = useUser();
  return {
    user,
    canList: holdsAny(user, LISTERS),
    canInterest: holdsAny(user, INTERESTED),
    canModerate: holdsAny(user, MODERATORS),
    canSubmitContract: holdsAny(user, CONTRACT_SUBMITTERS),
    canRegister: holdsAny(user, REGISTRARS),
  };
}
