import { eq } from 'drizzle-orm';
import { type MeIndicatorProgress, TargetPatch } from '../../../../shared/contracts/me';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { meTargets } from '../statistics.tables';
import { parseInput, requirePermission } from './access';
import { indicatorProgress } from './assemble';
import { checkTarget } from './check-target';
import { MeasureReader } from './measures';
import { baselineSetting, normaliseTarget } from './resolve';

/**
 * Changes an indicator's target (what is measured, baseline, targets, thresholds); the whole result is checked
 * again. A target of the example framework edited by an analyst is no longer the example's: it is unmarked.
 */
export async function updateTarget(ctx: Ctx, id: string, raw: unknown): Promise<MeIndicatorProgress> {
  requirePermission(ctx, 'statistics.manage');
  const patch = parseInput(ctx, TargetPatch, raw);
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(meTargets).where(eq(meTargets.id, id)).for('update');
    if (!before) throw notFound();
    const merged = {
      indicator: patch.indicator ?? before.indicator,
      scope: patch.scope ?? before.scope,
      direction: patch.direction ?? (before.direction as 'increase' | 'decrease'),
      baseline: patch.baseline ? baselineSetting(patch.baseline) : { year: before.baselineYear, value: before.baselineValue },
      targets: patch.targets ? patch.targets.map(normaliseTarget) : before.targets,
      thresholds: patch.thresholds ?? { atRisk: before.atRisk, offTrack: before.offTrack },
    };
    const reader = new MeasureReader(tx);
    await checkTarget(ctx, reader, merged);
    const [row] = await tx
      .update(meTargets)
      .set({
        indicator: merged.indicator,
        scope: merged.scope,
        direction: merged.direction,
        baselineYear: merged.baseline.year,
        baselineValue: merged.baseline.value,
        targets: [...merged.targets].sort((a, b) => a.year - b.year),
        atRisk: merged.thresholds.atRisk,
        offTrack: merged.thresholds.offTrack,
        example: false,
      })
      .where(eq(meTargets.id, id))
      .returning();
    await audit({ action: 'me.target.update', entityType: 'me_target', entityId: id, before, after: row });
    return indicatorProgress(reader, row);
  });
}
