import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrgRefInput } from '../../../../shared/contracts/cooperation';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/errors';
import { affiliations, enterprises, incubators, institutions, investors, people, zones } from '../../registry/registry.tables';
import type { OrgRef } from '../cooperation.tables';
import { nativeNameOf } from './delegation-rules';

type Reader = Db | Tx;
type OrgInput = z.output<typeof OrgRefInput>;

const TABLES = { institution: institutions, zone: zones, incubator: incubators, enterprise: enterprises, investor: investors } as const;
export type OrgType = keyof typeof TABLES;

/** 422 naming the field that points to nothing in the registry. */
export const notInRegistry = (path: string, what: 'organisation' | 'person') =>
  new AppError(422, `cooperation.delegations.${what}_not_found`, { path }, [{ path, message: '', code: `${what}_not_found` }]);

/**
 * An organisation as the cooperation tables keep it: one of the registry (its native name and country read from
 * there), or one typed by name and country when the registry does not have it.
 */
export async function resolveOrg(db: Reader, input: OrgInput, path: string): Promise<OrgRef> {
  if ('name' in input) return { entityType: null, entityId: null, name: input.name, country: input.country };
  const table = TABLES[input.entityType];
  const [row] = await db.select({ names: table.names, nativeName: table.nativeName, country: table.country }).from(table).where(eq(table.id, input.entityId));
  if (!row) throw notInRegistry(path, 'organisation');
  return { entityType: input.entityType, entityId: input.entityId, name: nativeNameOf(row), country: row.country };
}

export async function resolveOrgOrNull(db: Reader, input: OrgInput | null | undefined, path: string): Promise<OrgRef | null> {
  return input ? resolveOrg(db, input, path) : null;
}

/** A person of the registry: the name in its native script, the country, and the first organisation they belong to. */
export async function readPerson(db: Reader, personId: string, path: string): Promise<{ name: string; country: string; organisation: OrgRef | null }> {
  const [row] = await db.select({ names: people.names, nativeName: people.nativeName, country: people.country }).from(people).where(eq(people.id, personId));
  if (!row) throw notInRegistry(path, 'person');
  const links = await db
    .select({ orgType: affiliations.orgType, orgId: affiliations.orgId })
    .from(affiliations)
    .where(and(eq(affiliations.personId, personId), inArray(affiliations.orgType, Object.keys(TABLES))))
    .orderBy(asc(affiliations.createdAt))
    .limit(1);
  let organisation: OrgRef | null = null;
  if (links[0]) {
    try {
      organisation = await resolveOrg(db, { entityType: links[0].orgType as OrgType, entityId: links[0].orgId }, path);
    } catch {
      organisation = null;
    }
  }
  return { name: nativeNameOf(row), country: row.country, organisation };
}
