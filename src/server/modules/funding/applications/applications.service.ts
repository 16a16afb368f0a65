import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Application,
  ApplicationDraft,
  ApplicationListQuery,
  ApplicationSummary,
  Attachment,
  CreateApplicationInput,
  EligibilityCheckInput,
  EligibilityResult,
  InfoResponseInput,
  InstrumentKind,
  Receipt,
  ScreeningInput,
} from '../../../../shared/contracts/funding';
import { translate } from '../../../../shared/i18n';
import type { Db } from '../../../db/client';
import { users } from '../../../platform/accounts/accounts.tables';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors';
import { files } from '../../../platform/files/files.tables';
import { storagePath } from '../../../platform/files/store-file';
import { notify } from '../../../platform/notifications/notify';
import { enterprises } from '../../registry/registry.tables';
import { callPhase, formatDeadline } from '../calls/call-rules';
import { type CallRow, findCall } from '../calls/calls.service';
import { fundingCalls } from '../calls/calls.tables';
import { fundingNow } from '../calls/clock';
import { canActFor, isApplicantOf, isOfficerOf, officerPrograms } from './access';
import { type EligibilitySnapshot, fundingApplications, fundingAttachments, fundingScreeningDecisions } from './applications.tables';
import { evaluateForEnterprise, explainedResult } from './eligibility-facts';
import { allFields, type Answers, checkAnswer, checkRequest, contentHash, type Issue, submittedAnswers, validateSubmission } from './form';

type AppRow = typeof fundingApplications.$inferSelect;

/** Attachments: PDF, images and XLSX (type sniffed from content by the platform's file store), 10 MB each at most. */
export const ATTACHMENT_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const E = 'funding.applications.';

// ── Reading ──────────────────────────────────────────────────────────────────

async function callOf(db: Db | Tx, callId: string): Promise<CallRow> {
  const [c] = await db.select().from(fundingCalls).where(eq(fundingCalls.id, callId));
  if (!c) throw notFound();
  return c;
}

type Access = 'applicant' | 'officer';

/** The application and how the caller may see it; to anyone else it does not exist (404, not 403). */
async function readable(ctx: Ctx, db: Db | Tx, id: string, lock = false): Promise<{ app: AppRow; call: CallRow; access: Access }> {
  const actor = requireActor(ctx);
  // The application with its call in one round trip; only the application's row is locked.
  const q = db
    .select({ app: fundingApplications, call: fundingCalls })
    .from(fundingApplications)
    .innerJoin(fundingCalls, eq(fundingCalls.id, fundingApplications.callId))
    .where(eq(fundingApplications.id, id));
  const [found] = lock ? await q.for('update', { of: fundingApplications }) : await q;
  if (!found) throw notFound();
  const { app, call } = found;
  if (isApplicantOf(actor, app)) return { app, call, access: 'applicant' };
  if (isOfficerOf(actor, call.programId) && app.status !== 'draft') return { app, call, access: 'officer' };
  throw notFound();
}

async function asApplicant(ctx: Ctx, tx: Tx, id: string) {
  const r = await readable(ctx, tx, id, true);
  if (r.access !== 'applicant') throw forbidden();
  return r;
}

function receiptOf(app: Pick<AppRow, 'id' | 'callId' | 'receiptId' | 'submittedAt' | 'contentHash'>): Receipt | null {
  if (!app.receiptId || !app.submittedAt || !app.contentHash) return null;
  return {
    receiptId: app.receiptId,
    applicationId: app.id,
    callId: app.callId,
    submittedAt: app.submittedAt.toISOString(),
    algorithm: 'SHA-256',
    contentHash: app.contentHash,
  };
}

async function attachmentsOf(db: Db | Tx, applicationIds: string[]): Promise<(Attachment & { applicationId: string; storageKey: string })[]> {
  if (!applicationIds.length) return [];
  const rows = await db
    .select({ a: fundingAttachments, f: files })
    .from(fundingAttachments)
    .innerJoin(files, eq(files.id, fundingAttachments.fileId))
    .where(inArray(fundingAttachments.applicationId, applicationIds))
    .orderBy(asc(fundingAttachments.createdAt), asc(fundingAttachments.id));
  return rows.map(({ a, f }) => ({
    id: a.id,
    applicationId: a.applicationId,
    fieldKey: a.fieldKey,
    fileId: f.id,
    name: f.originalName,
    mediaType: f.mediaType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    storageKey: f.storageKey,
    createdAt: a.createdAt.toISOString(),
  }));
}

async function toDto(ctx: Ctx, db: Db | Tx, app: AppRow, call: CallRow, access: Access): Promise<Application> {
  // One after another: inside a transaction the queries share one connection.
  const [enterprise] = await db.select({ id: enterprises.id, names: enterprises.names }).from(enterprises).where(eq(enterprises.id, app.enterpriseId));
  const [applicant] = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, app.applicantId));
  const atts = await attachmentsOf(db, [app.id]);
  const screening = await db
    .select({ d: fundingScreeningDecisions, by: users.displayName })
    .from(fundingScreeningDecisions)
    .leftJoin(users, eq(users.id, fundingScreeningDecisions.decidedBy))
    .where(eq(fundingScreeningDecisions.applicationId, app.id))
    .orderBy(asc(fundingScreeningDecisions.createdAt), asc(fundingScreeningDecisions.id));
  // A blind call hides the applicant's identity from reviewers; officers screening it still see it.
  const snapshot = app.eligibility;
  return {
    id: app.id,
    call: {
      id: call.id,
      names: call.names,
      closesAt: call.closesAt.toISOString(),
      timeZone: call.timeZone,
      currency: call.currency,
      phase: callPhase(call, fundingNow()),
    },
    enterprise: enterprise ?? null,
    applicant: applicant ?? null,
    status: app.status,
    answers: app.answers,
    instrument: app.instrument ?? null,
    requestedAmount: app.requestedAmount === null ? null : Number(app.requestedAmount),
    currency: app.currency,
    version: app.version,
    eligibility: snapshot ? explainedResult(snapshot, ctx.lang) : null,
    receipt: receiptOf(app),
    attachments: atts.map(({ applicationId: _a, storageKey: _s, ...a }) => a),
    screening: screening.map(({ d, by }) => ({
      id: d.id,
      kind: d.kind,
      reason: d.reason,
      decidedBy: access === 'officer' || by === null ? by : null,
      createdAt: d.createdAt.toISOString(),
      response: d.response,
      respondedAt: d.respondedAt?.toISOString() ?? null,
    })),
    submittedAt: app.submittedAt?.toISOString() ?? null,
    withdrawnAt: app.withdrawnAt?.toISOString() ?? null,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

export async function getApplication(ctx: Ctx, id: string): Promise<Application> {
  const db = ctx.database.db;
  const { app, call, access } = await readable(ctx, db, id);
  return toDto(ctx, db, app, call, access);
}

type ListQuery = z.output<typeof ApplicationListQuery>;

async function list(ctx: Ctx, where: SQL[], query: ListQuery): Promise<{ items: ApplicationSummary[]; total: number }> {
  if (query.callId) where.push(eq(fundingApplications.callId, query.callId));
  if (query.status) where.push(eq(fundingApplications.status, query.status));
  if (query.verdict) where.push(eq(fundingApplications.eligibilityVerdict, query.verdict));
  const condition = and(...where);
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ a: fundingApplications, callNames: fundingCalls.names, enterpriseNames: enterprises.names, applicantName: users.displayName })
      .from(fundingApplications)
      .innerJoin(fundingCalls, eq(fundingCalls.id, fundingApplications.callId))
      .leftJoin(enterprises, eq(enterprises.id, fundingApplications.enterpriseId))
      .leftJoin(users, eq(users.id, fundingApplications.applicantId))
      .where(condition)
      .orderBy(desc(fundingApplications.updatedAt), asc(fundingApplications.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(fundingApplications).innerJoin(fundingCalls, eq(fundingCalls.id, fundingApplications.callId)).where(condition),
  ]);
  return {
    items: rows.map(({ a, callNames, enterpriseNames, applicantName }) => ({
      id: a.id,
      callId: a.callId,
      callNames,
      enterprise: enterpriseNames ? { id: a.enterpriseId, names: enterpriseNames } : null,
      applicantName,
      status: a.status,
      instrument: a.instrument ?? null,
      requestedAmount: a.requestedAmount === null ? null : Number(a.requestedAmount),
      currency: a.currency,
      verdict: a.eligibilityVerdict ?? null,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      updatedAt: a.updatedAt.toISOString(),
    })),
    total,
  };
}

/** The caller's own applications (and their enterprise colleagues'), drafts included. */
export async function listMyApplications(ctx: Ctx, query: ListQuery) {
  const actor = requireActor(ctx);
  const scoped = actor.roles.filter((g) => g.role === 'enterprise_member' && g.scopeType === 'enterprise' && g.scopeId).map((g) => g.scopeId!);
  const mine = scoped.length
    ? sql`(${fundingApplications.applicantId} = ${actor.userId} or ${inArray(fundingApplications.enterpriseId, scoped)})`
    : eq(fundingApplications.applicantId, actor.userId);
  return list(ctx, [mine], query);
}

/** Officers: the submitted applications of the calls they run (drafts are the applicant's own business). */
export async function listApplications(ctx: Ctx, query: ListQuery) {
  const programs = officerPrograms(requireActor(ctx));
  const where: SQL[] = [sql`${fundingApplications.status} <> 'draft'`];
  if (programs) where.push(programs.length ? inArray(fundingCalls.programId, programs) : sql`false`);
  return list(ctx, where, query);
}

// ── Deadlines ────────────────────────────────────────────────────────────────

/** Refuses a change to an application outside the call's window, saying when the window is. */
function requireWindow(ctx: Ctx, call: CallRow, allowBeforeOpening: boolean) {
  const phase = callPhase(call, fundingNow());
  if (phase === 'accepting' || (allowBeforeOpening && phase === 'upcoming' && call.status === 'open')) return;
  if (phase === 'upcoming') throw conflict(`${E}not_open_yet`, { opensAt: formatDeadline(call.opensAt, call.timeZone, ctx.lang) });
  throw conflict(`${E}deadline_passed`, { deadline: formatDeadline(call.closesAt, call.timeZone, ctx.lang) });
}

// ── Drafts ───────────────────────────────────────────────────────────────────

const issueDetails = (ctx: Ctx, issues: Issue[]) =>
  issues.map((i) => ({ path: i.path, code: i.code, message: translate(ctx.lang, `funding.form.${i.code}`, i.params ?? {}) }));

/** Answers must name the form's fields and have their types; blanks are fine in a draft. */
function checkDraftAnswers(ctx: Ctx, call: CallRow, answers: Answers, instrument: InstrumentKind | null, amount: number | null) {
  const fields = new Map(allFields(call.form).map((f) => [f.key, f]));
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const field = fields.get(key);
    if (!field || field.type === 'file') issues.push({ path: `answers.${key}`, code: 'unknown_field' });
    else {
      const problem = checkAnswer(field, value);
      if (problem) issues.push(problem);
    }
  }
  issues.push(...checkRequest(call.instruments, instrument, amount, false));
  if (issues.length) throw new AppError(422, 'validation_failed', {}, issueDetails(ctx, issues));
}

export async function createApplication(
  ctx: Ctx,
  input: CreateApplicationInput,
  idempotencyKey: string | null,
): Promise<{ application: Application; created: boolean }> {
  const actor = requireActor(ctx);
  const { call } = await findCall(ctx, input.callId);
  if (!canActFor(actor, input.enterpriseId)) throw forbidden(`${E}not_your_enterprise`);
  return withTransaction(ctx, async (tx, audit) => {
    if (idempotencyKey) {
      const [existing] = await tx
        .select()
        .from(fundingApplications)
        .where(and(eq(fundingApplications.applicantId, actor.userId), eq(fundingApplications.idempotencyKey, idempotencyKey)));
      if (existing) {
        if (existing.callId !== input.callId || existing.enterpriseId !== input.enterpriseId) throw conflict(`${E}idempotency_key_reused`);
        return { application: await toDto(ctx, tx, existing, call, 'applicant'), created: false };
      }
    }
    requireWindow(ctx, call, true);
    const [enterprise] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!enterprise) throw new AppError(422, `${E}enterprise_not_found`, {}, [{ path: 'enterpriseId', message: '' }]);
    // A concurrent retry with the same key: the unique index lets one insert win; the other returns that row.
    const [row] = await tx
      .insert(fundingApplications)
      .values({ callId: call.id, enterpriseId: input.enterpriseId, applicantId: actor.userId, currency: call.currency, idempotencyKey })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [existing] = await tx
        .select()
        .from(fundingApplications)
        .where(and(eq(fundingApplications.applicantId, actor.userId), eq(fundingApplications.idempotencyKey, idempotencyKey ?? '')));
      if (!existing) throw conflict();
      return { application: await toDto(ctx, tx, existing, call, 'applicant'), created: false };
    }
    await audit({ action: 'funding.application.create', entityType: 'funding_application', entityId: row.id, after: row });
    return { application: await toDto(ctx, tx, row, call, 'applicant'), created: true };
  });
}

export async function saveDraft(ctx: Ctx, id: string, draft: ApplicationDraft): Promise<Application> {
  return withTransaction(ctx, async (tx, audit) => {
    const { app, call } = await asApplicant(ctx, tx, id);
    if (app.status !== 'draft') throw conflict(`${E}not_draft`, { status: app.status });
    requireWindow(ctx, call, true);
    if (draft.version !== undefined && draft.version !== app.version) throw conflict(`${E}stale_draft`, { version: app.version });
    const instrument = draft.instrument === undefined ? (app.instrument ?? null) : draft.instrument;
    const amount = draft.requestedAmount === undefined ? (app.requestedAmount === null ? null : Number(app.requestedAmount)) : draft.requestedAmount;
    checkDraftAnswers(ctx, call, draft.answers, instrument, amount);
    const changed = Object.keys({ ...app.answers, ...draft.answers }).filter((k) => JSON.stringify(app.answers[k]) !== JSON.stringify(draft.answers[k]));
    const [row] = await tx
      .update(fundingApplications)
      .set({ answers: draft.answers, instrument, requestedAmount: amount, version: app.version + 1 })
      .where(eq(fundingApplications.id, id))
      .returning();
    await audit({
      action: 'funding.application.save_draft',
      entityType: 'funding_application',
      entityId: id,
      before: { version: app.version, answers: Object.fromEntries(changed.map((k) => [k, app.answers[k] ?? null])) },
      after: { version: row.version, answers: Object.fromEntries(changed.map((k) => [k, draft.answers[k] ?? null])), instrument, requestedAmount: amount },
    });
    return toDto(ctx, tx, row, call, 'applicant');
  });
}

export async function deleteDraft(ctx: Ctx, id: string): Promise<void> {
  await withTransaction(ctx, async (tx, audit) => {
    const { app } = await asApplicant(ctx, tx, id);
    if (app.status !== 'draft') throw conflict(`${E}not_draft`, { status: app.status });
    await tx.delete(fundingApplications).where(eq(fundingApplications.id, id));
    await audit({ action: 'funding.application.delete_draft', entityType: 'funding_application', entityId: id, before: app });
  });
}

// ── Attachments ──────────────────────────────────────────────────────────────

export async function addAttachment(ctx: Ctx, id: string, input: { fieldKey: string; fileId: string }): Promise<Attachment> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { app, call } = await asApplicant(ctx, tx, id);
    if (app.status !== 'draft' && app.status !== 'info_requested') throw conflict(`${E}not_draft`, { status: app.status });
    if (app.status === 'draft') requireWindow(ctx, call, true);
    const field = allFields(call.form).find((f) => f.key === input.fieldKey);
    if (field?.type !== 'file') throw new AppError(422, `${E}not_file_field`, {}, [{ path: 'fieldKey', message: '' }]);
    const [file] = await tx.select().from(files).where(eq(files.id, input.fileId));
    if (!file || file.ownerId !== actor.userId) throw new AppError(422, `${E}file_not_yours`, {}, [{ path: 'fileId', message: '' }]);
    if (!ATTACHMENT_TYPES.has(file.mediaType)) throw new AppError(415, `${E}attachment_type`);
    const limit = Math.min(ATTACHMENT_MAX_BYTES, ctx.config.maxUploadBytes);
    if (file.sizeBytes > limit) throw new AppError(413, `${E}attachment_too_large`, { limit: `${Math.round(limit / 1024 / 1024)} MB` });
    const [{ n }] = await tx
      .select({ n: count() })
      .from(fundingAttachments)
      .where(and(eq(fundingAttachments.applicationId, id), eq(fundingAttachments.fieldKey, input.fieldKey)));
    if (n >= (field.maxFiles ?? 1)) throw conflict(`${E}too_many_files`, { max: field.maxFiles ?? 1 });
    const [row] = await tx.insert(fundingAttachments).values({ applicationId: id, fieldKey: input.fieldKey, fileId: file.id }).returning();
    await tx
      .update(fundingApplications)
      .set({ version: app.version + 1 })
      .where(eq(fundingApplications.id, id));
    await audit({
      action: 'funding.application.attach',
      entityType: 'funding_application',
      entityId: id,
      after: { attachmentId: row.id, fieldKey: input.fieldKey, fileId: file.id, sha256: file.sha256 },
    });
    return {
      id: row.id,
      fieldKey: row.fieldKey,
      fileId: file.id,
      name: file.originalName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function removeAttachment(ctx: Ctx, id: string, attachmentId: string): Promise<void> {
  await withTransaction(ctx, async (tx, audit) => {
    const { app, call } = await asApplicant(ctx, tx, id);
    if (app.status !== 'draft') throw conflict(`${E}not_draft`, { status: app.status });
    requireWindow(ctx, call, true);
    const [gone] = await tx
      .delete(fundingAttachments)
      .where(and(eq(fundingAttachments.id, attachmentId), eq(fundingAttachments.applicationId, id)))
      .returning();
    if (!gone) throw notFound();
    await tx
      .update(fundingApplications)
      .set({ version: app.version + 1 })
      .where(eq(fundingApplications.id, id));
    await audit({
      action: 'funding.application.detach',
      entityType: 'funding_application',
      entityId: id,
      before: { attachmentId, fieldKey: gone.fieldKey, fileId: gone.fileId },
    });
  });
}

/** An attachment's bytes, for the applicant and the officers of the call. */
export async function openAttachment(ctx: Ctx, id: string, attachmentId: string) {
  const db = ctx.database.db;
  await readable(ctx, db, id);
  const att = (await attachmentsOf(db, [id])).find((a) => a.id === attachmentId);
  if (!att) throw notFound();
  const p = storagePath(ctx.config, att.storageKey);
  if (!fs.existsSync(p)) throw notFound();
  return { attachment: att, stream: fs.createReadStream(p) };
}

// ── Eligibility (live) ───────────────────────────────────────────────────────

/**
 * The call's rules on these answers, prefilled from the enterprise's registry profile when one is given
 * (the caller must be able to act for it, or be an officer of the call). Anyone may evaluate bare answers.
 */
export async function checkEligibility(ctx: Ctx, callId: string, input: z.output<typeof EligibilityCheckInput>): Promise<EligibilityResult> {
  const { call } = await findCall(ctx, callId);
  let enterpriseId = input.enterpriseId ?? null;
  let applicationId: string | null = null;
  if (input.applicationId) {
    const r = await readable(ctx, ctx.database.db, input.applicationId);
    if (r.app.callId !== callId) throw notFound();
    enterpriseId = r.app.enterpriseId;
    applicationId = r.app.id;
  } else if (enterpriseId && !canActFor(ctx.actor, enterpriseId) && !isOfficerOf(ctx.actor, call.programId)) {
    throw forbidden(`${E}not_your_enterprise`);
  }
  const result = await evaluateForEnterprise(ctx.database.db, call, {
    enterpriseId,
    applicationId,
    answers: input.answers,
    instrument: input.instrument ?? null,
    requestedAmount: input.requestedAmount ?? null,
  });
  return explainedResult(result, ctx.lang);
}

// ── Submission ───────────────────────────────────────────────────────────────

export type SubmitResult = { receipt: Receipt; replayed: boolean };

/**
 * Submits a draft: one transaction holding the application's row lock, so a double click or a retry after
 * a timeout finds the row already submitted and gets the same receipt back (`replayed`), never a second
 * submission. The deadline is the server's clock. Incomplete answers and a failed eligibility rule are
 * refused with every reason; an `unknown` rule does not block (the officer sees it).
 */
export async function submitApplication(ctx: Ctx, id: string): Promise<SubmitResult> {
  return withTransaction(ctx, async (tx, audit) => {
    const { app, call } = await asApplicant(ctx, tx, id);
    if (app.status !== 'draft') {
      const receipt = receiptOf(app);
      if (receipt) return { receipt, replayed: true };
      throw conflict(`${E}not_draft`, { status: app.status });
    }
    requireWindow(ctx, call, false);
    const atts = await attachmentsOf(tx, [id]);
    const answers = app.answers;
    const instrument = app.instrument ?? null;
    const amount = app.requestedAmount === null ? null : Number(app.requestedAmount);
    const attachmentCounts: Record<string, number> = {};
    for (const a of atts) attachmentCounts[a.fieldKey] = (attachmentCounts[a.fieldKey] ?? 0) + 1;
    const issues = validateSubmission({ form: call.form, answers, attachmentCounts, instruments: call.instruments, instrument, requestedAmount: amount });
    if (issues.length) throw new AppError(422, `${E}incomplete`, { count: issues.length }, issueDetails(ctx, issues));

    // "One application per enterprise per call" counts the others: serialise this enterprise's submissions to this call.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`funding:${call.id}:${app.enterpriseId}`}))`);
    const evaluated = await evaluateForEnterprise(tx, call, {
      enterpriseId: app.enterpriseId,
      applicationId: id,
      answers,
      instrument,
      requestedAmount: amount,
    });
    if (evaluated.evaluation.verdict === 'ineligible') {
      const explained = explainedResult(evaluated, ctx.lang);
      const details = explained.rules
        .filter((r) => r.outcome === 'fail')
        .map((r) => ({ path: `eligibility.${r.ruleId}`, code: 'fail', message: `${r.label}: ${r.reason}` }));
      throw new AppError(422, `${E}ineligible`, { rules: details.length }, details);
    }
    const now = fundingNow();
    const submitted = submittedAnswers(call.form, answers);
    const hash = contentHash({
      callId: call.id,
      enterpriseId: app.enterpriseId,
      answers: submitted,
      instrument,
      requestedAmount: amount,
      currency: app.currency,
      attachments: atts.map((a) => ({ fieldKey: a.fieldKey, name: a.name, sha256: a.sha256 })),
    });
    const snapshot: EligibilitySnapshot = { ...evaluated, evaluatedAt: now.toISOString() };
    const [row] = await tx
      .update(fundingApplications)
      .set({
        status: 'submitted',
        answers: submitted,
        submittedAt: now,
        receiptId: randomUUID(),
        contentHash: hash,
        eligibility: snapshot,
        eligibilityVerdict: evaluated.evaluation.verdict,
        version: app.version + 1,
      })
      .where(and(eq(fundingApplications.id, id), eq(fundingApplications.status, 'draft')))
      .returning({
        id: fundingApplications.id,
        callId: fundingApplications.callId,
        receiptId: fundingApplications.receiptId,
        submittedAt: fundingApplications.submittedAt,
        contentHash: fundingApplications.contentHash,
        eligibilityVerdict: fundingApplications.eligibilityVerdict,
      });
    if (!row) throw conflict();
    const receipt = receiptOf(row)!;
    await audit({
      action: 'funding.application.submit',
      entityType: 'funding_application',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'submitted', receipt, verdict: row.eligibilityVerdict },
    });
    return { receipt, replayed: false };
  });
}

export async function withdrawApplication(ctx: Ctx, id: string): Promise<Application> {
  return withTransaction(ctx, async (tx, audit) => {
    const { app, call } = await asApplicant(ctx, tx, id);
    if (app.status === 'withdrawn') return toDto(ctx, tx, app, call, 'applicant');
    if (app.status !== 'submitted' && app.status !== 'info_requested') throw conflict(`${E}cannot_withdraw`, { status: app.status });
    requireWindow(ctx, call, false);
    const now = fundingNow();
    const [row] = await tx.update(fundingApplications).set({ status: 'withdrawn', withdrawnAt: now }).where(eq(fundingApplications.id, id)).returning();
    await audit({
      action: 'funding.application.withdraw',
      entityType: 'funding_application',
      entityId: id,
      before: { status: app.status },
      after: { status: 'withdrawn' },
    });
    return toDto(ctx, tx, row, call, 'applicant');
  });
}

// ── Screening ────────────────────────────────────────────────────────────────

const NEXT_STATUS = { accept: 'accepted', reject: 'rejected', request_info: 'info_requested' } as const;

/** The officer's screening decision; the applicant is notified in their own language (the notification is a key). */
export async function screenApplication(ctx: Ctx, id: string, input: ScreeningInput): Promise<Application> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [app] = await tx.select().from(fundingApplications).where(eq(fundingApplications.id, id)).for('update');
    if (!app || app.status === 'draft') throw notFound();
    const call = await callOf(tx, app.callId);
    if (!isOfficerOf(actor, call.programId)) throw notFound();
    const allowed = input.kind === 'request_info' ? app.status === 'submitted' : app.status === 'submitted' || app.status === 'info_requested';
    if (!allowed) throw conflict(`${E}not_screenable`, { status: app.status });
    const [decision] = await tx
      .insert(fundingScreeningDecisions)
      .values({ applicationId: id, kind: input.kind, reason: input.reason ?? null, decidedBy: actor.via === 'system' ? null : actor.userId })
      .returning();
    const status = NEXT_STATUS[input.kind];
    const [row] = await tx.update(fundingApplications).set({ status }).where(eq(fundingApplications.id, id)).returning();
    await notify(
      tx,
      app.applicantId,
      `funding_screening_${input.kind}`,
      { call: call.names.en, callNames: call.names, reason: input.reason ?? '' },
      `/funding/applications/${id}`,
    );
    await audit({
      action: `funding.application.screen.${input.kind}`,
      entityType: 'funding_application',
      entityId: id,
      before: { status: app.status },
      after: { status, decisionId: decision.id, reason: input.reason ?? null },
    });
    return toDto(ctx, tx, row, call, 'officer');
  });
}

/** The applicant answers the officer's latest request for information; the application returns to `submitted`. */
export async function respondToInfoRequest(ctx: Ctx, id: string, input: InfoResponseInput): Promise<Application> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { app, call } = await asApplicant(ctx, tx, id);
    if (app.status !== 'info_requested') throw conflict(`${E}no_info_request`);
    const [request] = await tx
      .select()
      .from(fundingScreeningDecisions)
      .where(
        and(
          eq(fundingScreeningDecisions.applicationId, id),
          eq(fundingScreeningDecisions.kind, 'request_info'),
          sql`${fundingScreeningDecisions.respondedAt} is null`,
        ),
      )
      .orderBy(desc(fundingScreeningDecisions.createdAt))
      .limit(1);
    if (!request) throw conflict(`${E}no_info_request`);
    const now = fundingNow();
    await tx
      .update(fundingScreeningDecisions)
      .set({ response: input.message, respondedAt: now, respondedBy: actor.userId })
      .where(eq(fundingScreeningDecisions.id, request.id));
    let changes: Partial<AppRow> = { status: 'submitted' };
    if (input.answers && Object.keys(input.answers).length) {
      const instrument = app.instrument ?? null;
      const amount = app.requestedAmount === null ? null : Number(app.requestedAmount);
      const merged = { ...app.answers, ...input.answers };
      checkDraftAnswers(ctx, call, input.answers, instrument, amount);
      const atts = await attachmentsOf(tx, [id]);
      const submitted = submittedAnswers(call.form, merged);
      const evaluated = await evaluateForEnterprise(tx, call, {
        enterpriseId: app.enterpriseId,
        applicationId: id,
        answers: merged,
        instrument,
        requestedAmount: amount,
      });
      const hash = contentHash({
        callId: call.id,
        enterpriseId: app.enterpriseId,
        answers: submitted,
        instrument,
        requestedAmount: amount,
        currency: app.currency,
        attachments: atts.map((a) => ({ fieldKey: a.fieldKey, name: a.name, sha256: a.sha256 })),
      });
      // Changed content gets a new receipt (new id and hash); the original submission time stands.
      changes = {
        ...changes,
        answers: submitted,
        contentHash: hash,
        receiptId: randomUUID(),
        eligibility: { ...evaluated, evaluatedAt: now.toISOString() },
        eligibilityVerdict: evaluated.evaluation.verdict,
        version: app.version + 1,
      };
    }
    const [row] = await tx.update(fundingApplications).set(changes).where(eq(fundingApplications.id, id)).returning();
    if (request.decidedBy)
      await notify(tx, request.decidedBy, 'funding_info_answered', { call: call.names.en, callNames: call.names }, `/funding/screening/${id}`);
    await audit({
      action: 'funding.application.answer_info',
      entityType: 'funding_application',
      entityId: id,
      before: { status: app.status, contentHash: app.contentHash },
      after: { status: 'submitted', contentHash: row.contentHash, message: input.message },
    });
    return toDto(ctx, tx, row, call, 'applicant');
  });
}
