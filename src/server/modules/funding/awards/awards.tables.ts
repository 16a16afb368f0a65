import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../../db/columns';
import { users } from '../../../platform/accounts/accounts.tables';
import { fundingApplications } from '../applications/applications.tables';
import { fundingCalls, fundingPrograms } from '../calls/calls.tables';
import type { AcceptanceOutcome, MilestoneState } from './acceptance';

/**
 * Awards of the seed fund and their outcomes (issue 4): the agreement (instrument, amount, currency),
 * milestones with the disbursement each releases, milestone reports with outcome indicators, and the
 * acceptance check that closes the award and feeds eligibility. Province and sector are copied from the
 * enterprise when the award is made, so dashboards group awards as they were.
 */
export const awards = pgTable(
  'awards',
  {
    id: idColumn(),
    programId: uuid('program_id')
      .notNull()
      .references(() => fundingPrograms.id),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    title: text('title').notNull(),
    instrument: text('instrument').notNull(),
    amount: numeric('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    province: text('province'),
    sector: text('sector'),
    status: text('status').$type<'active' | 'closed'>().notNull().default('active'),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    synthetic: boolean('synthetic').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('awards_application_idx').on(t.applicationId),
    index('awards_call_idx').on(t.callId),
    index('awards_program_idx').on(t.programId),
    index('awards_enterprise_idx').on(t.enterpriseId),
    check('awards_status_check', sql`${t.status} in ('active', 'closed')`),
    check('awards_amount_check', sql`${t.amount} > 0`),
  ],
);

/** A milestone of an award and the disbursement it releases once its report is approved. */
export const awardMilestones = pgTable(
  'award_milestones',
  {
    id: idColumn(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    dueOn: text('due_on').notNull(),
    disbursement: numeric('disbursement', { mode: 'number' }).notNull(),
    state: text('state').$type<MilestoneState>().notNull().default('planned'),
    disbursedAt: timestamp('disbursed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('award_milestones_seq_idx').on(t.awardId, t.seq),
    check('award_milestones_state_check', sql`${t.state} in ('planned', 'reported', 'approved', 'rejected')`),
    check('award_milestones_disbursement_check', sql`${t.disbursement} >= 0`),
  ],
);

/**
 * A milestone report: what was done, and the outcome indicators — revenue, jobs, intellectual property,
 * and follow-on money (the other money the award brought in, which leverage counts), in the award's currency.
 */
export const milestoneReports = pgTable(
  'milestone_reports',
  {
    id: idColumn(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => awardMilestones.id, { onDelete: 'cascade' }),
    narrative: text('narrative').notNull(),
    revenue: numeric('revenue', { mode: 'number' }),
    jobs: integer('jobs'),
    ipCount: integer('ip_count'),
    followOn: numeric('follow_on', { mode: 'number' }).notNull().default(0),
    followOnSources: text('follow_on_sources'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    review: text('review').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('milestone_reports_award_idx').on(t.awardId),
    uniqueIndex('milestone_reports_milestone_idx').on(t.milestoneId),
    check('milestone_reports_review_check', sql`${t.review} in ('pending', 'approved', 'rejected')`),
    check('milestone_reports_figures_check', sql`${t.followOn} >= 0 and coalesce(${t.jobs}, 0) >= 0 and coalesce(${t.ipCount}, 0) >= 0`),
  ],
);

/** The acceptance check (项目验收) that closes an award; a failed one bars the enterprise for three years. */
export const acceptanceChecks = pgTable(
  'acceptance_checks',
  {
    id: idColumn(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    outcome: text('outcome').$type<AcceptanceOutcome>().notNull(),
    /** The outcome Seedbed proposed from the milestones (the officer may decide otherwise, with reasons). */
    proposed: text('proposed').$type<AcceptanceOutcome>().notNull(),
    decidedOn: text('decided_on').notNull(),
    reasons: text('reasons').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('acceptance_checks_award_idx').on(t.awardId),
    index('acceptance_checks_enterprise_idx').on(t.enterpriseId, t.outcome),
    check('acceptance_checks_outcome_check', sql`${t.outcome} in ('passed', 'basically_passed', 'failed')`),
  ],
);
