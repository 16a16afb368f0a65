import { and, eq, max } from 'drizzle-orm';
import { GoalInput, type MeGoal } from '../../../../shared/contracts/me';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { meGoals, mePolicies } from '../statistics.tables';
import { parseInput, requirePermission } from './access';

/** A goal of a policy (its indicators and targets are added one by one). Keys are unique within the policy. */
export async function addGoal(ctx: Ctx, policyId: string, raw: unknown): Promise<MeGoal> {
  requirePermission(ctx, 'statistics.manage');
  const input = parseInput(ctx, GoalInput, raw);
  return withTransaction(ctx, async (tx, audit) => {
    const [policy] = await tx.select({ id: mePolicies.id }).from(mePolicies).where(eq(mePolicies.id, policyId));
    if (!policy) throw notFound();
    if (input.key) {
      const [taken] = await tx
        .select({ id: meGoals.id })
        .from(meGoals)
        .where(and(eq(meGoals.policyId, policyId), eq(meGoals.key, input.key)));
      if (taken) throw conflict();
    }
    const [{ last }] = await tx
      .select({ last: max(meGoals.sort) })
      .from(meGoals)
      .where(eq(meGoals.policyId, policyId));
    const [row] = await tx
      .insert(meGoals)
      .values({
        policyId,
        key: input.key ?? null,
        area: input.area ?? null,
        names: input.names,
        source: input.source ?? null,
        sort: input.sort ?? (last ?? -1) + 1,
      })
      .returning();
    await audit({ action: 'me.goal.create', entityType: 'me_goal', entityId: row.id, after: row });
    return {
      id: row.id,
      policyId: row.policyId,
      key: row.key,
      area: row.area,
      names: row.names,
      source: row.source,
      sort: row.sort,
      status: 'no_data',
      counts: { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 },
      indicators: [],
    };
  });
}
