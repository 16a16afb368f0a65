import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../../../shared/contracts/registry';
import { type Tx, withTransaction } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { canWrite } from './access';
import { ENTITY_CONFIG } from './entity-types';
import { affiliations, governanceLinks, people } from './registry.tables';

export const AffiliationsInput = z.strictObject({
  affiliations: z
    .array(z.strictObject({ orgType: z.enum(ENTITY_TYPES).exclude(['person']), orgId: z.uuid(), position: z.string().trim().min(1).max(200).nullish() }))
    .max(50),
});
export const GovernanceLinkInput = z.strictObject({
  parentType: z.enum(ENTITY_TYPES).exclude(['person']),
  parentId: z.uuid(),
  childType: z.enum(ENTITY_TYPES).exclude(['person']),
  childId: z.uuid(),
  relation: z.enum(['oversees', 'hosts', 'member_of']),
  source: z.string().max(500).nullish(),
});

async function assertExists(tx: Tx, type: EntityType, id: string, path: string) {
  const table = ENTITY_CONFIG[type].table as unknown as typeof people;
  const [hit] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
  if (!hit) throw new AppError(422, 'reference_not_found', {}, [{ path, message: '' }]);
}

/** Replaces a person's affiliations (who works where, in which position). */
export async function setAffiliations(ctx: Ctx, personId: string, input: z.output<typeof AffiliationsInput>) {
  if (!canWrite(ctx.actor, { type: 'person', id: personId }, 'update')) throw forbidden();
  return withTransaction(ctx, async (tx, audit) => {
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
    if (!person) throw notFound();
    for (const [i, a] of input.affiliations.entries()) await assertExists(tx, a.orgType, a.orgId, `affiliations.${i}.orgId`);
    const before = await tx.select().from(affiliations).where(eq(affiliations.personId, personId));
    await tx.delete(affiliations).where(eq(affiliations.personId, personId));
    const after = input.affiliations.length
      ? await tx
          .insert(affiliations)
          .values(input.affiliations.map((a) => ({ personId, orgType: a.orgType, orgId: a.orgId, position: a.position ?? null })))
          .returning()
      : [];
    await audit({ action: 'person.set_affiliations', entityType: 'person', entityId: personId, before, after });
    return { items: after, total: after.length };
  });
}

/** Governance links (who oversees whom) are national structure: admins and ministry analysts keep them. */
export async function addGovernanceLink(ctx: Ctx, input: z.output<typeof GovernanceLinkInput>) {
  if (!canWrite(ctx.actor, { type: 'institution' }, 'create')) throw forbidden();
  return withTransaction(ctx, async (tx, audit) => {
    await assertExists(tx, input.parentType, input.parentId, 'parentId');
    await assertExists(tx, input.childType, input.childId, 'childId');
    if (input.parentId === input.childId) throw new AppError(422, 'reference_not_found', {}, [{ path: 'childId', message: '' }]);
    const [row] = await tx.insert(governanceLinks).values({ ...input, source: input.source ?? null }).returning();
    await audit({ action: 'governance.link', entityType: 'governance_link', entityId: row.id, after: row });
    return row;
  });
}

export async function removeGovernanceLink(ctx: Ctx, id: string) {
  if (!canWrite(ctx.actor, { type: 'institution' }, 'create')) throw forbidden();
  await withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(governanceLinks).where(and(eq(governanceLinks.id, id)));
    if (!before) throw notFound();
    await tx.delete(governanceLinks).where(eq(governanceLinks.id, id));
    await audit({ action: 'governance.unlink', entityType: 'governance_link', entityId: id, before });
  });
}
