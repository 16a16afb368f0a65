import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns';

/**
 * International cooperation (issue 7, PRODUCT.md module 8): agreements between parties of the registry with the
 * commitments each side owes, delegations with their itinerary and outcomes (focal persons, offers, follow-ups),
 * the focal-person network and the opportunities board. Registry entities are referred to by id and type, with the
 * name kept as written (native script) and the country, so a view by country pair needs no join into the registry.
 *
 * What is public (issue 7): published agreements (parties, date, areas), published delegations (members, itinerary,
 * outcomes) and open opportunities. `internal_notes`, evidence and contact details are staff-only.
 */

/** Names in the languages they are written in; the first written is the original. */
export type Texts = Partial<Record<'en' | 'zh' | 'ur', string>>;
/** An organisation of the registry (or typed, when it is not in the registry) with its country. */
export type OrgRef = { entityType: string | null; entityId: string | null; name: string; country: string };
/** A meeting held during a stop of an itinerary. */
export type Meeting = { title: string; with: string[]; notes?: string | null };

export const coopAgreements = pgTable(
  'coop_agreements',
  {
    id: idColumn(),
    /** Stable key of a reference record (`agr:stza-zbra-loi-2022`); null for agreements recorded by users. */
    key: text('key').unique(),
    /** loi | mou | dual_parks | sister_parks | framework | project_contract */
    type: text('type').notNull(),
    title: jsonb('title').$type<Texts>().notNull(),
    summary: jsonb('summary').$type<Texts>().notNull().default(sql`'{}'::jsonb`),
    signedOn: date('signed_on'),
    /** The year, when only the year is known (seeds/002 dates the dual and sister parks by year). */
    signedYear: integer('signed_year'),
    signedPlace: text('signed_place'),
    signedVirtually: boolean('signed_virtually').notNull().default(false),
    /** Keys of the areas taxonomy (data/reference/cooperation/areas.json). */
    areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
    /** planning | construction | operation (seeds/002: the stages a park cooperation goes through). */
    stage: text('stage').notNull().default('planning'),
    /** Keys of the ways of cooperation (seeds/002: strategic planning, policy study, financing, …). */
    ways: text('ways').array().notNull().default(sql`'{}'::text[]`),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    /** none | automatic | by_agreement */
    renewal: text('renewal').notNull().default('by_agreement'),
    /** draft (staff only) → published (public summary); terminated. */
    status: text('status').notNull().default('draft'),
    internalNotes: text('internal_notes'),
    /** The seed file a reference record comes from (`seeds/003_…`), or null. */
    source: text('source'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('coop_agreements_status_idx').on(t.status, t.signedOn)],
);

/** The parties of an agreement (two or more), in the order they are named. */
export const coopAgreementParties = pgTable(
  'coop_agreement_parties',
  {
    id: idColumn(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => coopAgreements.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    name: text('name').notNull(),
    country: text('country').notNull(),
    /** Who signed for this party, as written. */
    signatory: text('signatory'),
  },
  (t) => [
    uniqueIndex('coop_agreement_parties_pos_idx').on(t.agreementId, t.position),
    index('coop_agreement_parties_entity_idx').on(t.entityId),
    index('coop_agreement_parties_country_idx').on(t.country),
  ],
);

/** What a side of an agreement owes: a deliverable, due by a date, delivered with evidence. */
export const coopCommitments = pgTable(
  'coop_commitments',
  {
    id: idColumn(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => coopAgreements.id, { onDelete: 'cascade' }),
    deliverable: jsonb('deliverable').$type<Texts>().notNull(),
    /** The party that owes it (a row of coop_agreement_parties). */
    owedBy: uuid('owed_by')
      .notNull()
      .references(() => coopAgreementParties.id),
    /** The Seedbed user answerable for it, told when it falls due or is overdue; null if nobody is named. */
    ownerUserId: uuid('owner_user_id'),
    dueOn: date('due_on').notNull(),
    /** open | delivered | cancelled. Overdue is not stored: open and past due (see scorecard rules). */
    status: text('status').notNull().default('open'),
    deliveredOn: date('delivered_on'),
    /** What shows it was delivered (staff only): a note and uploaded files (platform files). */
    evidenceNote: text('evidence_note'),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** When the owner was last told it is overdue (one notice per due date). */
    overdueNoticeFor: date('overdue_notice_for'),
    source: text('source'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('coop_commitments_agreement_idx').on(t.agreementId), index('coop_commitments_due_idx').on(t.status, t.dueOn)],
);

export const coopDelegations = pgTable(
  'coop_delegations',
  {
    id: idColumn(),
    key: text('key').unique(),
    title: jsonb('title').$type<Texts>().notNull(),
    purpose: jsonb('purpose').$type<Texts>().notNull().default(sql`'{}'::jsonb`),
    /** The side that receives the visit, and the side that travels. */
    hostCountry: text('host_country').notNull(),
    guestCountry: text('guest_country').notNull(),
    host: jsonb('host').$type<OrgRef>(),
    guest: jsonb('guest').$type<OrgRef>(),
    /** The agreement the visit serves, if any. */
    agreementId: uuid('agreement_id').references(() => coopAgreements.id, { onDelete: 'set null' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    internalNotes: text('internal_notes'),
    source: text('source'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('coop_delegations_countries_idx').on(t.hostCountry, t.guestCountry)],
);

/** Members of a delegation: people of the registry (or typed), on the guest or host side. */
export const coopDelegationMembers = pgTable(
  'coop_delegation_members',
  {
    id: idColumn(),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => coopDelegations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    personId: uuid('person_id'),
    name: text('name').notNull(),
    /** guest | host */
    side: text('side').notNull().default('guest'),
    /** head | member | interpreter | host */
    role: text('role').notNull().default('member'),
    organisation: jsonb('organisation').$type<OrgRef>(),
  },
  (t) => [index('coop_delegation_members_delegation_idx').on(t.delegationId, t.position), index('coop_delegation_members_person_idx').on(t.personId)],
);

/** One stop of an itinerary: a day in a city, the organisations visited and the meetings held. */
export const coopItineraryStops = pgTable(
  'coop_itinerary_stops',
  {
    id: idColumn(),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => coopDelegations.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    position: integer('position').notNull(),
    /** The city as a registry division code where it has one (CN-SD-JN…), and its name as written. */
    cityCode: text('city_code'),
    city: text('city').notNull(),
    visited: jsonb('visited').$type<OrgRef[]>().notNull().default(sql`'[]'::jsonb`),
    meetings: jsonb('meetings').$type<Meeting[]>().notNull().default(sql`'[]'::jsonb`),
    source: text('source'),
  },
  (t) => [index('coop_itinerary_stops_delegation_idx').on(t.delegationId, t.day, t.position)],
);

/**
 * Focal persons: who is the contact for what, on each side. A row with no person is an open slot — a side promised
 * to appoint someone and has not. Ending a focal person's term keeps the row (history); a successor is a new row.
 */
export const coopFocalPersons = pgTable(
  'coop_focal_persons',
  {
    id: idColumn(),
    key: text('key').unique(),
    country: text('country').notNull(),
    organisation: jsonb('organisation').$type<OrgRef>().notNull(),
    /** What they are the contact for (e.g. "S&T cooperation with Pakistan"). */
    topic: jsonb('topic').$type<Texts>().notNull(),
    personId: uuid('person_id'),
    personName: text('person_name'),
    /** Staff only. */
    contact: jsonb('contact').$type<{ email?: string; phone?: string }>(),
    /** The delegation or agreement where the appointment (or the promise) was made. */
    delegationId: uuid('delegation_id').references(() => coopDelegations.id, { onDelete: 'set null' }),
    agreementId: uuid('agreement_id').references(() => coopAgreements.id, { onDelete: 'set null' }),
    promisedOn: date('promised_on'),
    appointedOn: date('appointed_on'),
    endedOn: date('ended_on'),
    source: text('source'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('coop_focal_persons_country_idx').on(t.country), index('coop_focal_persons_delegation_idx').on(t.delegationId)],
);

/**
 * Opportunities offered by partners — internships, scholarships (with a count per year), exhibitions, calls,
 * matchmaking events, co-funding — with deadline and eligibility. An offer made during a delegation is one of these
 * with its `delegation_id`.
 */
export const coopOpportunities = pgTable(
  'coop_opportunities',
  {
    id: idColumn(),
    key: text('key').unique(),
    /** internship | scholarship | exhibition | call | matchmaking | co_funding | event */
    kind: text('kind').notNull(),
    title: jsonb('title').$type<Texts>().notNull(),
    description: jsonb('description').$type<Texts>().notNull().default(sql`'{}'::jsonb`),
    offeredBy: jsonb('offered_by').$type<OrgRef>().notNull(),
    /** The country whose people it is for (PK for an internship offered to Pakistanis), if said. */
    forCountry: text('for_country'),
    city: text('city'),
    places: integer('places'),
    placesPerYear: integer('places_per_year'),
    opensOn: date('opens_on'),
    deadline: date('deadline'),
    eligibility: jsonb('eligibility').$type<Texts>().notNull().default(sql`'{}'::jsonb`),
    /** draft | open | closed. Past its deadline an open opportunity takes no applications. */
    status: text('status').notNull().default('draft'),
    delegationId: uuid('delegation_id').references(() => coopDelegations.id, { onDelete: 'set null' }),
    agreementId: uuid('agreement_id').references(() => coopAgreements.id, { onDelete: 'set null' }),
    /** The Seedbed users who see the applications for the offering side (besides cooperation officers). */
    managerUserIds: uuid('manager_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    source: text('source'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('coop_opportunities_status_idx').on(t.status, t.deadline), index('coop_opportunities_delegation_idx').on(t.delegationId)],
);

/** An expression of interest or an application to an opportunity, by a signed-in person. One per person and opportunity. */
export const coopApplications = pgTable(
  'coop_applications',
  {
    id: idColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => coopOpportunities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    /** interest | application */
    kind: text('kind').notNull(),
    applicantName: text('applicant_name').notNull(),
    statement: text('statement'),
    /** submitted | shortlisted | accepted | declined | withdrawn */
    status: text('status').notNull().default('submitted'),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('coop_applications_one_idx').on(t.opportunityId, t.userId), index('coop_applications_user_idx').on(t.userId)],
);

/** Follow-ups agreed during a delegation: an action, an owner, a due date; reminded by notification. */
export const coopFollowUps = pgTable(
  'coop_follow_ups',
  {
    id: idColumn(),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => coopDelegations.id, { onDelete: 'cascade' }),
    action: jsonb('action').$type<Texts>().notNull(),
    /** The side that owes it (a country), the person named (as written) and the Seedbed user reminded. */
    country: text('country'),
    ownerName: text('owner_name'),
    ownerUserId: uuid('owner_user_id'),
    dueOn: date('due_on'),
    /** open | done | dropped */
    status: text('status').notNull().default('open'),
    doneOn: date('done_on'),
    /** The due date the owner was last reminded for (one reminder before and one after, per due date). */
    remindedFor: date('reminded_for'),
    overdueNoticeFor: date('overdue_notice_for'),
    source: text('source'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('coop_follow_ups_delegation_idx').on(t.delegationId), index('coop_follow_ups_due_idx').on(t.status, t.dueOn)],
);
