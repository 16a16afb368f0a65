import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnswerValue, ApplicationStatus, InstrumentKind, ScreeningKind, Verdict } from '../../../../shared/contracts/funding';
import { idColumn, timestamps } from '../../../db/columns';
import { users } from '../../../platform/accounts/accounts.tables';
import { files } from '../../../platform/files/files.tables';
import { enterprises } from '../../registry/registry.tables';
import type { Evaluation } from '../eligibility/evaluate';
import { fundingCalls } from '../calls/calls.tables';

/** The eligibility verdict kept at submission: the engine's language-neutral evaluation and the facts it read. */
export type EligibilitySnapshot = { evaluation: Evaluation; facts: Record<string, unknown>; fromRegistry: string[]; evaluatedAt: string };

/**
 * An application to a call, by an enterprise of the registry, made by a signed-in applicant. It is an
 * ApplicationDraft while `status = 'draft'` (autosaved; `version` guards against stale overwrites), and
 * becomes a submission in one transaction that locks the row: `submitted_at`, `receipt_id` and
 * `content_hash` (SHA-256 of the canonical submitted content) are set once. Screening moves it to
 * `accepted`, `rejected` or `info_requested` (and back to `submitted` when the applicant answers);
 * the review half of issue 4 takes `accepted` applications further.
 *
 * `idempotency_key`: the client's Idempotency-Key on creation, unique per applicant, so a retried
 * "start application" returns the same draft.
 */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    id: idColumn(),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    answers: jsonb('answers').$type<Record<string, AnswerValue>>().notNull().default({}),
    instrument: text('instrument').$type<InstrumentKind>(),
    requestedAmount: numeric('requested_amount', { mode: 'number' }),
    currency: text('currency').notNull(),
    version: integer('version').notNull().default(0),
    eligibility: jsonb('eligibility').$type<EligibilitySnapshot>(),
    eligibilityVerdict: text('eligibility_verdict').$type<Verdict>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    receiptId: uuid('receipt_id').unique(),
    contentHash: text('content_hash'),
    idempotencyKey: text('idempotency_key'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('funding_applications_call_idx').on(t.callId, t.status),
    index('funding_applications_enterprise_idx').on(t.enterpriseId, t.callId),
    index('funding_applications_applicant_idx').on(t.applicantId),
    uniqueIndex('funding_applications_idempotency_idx').on(t.applicantId, t.idempotencyKey),
    check('funding_applications_status_check', sql`${t.status} in ('draft', 'submitted', 'info_requested', 'accepted', 'rejected', 'withdrawn')`),
    check(
      'funding_applications_submitted_check',
      sql`${t.status} = 'draft' or (${t.submittedAt} is not null and ${t.contentHash} is not null and ${t.receiptId} is not null) or ${t.status} = 'withdrawn'`,
    ),
  ],
);

/** A file attached to an application under one of the form's file fields. The bytes are the platform's files. */
export const fundingAttachments = pgTable(
  'funding_attachments',
  {
    id: idColumn(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    fieldKey: text('field_key').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    ...timestamps(),
  },
  (t) => [index('funding_attachments_application_idx').on(t.applicationId, t.fieldKey)],
);

/**
 * A program officer's screening decision on a submitted application: accept, reject (with a reason), or
 * request information (with what is asked). The applicant's answer to a request is kept on the same row.
 */
export const fundingScreeningDecisions = pgTable(
  'funding_screening_decisions',
  {
    id: idColumn(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ScreeningKind>().notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    response: text('response'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('funding_screening_application_idx').on(t.applicationId, t.createdAt),
    check('funding_screening_kind_check', sql`${t.kind} in ('accept', 'reject', 'request_info')`),
  ],
);
