import { z } from 'zod';
import { listOf } from './common';

/**
 * The technology market's API (issue 6, PRODUCT.md module 5): listings (offers and needs), access to details,
 * matchmaking, expressions of interest and their threads, technology contracts and market statistics.
 */

export const LISTING_KINDS = ['offer', 'need'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
export const LISTING_STATUSES = ['draft', 'pending', 'published', 'rejected', 'expired', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const LISTING_LANGUAGES = ['en', 'zh', 'ur'] as const;
/** Forms of deal an offer allows or a need would take. */
export const DEAL_FORMS = ['licence', 'assignment', 'joint_development', 'service'] as const;
export const IP_TYPES = ['invention_patent', 'utility_model', 'design_patent', 'patent_application', 'software_copyright', 'know_how', 'other'] as const;
export const IP_STATUSES = ['granted', 'pending', 'expired', 'none'] as const;
export const OWNER_TYPES = ['enterprise', 'institution'] as const;
/** Why an owner declines an expression of interest (issue 6: so the market learns why deals fail). */
export const DECLINE_REASONS = ['too_early', 'benefit_unclear', 'route_unclear', 'other'] as const;
export const INTEREST_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export const ACCESS_STATUSES = ['pending', 'approved', 'declined'] as const;

/**
 * The four kinds of technology contract the technology market counts, and their sub-types
 * (GLOSSARY.md; PRODUCT.md module 5): development (commissioned or cooperative), transfer (patent, patent
 * application, licence, know-how), consulting, service (including training and intermediary).
 */
export const CONTRACT_KINDS = ['development', 'transfer', 'consulting', 'service'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_SUBTYPES = {
  development: ['commissioned', 'cooperative'],
  transfer: ['patent', 'patent_application', 'licence', 'know_how'],
  consulting: ['consulting'],
  service: ['technical_service', 'training', 'intermediary'],
} as const satisfies Record<ContractKind, readonly string[]>;
export const CONTRACT_STATUSES = ['submitted', 'returned', 'registered', 'rejected'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CURRENCIES = ['CNY', 'PKR', 'USD', 'EUR', 'MYR'] as const;

const Country = z.string().regex(/^[A-Z]{2}$/, 'validation.country_code');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const ListingText = z.object({ title: Text(200), summary: Text(2000), details: z.string().trim().max(20000).optional() });
export type ListingText = z.infer<typeof ListingText>;
export const ListingTexts = z
  .object({ en: ListingText.optional(), zh: ListingText.optional(), ur: ListingText.optional() })
  .refine((t) => Object.values(t).some(Boolean), { message: 'validation.listing_one_language' });
export const ListingIp = z.object({ type: z.enum(IP_TYPES), number: z.string().trim().max(60).nullable().optional(), status: z.enum(IP_STATUSES) });

const Keywords = z.array(z.string().trim().min(1).max(60)).max(30);
const DealForms = z.array(z.enum(DEAL_FORMS)).max(4);

/** What the owner writes; the service fills owner name, country and concepts from the registry and the texts. */
export const ListingInput = z.object({
  kind: z.enum(LISTING_KINDS),
  texts: ListingTexts,
  /** The language the listing was first written in (default: Chinese, then English, then Urdu, of those given). */
  original: z.enum(LISTING_LANGUAGES).optional(),
  ownerType: z.enum(OWNER_TYPES),
  ownerId: z.uuid(),
  sector: z.string().min(1).max(60),
  keywords: Keywords.default([]),
  trl: z.number().int().min(1).max(9).nullable().optional(),
  dealForms: DealForms.default([]),
  ip: ListingIp.nullable().optional(),
  budget: z.number().nonnegative().max(1e15).nullable().optional(),
  currency: z.enum(CURRENCIES).nullable().optional(),
  deadline: z.iso.date().nullable().optional(),
});
export type ListingInput = z.infer<typeof ListingInput>;
/** Absent fields stay as they are (so keywords and deal forms have no default here). */
export const ListingPatch = ListingInput.omit({ kind: true, ownerType: true, ownerId: true })
  .partial()
  .extend({ keywords: Keywords.optional(), dealForms: DealForms.optional(), version: z.number().int() });

export const Owner = z.object({ type: z.enum(OWNER_TYPES), id: z.string(), name: z.string(), country: z.string() });

/** What everyone sees of a published listing. */
export const ListingSummary = z.object({
  id: z.string(),
  kind: z.enum(LISTING_KINDS),
  status: z.enum(LISTING_STATUSES),
  /** Title and summary per language written (details are never in the summary). */
  texts: z.record(z.string(), z.object({ title: z.string(), summary: z.string() })),
  languages: z.array(z.string()),
  owner: Owner,
  country: z.string(),
  sector: z.string(),
  keywords: z.array(z.string()),
  trl: z.number().int().nullable(),
  dealForms: z.array(z.string()),
  ip: z.object({ type: z.string(), number: z.string().nullable().optional(), status: z.string() }).nullable(),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  deadline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  synthetic: z.boolean(),
});
export type ListingSummary = z.infer<typeof ListingSummary>;

/** A listing as its reader may see it: details only for the owner, moderators and approved requesters. */
export const Listing = ListingSummary.extend({
  details: z.record(z.string(), z.string()).nullable(),
  /** none | pending | approved | declined | owner (the reader owns it) | moderator. */
  access: z.enum(['none', 'pending', 'approved', 'declined', 'owner', 'moderator', 'public']),
  moderationNote: z.string().nullable(),
  concepts: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Listing = z.infer<typeof Listing>;

export const ListingSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(LISTING_KINDS).optional(),
  sector: z.string().max(60).optional(),
  country: Country.optional(),
  language: z.enum(LISTING_LANGUAGES).optional(),
  trlMin: z.coerce.number().int().min(1).max(9).optional(),
  trlMax: z.coerce.number().int().min(1).max(9).optional(),
  dealForm: z.enum(DEAL_FORMS).optional(),
  /** mine: the reader's own listings in any status; moderation: listings awaiting a moderator. */
  scope: z.enum(['market', 'mine', 'moderation']).default('market'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10000).default(0),
});
/** `total` is exact below 200 matches (and whenever the page is not full, or the words' matches were counted); past that it is the database's estimate, and `estimated` says so. */
export const ListingPage = listOf(ListingSummary).extend({ estimated: z.boolean().optional() });

export const ModerationInput = z.object({ decision: z.enum(['publish', 'reject']), note: z.string().trim().max(2000).optional() });
export const RenewInput = z.object({ months: z.number().int().min(1).max(24).default(12) });

export const AccessRequestInput = z.object({ message: z.string().trim().max(2000).optional() });
export const AccessDecisionInput = z.object({ decision: z.enum(['approve', 'decline']), reason: z.string().trim().max(2000).optional() });
export const AccessRequest = z.object({
  id: z.string(),
  listingId: z.string(),
  requesterName: z.string(),
  organisationName: z.string().nullable(),
  message: z.string().nullable(),
  status: z.enum(ACCESS_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

/** Why a suggestion is made: every reason a reader can check. */
export const MatchReason = z.discriminatedUnion('type', [
  /** A concept of the dictionary in both listings, with its label in each language. */
  z.object({ type: z.literal('concept'), concept: z.string(), labels: z.record(z.string(), z.string()), weight: z.number() }),
  /** The same word in both texts (same language). */
  z.object({ type: z.literal('term'), term: z.string(), weight: z.number() }),
  z.object({ type: z.literal('sector'), sector: z.string(), related: z.boolean(), weight: z.number() }),
  z.object({ type: z.literal('readiness'), offerTrl: z.number().nullable(), needTrl: z.number().nullable(), fits: z.boolean(), weight: z.number() }),
  z.object({ type: z.literal('country'), from: z.string(), to: z.string(), crossBorder: z.boolean(), weight: z.number() }),
  z.object({ type: z.literal('dealForm'), forms: z.array(z.string()), weight: z.number() }),
]);
export type MatchReason = z.infer<typeof MatchReason>;
export const Match = z.object({ listing: ListingSummary, score: z.number(), reasons: z.array(MatchReason) });
export const EnterpriseMatch = z.object({
  enterprise: z.object({
    id: z.string(),
    names: z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() }),
    country: z.string(),
    sector: z.string().nullable(),
  }),
  score: z.number(),
  reasons: z.array(MatchReason),
});
export const Matches = z.object({ items: z.array(Match), enterprises: z.array(EnterpriseMatch).optional() });

export const InterestInput = z.object({
  message: z.string().trim().min(1).max(5000),
  fromListingId: z.uuid().nullable().optional(),
  /** The organisation the interested person acts for (optional: an individual may ask). */
  ownerType: z.enum(OWNER_TYPES).nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
});
export const InterestAnswer = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), message: z.string().trim().max(5000).optional() }),
  z.object({ decision: z.literal('decline'), reason: z.enum(DECLINE_REASONS), note: z.string().trim().max(2000).optional() }),
]);
export const MessageInput = z.object({ body: z.string().trim().min(1).max(5000) });
export const ThreadMessage = z.object({
  id: z.string(),
  authorName: z.string(),
  side: z.enum(['owner', 'interested']),
  body: z.string(),
  createdAt: z.string(),
});
export const Interest = z.object({
  id: z.string(),
  listing: z.object({
    id: z.string(),
    kind: z.enum(LISTING_KINDS),
    texts: z.record(z.string(), z.object({ title: z.string(), summary: z.string() })),
    ownerName: z.string(),
  }),
  fromListingId: z.string().nullable(),
  fromName: z.string(),
  fromCountry: z.string().nullable(),
  /** The registry organisation the interested person acts for, if they named one. */
  fromOwner: z.object({ type: z.enum(OWNER_TYPES), id: z.string() }).nullable(),
  status: z.enum(INTEREST_STATUSES),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineNote: z.string().nullable(),
  /** owner: the reader owns the listing; interested: the reader expressed the interest. */
  side: z.enum(['owner', 'interested', 'moderator']),
  messages: z.array(ThreadMessage),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interest = z.infer<typeof Interest>;
export const InterestQuery = z.object({
  box: z.enum(['received', 'sent']).default('received'),
  status: z.enum(INTEREST_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ContractPartyInput = z.object({
  role: z.enum(['buyer', 'seller', 'intermediary']),
  ownerType: z.enum(OWNER_TYPES).nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  name: Text(300),
  country: Country,
});
export const ContractInput = z.object({
  kind: z.enum(CONTRACT_KINDS),
  subtype: z.string().min(1).max(40),
  title: Text(300),
  parties: z.array(ContractPartyInput).min(2).max(10),
  sector: z.string().min(1).max(60),
  amount: z.number().positive().max(1e15),
  currency: z.enum(CURRENCIES),
  techIncome: z.number().nonnegative().max(1e15),
  signedOn: z.iso.date(),
  startsOn: z.iso.date().nullable().optional(),
  endsOn: z.iso.date().nullable().optional(),
  /** The technology transfer agency (a registry institution) asked to register it. */
  agencyId: z.uuid(),
  listingId: z.uuid().nullable().optional(),
  interestId: z.uuid().nullable().optional(),
});
export type ContractInput = z.infer<typeof ContractInput>;
/** The submitter's correction of a contract not yet decided (or returned): the whole input again, with the version read. */
export const ContractCorrection = ContractInput.extend({ version: z.number().int() });
export type ContractCorrection = z.infer<typeof ContractCorrection>;
export const ContractReviewInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('register'), note: z.string().trim().max(2000).optional() }),
  z.object({ decision: z.literal('return'), note: z.string().trim().min(1).max(2000) }),
  z.object({ decision: z.literal('reject'), note: z.string().trim().min(1).max(2000) }),
]);
export const TechContract = z.object({
  id: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  subtype: z.string(),
  title: z.string(),
  parties: z.array(z.object({ role: z.string(), ownerType: z.string().nullable(), ownerId: z.string().nullable(), name: z.string(), country: z.string() })),
  sellerCountry: z.string(),
  buyerCountry: z.string(),
  crossBorder: z.boolean(),
  region: z.string().nullable(),
  sector: z.string(),
  amount: z.number(),
  currency: z.string(),
  techIncome: z.number(),
  signedOn: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  year: z.number().int(),
  listingId: z.string().nullable(),
  interestId: z.string().nullable(),
  agency: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(CONTRACT_STATUSES),
  certificateNo: z.string().nullable(),
  reviewNote: z.string().nullable(),
  registeredAt: z.string().nullable(),
  synthetic: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TechContract = z.infer<typeof TechContract>;
export const ContractQuery = z.object({
  status: z.enum(CONTRACT_STATUSES).optional(),
  kind: z.enum(CONTRACT_KINDS).optional(),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  /** mine: contracts the reader submitted; agency: those waiting at the reader's agency. */
  scope: z.enum(['mine', 'agency', 'all']).default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Market statistics of registered contracts (counted in the year signed). */
export const MarketStatsQuery = z.object({
  by: z.enum(['kind', 'region', 'sector', 'year', 'country']).default('kind'),
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  currency: z.enum(CURRENCIES).optional(),
});
export const MarketStatsRow = z.object({
  key: z.string(),
  count: z.number().int(),
  amount: z.number(),
  techIncome: z.number(),
  crossBorderCount: z.number().int(),
  crossBorderAmount: z.number(),
});
export const MarketStats = z.object({
  by: z.string(),
  year: z.number().int().nullable(),
  currency: z.string(),
  /** The currencies registered contracts are in (amounts are never summed across currencies). */
  currencies: z.array(z.string()),
  rows: z.array(MarketStatsRow),
  total: MarketStatsRow,
  /** Share of the count and of the amount that is cross-border, as fractions. */
  crossBorderShare: z.object({ count: z.number().nullable(), amount: z.number().nullable() }),
  synthetic: z.boolean(),
  /** Published national figures (statistics' published series), citing their seed files. */
  published: z.array(
    z.object({
      code: z.string(),
      names: z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() }),
      unit: z.string(),
      year: z.number().int().nullable(),
      value: z.number(),
      source: z.string(),
      quote: z.string(),
    }),
  ),
});
export type MarketStats = z.infer<typeof MarketStats>;

/** The sector taxonomy and dictionary concepts, for the forms and filters. */
export const Sector = z.object({ code: z.string(), names: z.object({ en: z.string(), zh: z.string(), ur: z.string() }), parent: z.string().nullable() });
export const Taxonomy = z.object({ sectors: z.array(Sector) });
