import type { Actor, RoleGrant } from '../../../platform/context';

export type OwnerType = 'enterprise' | 'institution';
type OwnedListing = { ownerType: string; ownerId: string; createdBy: string };

/** A grant naming this organisation: an enterprise member of it, or (for institutions) its transfer agent. */
const namesOwner = (g: RoleGrant, ownerType: string, ownerId: string) =>
  g.scopeId === ownerId &&
  ((g.role === 'enterprise_member' && (g.scopeType === 'enterprise' || g.scopeType === 'organisation')) ||
    (g.role === 'transfer_agent' && ownerType === 'institution' && g.scopeType === 'organisation'));

/**
 * Who may list for an organisation of the registry: an admin; an enterprise member without a scope
 * (self-registered, the demo account) or whose grant names it; for an institution, also a transfer agent
 * with national reach or of that organisation (the university's technology transfer office).
 */
export function canListFor(actor: Actor | null, ownerType: OwnerType, ownerId: string): boolean {
  return !!actor?.roles.some(
    (g) =>
      g.role === 'admin' ||
      namesOwner(g, ownerType, ownerId) ||
      (g.scopeType === null && (g.role === 'enterprise_member' || (g.role === 'transfer_agent' && ownerType === 'institution'))),
  );
}

/**
 * Who owns an existing listing: its author, or a member whose grant names its organisation. An unscoped member
 * may list for anyone but owns only what they wrote (as with seed-fund applications).
 */
export function isOwner(actor: Actor | null, listing: OwnedListing): boolean {
  if (!actor || actor.via === 'system') return false;
  return listing.createdBy === actor.userId || actor.roles.some((g) => namesOwner(g, listing.ownerType, listing.ownerId));
}

const MODERATORS = new Set(['admin', 'transfer_agent', 'ministry_analyst']);

/** The holders of `techmarket.moderate` (the market is moderated nationally). */
export const isModerator = (actor: Actor | null) => !!actor?.roles.some((g) => MODERATORS.has(g.role));

export const isAdmin = (actor: Actor | null) => !!actor?.roles.some((g) => g.role === 'admin');

/** Owners change their listings; admins may too (support). */
export const canEdit = (actor: Actor | null, listing: OwnedListing) => isOwner(actor, listing) || isAdmin(actor);

/** The organisations whose listings are the actor's own (their grants name them). */
export const ownedOrganisations = (actor: Actor): string[] =>
  actor.roles
    .filter(
      (g) =>
        g.scopeId &&
        ((g.role === 'enterprise_member' && (g.scopeType === 'enterprise' || g.scopeType === 'organisation')) ||
          (g.role === 'transfer_agent' && g.scopeType === 'organisation')),
    )
    .map((g) => g.scopeId!);
