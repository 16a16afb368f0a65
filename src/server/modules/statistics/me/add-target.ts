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
import { baselineSetting, normaliseTarget } from './resolve';

/**
 * An indicator of a goal: what is measured, its baseline (a value, or measured in its year), yearly targets (values,
 * or changes on the baseline) and thresholds. Answers its progress at once.
 */
export async function addTarget(ctx: Ctx, goalId: string, raw: unknown): Promise<MeIndicatorProgress> {
  requirePermission(ctx, 'statistics.manage');
  const input = parseInput(ctx, TargetInput, raw);
  return withTransaction(ctx, async (tx, audit) => {
    const [goal] = await tx.select({ id: meGoals.id }).from(meGoals).where(eq(meGoals.id, goalId));
    if (!goal) throw notFound();
    const reader = new MeasureReader(tx);
    const fields = { ...input, baseline: baselineSetting(input.baseline), targets: input.targets.map(normaliseTarget) };
    await checkTarget(ctx, reader, fields);
    const [row] = await tx
      .insert(meTargets)
      .values({
        goalId,
        indicator: input.indicator,
        scope: input.scope,
        direction: input.direction,
        baselineYear: fields.baseline.year,
        baselineValue: fields.baseline.value,
        targets: [...fields.targets].sort((a, b) => a.year - b.year),
        atRisk: input.thresholds.atRisk,
        offTrack: input.thresholds.offTrack,
        example: false,
      })
      .returning();
    await audit({ action: 'me.target.create', entityType: 'me_target', entityId: row.id, after: row });
    return indicatorProgress(reader, row);
  });
}
