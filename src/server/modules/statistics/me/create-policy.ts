import { eq } from 'drizzle-orm';
import { type MePolicy, PolicyInput } from '../../../../shared/contracts/me';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { mePolicies } from '../statistics.tables';
import { parseInput, requirePermission } from './access';
import { policyDetail } from './assemble';
import { MeasureReader } from './measures';

/** A new policy to monitor (an analyst's own: never marked as an example). */
export async function createPolicy(ctx: Ctx, raw: unknown): Promise<MePolicy> {
  requirePermission(ctx, 'statistics.manage');
  const input = parseInput(ctx, PolicyInput, raw);
  return withTransaction(ctx, async (tx, audit) => {
    if (input.key) {
      const [taken] = await tx.select({ id: mePolicies.id }).from(mePolicies).where(eq(mePolicies.key, input.key));
      if (taken) throw conflict();
    }
    const [row] = await tx
      .insert(mePolicies)
      .values({ key: input.key ?? null, names: input.names, note: input.note ?? null, source: input.source ?? null, example: false })
      .returning();
    await audit({ action: 'me.policy.create', entityType: 'me_policy', entityId: row.id, after: row });
    return policyDetail(tx, new MeasureReader(tx), row.id, true);
  });
}
