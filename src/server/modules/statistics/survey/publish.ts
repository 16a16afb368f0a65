import { eq } from 'drizzle-orm';
import type { Period } from '../../../../shared/contracts/statistics';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { statPeriods } from '../statistics.tables';
import { toPeriod } from './periods';

/**
 * Publishes a period's yearbook (the Torch yearbook is a public book): from now its year's tables are
 * readable without signing in. Survey returns themselves never become public.
 */
export async function publishPeriod(ctx: Ctx, id: string): Promise<Period> {
  return withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx.select().from(statPeriods).where(eq(statPeriods.id, id));
    if (!row) throw notFound();
    if (row.publishedAt) throw conflict('statistics.already_published');
    const [updated] = await tx.update(statPeriods).set({ publishedAt: new Date() }).where(eq(statPeriods.id, id)).returning();
    await audit({
      action: 'statistics.period.publish',
      entityType: 'stat_period',
      entityId: id,
      before: { publishedAt: null },
      after: { publishedAt: updated.publishedAt },
    });
    return toPeriod(updated);
  });
}
