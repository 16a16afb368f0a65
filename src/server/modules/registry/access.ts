import type { EntityType } from '../../../shared/contracts/registry';
import type { Role } from '../../../shared/roles';
import type { Actor, RoleGrant } from '../../platform/context';

/**
 * Who may write what in the registry (issue 3, Permissions): admins everything; zone managers their zones and
 * what is in them; incubator managers their incubators and tenants; enterprise members their own profile.
 * A grant with no scope reaches nationally. Pure: (actor, entity facts) → allowed.
 */
export type Placement = { type: EntityType; id?: string; hostZoneId?: string | null; incubatorId?: string | null };

const holds = (g: RoleGrant, role: Role, scopeType: string, scopeId: string | null | undefined) =>
  g.role === role && (g.scopeType === null || (!!scopeId && g.scopeType === scopeType && g.scopeId === scopeId));

export function canWrite(actor: Actor | null, p: Placement, action: 'create' | 'update' | 'delete'): boolean {
  if (!actor) return false;
  return actor.roles.some((g) => {
    if (g.role === 'admin') return true;
    if (action === 'delete') return false;
    switch (p.type) {
      case 'zone':
        return action === 'update' && holds(g, 'zone_manager', 'zone', p.id);
      case 'incubator':
        return holds(g, 'zone_manager', 'zone', p.hostZoneId) || (action === 'update' && holds(g, 'incubator_manager', 'incubator', p.id));
      case 'enterprise':
        return (
          holds(g, 'zone_manager', 'zone', p.hostZoneId) ||
          holds(g, 'incubator_manager', 'incubator', p.incubatorId) ||
          (action === 'update' && g.role === 'enterprise_member' && g.scopeType === 'enterprise' && g.scopeId === p.id)
        );
      default:
        return g.role === 'ministry_analyst' || (p.type !== 'investor' && g.role === 'cooperation_officer');
    }
  });
}

/** Contact details and confidential figures: staff who work with people and enterprises. */
const PRIVATE_READERS: Role[] = ['admin', 'ministry_analyst', 'cooperation_officer', 'program_officer', 'zone_manager', 'incubator_manager'];
export const canSeePrivate = (actor: Actor | null) => !!actor?.roles.some((g) => PRIVATE_READERS.includes(g.role));
