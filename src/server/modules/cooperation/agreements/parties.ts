import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrgRefInput, ORG_TYPES } from '../../../../shared/contracts/cooperation';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { enterprises, incubators, institutions, investors, zones } from '../../registry/registry.tables';
import type { OrgRef } from '../cooperation.tables';

type OrgType = (typeof ORG_TYPES)[number];
const TABLES = { institution: institutions, zone: zones, incubator: incubators, enterprise: enterprises, investor: investors } as const;

/**
 * An organisation a party, host or partner refers to: from the registry by type and id — its name as the
 * organisation writes it (the registry's native name: 中关村一带一路产业促进会 for ZBRA), falling back to the English
 * name — and its country; or as typed, for one the registry does not hold. Null when the registry has no such row.
 */
export async function resolveOrg(db: Db | Tx, input: z.output<typeof OrgRefInput>): Promise<OrgRef | null> {
  if (!('entityType' in input)) return { entityType: null, entityId: null, name: input.name, country: input.country };
  const table = TABLES[input.entityType as OrgType];
  const [row] = await db.select({ names: table.names, nativeName: table.nativeName, country: table.country }).from(table).where(eq(table.id, input.entityId));
  if (!row) return null;
  return { entityType: input.entityType, entityId: input.entityId, name: row.nativeName ?? row.names.en, country: row.country };
}
