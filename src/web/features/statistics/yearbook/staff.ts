import type { User } from '../../../../shared/contracts/accounts';
import type { Role } from '../../../../shared/roles';
import { useUser } from '../../../app/session';

/** Who reads unpublished statistics (the API's permission 'statistics.read'). */
export const STATISTICS_READERS: readonly Role[] = ['admin', 'ministry_analyst', 'zone_manager', 'incubator_manager', 'program_officer', 'cooperation_officer'];
/** Who publishes a year's yearbook (the API's permission 'statistics.manage'). */
export const STATISTICS_MANAGERS: readonly Role[] = ['admin', 'ministry_analyst'];

export const holdsAny = (user: User | null, roles: readonly Role[]) => !!user?.roles.some((g) => roles.includes(g.role));

export function useStatisticsAccess() {
  const user = useUser();
  return { user, staff: holdsAny(user, STATISTICS_READERS), manager: holdsAny(user, STATISTICS_MANAGERS) };
}

/** The zones a zone manager's grants are scoped to (their own zones first in the zone picker). */
export function scopedZoneIds(user: User | null): string[] {
  return (user?.roles ?? []).filter((g) => g.role === 'zone_manager' && g.scopeType === 'zone' && g.scopeId).map((g) => g.scopeId as string);
}

/** Reads every zone's figures: any reading role other than a zone manager scoped to zones (as the API's zoneScope). */
export function staffWide(user: User | null): boolean {
  return !!user?.roles.some((g) => (g.role === 'zone_manager' ? g.scopeType === null : STATISTICS_READERS.includes(g.role)));
}
