import type { MePolicy } from '../../../../shared/contracts/me';
import type { Ctx } from '../../../platform/context';
import { canManage, requirePermission } from './access';
import { policyDetail } from './assemble';
import { MeasureReader } from './measures';

/** A policy with its note, goals and every indicator's baseline, targets, actual and expected series, status, trend and projection. */
export async function getPolicy(ctx: Ctx, id: string): Promise<MePolicy> {
  requirePermission(ctx, 'statistics.read');
  const db = ctx.database.db;
  return policyDetail(db, new MeasureReader(db), id, canManage(ctx));
}
