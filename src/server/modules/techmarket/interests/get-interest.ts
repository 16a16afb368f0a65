import type { Interest } from '../../../../shared/contracts/techmarket';
import { type Ctx, requireActor } from '../../../platform/context';
import { loadThread, threadOf } from './thread';

/** One thread, for its two sides and admins. */
export async function getInterest(ctx: Ctx, id: string): Promise<Interest> {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const { interest, listing, side } = await loadThread(db, actor, id);
  return threadOf(db, interest, listing, side);
}
