import type { Listing } from '../../../../shared/contracts/techmarket';
import type { Ctx } from '../../../platform/context';
import { toListing } from './listing-dto';
import { readListingRow } from './load';
import { readerAccess, requireVisible } from './reader';

/** One listing: its summary for everyone once published, details only for those with access. */
export async function getListing(ctx: Ctx, id: string): Promise<Listing> {
  const db = ctx.database.db;
  const row = requireVisible(ctx.actor, await readListingRow(db, id));
  return toListing(row, await readerAccess(db, ctx.actor, row));
}
