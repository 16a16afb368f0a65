import type { z } from 'zod';
import type { Matches } from '../../../../shared/contracts/techmarket';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { findEnterpriseMatches } from '../matching/enterprise-matches';
import { findMatches } from '../matching/find-matches';
import { isModerator, isOwner } from './access';
import { readListingRow } from './load';
import { isLive } from './reader';

/**
 * Suggestions for a listing: public while it is in the market; its owner and moderators also see them for a
 * draft (what the listing would meet once published).
 */
export async function getMatches(ctx: Ctx, id: string, opts: { limit: number }): Promise<z.infer<typeof Matches>> {
  const db = ctx.database.db;
  const row = await readListingRow(db, id);
  if (!row || !(isLive(row) || isOwner(ctx.actor, row) || isModerator(ctx.actor))) throw notFound();
  const items = await findMatches(db, id, { limit: opts.limit });
  if (row.kind !== 'offer') return { items };
  return { items, enterprises: await findEnterpriseMatches(db, id) };
}
