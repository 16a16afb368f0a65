import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccessDecisionInput,
  AccessRequest as AccessRequestSchema,
  AccessRequestInput,
  ContractCorrection,
  ContractInput,
  ContractQuery,
  ContractReviewInput,
  EnterpriseMatch as EnterpriseMatchSchema,
  Interest,
  InterestAnswer,
  InterestInput,
  Listing,
  ListingInput,
  ListingPatch,
  ListingSearchQuery,
  ListingSummary,
  Match as MatchSchema,
  Matches as MatchesSchema,
  MarketStats,
  MarketStatsQuery,
  MessageInput,
  ModerationInput,
  RenewInput,
  Sector as SectorSchema,
  TechContract,
  Taxonomy as TaxonomySchema,
} from '../../../shared/contracts/techmarket';
import { get, patch, post, put } from '../../app/api';

export type { Interest, Listing, ListingInput, ListingSummary, MarketStats, TechContract, ContractInput };
export type Match = z.infer<typeof MatchSchema>;
export type Matches = z.infer<typeof MatchesSchema>;
export type EnterpriseMatch = z.infer<typeof EnterpriseMatchSchema>;
export type Sector = z.infer<typeof SectorSchema>;
export type Taxonomy = z.infer<typeof TaxonomySchema>;
export type AccessRequest = z.infer<typeof AccessRequestSchema>;
export type ListingQuery = Partial<z.output<typeof ListingSearchQuery>>;
export type ContractsQuery = Partial<z.output<typeof ContractQuery>>;
export type StatsQuery = Partial<z.output<typeof MarketStatsQuery>>;
export type ListingPatchBody = z.input<typeof ListingPatch>;
export type InterestBody = z.input<typeof InterestInput>;
export type InterestAnswerBody = z.input<typeof InterestAnswer>;
export type ContractReviewBody = z.input<typeof ContractReviewInput>;
type Paged<T> = { items: T[]; total: number; estimated?: boolean };

const BASE = '/api/v1/techmarket';
const listing = (id: string) => `${BASE}/listings/${encodeURIComponent(id)}`;
const interest = (id: string) => `${BASE}/interests/${encodeURIComponent(id)}`;
const contract = (id: string) => `${BASE}/contracts/${encodeURIComponent(id)}`;

/** What the owner may still change and send to moderation (a published listing is withdrawn first). */
export const EDITABLE_STATUSES: readonly string[] = ['draft', 'rejected', 'withdrawn'];

/** Every market query key starts with this: after any write the market's lists refresh together. */
export const TM = {
  all: ['techmarket'] as const,
  listings: ['techmarket', 'listings'] as const,
  listing: (id: string) => ['techmarket', 'listing', id] as const,
  interests: ['techmarket', 'interests'] as const,
  contracts: ['techmarket', 'contracts'] as const,
  access: ['techmarket', 'access'] as const,
};

export const taxonomyQuery = queryOptions({
  queryKey: [...TM.all, 'taxonomy'],
  queryFn: () => get<Taxonomy>(`${BASE}/taxonomy`),
  staleTime: 10 * 60_000,
});

export const listingsQuery = (q: ListingQuery) =>
  queryOptions({ queryKey: [...TM.listings, q], queryFn: () => get<Paged<ListingSummary>>(`${BASE}/listings`, q), placeholderData: keepPreviousData });

export const listingQuery = (id: string) => queryOptions({ queryKey: TM.listing(id), queryFn: () => get<Listing>(listing(id)) });

export const matchesQuery = (id: string) => queryOptions({ queryKey: [...TM.listing(id), 'matches'], queryFn: () => get<Matches>(`${listing(id)}/matches`) });

export const interestsQuery = (box: 'received' | 'sent') =>
  queryOptions({ queryKey: [...TM.interests, box], queryFn: () => get<Paged<Interest>>(`${BASE}/interests`, { box }) });

export const interestQuery = (id: string) => queryOptions({ queryKey: [...TM.interests, 'one', id], queryFn: () => get<Interest>(interest(id)) });

export const contractsQuery = (q: ContractsQuery) =>
  queryOptions({ queryKey: [...TM.contracts, q], queryFn: () => get<Paged<TechContract>>(`${BASE}/contracts`, q), placeholderData: keepPreviousData });

export const contractQuery = (id: string) => queryOptions({ queryKey: [...TM.contracts, 'one', id], queryFn: () => get<TechContract>(contract(id)) });

export const statsQuery = (q: StatsQuery) =>
  queryOptions({ queryKey: [...TM.all, 'stats', q], queryFn: () => get<MarketStats>(`${BASE}/stats`, q), placeholderData: keepPreviousData });

/** The technology transfer agencies that register contracts. */
export type Agency = { id: string; names: { en: string; zh?: string; ur?: string }; name: string; country: string; province: string | null; shortCode: string };
export const agenciesQuery = queryOptions({ queryKey: [...TM.all, 'agencies'], queryFn: () => get<Paged<Agency>>(`${BASE}/agencies`), staleTime: 10 * 60_000 });

/** The requests to read one listing's details (its owner). */
export const accessRequestsQuery = (listingId: string) =>
  queryOptions({ queryKey: [...TM.access, listingId], queryFn: () => get<Paged<AccessRequest>>(`${listing(listingId)}/access-requests`) });

// Writes. The paths follow the route files of the market's server (listings/, interests/, contracts/).
export const createListing = (body: ListingInput) => post<Listing>(`${BASE}/listings`, body);
export const updateListing = (id: string, body: ListingPatchBody) => patch<Listing>(listing(id), body);
export const submitListing = (id: string) => post<Listing>(`${listing(id)}/submit`);
export const withdrawListing = (id: string) => post<Listing>(`${listing(id)}/withdraw`);
export const renewListing = (id: string, body: z.input<typeof RenewInput>) => post<Listing>(`${listing(id)}/renew`, body);
export const moderateListing = (id: string, body: z.input<typeof ModerationInput>) => post<Listing>(`${listing(id)}/moderate`, body);
export const requestAccess = (id: string, body: z.input<typeof AccessRequestInput>) => post<AccessRequest>(`${listing(id)}/access-requests`, body);
export const decideAccess = (id: string, body: z.input<typeof AccessDecisionInput>) =>
  post<AccessRequest>(`${BASE}/access-requests/${encodeURIComponent(id)}/decision`, body);
export const expressInterest = (listingId: string, body: InterestBody) => post<Interest>(`${listing(listingId)}/interests`, body);
export const postMessage = (id: string, body: z.input<typeof MessageInput>) => post<Interest>(`${interest(id)}/messages`, body);
export const withdrawInterest = (id: string) => post<Interest>(`${interest(id)}/withdraw`);
export const answerInterest = (id: string, body: InterestAnswerBody) => post<Interest>(`${interest(id)}/answer`, body);
export const submitContract = (body: ContractInput) => post<TechContract>(`${BASE}/contracts`, body);
export const correctContract = (id: string, body: ContractCorrection) => put<TechContract>(contract(id), body);
export const reviewContract = (id: string, body: ContractReviewBody) => post<TechContract>(`${contract(id)}/review`, body);
