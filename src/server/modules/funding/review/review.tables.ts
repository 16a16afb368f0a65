import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../../db/columns';
import { users } from '../../../platform/accounts/accounts.tables';
import type { AffinityReasons } from '../assignment/affinity';
import type { FixedPair } from '../assignment/problem';
import { fundingApplications } from '../applications/applications.tables';
import { fundingCalls } from '../calls/calls.tables';

/**
 * The seed fund's review (issue 4): the reviewer pool, assignment runs and their pairs, scores, panel
 * decisions and published results. Registry entities (people, organisations) are referred to by id without
 * foreign keys, as the registry does between its own entities (decision 003).
 */

/** An expert in the pool: expertise (taxonomy tags and free text), seniority, employer and affiliations. */
export const reviewers = pgTable(
  'reviewers',
  {
    id: idColumn(),
    /** The account the reviewer signs in with (their inbox); null for a pool member without an account yet. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The reviewer as a person of the registry: earlier joint applications are found through it. */
    personId: uuid('person_id'),
    name: text('name').notNull(),
    email: text('email'),
    /** Employer (registry entity id) and other affiliations: conflicts are derived from them. */
    organisationId: uuid('organisation_id'),
    organisationName: text('organisation_name'),
    affiliationIds: uuid('affiliation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    expertise: text('expertise').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    senior: boolean('senior').notNull().default(false),
    /** Overrides of a call's load range for this reviewer. */
    minLoad: integer('min_load'),
    maxLoad: integer('max_load'),
    active: boolean('active').notNull().default(true),
    synthetic: boolean('synthetic').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('reviewers_user_idx').on(t.userId), index('reviewers_person_idx').on(t.personId)],
);

/** A conflict of interest a reviewer declared with an organisation (enterprise, university, …), with why. */
export const reviewerConflicts = pgTable(
  'reviewer_conflicts',
  {
    id: idColumn(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id').notNull(),
    entityName: text('entity_name'),
    note: text('note').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('reviewer_conflicts_unique').on(t.reviewerId, t.entityId), index('reviewer_conflicts_entity_idx').on(t.entityId)],
);

/** One run of the optimiser for a call: its settings, certified quality, and the overrides it honoured. */
export const reviewAssignmentRuns = pgTable(
  'review_assignment_runs',
  {
    id: idColumn(),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    k: integer('k').notNull(),
    minLoad: integer('min_load').notNull(),
    maxLoad: integer('max_load').notNull(),
    requireSenior: boolean('require_senior').notNull(),
    fixed: jsonb('fixed').$type<FixedPair[]>().notNull().default([]),
    objective: doublePrecision('objective').notNull(),
    bound: doublePrecision('bound').notNull(),
    gap: doublePrecision('gap').notNull(),
    optimal: boolean('optimal').notNull(),
    reviewerPrices: jsonb('reviewer_prices').$type<Record<string, number>>().notNull().default({}),
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull().default({}),
    /** The run whose pairs stand; earlier runs of the call are history. */
    current: boolean('current').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [index('review_runs_call_idx').on(t.callId, t.current)],
);

export type AssignmentOrigin = 'optimiser' | 'override' | 'replacement';
export type AssignmentStatus = 'assigned' | 'declined' | 'removed';

/** A reviewer–application pair with its affinity explained. Declined pairs stay as conflicts of that pair. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: idColumn(),
    runId: uuid('run_id')
      .notNull()
      .references(() => reviewAssignmentRuns.id),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    affinity: doublePrecision('affinity').notNull(),
    reasons: jsonb('reasons').$type<AffinityReasons>().notNull(),
    origin: text('origin').$type<AssignmentOrigin>().notNull(),
    status: text('status').$type<AssignmentStatus>().notNull().default('assigned'),
    note: text('note'),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('review_assignments_pair_idx').on(t.callId, t.applicationId, t.reviewerId),
    index('review_assignments_reviewer_idx').on(t.reviewerId, t.status),
    index('review_assignments_application_idx').on(t.applicationId),
    check('review_assignments_status_check', sql`${t.status} in ('assigned', 'declined', 'removed')`),
    check('review_assignments_origin_check', sql`${t.origin} in ('optimiser', 'override', 'replacement')`),
  ],
);

export type StoredCriterionScore = { criterionId: string; score: number; comment?: string };

/** A reviewer's scores of one assigned application, per rubric criterion with comments; draft until submitted. */
export const reviewScores = pgTable(
  'review_scores',
  {
    id: idColumn(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => reviewAssignments.id),
    callId: uuid('call_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    scores: jsonb('scores').$type<StoredCriterionScore[]>().notNull(),
    comment: text('comment'),
    /** Weighted total on the rubric's scale, and as a share of the scale (0–100). Set on submission. */
    total: doublePrecision('total'),
    percent: doublePrecision('percent'),
    status: text('status').$type<'draft' | 'submitted'>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('review_scores_assignment_idx').on(t.assignmentId),
    index('review_scores_call_idx').on(t.callId, t.applicationId),
    check('review_scores_status_check', sql`${t.status} in ('draft', 'submitted')`),
  ],
);

export const PANEL_DECISIONS = ['fund', 'reserve', 'reject'] as const;
export type PanelDecisionKind = (typeof PANEL_DECISIONS)[number];

/** The panel's decision on one application, with its reasons and (when funded) the amount. */
export const panelDecisions = pgTable(
  'panel_decisions',
  {
    id: idColumn(),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id),
    decision: text('decision').$type<PanelDecisionKind>().notNull(),
    amount: numeric('amount', { mode: 'number' }),
    currency: text('currency').notNull(),
    reasons: text('reasons').notNull(),
    /** The ranked list as the panel saw it: rank, score and whether above the funding line. */
    rank: integer('rank'),
    score: doublePrecision('score'),
    aboveLine: boolean('above_line'),
    decidedBy: uuid('decided_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('panel_decisions_application_idx').on(t.applicationId),
    index('panel_decisions_call_idx').on(t.callId),
    check('panel_decisions_decision_check', sql`${t.decision} in ('fund', 'reserve', 'reject')`),
  ],
);

/** A published result line: what the public sees (no scores of reviewers, no applicant contact). */
export type PublishedEntry = {
  applicationId: string;
  rank: number | null;
  enterpriseId: string;
  enterpriseNames: { en: string; zh?: string; ur?: string };
  projectTitle: string;
  province: string | null;
  sector: string | null;
  decision: PanelDecisionKind;
  amount: number | null;
  score: number | null;
};

/**
 * A call's results: published for an objection period, then final. Final results are what awards follow.
 * The entries are a snapshot, so a later change cannot rewrite what was published.
 */
export const callResults = pgTable(
  'call_results',
  {
    id: idColumn(),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    status: text('status').$type<'published' | 'final'>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    objectionsUntil: timestamp('objections_until', { withTimezone: true }).notNull(),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    normalised: boolean('normalised').notNull().default(false),
    entries: jsonb('entries').$type<PublishedEntry[]>().notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [uniqueIndex('call_results_call_idx').on(t.callId), check('call_results_status_check', sql`${t.status} in ('published', 'final')`)],
);

/** An applicant's objection to published results, answered by the officer before the results become final. */
export const resultObjections = pgTable(
  'result_objections',
  {
    id: idColumn(),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    status: text('status').$type<'open' | 'upheld' | 'dismissed'>().notNull().default('open'),
    response: text('response'),
    respondedBy: uuid('responded_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('result_objections_call_idx').on(t.callId, t.status),
    check('result_objections_status_check', sql`${t.status} in ('open', 'upheld', 'dismissed')`),
  ],
);
