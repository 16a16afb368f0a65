import { eq, inArray } from 'drizzle-orm';
import type { EntityType } from '../../../shared/contracts/registry';
import { type Tx, withTransaction } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { canWrite, type Placement } from './access';
import { ENTITY_CONFIG } from './entity-types';
import { enterprises, incubators, institutions, zones } from './registry.tables';
import { indexEntity, unindexEntity } from './search-index';
import { deriveStage } from './stage';

type Row = Record<string, unknown> & { id: string };

/** Fields that point at other registry entities, and the table each must exist in. */
const REFERENCES: Record<string, { table: typeof zones | typeof incubators | typeof institutions; type: EntityType }> = {
  parentId: { table: zones, type: 'zone' },
  hostZoneId: { table: zones, type: 'zone' },
  incubatorId: { table: incubators, type: 'incubator' },
  governingBodyId: { table: institutions, type: 'institution' },
};

const placementOf = (type: EntityType, row: Record<string, unknown>): Placement => ({
  type,
  id: row.id as string | undefined,
  hostZoneId: (row.hostZoneId as string | null | undefined) ?? null,
  incubatorId: (row.incubatorId as string | null | undefined) ?? null,
});

/** An enterprise's stage is derived from its facts, never set by hand (registry/stage.ts). */
export function withDerivedStage(ctx: Ctx, type: EntityType, values: Record<string, unknown>): Record<string, unknown> {
  if (type !== 'enterprise') return values;
  const verdict = deriveStage(values as never, ctx.config.gazelle);
  return { ...values, stage: verdict.stage, stageReason: verdict.reason };
}

export async function createEntity(ctx: Ctx, type: EntityType, input: Record<string, unknown>, opts: { tx?: Tx; synthetic?: boolean } = {}): Promise<Row> {
  if (!canWrite(ctx.actor, placementOf(type, input), 'create')) throw forbidden();
  const work = async (tx: Tx, audit: (e: { action: string; entityType: string; entityId: string; after: unknown }) => Promise<void>) => {
    await assertReferences(tx, type, input);
    const { table } = ENTITY_CONFIG[type];
    const [row] = (await tx
      .insert(table)
      .values(withDerivedStage(ctx, type, { ...input, synthetic: opts.synthetic ?? false }) as never)
      .returning()) as Row[];
    await indexEntity(tx, type, row as never);
    await audit({ action: `${type}.create`, entityType: type, entityId: row.id, after: row });
    return row;
  };
  return withTransaction(ctx, work);
}

export async function updateEntity(ctx: Ctx, type: EntityType, id: string, patch: Record<string, unknown>): Promise<Row> {
  return withTransaction(ctx, async (tx, audit) => {
    const { table } = ENTITY_CONFIG[type];
    const idCol = (table as unknown as { id: typeof zones.id }).id;
    const [before] = (await tx.select().from(table).where(eq(idCol, id)).for('update')) as Row[];
    if (!before) throw notFound();
    const merged = { ...before, ...patch };
    if (!canWrite(ctx.actor, placementOf(type, before), 'update') || !canWrite(ctx.actor, placementOf(type, merged), 'update')) throw forbidden();
    if (Object.keys(patch).length === 0) return before;
    await assertReferences(tx, type, patch, id);
    const values = type === 'enterprise' ? withDerivedStage(ctx, type, merged) : patch;
    const { id: _id, createdAt: _c, updatedAt: _u, ...settable } = values;
    const [after] = (await tx.update(table).set(settable as never).where(eq(idCol, id)).returning()) as Row[];
    await indexEntity(tx, type, after as never);
    await audit({ action: `${type}.update`, entityType: type, entityId: id, before, after });
    return after;
  });
}

export async function deleteEntity(ctx: Ctx, type: EntityType, id: string): Promise<void> {
  if (!canWrite(ctx.actor, { type, id }, 'delete')) throw forbidden();
  await withTransaction(ctx, async (tx, audit) => {
    const { table } = ENTITY_CONFIG[type];
    const idCol = (table as unknown as { id: typeof zones.id }).id;
    const [before] = (await tx.select().from(table).where(eq(idCol, id))) as Row[];
    if (!before) throw notFound();
    await assertNotReferenced(tx, type, id);
    await tx.delete(table).where(eq(idCol, id));
    await unindexEntity(tx, type, id);
    await audit({ action: `${type}.delete`, entityType: type, entityId: id, before });
  });
}

async function assertReferences(tx: Tx, type: EntityType, values: Record<string, unknown>, selfId?: string) {
  const problems: { path: string; message: string }[] = [];
  for (const [field, ref] of Object.entries(REFERENCES)) {
    const target = values[field];
    if (typeof target !== 'string') continue;
    if (field === 'parentId' && type === 'institution') {
      const [hit] = await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, target));
      if (!hit || target === selfId) problems.push({ path: field, message: '' });
      continue;
    }
    const [hit] = await tx.select({ id: ref.table.id }).from(ref.table).where(eq(ref.table.id, target));
    if (!hit || target === selfId) problems.push({ path: field, message: '' });
  }
  if (problems.length) throw new AppError(422, 'reference_not_found', {}, problems);
}

/** A zone with member parks, incubators or enterprises, or an incubator with tenants, cannot vanish under them. */
async function assertNotReferenced(tx: Tx, type: EntityType, id: string) {
  const checks: Promise<{ id: string }[]>[] = [];
  if (type === 'zone') {
    checks.push(tx.select({ id: zones.id }).from(zones).where(eq(zones.parentId, id)).limit(1));
    checks.push(tx.select({ id: incubators.id }).from(incubators).where(eq(incubators.hostZoneId, id)).limit(1));
    checks.push(tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.hostZoneId, id)).limit(1));
  }
  if (type === 'incubator') checks.push(tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.incubatorId, id)).limit(1));
  if (type === 'institution') {
    checks.push(tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.parentId, id)).limit(1));
    checks.push(tx.select({ id: zones.id }).from(zones).where(inArray(zones.governingBodyId, [id])).limit(1));
  }
  const found = (await Promise.all(checks)).some((r) => r.length > 0);
  if (found) throw new AppError(409, 'entity_in_use');
}
