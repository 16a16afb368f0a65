import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ApplicationForm, CallStatus, Instrument, LongText3, Rubric, Text3 } from '../../../../shared/contracts/funding';
import { idColumn, timestamps } from '../../../db/columns';
import { users } from '../../../platform/accounts/accounts.tables';
import type { Rule } from '../eligibility/rules';

/** A funding program (the Innofund-style seed fund, a guiding-fund line …): it runs calls. */
export const fundingPrograms = pgTable('funding_programs', {
  id: idColumn(),
  key: text('key').unique(),
  names: jsonb('names').$type<Text3>().notNull(),
  description: jsonb('description').$type<LongText3>(),
  source: text('source'),
  ...timestamps(),
});

/**
 * A call for proposals of a program: its window (instants, shown in `time_zone`), budget and currency,
 * instruments, eligibility rules (data for the eligibility engine), application form, review rubric and
 * review settings. The review/award half of issue 4 reads `reviewers_per_application`, the load limits,
 * `blind_review` and `rubric` from here.
 */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: idColumn(),
    key: text('key').unique(),
    programId: uuid('program_id')
      .notNull()
      .references(() => fundingPrograms.id),
    names: jsonb('names').$type<Text3>().notNull(),
    description: jsonb('description').$type<LongText3>(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    budget: numeric('budget', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    instruments: jsonb('instruments').$type<Instrument[]>().notNull(),
    eligibilityRules: jsonb('eligibility_rules').$type<Rule[]>().notNull(),
    form: jsonb('form').$type<ApplicationForm>().notNull(),
    rubric: jsonb('rubric').$type<Rubric>().notNull(),
    reviewersPerApplication: integer('reviewers_per_application').notNull().default(3),
    reviewerLoadMin: integer('reviewer_load_min').notNull().default(0),
    reviewerLoadMax: integer('reviewer_load_max').notNull().default(20),
    blindReview: boolean('blind_review').notNull().default(false),
    seniorReviewerRequired: boolean('senior_reviewer_required').notNull().default(false),
    status: text('status').$type<CallStatus>().notNull().default('draft'),
    /** Where the call's rules come from (reference data cites the seeds). */
    source: text('source'),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('funding_calls_program_idx').on(t.programId),
    index('funding_calls_status_idx').on(t.status, t.closesAt),
    check('funding_calls_window_check', sql`${t.closesAt} > ${t.opensAt}`),
    check('funding_calls_status_check', sql`${t.status} in ('draft', 'open', 'closed', 'results_published', 'cancelled')`),
  ],
);
