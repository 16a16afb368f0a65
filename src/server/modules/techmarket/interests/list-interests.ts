import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Interest, InterestQuery } from '../../../../shared/contracts/techmarket';
import { type Ctx, requireActor } from '../../../platform/context';
import { tmInterests, tmListings, tmMessages } from '../techmarket.tables';
import { ownedOrganisations } from '../listings/access';
import { toInterest } from './interest-dto';

/** The inbox: interests in the reader's listings (received) or those the reader expressed (sent), latest activity first. */
export async function listInterests(ctx: Ctx, query: z.output<typeof InterestQuery>): Promise<{ items: Interest[]; total: number }> {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const orgs = ownedOrganisations(actor);
  const mine = orgs.length ? or(eq(tmListings.createdBy, actor.userId), inArray(tmListings.ownerId, orgs))! : eq(tmListings.createdBy, actor.userId);
  const where: SQL[] = [query.box === 'received' ? mine : eq(tmInterests.fromUserId, actor.userId)];
  if (query.status) where.push(eq(tmInterests.status, query.status));
  const condition = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ interest: tmInterests, listing: { id: tmListings.id, kind: tmListings.kind, texts: tmListings.texts, ownerName: tmListings.ownerName } })
      .from(tmInterests)
      .innerJoin(tmListings, eq(tmListings.id, tmInterests.listingId))
      .where(condition)
      .orderBy(desc(tmInterests.updatedAt), desc(tmInterests.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(tmInterests).innerJoin(tmListings, eq(tmListings.id, tmInterests.listingId)).where(condition),
  ]);
  const messages = rows.length
    ? await db
        .select()
        .from(tmMessages)
        .where(
          inArray(
            tmMessages.interestId,
            rows.map((r) => r.interest.id),
          ),
        )
        .orderBy(asc(tmMessages.createdAt), asc(tmMessages.id))
    : [];
  const side = query.box === 'received' ? 'owner' : 'interested';
  return {
    items: rows.map((r) =>
      toInterest(
        r.interest,
        r.listing,
        side,
        messages.filter((m) => m.interestId === r.interest.id),
      ),
    ),
    total,
  };
}
