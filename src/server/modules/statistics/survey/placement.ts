import { eq } from 'drizzle-orm';
import type { StatEntityType } from '../../../../shared/contracts/statistics';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { notFound } from '../../../platform/errors';
import { divisions, enterprises, incubators, zones } from '../../registry/registry.tables';
import type { Text3 } from '../statistics.tables';

/** Where an entity sits in the system: what the approval chain and the rollups' dimensions are taken from. */
export type EntityPlacement = {
  entityType: StatEntityType;
  entityId: string;
  names: Text3;
  country: string;
  province: string | null;
  zoneId: string | null;
  incubatorId: string | null;
  sector: string | null;
  stage: string | null;
  synthetic: boolean;
};

/** Reads an enterprise, incubator or zone of the registry (404 when there is none). */
export async function placementOf(db: Db | Tx, entityType: StatEntityType, entityId: string): Promise<EntityPlacement> {
  const base = { entityType, entityId };
  if (entityType === 'enterprise') {
    const [e] = await db.select().from(enterprises).where(eq(enterprises.id, entityId));
    if (!e) throw notFound('statistics.entity_not_found');
    return {
      ...base,
      names: e.names,
      country: e.country,
      province: e.province,
      zoneId: e.hostZoneId,
      incubatorId: e.incubatorId,
      sector: e.sector,
      stage: e.stage,
      synthetic: e.synthetic,
    };
  }
  if (entityType === 'incubator') {
    const [i] = await db.select().from(incubators).where(eq(incubators.id, entityId));
    if (!i) throw notFound('statistics.entity_not_found');
    return {
      ...base,
      names: i.names,
      country: i.country,
      province: i.province,
      zoneId: i.hostZoneId,
      incubatorId: null,
      sector: null,
      stage: null,
      synthetic: i.synthetic,
    };
  }
  const [z] = await db.select().from(zones).where(eq(zones.id, entityId));
  if (!z) throw notFound('statistics.entity_not_found');
  return {
    ...base,
    names: z.names,
    country: z.country,
    province: z.province,
    zoneId: z.id,
    incubatorId: null,
    sector: null,
    stage: null,
    synthetic: z.synthetic,
  };
}

/** Display names of chain steps: the incubator, the zone, the province (divisions), or the nation. */
export async function stepName(db: Db | Tx, level: string, scopeId: string | null): Promise<Text3 | null> {
  if (!scopeId) return null;
  if (level === 'incubator') return (await db.select({ n: incubators.names }).from(incubators).where(eq(incubators.id, scopeId)))[0]?.n ?? null;
  if (level === 'zone') return (await db.select({ n: zones.names }).from(zones).where(eq(zones.id, scopeId)))[0]?.n ?? null;
  return (await db.select({ n: divisions.names }).from(divisions).where(eq(divisions.code, scopeId)))[0]?.n ?? { en: scopeId };
}
