import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns';

/**
 * The technology market (issue 6, PRODUCT.md module 5): offers and needs, access to their details,
 * expressions of interest with their threads, and the technology contracts a technology transfer agency
 * registers. Registry entities (enterprises, institutions) are referred to by id, with the name kept as written.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** One language's text of a listing. `details` is shown only to the owner and to approved requesters. */
export type ListingText = { title: string; summary: string; details?: string };
export type ListingTexts = Partial<Record<'en' | 'zh' | 'ur', ListingText>>;
/** The intellectual property behind an offer. */
export type ListingIp = { type: string; number?: string | null; status: string };
export type ContractParty = { role: 'buyer' | 'seller' | 'intermediary'; ownerType: string | null; ownerId: string | null; name: string; country: string };

export const tmListings = pgTable(
  'tm_listings',
  {
    id: idColumn(),
    /** offer (技术成果) or need (技术需求). */
    kind: text('kind').notNull(),
    /** draft → pending (moderation) → published | rejected; published → expired (past expires_at) → renewed; withdrawn. */
    status: text('status').notNull().default('draft'),
    texts: jsonb('texts').$type<ListingTexts>().notNull(),
    /** The languages the listing is written in (the keys of `texts`), first = the original. */
    languages: text('languages').array().notNull(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    ownerName: text('owner_name').notNull(),
    country: text('country').notNull(),
    province: text('province'),
    sector: text('sector').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    /** Concepts of the multilingual dictionary found in the texts and keywords (matching/). */
    concepts: text('concepts').array().notNull().default(sql`'{}'::text[]`),
    /** Offers: the technology readiness level (1–9). Needs: the lowest level the asker would take. */
    trl: integer('trl'),
    dealForms: text('deal_forms').array().notNull().default(sql`'{}'::text[]`),
    ip: jsonb('ip').$type<ListingIp>(),
    budget: numeric('budget', { precision: 18, scale: 2 }),
    currency: text('currency'),
    deadline: date('deadline'),
    createdBy: uuid('created_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    moderatedBy: uuid('moderated_by'),
    moderationNote: text('moderation_note'),
    /** Every word the listing is found by (jieba-segmented Chinese, pinyin, concepts) — search/. */
    search: tsvector('search'),
    synthetic: boolean('synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('tm_listings_search_idx').using('gin', t.search),
    index('tm_listings_concepts_idx').using('gin', t.concepts),
    index('tm_listings_browse_idx').on(t.status, t.kind, t.publishedAt),
    index('tm_listings_owner_idx').on(t.ownerType, t.ownerId),
    index('tm_listings_expiry_idx').on(t.expiresAt).where(sql`status = 'published'`),
    // The market, newest first (search-listings.ts): walked in order, filters checked on the way.
    index('tm_listings_market_idx').on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`status = 'published'`),
    index('tm_listings_market_kind_idx').on(t.kind, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`status = 'published'`),
    // One's own listings (scope=mine) and the interests received on them.
    index('tm_listings_creator_idx').on(t.createdBy),
  ],
);

/** A request to read a listing's details; the owner approves or declines. */
export const tmAccessRequests = pgTable(
  'tm_access_requests',
  {
    id: idColumn(),
    listingId: uuid('listing_id').notNull(),
    requesterId: uuid('requester_id').notNull(),
    requesterName: text('requester_name').notNull(),
    organisationName: text('organisation_name'),
    message: text('message'),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('tm_access_requests_one_idx').on(t.listingId, t.requesterId), index('tm_access_requests_status_idx').on(t.listingId, t.status)],
);

/**
 * An expression of interest in a listing: opens a thread between the interested side and the owner. The owner
 * accepts or declines with a reason from a fixed list (too early, benefit unclear, commercial route unclear, other).
 */
export const tmInterests = pgTable(
  'tm_interests',
  {
    id: idColumn(),
    listingId: uuid('listing_id').notNull(),
    /** The interested side's own listing this answers (their need for an offer, their offer for a need), if any. */
    fromListingId: uuid('from_listing_id'),
    fromUserId: uuid('from_user_id').notNull(),
    fromOwnerType: text('from_owner_type'),
    fromOwnerId: uuid('from_owner_id'),
    fromName: text('from_name').notNull(),
    fromCountry: text('from_country'),
    status: text('status').notNull().default('open'),
    declineReason: text('decline_reason'),
    declineNote: text('decline_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('tm_interests_listing_idx').on(t.listingId, t.status), index('tm_interests_from_idx').on(t.fromUserId)],
);

export const tmMessages = pgTable(
  'tm_messages',
  {
    id: idColumn(),
    interestId: uuid('interest_id').notNull(),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    /** owner | interested */
    side: text('side').notNull(),
    body: text('body').notNull(),
    ...timestamps(),
  },
  (t) => [index('tm_messages_interest_idx').on(t.interestId, t.createdAt)],
);

/**
 * A technology contract of the four kinds the technology market counts (development, transfer, consulting,
 * service — seeds/001_*, the technology market; GLOSSARY.md), submitted by a party and reviewed and registered
 * by a technology transfer agency, which gives it a certificate number.
 */
export const tmContracts = pgTable(
  'tm_contracts',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    subtype: text('subtype').notNull(),
    title: text('title').notNull(),
    parties: jsonb('parties').$type<ContractParty[]>().notNull(),
    sellerCountry: text('seller_country').notNull(),
    buyerCountry: text('buyer_country').notNull(),
    crossBorder: boolean('cross_border').notNull(),
    /** Where the contract is counted: the registering agency's province (GB/T 2260 / ISO 3166-2 code). */
    region: text('region'),
    sector: text('sector').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    /** The part of the amount that is technology income (技术交易额), ≤ amount. */
    techIncome: numeric('tech_income', { precision: 18, scale: 2 }).notNull(),
    signedOn: date('signed_on').notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    year: integer('year').notNull(),
    listingId: uuid('listing_id'),
    interestId: uuid('interest_id'),
    agencyId: uuid('agency_id').notNull(),
    agencyName: text('agency_name').notNull(),
    /** submitted → registered | returned (corrected and resubmitted) | rejected */
    status: text('status').notNull().default('submitted'),
    certificateNo: text('certificate_no'),
    reviewNote: text('review_note'),
    submittedBy: uuid('submitted_by').notNull(),
    registeredBy: uuid('registered_by'),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tm_contracts_certificate_idx').on(t.certificateNo),
    index('tm_contracts_stats_idx').on(t.status, t.year, t.kind),
    index('tm_contracts_agency_idx').on(t.agencyId, t.status),
    index('tm_contracts_submitter_idx').on(t.submittedBy),
    // Newest first for the readers' lists: walked backwards, it stops at a page instead of sorting every contract.
    index('tm_contracts_recent_idx').on(t.createdAt, t.id),
  ],
);

/** The last certificate number an agency gave in a year (certificates run 0001, 0002 … per agency and year). */
export const tmCertificateCounters = pgTable(
  'tm_certificate_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('tm_certificate_counters_idx').on(t.agencyId, t.year)],
);

/**
 * Registered contracts summed by everything the market statistics group by, kept in the registering
 * transaction (registered contracts are locked, so cells only grow). The statistics read these cells, not the
 * contracts: at 330,000 registered contracts a year the same GROUP BY over tm_contracts took 0.4–3.2 s for a
 * year and 1.6 s over all years on PostgreSQL 15 (2 cores); the cells take 1–10 ms (50–65 ms for a year of
 * 50,000 distinct cells, 0.5 s over ten such years).
 */
export const tmContractRollups = pgTable(
  'tm_contract_rollups',
  {
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    /** The agency's province; '' when it has none. */
    region: text('region').notNull(),
    sector: text('sector').notNull(),
    sellerCountry: text('seller_country').notNull(),
    buyerCountry: text('buyer_country').notNull(),
    currency: text('currency').notNull(),
    crossBorder: boolean('cross_border').notNull(),
    synthetic: boolean('synthetic').notNull(),
    count: integer('count').notNull(),
    amount: numeric('amount').notNull(),
    techIncome: numeric('tech_income').notNull(),
  },
  (t) => [
    uniqueIndex('tm_contract_rollups_cell_idx').on(t.year, t.kind, t.region, t.sector, t.sellerCountry, t.buyerCountry, t.currency, t.crossBorder, t.synthetic),
  ],
);
