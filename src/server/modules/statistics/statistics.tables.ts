import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns';

export type Text3 = { en: string; zh?: string; ur?: string };
/** One step of a submission's approval chain: the level and which zone / incubator / province it is. */
export type ChainStep = { level: 'incubator' | 'zone' | 'province' | 'national'; scopeId: string | null };

/** The indicator catalogue (reference data: data/reference/statistics/indicators.json). */
export const statIndicators = pgTable('stat_indicators', {
  code: text('code').primaryKey(),
  names: jsonb('names').$type<Text3>().notNull(),
  definitions: jsonb('definitions').$type<Text3>().notNull(),
  unit: text('unit').notNull(),
  valueType: text('value_type').notNull(),
  aggregation: text('aggregation').notNull(),
  numerator: text('numerator'),
  denominator: text('denominator'),
  scale: doublePrecision('scale'),
  entityTypes: text('entity_types').array().notNull(),
  group: text('grp'),
  frascati: text('frascati'),
  oslo: text('oslo'),
  source: text('source').notNull(),
  sort: integer('sort').notNull().default(0),
  ...timestamps(),
});

/**
 * A reporting period: a calendar year, or a fiscal year that does not start in January (Pakistan's runs
 * July to June). `year` is the statistical year the yearbook files it under: the year the period ends in.
 */
export const statPeriods = pgTable(
  'stat_periods',
  {
    id: idColumn(),
    key: text('key').notNull().unique(),
    names: jsonb('names').$type<Text3>().notNull(),
    calendar: text('calendar').notNull(),
    /** The country whose entities file in this period (null: every country). */
    country: text('country'),
    year: integer('year').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    synthetic: boolean('synthetic').notNull().default(false),
    ...timestamps(),
  },
  (t) => [check('stat_periods_status_check', sql`${t.status} in ('open', 'closed')`), index('stat_periods_year_idx').on(t.year)],
);

/** The annual form of one entity type for one period: which indicators, in which order, and its validation rules. */
export const statForms = pgTable(
  'stat_forms',
  {
    id: idColumn(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => statPeriods.id),
    entityType: text('entity_type').notNull(),
    indicators: text('indicators').array().notNull(),
    required: text('required').array().notNull().default(sql`'{}'::text[]`),
    rules: jsonb('rules').$type<unknown[]>().notNull().default([]),
    ...timestamps(),
  },
  (t) => [uniqueIndex('stat_forms_period_type_idx').on(t.periodId, t.entityType), check('stat_forms_type_check', sql`${t.entityType} in ('enterprise', 'incubator', 'zone')`)],
);

/**
 * One entity's return for one period. The dimensions (zone, province, sector, size class, stage) are a
 * snapshot taken when it is submitted, so what the rollups added is what they subtract.
 * `counted`: its values are in the rollups (approved by the first level of its chain, not returned since).
 */
export const statSubmissions = pgTable(
  'stat_submissions',
  {
    id: idColumn(),
    formId: uuid('form_id')
      .notNull()
      .references(() => statForms.id),
    periodId: uuid('period_id')
      .notNull()
      .references(() => statPeriods.id),
    year: integer('year').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    status: text('status').notNull().default('draft'),
    chain: jsonb('chain').$type<ChainStep[]>().notNull().default([]),
    step: integer('step').notNull().default(0),
    counted: boolean('counted').notNull().default(false),
    country: text('country'),
    province: text('province'),
    zoneId: uuid('zone_id'),
    sector: text('sector'),
    sizeClass: text('size_class'),
    stage: text('stage'),
    synthetic: boolean('synthetic').notNull().default(false),
    findings: jsonb('findings').$type<unknown[]>().notNull().default([]),
    explanation: text('explanation'),
    returnedReason: text('returned_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('stat_submissions_form_entity_idx').on(t.formId, t.entityId),
    index('stat_submissions_period_status_idx').on(t.periodId, t.status),
    index('stat_submissions_entity_idx').on(t.entityType, t.entityId, t.year),
    index('stat_submissions_zone_idx').on(t.zoneId, t.periodId),
    // The "synthetic data" flag of every yearbook table, pivot and dashboard: a probe, not a scan of all returns.
    index('stat_submissions_synthetic_idx').on(t.year).where(sql`${t.synthetic}`),
    index('stat_submissions_year_idx').on(t.year, t.entityType, t.status),
    check('stat_submissions_status_check', sql`${t.status} in ('draft', 'submitted', 'returned', 'approved')`),
    check('stat_submissions_type_check', sql`${t.entityType} in ('enterprise', 'incubator', 'zone')`),
  ],
);

/** Raw survey values, one row per submission and indicator (DESIGN.md, Data: normalised). */
export const statValues = pgTable(
  'stat_values',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => statSubmissions.id, { onDelete: 'cascade' }),
    indicator: text('indicator').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.indicator] }), index('stat_values_indicator_value_idx').on(t.indicator, t.value)],
);

/** The approvals and returns of a submission, level by level: who, when, why. */
export const statReviews = pgTable(
  'stat_reviews',
  {
    id: idColumn(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => statSubmissions.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    decision: text('decision').notNull(),
    reason: text('reason'),
    reviewerId: uuid('reviewer_id'),
    ...timestamps(),
  },
  (t) => [index('stat_reviews_submission_idx').on(t.submissionId), check('stat_reviews_decision_check', sql`${t.decision} in ('approve', 'return', 'reopen')`)],
);

/**
 * Rollups the yearbook reads (kept up to date in the transaction of every approval, return and reopen):
 * sums and counts of counted values by year × entity type × indicator × province × zone × sector.
 * `final_count`: of those, values whose submission has passed its whole chain (the rest are provisional).
 * Indicator `_records` counts submissions.
 */
export const statRollups = pgTable(
  'stat_rollups',
  {
    year: integer('year').notNull(),
    entityType: text('entity_type').notNull(),
    indicator: text('indicator').notNull(),
    province: text('province'),
    zoneId: uuid('zone_id'),
    sector: text('sector'),
    total: numeric('total', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
    finalCount: integer('final_count').notNull(),
  },
  (t) => [
    unique('stat_rollups_cell').on(t.year, t.indicator, t.entityType, t.province, t.zoneId, t.sector).nullsNotDistinct(),
    index('stat_rollups_zone_idx').on(t.zoneId, t.indicator),
  ],
);

/**
 * The rollups summed over province, zone and sector: one cell per year × entity type × indicator. The national
 * totals and the year-by-year table read these few cells instead of summing every cell of `stat_rollups`
 * (measured at 200,000 enterprises × 10 years: the by-year table's 10 years × 7 parts are 22,000 rollup cells,
 * 17 ms of a 40–55 ms table). Maintained with `stat_rollups` in the same statements' transaction.
 */
export const statRollupsNational = pgTable(
  'stat_rollups_national',
  {
    year: integer('year').notNull(),
    entityType: text('entity_type').notNull(),
    indicator: text('indicator').notNull(),
    total: numeric('total', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
    finalCount: integer('final_count').notNull(),
  },
  (t) => [unique('stat_rollups_national_cell').on(t.year, t.indicator, t.entityType)],
);

/** The finer cube behind ad-hoc pivots: the rollup's dimensions plus size class and lifecycle stage. */
export const statCube = pgTable(
  'stat_cube',
  {
    year: integer('year').notNull(),
    entityType: text('entity_type').notNull(),
    indicator: text('indicator').notNull(),
    province: text('province'),
    zoneId: uuid('zone_id'),
    sector: text('sector'),
    sizeClass: text('size_class'),
    stage: text('stage'),
    total: numeric('total', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [unique('stat_cube_cell').on(t.indicator, t.year, t.entityType, t.province, t.zoneId, t.sector, t.sizeClass, t.stage).nullsNotDistinct()],
);

/** Published national figures from the seeds (data/reference/statistics/published-series.json), each citing its file. */
export const statSeries = pgTable('stat_series', {
  code: text('code').primaryKey(),
  names: jsonb('names').$type<Text3>().notNull(),
  unit: text('unit').notNull(),
  indicator: text('indicator'),
  scope: text('scope').notNull(),
  points: jsonb('points').$type<{ year: number | null; value: number; qualifier?: string; source: string; quote: string }[]>().notNull(),
  ...timestamps(),
});

// ── M&E of policy ─────────────────────────────────────────────────────────────

export const mePolicies = pgTable('me_policies', {
  id: idColumn(),
  key: text('key').unique(),
  names: jsonb('names').$type<Text3>().notNull(),
  note: jsonb('note').$type<Text3>(),
  example: boolean('example').notNull().default(false),
  source: text('source'),
  ...timestamps(),
});

export const meGoals = pgTable(
  'me_goals',
  {
    id: idColumn(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => mePolicies.id, { onDelete: 'cascade' }),
    key: text('key'),
    area: text('area'),
    names: jsonb('names').$type<Text3>().notNull(),
    source: text('source'),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('me_goals_policy_idx').on(t.policyId)],
);

/** An indicator of a goal: what is measured (a catalogue indicator or a published series), from where, to where. */
export const meTargets = pgTable(
  'me_targets',
  {
    id: idColumn(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => meGoals.id, { onDelete: 'cascade' }),
    indicator: text('indicator').notNull(),
    scope: text('scope').notNull().default('national'),
    direction: text('direction').notNull(),
    baselineYear: integer('baseline_year').notNull(),
    /** Null: measured — the value the data give in the baseline year. */
    baselineValue: doublePrecision('baseline_value'),
    /** Each target as set: an absolute value, a change on the baseline (0.12 = +12 %) or a delta added to it. */
    targets: jsonb('targets').$type<({ year: number } & ({ value: number } | { change: number } | { delta: number }))[]>().notNull(),
    atRisk: doublePrecision('at_risk').notNull(),
    offTrack: doublePrecision('off_track').notNull(),
    example: boolean('example').notNull().default(false),
    ...timestamps(),
  },
  (t) => [index('me_targets_goal_idx').on(t.goalId), check('me_targets_direction_check', sql`${t.direction} in ('increase', 'decrease')`)],
);
