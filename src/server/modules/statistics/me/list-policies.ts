import type { MePolicySummary } from '../../../../shared/contracts/me';
import type { Ctx } from '../../../platform/context';
import { requirePermission } from './access';
import { policySummaries } from './assemble';
import { MeasureReader } from './measures';

/** Every policy with how many of its goals are on track, at risk, off track or without data. */
export async function listPolicies(ctx: Ctx): Promise<{ items: MePolicySummary[]; total: number }> {
  requirePermission(ctx, 'statistics.read');
  const db = ctx.database.db;
  const items = await policySummaries(db, new MeasureReader(db));
  return { items, total: items.length };
}
