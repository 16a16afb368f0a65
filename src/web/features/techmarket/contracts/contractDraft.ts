import { CONTRACT_SUBTYPES, type ContractInput, type ContractKind, type TechContract } from '../../../../shared/contracts/techmarket';

export type PartyRole = 'buyer' | 'seller' | 'intermediary';
/** A party as typed: a registry organisation (its id) or a name typed in, with its country. */
export type PartyDraft = { role: PartyRole; ownerType: 'enterprise' | 'institution' | null; ownerId: string | null; name: string; country: string };

export type ContractDraft = {
  kind: ContractKind | null;
  subtype: string | null;
  title: string;
  parties: PartyDraft[];
  sector: string | null;
  amount: number | null;
  currency: ContractInput['currency'] | null;
  techIncome: number | null;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  agencyId: string | null;
  listingId: string | null;
  interestId: string | null;
};

export const blankParty = (role: PartyRole): PartyDraft => ({ role, ownerType: null, ownerId: null, name: '', country: '' });

export function emptyContract(links: { listingId?: string; interestId?: string } = {}): ContractDraft {
  return {
    kind: null,
    subtype: null,
    title: '',
    parties: [blankParty('seller'), blankParty('buyer')],
    sector: null,
    amount: null,
    currency: null,
    techIncome: null,
    signedOn: '',
    startsOn: '',
    endsOn: '',
    agencyId: null,
    listingId: links.listingId ?? null,
    interestId: links.interestId ?? null,
  };
}

export const subtypesOf = (kind: ContractKind | null): readonly string[] => (kind ? CONTRACT_SUBTYPES[kind] : []);

/** A new kind keeps the sub-type only if the kind has it; a kind with one sub-type (consulting) takes it. */
export function withKind(d: ContractDraft, kind: ContractKind): ContractDraft {
  const subs = subtypesOf(kind);
  const subtype = d.subtype && subs.includes(d.subtype) ? d.subtype : subs.length === 1 ? subs[0] : null;
  return { ...d, kind, subtype };
}

/** What the form warns of before sending (the API checks again and says so beside the fields). */
export type ContractProblem = 'noSeller' | 'noBuyer' | 'techIncomeAboveAmount' | 'endsBeforeStart';

export function contractProblems(d: ContractDraft): ContractProblem[] {
  const out: ContractProblem[] = [];
  if (!d.parties.some((p) => p.role === 'seller')) out.push('noSeller');
  if (!d.parties.some((p) => p.role === 'buyer')) out.push('noBuyer');
  if (d.amount !== null && d.techIncome !== null && d.techIncome > d.amount) out.push('techIncomeAboveAmount');
  if (d.startsOn && d.endsOn && d.endsOn < d.startsOn) out.push('endsBeforeStart');
  return out;
}

/** Whether the buyer's and the seller's countries differ (the contract counts as cross-border). */
export function isCrossBorder(parties: readonly PartyDraft[]): boolean | null {
  const seller = parties.find((p) => p.role === 'seller')?.country;
  const buyer = parties.find((p) => p.role === 'buyer')?.country;
  if (!seller || !buyer) return null;
  return seller !== buyer;
}

const orNull = (s: string) => s.trim() || null;

/** The body of a submission; empty optional dates go as null, the links to the market only when known. */
export function toContractInput(d: ContractDraft): ContractInput {
  return {
    kind: d.kind as ContractKind,
    subtype: d.subtype ?? '',
    title: d.title.trim(),
    parties: d.parties.map((p) => ({
      role: p.role,
      ownerType: p.ownerId ? p.ownerType : null,
      ownerId: p.ownerId,
      name: p.name.trim(),
      country: p.country.trim().toUpperCase(),
    })),
    sector: d.sector ?? '',
    amount: d.amount ?? 0,
    currency: d.currency as ContractInput['currency'],
    techIncome: d.techIncome ?? 0,
    signedOn: d.signedOn,
    startsOn: orNull(d.startsOn),
    endsOn: orNull(d.endsOn),
    agencyId: d.agencyId ?? '',
    listingId: d.listingId,
    interestId: d.interestId,
  };
}

/** The form filled from a returned contract, for its correction. */
export function fromContract(c: TechContract): ContractDraft {
  return {
    kind: c.kind,
    subtype: c.subtype,
    title: c.title,
    parties: c.parties.map((p) => ({
      role: (['buyer', 'seller', 'intermediary'].includes(p.role) ? p.role : 'buyer') as PartyRole,
      ownerType: p.ownerType === 'enterprise' || p.ownerType === 'institution' ? p.ownerType : null,
      ownerId: p.ownerId,
      name: p.name,
      country: p.country,
    })),
    sector: c.sector,
    amount: c.amount,
    currency: c.currency as ContractInput['currency'],
    techIncome: c.techIncome,
    signedOn: c.signedOn,
    startsOn: c.startsOn ?? '',
    endsOn: c.endsOn ?? '',
    agencyId: c.agency.id,
    listingId: c.listingId,
    interestId: c.interestId,
  };
}

type ListingFacts = {
  kind: 'offer' | 'need';
  title?: string;
  sector: string;
  owner: { type: 'enterprise' | 'institution'; id: string; name: string; country: string };
};
type InterestFacts = { fromName: string; fromCountry: string | null; fromOwner?: { type: 'enterprise' | 'institution'; id: string } | null };

/**
 * A contract begun from the market: the listing's owner is the seller of an offer (the buyer of a need), the
 * interested side the other party; title and sector start as the listing's. Parties already typed stay.
 */
export function prefillFromMarket(d: ContractDraft, listing?: ListingFacts | null, interest?: InterestFacts | null): ContractDraft {
  if (!listing) return d;
  const ownerRole: PartyRole = listing.kind === 'offer' ? 'seller' : 'buyer';
  const otherRole: PartyRole = ownerRole === 'seller' ? 'buyer' : 'seller';
  const untouched = (p: PartyDraft) => !p.name.trim() && !p.ownerId;
  const parties = d.parties.map((p) => {
    if (!untouched(p)) return p;
    if (p.role === ownerRole)
      return { ...p, ownerType: listing.owner.type, ownerId: listing.owner.id, name: listing.owner.name, country: listing.owner.country };
    if (p.role === otherRole && interest)
      return {
        ...p,
        ownerType: interest.fromOwner?.type ?? null,
        ownerId: interest.fromOwner?.id ?? null,
        name: interest.fromName,
        country: interest.fromCountry ?? '',
      };
    return p;
  });
  return { ...d, parties, title: d.title || listing.title || '', sector: d.sector ?? listing.sector };
}
