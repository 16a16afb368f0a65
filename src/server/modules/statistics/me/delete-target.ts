import { eq } from 'drizzle-orm';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { meTargets } from '../statistics.tables';
import { requirePermission } from './access';

/** Removes an indicator from its goal (the audit log keeps what it was). */
export async function deleteTarget(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'statistics.manage');
  await withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.delete(meTargets).where(eq(meTargets.id, id)).returning();
    if (!before) throw notFound();
    await audit({ action: 'me.target.delete', entityType: 'me_target', entityId: id, before });
  });
}
