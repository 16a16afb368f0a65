import { z } from 'zod';
import { listOf } from './common';

/**
 * International cooperation's API (issue 7, PRODUCT.md module 8): agreements with commitments and scorecards,
 * delegations with itinerary and outcomes, the focal-person network, the opportunities board, cross-border
 * suggestions and the country-pair view.
 */

/** seeds/003 (a letter of intent), seeds/002 (dual parks, sister parks, MOUs on science parks). */
export const AGREEMENT_TYPES = ['loi', 'mou', 'dual_parks', 'sister_parks', 'framework', 'project_contract'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
/** seeds/002: "an entire process to go throughout different stages — planning, construction, operation". */
export const AGREEMENT_STAGES = ['planning', 'construction', 'operation'] as const;
/** seeds/002 "Ways of cooperation": strategic planning, policy study, construction planning, financing, development by
 * corporations, single projects, management, representative (offices), resource linking, people exchange. */
export const COOPERATION_WAYS = [
  'strategic_planning',
  'policy_study',
  'construction_planning',
  'financing',
  'corporate_development',
  'single_projects',
  'management',
  'representative_offices',
  'resource_linking',
  'people_exchange',
  'information_sharing',
] as const;
export const AGREEMENT_STATUSES = ['draft', 'published', 'terminated'] as const;
export const RENEWALS = ['none', 'automatic', 'by_agreement'] as const;
export const COMMITMENT_STATUSES = ['open', 'delivered', 'cancelled'] as const;
/** What a reader sees of a commitment: open ones are `due` or `overdue` by today's date. */
export const COMMITMENT_STATES = ['due', 'overdue', 'delivered', 'delivered_late', 'cancelled'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];
export const DELEGATION_STATUSES = ['draft', 'published'] as const;
export const MEMBER_SIDES = ['guest', 'host'] as const;
export const MEMBER_ROLES = ['head', 'member', 'interpreter', 'host'] as const;
export const OPPORTUNITY_KINDS = ['internship', 'scholarship', 'exhibition', 'call', 'matchmaking', 'co_funding', 'event'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export const OPPORTUNITY_STATUSES = ['draft', 'open', 'closed'] as const;
export const APPLICATION_KINDS = ['interest', 'application'] as const;
export const APPLICATION_STATUSES = ['submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'done', 'dropped'] as const;
/** Registry entity types an organisation reference may point to. */
export const ORG_TYPES = ['institution', 'zone', 'incubator', 'enterprise', 'investor'] as const;

const Country = z.string().regex(/^[A-Z]{2}$/, 'validation.country_code');
const Day = z.iso.date();
const Line = (max: number) => z.string().trim().min(1).max(max);
const Version = z.number().int().min(1);

/** Text in one or more of the three languages; at least one given. */
export const Texts = (max: number) =>
  z
    .object({ en: Line(max).optional(), zh: Line(max).optional(), ur: Line(max).optional() })
    .refine((t) => Boolean(t.en || t.zh || t.ur), { message: 'validation.one_language' });
/** Optional multilingual text (may be empty). */
const OptionalTexts = (max: number) =>
  z.object({ en: z.string().trim().max(max).optional(), zh: z.string().trim().max(max).optional(), ur: z.string().trim().max(max).optional() });
export const TextsOut = z.record(z.string(), z.string());

/** A registry organisation (type + id: name and country are taken from the registry), or one typed by name and country. */
export const OrgRefInput = z.union([z.object({ entityType: z.enum(ORG_TYPES), entityId: z.uuid() }), z.object({ name: Line(300), country: Country })]);
export const OrgRef = z.object({ entityType: z.string().nullable(), entityId: z.string().nullable(), name: z.string(), country: z.string() });
export type OrgRef = z.infer<typeof OrgRef>;

// ---------------------------------------------------------------- agreements

export const PartyInput = z.object({ org: OrgRefInput, signatory: z.string().trim().max(300).nullable().optional() });
export const CommitmentInput = z.object({
  deliverable: Texts(1000),
  /** The index (0-based) of the party in `parties` that owes it. */
  owedBy: z.number().int().min(0).max(19),
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: Day,
});
export const AgreementInput = z.object({
  type: z.enum(AGREEMENT_TYPES),
  title: Texts(300),
  summary: OptionalTexts(5000).optional(),
  parties: z.array(PartyInput).min(2, 'validation.two_parties').max(20),
  signedOn: Day.nullable().optional(),
  /** When only the year is known (no day): shown as the year. Ignored when signedOn is given. */
  signedYear: z.number().int().min(1900).max(2100).nullable().optional(),
  signedPlace: z.string().trim().max(200).nullable().optional(),
  signedVirtually: z.boolean().default(false),
  areas: z.array(z.string().min(1).max(60)).max(30).default([]),
  stage: z.enum(AGREEMENT_STAGES).default('planning'),
  ways: z.array(z.enum(COOPERATION_WAYS)).max(COOPERATION_WAYS.length).default([]),
  validFrom: Day.nullable().optional(),
  validUntil: Day.nullable().optional(),
  renewal: z.enum(RENEWALS).default('by_agreement'),
  internalNotes: z.string().trim().max(10000).nullable().optional(),
  commitments: z.array(CommitmentInput).max(100).default([]),
  /** Publish at once (public summary), or keep as a staff-only draft. */
  publish: z.boolean().default(false),
});
export type AgreementInput = z.infer<typeof AgreementInput>;
/** Only the fields given change: the input's defaults are dropped here, or a patch would reset what it leaves out. */
export const AgreementPatch = AgreementInput.omit({ parties: true, commitments: true, publish: true })
  .partial()
  .extend({
    signedVirtually: z.boolean().optional(),
    areas: z.array(z.string().min(1).max(60)).max(30).optional(),
    stage: z.enum(AGREEMENT_STAGES).optional(),
    ways: z.array(z.enum(COOPERATION_WAYS)).max(COOPERATION_WAYS.length).optional(),
    renewal: z.enum(RENEWALS).optional(),
    status: z.enum(AGREEMENT_STATUSES).optional(),
    version: Version,
  });

/** A commitment added to an existing agreement: the owing party by its id. */
export const NewCommitmentInput = CommitmentInput.omit({ owedBy: true }).extend({ owedBy: z.uuid() });
export const CommitmentPatch = z.object({
  deliverable: Texts(1000).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: Day.optional(),
  version: Version,
});
/** Marks a commitment delivered: the date, and what shows it (a note and/or uploaded files). */
export const DeliveryInput = z
  .object({
    deliveredOn: Day,
    evidenceNote: z.string().trim().max(5000).optional(),
    evidenceFileIds: z.array(z.uuid()).max(20).default([]),
    version: Version,
  })
  .refine((d) => Boolean(d.evidenceNote) || d.evidenceFileIds.length > 0, {
    message: 'validation.delivery_evidence',
    path: ['evidenceNote'],
  });
export const CancelInput = z.object({ reason: Line(2000), version: Version });

export const Party = z.object({ id: z.string(), position: z.number().int(), org: OrgRef, signatory: z.string().nullable() });
export const Commitment = z.object({
  id: z.string(),
  agreementId: z.string(),
  deliverable: TextsOut,
  owedBy: z.object({ partyId: z.string(), name: z.string(), country: z.string() }),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  state: z.enum(COMMITMENT_STATES),
  /** Days past due (overdue) or late (delivered late); 0 otherwise. */
  daysLate: z.number().int(),
  deliveredOn: z.string().nullable(),
  /** Staff only: null for the public. */
  evidence: z.object({ note: z.string().nullable(), files: z.array(z.object({ id: z.string(), name: z.string() })) }).nullable(),
  version: z.number().int(),
});
export type Commitment = z.infer<typeof Commitment>;

/** An implementation scorecard: of commitments, how many delivered, on time, overdue (issue 7). */
export const Scorecard = z.object({
  total: z.number().int(),
  delivered: z.number().int(),
  deliveredOnTime: z.number().int(),
  deliveredLate: z.number().int(),
  overdue: z.number().int(),
  due: z.number().int(),
  cancelled: z.number().int(),
  /** 0–100: share of commitments fallen due that were delivered on time; null when none has fallen due. */
  score: z.number().nullable(),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const AgreementSummary = z.object({
  id: z.string(),
  key: z.string().nullable(),
  type: z.enum(AGREEMENT_TYPES),
  title: TextsOut,
  parties: z.array(Party),
  countries: z.array(z.string()),
  signedOn: z.string().nullable(),
  /** The year signed: of signedOn, or the only part known. */
  signedYear: z.number().int().nullable(),
  signedPlace: z.string().nullable(),
  signedVirtually: z.boolean(),
  areas: z.array(z.string()),
  stage: z.enum(AGREEMENT_STAGES),
  status: z.enum(AGREEMENT_STATUSES),
  validUntil: z.string().nullable(),
  scorecard: Scorecard,
  source: z.string().nullable(),
  synthetic: z.boolean(),
});
export type AgreementSummary = z.infer<typeof AgreementSummary>;
export const Agreement = AgreementSummary.extend({
  summary: TextsOut,
  ways: z.array(z.string()),
  validFrom: z.string().nullable(),
  renewal: z.enum(RENEWALS),
  /** Staff only: null for the public. */
  internalNotes: z.string().nullable(),
  commitments: z.array(Commitment),
  /** Scorecards per party (partner) of this agreement. */
  partyScorecards: z.array(z.object({ partyId: z.string(), scorecard: Scorecard })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof Agreement>;
export const AgreementQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: z.enum(AGREEMENT_TYPES).optional(),
  country: Country.optional(),
  /** Two countries: agreements with parties of both. */
  countries: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z]{2}$/, 'validation.country_pair')
    .optional(),
  area: z.string().max(60).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const AgreementPage = listOf(AgreementSummary);

/** Scorecards by partner organisation or by country, over all agreements the reader may see. */
export const ScorecardQuery = z.object({ by: z.enum(['partner', 'country']).default('country'), country: Country.optional() });
export const ScorecardRow = z.object({ key: z.string(), name: z.string(), country: z.string(), agreements: z.number().int(), scorecard: Scorecard });
export const ScorecardTable = z.object({ by: z.enum(['partner', 'country']), rows: z.array(ScorecardRow) });

// ---------------------------------------------------------------- delegations

export const MemberInput = z.union([
  z.object({
    personId: z.uuid(),
    side: z.enum(MEMBER_SIDES).default('guest'),
    role: z.enum(MEMBER_ROLES).default('member'),
    organisation: OrgRefInput.nullable().optional(),
  }),
  z.object({
    name: Line(200),
    side: z.enum(MEMBER_SIDES).default('guest'),
    role: z.enum(MEMBER_ROLES).default('member'),
    organisation: OrgRefInput.nullable().optional(),
  }),
]);
export const MeetingInput = z.object({
  title: Line(300),
  with: z.array(Line(300)).max(30).default([]),
  notes: z.string().trim().max(5000).nullable().optional(),
});
export const StopInput = z.object({
  day: Day,
  city: Line(120),
  cityCode: z.string().max(20).nullable().optional(),
  visited: z.array(OrgRefInput).max(30).default([]),
  meetings: z.array(MeetingInput).max(30).default([]),
});
export const DelegationInput = z.object({
  title: Texts(300),
  purpose: OptionalTexts(5000).optional(),
  hostCountry: Country,
  guestCountry: Country,
  host: OrgRefInput.nullable().optional(),
  guest: OrgRefInput.nullable().optional(),
  agreementId: z.uuid().nullable().optional(),
  startsOn: Day,
  endsOn: Day,
  members: z.array(MemberInput).max(100).default([]),
  itinerary: z.array(StopInput).max(100).default([]),
  internalNotes: z.string().trim().max(10000).nullable().optional(),
  publish: z.boolean().default(false),
});
export type DelegationInput = z.infer<typeof DelegationInput>;
/** Members and itinerary, when given, replace the lists (no default here: an omitted list is left as it is). */
export const DelegationPatch = DelegationInput.omit({ publish: true, members: true, itinerary: true })
  .partial()
  .extend({
    members: z.array(MemberInput).max(100).optional(),
    itinerary: z.array(StopInput).max(100).optional(),
    status: z.enum(DELEGATION_STATUSES).optional(),
    version: Version,
  });

export const Member = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  side: z.enum(MEMBER_SIDES),
  role: z.enum(MEMBER_ROLES),
  organisation: OrgRef.nullable(),
});
export const Stop = z.object({
  id: z.string(),
  day: z.string(),
  city: z.string(),
  cityCode: z.string().nullable(),
  /** The city's centre from the registry map (null when it has none). */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  visited: z.array(OrgRef),
  meetings: z.array(z.object({ title: z.string(), with: z.array(z.string()), notes: z.string().nullable().optional() })),
  source: z.string().nullable(),
});

export const FocalPersonInput = z.object({
  country: Country,
  organisation: OrgRefInput,
  topic: Texts(300),
  /** A person of the registry, or a name as written; neither = an open slot (promised, not yet appointed). */
  personId: z.uuid().nullable().optional(),
  personName: z.string().trim().max(200).nullable().optional(),
  contact: z
    .object({ email: z.email().optional(), phone: z.string().trim().max(40).optional() })
    .nullable()
    .optional(),
  delegationId: z.uuid().nullable().optional(),
  agreementId: z.uuid().nullable().optional(),
  promisedOn: Day.nullable().optional(),
  appointedOn: Day.nullable().optional(),
});
/** Fill an open slot, hand over to a successor (the current one's term ends), or end a term. */
export const FocalAppointInput = z.object({
  personId: z.uuid().nullable().optional(),
  personName: z.string().trim().max(200).nullable().optional(),
  contact: z
    .object({ email: z.email().optional(), phone: z.string().trim().max(40).optional() })
    .nullable()
    .optional(),
  appointedOn: Day,
  version: Version,
});
export const FocalEndInput = z.object({ endedOn: Day, version: Version });
export const FocalPerson = z.object({
  id: z.string(),
  country: z.string(),
  organisation: OrgRef,
  topic: TextsOut,
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  /** appointed | open (a promised slot nobody fills yet) | ended */
  state: z.enum(['appointed', 'open', 'ended']),
  /** Staff only. */
  contact: z.object({ email: z.string().optional(), phone: z.string().optional() }).nullable(),
  delegation: z.object({ id: z.string(), title: TextsOut }).nullable(),
  agreementId: z.string().nullable(),
  promisedOn: z.string().nullable(),
  appointedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** Earlier holders of the same post (same organisation and topic), newest first. */
  history: z.array(z.object({ id: z.string(), personName: z.string().nullable(), appointedOn: z.string().nullable(), endedOn: z.string().nullable() })),
  source: z.string().nullable(),
  version: z.number().int(),
});
export type FocalPerson = z.infer<typeof FocalPerson>;
export const FocalQuery = z.object({
  country: Country.optional(),
  state: z.enum(['appointed', 'open', 'ended', 'current']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const FocalPage = listOf(FocalPerson);

export const FollowUpInput = z.object({
  action: Texts(1000),
  country: Country.nullable().optional(),
  ownerName: z.string().trim().max(200).nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: Day.nullable().optional(),
});
export const FollowUpPatch = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  doneOn: Day.nullable().optional(),
  dueOn: Day.nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  version: Version,
});
export const FollowUp = z.object({
  id: z.string(),
  delegationId: z.string(),
  action: TextsOut,
  country: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(FOLLOW_UP_STATUSES),
  /** open and past due */
  overdue: z.boolean(),
  doneOn: z.string().nullable(),
  source: z.string().nullable(),
  version: z.number().int(),
});

// ---------------------------------------------------------------- opportunities

export const OpportunityInput = z.object({
  kind: z.enum(OPPORTUNITY_KINDS),
  title: Texts(300),
  description: OptionalTexts(10000).optional(),
  offeredBy: OrgRefInput,
  forCountry: Country.nullable().optional(),
  city: z.string().trim().max(120).nullable().optional(),
  places: z.number().int().min(1).max(100000).nullable().optional(),
  placesPerYear: z.number().int().min(1).max(100000).nullable().optional(),
  opensOn: Day.nullable().optional(),
  deadline: Day.nullable().optional(),
  eligibility: OptionalTexts(5000).optional(),
  delegationId: z.uuid().nullable().optional(),
  agreementId: z.uuid().nullable().optional(),
  managerUserIds: z.array(z.uuid()).max(20).default([]),
  /** Open it on the board at once, or keep it as a draft. */
  open: z.boolean().default(true),
});
export type OpportunityInput = z.infer<typeof OpportunityInput>;
/** Absent fields stay as they are (so the managers have no default here). */
export const OpportunityPatch = OpportunityInput.omit({ open: true })
  .partial()
  .extend({ managerUserIds: z.array(z.uuid()).max(20).optional(), status: z.enum(OPPORTUNITY_STATUSES).optional(), version: Version });
export const Opportunity = z.object({
  id: z.string(),
  key: z.string().nullable(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: TextsOut,
  description: TextsOut,
  offeredBy: OrgRef,
  forCountry: z.string().nullable(),
  city: z.string().nullable(),
  places: z.number().int().nullable(),
  placesPerYear: z.number().int().nullable(),
  opensOn: z.string().nullable(),
  deadline: z.string().nullable(),
  eligibility: TextsOut,
  status: z.enum(OPPORTUNITY_STATUSES),
  /** Open and not past its deadline. */
  accepting: z.boolean(),
  delegation: z.object({ id: z.string(), title: TextsOut }).nullable(),
  agreementId: z.string().nullable(),
  /** The reader's own application, if any. */
  mine: z.object({ id: z.string(), kind: z.enum(APPLICATION_KINDS), status: z.enum(APPLICATION_STATUSES) }).nullable(),
  /** Shown to the offering side and cooperation officers: how many applied / expressed interest. */
  applicationCount: z.number().int().nullable(),
  source: z.string().nullable(),
  synthetic: z.boolean(),
  version: z.number().int(),
});
export type Opportunity = z.infer<typeof Opportunity>;
export const OpportunityQuery = z.object({
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  country: Country.optional(),
  forCountry: Country.optional(),
  /** open (default for the board), all (staff: drafts and closed too). */
  status: z.enum(['open', 'closed', 'draft', 'all']).default('open'),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const OpportunityPage = listOf(Opportunity);
export const ApplicationInput = z.object({ kind: z.enum(APPLICATION_KINDS), statement: z.string().trim().max(5000).optional() });
export const ApplicationDecision = z.object({
  status: z.enum(['shortlisted', 'accepted', 'declined']),
  note: z.string().trim().max(2000).optional(),
  version: Version,
});
export const Application = z.object({
  id: z.string(),
  opportunityId: z.string(),
  opportunityTitle: TextsOut,
  kind: z.enum(APPLICATION_KINDS),
  applicantName: z.string(),
  statement: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const ApplicationPage = listOf(Application);

// ---------------------------------------------------------------- delegation read model

export const DelegationSummary = z.object({
  id: z.string(),
  key: z.string().nullable(),
  title: TextsOut,
  hostCountry: z.string(),
  guestCountry: z.string(),
  host: OrgRef.nullable(),
  guest: OrgRef.nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  cities: z.array(z.string()),
  memberCount: z.number().int(),
  status: z.enum(DELEGATION_STATUSES),
  source: z.string().nullable(),
  synthetic: z.boolean(),
});
export const Delegation = DelegationSummary.extend({
  purpose: TextsOut,
  agreementId: z.string().nullable(),
  members: z.array(Member),
  itinerary: z.array(Stop),
  focalPersons: z.array(FocalPerson),
  offers: z.array(Opportunity),
  followUps: z.array(FollowUp),
  internalNotes: z.string().nullable(),
  version: z.number().int(),
});
export type Delegation = z.infer<typeof Delegation>;
export const DelegationQuery = z.object({
  countries: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z]{2}$/, 'validation.country_pair')
    .optional(),
  country: Country.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const DelegationPage = listOf(DelegationSummary);
export const ReportQuery = z.object({ lang: z.enum(['en', 'zh', 'ur']).default('en') });

// ---------------------------------------------------------------- suggestions and the country pair

export const Suggestion = z.object({
  kind: z.enum(['enterprise', 'institution', 'offer', 'need', 'zone']),
  id: z.string(),
  name: TextsOut,
  country: z.string(),
  /** The agreement's areas (and the listing's concepts / the enterprise's sector) that make it fit. */
  reasons: z.array(z.object({ type: z.enum(['area', 'sector', 'concept', 'party']), key: z.string(), label: TextsOut })),
  score: z.number(),
});
export const Suggestions = z.object({ sides: z.array(z.object({ country: z.string(), items: z.array(Suggestion) })) });

export const CountryPairQuery = z.object({ pair: z.string().regex(/^[A-Z]{2}-[A-Z]{2}$/, 'validation.country_pair') });
export const CountryPair = z.object({
  countries: z.tuple([z.string(), z.string()]),
  agreements: z.array(AgreementSummary),
  scorecard: Scorecard,
  /** Scorecards of each side's commitments. */
  sides: z.array(z.object({ country: z.string(), scorecard: Scorecard })),
  delegations: z.array(DelegationSummary),
  focalPersons: z.array(FocalPerson),
  opportunities: z.array(Opportunity),
  /** Technology contracts registered between the two countries (from the technology market's statistics). */
  techContracts: z.object({ count: z.number().int(), byCurrency: z.array(z.object({ currency: z.string(), amount: z.number() })) }).nullable(),
});
export type CountryPair = z.infer<typeof CountryPair>;

/** The taxonomies the forms offer (areas with their labels and the technology-market sectors they map to). */
export const Taxonomy = z.object({
  areas: z.array(z.object({ key: z.string(), labels: TextsOut, sectors: z.array(z.string()), source: z.string().nullable() })),
  ways: z.array(z.object({ key: z.string(), source: z.string() })),
});
