import type { Actor } from '../../../platform/context';
import type { ChainStep } from '../statistics.tables';

/**
 * The approval chain of a survey return (issue 5): enterprise → its incubator, or else its zone → the
 * province → national. An incubator's return goes to its zone first; a zone's to its province. Levels the
 * entity has no place at (no zone, no known province) are skipped; national is always last.
 */
export type Placement = {
  entityType: 'enterprise' | 'incubator' | 'zone';
  entityId: string;
  incubatorId?: string | null;
  zoneId?: string | null;
  province?: string | null;
};

export function approvalChain(p: Placement): ChainStep[] {
  const chain: ChainStep[] = [];
  if (p.entityType === 'enterprise' && p.incubatorId) chain.push({ level: 'incubator', scopeId: p.incubatorId });
  else if (p.entityType !== 'zone' && p.zoneId) chain.push({ level: 'zone', scopeId: p.zoneId });
  if (p.province) chain.push({ level: 'province', scopeId: p.province });
  chain.push({ level: 'national', scopeId: null });
  return chain;
}

/**
 * Who approves a level: an incubator manager of that incubator, a zone manager of that zone, a ministry
 * analyst of that province (scope 'province'), an unscoped ministry analyst for the national level (and any
 * level), an admin for any. A role without a scope reaches every place of its level.
 */
export function canApprove(actor: Actor | null, step: ChainStep): boolean {
  if (!actor) return false;
  return actor.roles.some((g) => {
    if (g.role === 'admin') return true;
    const reaches = (type: string) => g.scopeType === null || (g.scopeType === type && g.scopeId === step.scopeId);
    switch (step.level) {
      case 'incubator':
        return g.role === 'incubator_manager' && reaches('incubator');
      case 'zone':
        return g.role === 'zone_manager' && reaches('zone');
      case 'province':
        return g.role === 'ministry_analyst' && reaches('province');
      case 'national':
        return g.role === 'ministry_analyst' && g.scopeType === null;
      default:
        return false;
    }
  });
}

/** Who files for an entity: its own member or manager, or an admin. A grant without a scope files for any. */
export function canFile(actor: Actor | null, entityType: Placement['entityType'], entityId: string): boolean {
  if (!actor) return false;
  const role = entityType === 'enterprise' ? 'enterprise_member' : entityType === 'incubator' ? 'incubator_manager' : 'zone_manager';
  return actor.roles.some((g) => g.role === 'admin' || (g.role === role && (g.scopeType === null || (g.scopeType === entityType && g.scopeId === entityId))));
}

/** Size class by year-end employees (pivot dimension): micro < 10 ≤ small < 100 ≤ medium < 500 ≤ large. */
export function sizeClass(employees: number | null | undefined): string | null {
  if (employees === null || employees === undefined) return null;
  if (employees < 10) return 'micro';
  if (employees < 100) return 'small';
  if (employees < 500) return 'medium';
  return 'large';
}
