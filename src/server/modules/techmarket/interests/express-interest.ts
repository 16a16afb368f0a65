import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Interest, InterestInput } from '../../../../shared/contracts/techmarket';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import type { Actor } from '../../../platform/context';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden } from '../../../platform/errors';
import { tmInterests, tmMessages } from '../techmarket.tables';
import { isAdmin, isOwner, type OwnerType } from '../listings/access';
import { readListingRow, titleOf } from '../listings/load';
import { readOwner } from '../listings/owner';
import { isLive, requireVisible } from '../listings/reader';
import { tell } from '../listings/tell';
import { interestLink } from './interest-dto';
import { threadOf } from './thread';

/** Whether the user acts for the organisation they say they write for: an admin, or a grant naming it. */
const actsFor = (actor: Actor, ownerId: string) =>
  actor.roles.some(
    (g) =>
      g.role === 'admin' ||
      (g.scopeId === ownerId && (g.scopeType === 'enterprise' || g.scopeType === 'organisation')) ||
      (g.role === 'enterprise_member' && g.scopeType === null),
  );

type Input = z.output<typeof InterestInput>;

/** Who the interested side is: the organisation named (or that of their own listing), else the person. */
async function interestedSide(tx: Tx, actor: Actor, input: Input, listingKind: string) {
  let ownerType = input.ownerType ?? null;
  let ownerId = input.ownerId ?? null;
  if (!!ownerType !== !!ownerId) throw new AppError(422, 'techmarket.owner_incomplete', {}, [{ path: ownerType ? 'ownerId' : 'ownerType', message: '' }]);
  if (input.fromListingId) {
    const own = await readListingRow(tx, input.fromListingId);
    if (!own || !(isOwner(actor, own) || isAdmin(actor)) || own.kind === listingKind) {
      throw new AppError(422, 'techmarket.from_listing_invalid', {}, [{ path: 'fromListingId', message: '' }]);
    }
    if (!ownerType) {
      ownerType = own.ownerType as OwnerType;
      ownerId = own.ownerId;
    }
  }
  if (!ownerType || !ownerId) return { fromOwnerType: null, fromOwnerId: null, fromName: actor.displayName, fromCountry: null };
  if (!actsFor(actor, ownerId)) throw forbidden('techmarket.organisation_not_yours');
  const owner = await readOwner(tx, ownerType, ownerId, 'en');
  return { fromOwnerType: ownerType, fromOwnerId: ownerId, fromName: owner.name, fromCountry: owner.country };
}

/** An expression of interest in a published listing: opens a thread with the owner, its first message the one given. */
export async function expressInterest(ctx: Ctx, listingId: string, input: Input): Promise<Interest> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const listing = requireVisible(actor, await readListingRow(tx, listingId));
    if (isOwner(actor, listing)) throw conflict('techmarket.own_listing');
    if (!isLive(listing)) throw conflict('techmarket.listing_not_live');
    const [open] = await tx
      .select({ id: tmInterests.id })
      .from(tmInterests)
      .where(and(eq(tmInterests.listingId, listingId), eq(tmInterests.fromUserId, actor.userId), inArray(tmInterests.status, ['open', 'accepted'])));
    if (open) throw conflict('techmarket.interest_exists', { id: open.id });
    const side = await interestedSide(tx, actor, input, listing.kind);
    const [interest] = await tx
      .insert(tmInterests)
      .values({ listingId, fromListingId: input.fromListingId ?? null, fromUserId: actor.userId, ...side, status: 'open' })
      .returning();
    await tx
      .insert(tmMessages)
      .values({ interestId: interest.id, authorId: actor.userId, authorName: actor.displayName, side: 'interested', body: input.message });
    await audit({ action: 'techmarket.interest.create', entityType: 'tm_interest', entityId: interest.id, after: { ...interest, message: input.message } });
    await tell(tx, actor, listing.createdBy, 'techmarket_interest_received', { title: titleOf(listing), name: interest.fromName }, interestLink(interest.id));
    return threadOf(tx, interest, listing, 'interested');
  });
}
