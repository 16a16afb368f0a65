import type { Role } from '../../../../shared/roles';
import type { Actor, RoleGrant } from '../../../platform/context';
import { PERMISSIONS } from '../../../platform/permissions';

/**
 * Who may do what with a technology contract. Pure: (actor, contract facts) → allowed.
 *
 * - Submit for a party: an admin; a member whose grant names that enterprise (scope `enterprise`) or that
 *   institution (scope `organisation`); an unscoped member (self-registered entrepreneurs, the demo account —
 *   the same reach the seed fund gives them, funding/applications/access.ts); or an officer of the agency
 *   asked to register it (agencies take contracts in on the parties' behalf).
 * - Review at an agency: an admin or a transfer agent scoped `organisation` to that agency, or unscoped.
 * - Read: the submitter and their colleagues, the agency's officers, and the market's readers
 *   (`techmarket.contracts.read`) — a reader scoped to a province sees the contracts counted there.
 */

export type PartyRef = { ownerType: string | null; ownerId: string | null };
export type ContractFacts = { submittedBy: string; agencyId: string; region: string | null; parties: PartyRef[] };

const ownScope = (g: RoleGrant, p: PartyRef) =>
  !!p.ownerId &&
  ((p.ownerType === 'enterprise' && g.scopeType === 'enterprise') || (p.ownerType === 'institution' && g.scopeType === 'organisation')) &&
  g.scopeId === p.ownerId;

export const isAdmin = (actor: Actor | null) => !!actor?.roles.some((g) => g.role === 'admin');

/** An officer of this agency (or of every agency). */
export const isAgencyOfficer = (actor: Actor | null, agencyId: string) =>
  !!actor?.roles.some(
    (g) => g.role === 'admin' || (g.role === 'transfer_agent' && (g.scopeType === null || (g.scopeType === 'organisation' && g.scopeId === agencyId))),
  );

/** The agencies whose queue this actor reviews; null = every agency. */
export function officerAgencies(actor: Actor | null): string[] | null {
  if (!actor) return [];
  if (actor.roles.some((g) => g.role === 'admin' || (g.role === 'transfer_agent' && g.scopeType === null))) return null;
  return actor.roles.filter((g) => g.role === 'transfer_agent' && g.scopeType === 'organisation' && g.scopeId).map((g) => g.scopeId!);
}

/** May this actor submit a contract with these parties to this agency? */
export function canSubmitFor(actor: Actor | null, parties: PartyRef[], agencyId: string): boolean {
  if (!actor) return false;
  if (isAgencyOfficer(actor, agencyId)) return true;
  return actor.roles.some((g) => g.role === 'enterprise_member' && (g.scopeType === null || parties.some((p) => ownScope(g, p))));
}

/** The submitter, or a member whose grant names one of its parties (a colleague). */
export const isSubmitterSide = (actor: Actor | null, c: ContractFacts) =>
  !!actor && (c.submittedBy === actor.userId || actor.roles.some((g) => g.role === 'enterprise_member' && c.parties.some((p) => ownScope(g, p))));

const READERS = PERMISSIONS['techmarket.contracts.read'] as readonly Role[];

/**
 * What a reader's grants reach: null = every contract, otherwise the agencies and regions they are limited to
 * (an agency's officer scoped to it reads its contracts only; a reader scoped to a province, that province's).
 */
export function readerReach(actor: Actor | null): { agencies: string[]; regions: string[] } | null | 'none' {
  const grants = actor?.roles.filter((g) => READERS.includes(g.role)) ?? [];
  if (grants.length === 0) return 'none';
  const agencies: string[] = [];
  const regions: string[] = [];
  for (const g of grants) {
    if (g.role === 'transfer_agent' && g.scopeType === 'organisation' && g.scopeId) agencies.push(g.scopeId);
    else if (g.scopeType === 'province' && g.scopeId) regions.push(g.scopeId);
    else return null;
  }
  return { agencies, regions };
}

export function canRead(actor: Actor | null, c: ContractFacts): boolean {
  if (isSubmitterSide(actor, c) || isAgencyOfficer(actor, c.agencyId)) return true;
  const reach = readerReach(actor);
  if (reach === 'none') return false;
  return reach === null || reach.agencies.includes(c.agencyId) || (!!c.region && reach.regions.includes(c.region));
}
