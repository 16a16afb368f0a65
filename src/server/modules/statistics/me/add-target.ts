import { eq } from 'drizzle-orm';
import { type MeIndicatorProgress, TargetInput } from '../../../../shared/contracts/me';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { meGoals, meTargets } from '../statistics.tables';
import { parseInput, requirePermission } from './access';
import { indicatorProgress } from './assemble';
import { checkTarget } from './check-target';
import { MeasureReader } from './measures';

/** An indicator of a goal: what is measured, its baseline, yearly targets and thresholds. Answers its progress at once. */
export async function addTarget(ctx: Ctx, goalId: string, raw: unknown): Promise<MeIndicatorProgress> {
  requirePermission(ctx, 'statistics.manage');
  const input = parseInput(ctx, TargetInput, raw);
  return withTransaction(ctx, async (tx, audit) => {
    const [goal] = await tx.select({ id: meGoals.id }).from(meGoals).where(eq(meGoals.id, goalId));
    if (!goal) throw notFound();
    const reader = new MeasureReader(tx);
    await checkTarget(ctx, reader, input);
    const [row] = await tx
      .insert(meTargets)
      .values({
        goalId,
        indicator: input.indicator,
        scope: input.scope,
        direction: input.direction,
        baselineYear: input.baseline.year,
        baselineValue: input.baseline.value,
        targets: [...input.targets].sort((a, b) => a.year - b.year),
        atRisk: input.thresholds.atRisk,
        offTrack: input.thresholds.offTrack,
        example: false,
      })
      .returning();
    await audit({ action: 'me.target.create', entityType: 'me_target', entityId: row.id, after: row });
    return indicatorProgress(reader, row);
  });
}
