import type { Role } from '../../../../shared/roles';
import { useUser } from '../../../app/session';

/** Who reads M&E (the API's 'statistics.read') and who edits policies, goals and targets ('statistics.manage'). */
const READERS: readonly Role[] = ['admin', 'ministry_analyst', 'zone_manager', 'incubator_manager', 'program_officer', 'cooperation_officer'];
const MANAGERS: readonly Role[] = ['admin', 'ministry_analyst'];

export function useStatisticsRoles() {
  const user = useUser();
  const holds = (roles: readonly Role[]) => !!user?.roles.some((g) => roles.includes(g.role));
  return { reader: holds(READERS), manager: holds(MANAGERS) };
}
