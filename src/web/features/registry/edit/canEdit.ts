import type { User } from '../../../../shared/contracts/accounts';
import type { Role } from '../../../../shared/roles';
import type { Entity } from '../types';

type Grant = User['roles'][number];

/** Roles that may write something in the registry; the others (reviewer, mentor, investor, program officer) never can. */
export const REGISTRY_WRITERS: readonly Role[] = ['admin', 'zone_manager', 'incubator_manager', 'enterprise_member', 'ministry_analyst', 'cooperation_officer'];
/** Roles that may bulk-import (the import page). */
export const IMPORTERS: readonly Role[] = ['admin', 'zone_manager', 'incubator_manager', 'ministry_analyst', 'cooperation_officer'];

const holds = (g: Grant, role: Role, scopeType: string, scopeId: unknown) =>
  g.role === role && (g.scopeType === null || (typeof scopeId === 'string' && g.scopeType === scopeType && g.scopeId === scopeId));

/**
 * Whether the user may change this record: the API's rule (src/server/modules/registry/access.ts) mirrored,
 * to offer the edit button only where it can succeed. The API decides; a 403 is still shown if it refuses.
 */
export function canEdit(user: User | null, e: Entity): boolean {
  if (!user) return false;
  return user.roles.some((g) => {
    if (g.role === 'admin') return true;
    switch (e.type) {
      case 'zone':
        return holds(g, 'zone_manager', 'zone', e.id);
      case 'incubator':
        return holds(g, 'zone_manager', 'zone', e.hostZoneId) || holds(g, 'incubator_manager', 'incubator', e.id);
      case 'enterprise':
        return (
          holds(g, 'zone_manager', 'zone', e.hostZoneId) ||
          holds(g, 'incubator_manager', 'incubator', e.incubatorId) ||
          (g.role === 'enterprise_member' && g.scopeType === 'enterprise' && g.scopeId === e.id)
        );
      default:
        return g.role === 'ministry_analyst' || (e.type !== 'investor' && g.role === 'cooperation_officer');
    }
  });
}

export const canImport = (user: User | null) => !!user?.roles.some((g) => IMPORTERS.includes(g.role));
