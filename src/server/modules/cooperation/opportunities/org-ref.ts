import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ORG_TYPES, OrgRefInput } from '../../../../shared/contracts/cooperation';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/errors';
import { enterprises, incubators, institutions, investors, type Names, zones } from '../../registry/registry.tables';
import type { OrgRef } from '../cooperation.tables';

type OrgType = (typeof ORG_TYPES)[number];
export const ORG_TABLES = { institution: institutions, zone: zones, incubator: incubators, enterprise: enterprises, investor: investors } as const;

/** An organisation's own name: the registry's native name, else the Chinese name of a Chinese one, else English. */
export function nativeName(row: { names: Names; nativeName: string | null; country: string }): string {
  if (row.nativeName) return row.nativeName;
  if (row.country === 'CN' && row.names.zh) return row.names.zh;
  return row.names.en;
}

/**
 * The offering organisation as the board keeps it: one of the registry (name in its native script and country read
 * from there; 422 naming the field when the registry has no such row), or one typed by name and country.
 */
export async function resolveOrg(db: Db | Tx, input: z.output<typeof OrgRefInput>, path = 'offeredBy'): Promise<OrgRef> {
  if (!('entityType' in input)) return { entityType: null, entityId: null, name: input.name, country: input.country };
  const table = ORG_TABLES[input.entityType as OrgType];
  const [row] = await db.select({ names: table.names, nativeName: table.nativeName, country: table.country }).from(table).where(eq(table.id, input.entityId));
  if (!row)
    throw new AppError(422, 'cooperation.opportunities.org_not_found', { type: input.entityType }, [
      { path, message: 'no such organisation in the registry', code: 'org_not_found' },
    ]);
  return { entityType: input.entityType, entityId: input.entityId, name: nativeName(row), country: row.country };
}
