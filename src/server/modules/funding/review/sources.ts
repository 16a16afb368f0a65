import { and, eq, inArray, ne } from 'drizzle-orm';
import type { ApplicationForm, Rubric, Text3 } from '../../../../shared/contracts/funding';
import type { Db } from '../../../db/client';
import { users } from '../../../platform/accounts/accounts.tables';
import type { Tx } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { forbidden, notFound } from '../../../platform/errors';
import { isOfficerOf } from '../applications/access';
import { affiliations, enterprises } from '../../registry/registry.tables';
import { fundingApplications } from '../applications/applications.tables';
import { fundingCalls, fundingPrograms } from '../calls/calls.tables';

/**
 * What review and awards read about calls, applications and enterprises: the one place they meet the calls,
 * applications and registry modules, read-only. Everything else in review/ and awards/ works on these shapes.
 */

export type Reader = Db | Tx;
export type Names = { en: string; zh?: string; ur?: string };

export type CallForReview = {
  id: string;
  programId: string;
  programNames: Text3;
  names: Text3;
  status: string;
  opensAt: Date;
  closesAt: Date;
  budget: number;
  currency: string;
  rubric: Rubric;
  form: ApplicationForm;
  k: number;
  loadMin: number;
  loadMax: number;
  blind: boolean;
  requireSenior: boolean;
  defaultInstrument: string;
};

export async function loadCall(db: Reader, callId: string): Promise<CallForReview> {
  const [row] = await db
    .select({ call: fundingCalls, programNames: fundingPrograms.names })
    .from(fundingCalls)
    .innerJoin(fundingPrograms, eq(fundingPrograms.id, fundingCalls.programId))
    .where(eq(fundingCalls.id, callId));
  if (!row) throw notFound();
  const c = row.call;
  return {
    id: c.id,
    programId: c.programId,
    programNames: row.programNames,
    names: c.names,
    status: c.status,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    budget: Number(c.budget),
    currency: c.currency,
    rubric: c.rubric,
    form: c.form,
    k: c.reviewersPerApplication,
    loadMin: c.reviewerLoadMin,
    loadMax: c.reviewerLoadMax,
    blind: c.blindReview,
    requireSenior: c.seniorReviewerRequired,
    defaultInstrument: c.instruments[0]?.kind ?? 'grant',
  };
}

export type ApplicationForReview = {
  id: string;
  callId: string;
  status: string;
  enterpriseId: string;
  enterpriseNames: Names;
  province: string | null;
  sector: string | null;
  incubatorId: string | null;
  applicantId: string;
  applicantName: string;
  applicantLocale: string;
  applicantEmail: string;
  answers: Record<string, unknown>;
  instrument: string | null;
  requestedAmount: number;
  currency: string;
  submittedAt: Date | null;
  title: string;
  summary: string;
};

/** The project title and summary of an application, from its form: a text field named like a title, the long texts. */
export function textOf(form: ApplicationForm, answers: Record<string, unknown>): { title: string; summary: string } {
  const fields = form.sections.flatMap((s) => s.fields);
  const str = (k: string) => (typeof answers[k] === 'string' ? (answers[k] as string).trim() : '');
  const texts = fields.filter((f) => f.type === 'text' && str(f.key));
  const titled = texts.find((f) => /title/i.test(f.key)) ?? texts.find((f) => /project|name/i.test(f.key)) ?? texts[0];
  const summary = fields
    .filter((f) => f.type === 'longtext' && str(f.key))
    .map((f) => str(f.key))
    .join('\n\n');
  return { title: titled ? str(titled.key) : '', summary };
}

const APPLICATION_COLUMNS = {
  app: fundingApplications,
  enterpriseNames: enterprises.names,
  province: enterprises.province,
  sector: enterprises.sector,
  incubatorId: enterprises.incubatorId,
  applicantName: users.displayName,
  applicantLocale: users.locale,
  applicantEmail: users.email,
};

type AppRow = {
  app: typeof fundingApplications.$inferSelect;
  enterpriseNames: Names;
  province: string | null;
  sector: string | null;
  incubatorId: string | null;
  applicantName: string;
  applicantLocale: string;
  applicantEmail: string;
};

function toApplication(r: AppRow, form: ApplicationForm | null): ApplicationForReview {
  const answers = (r.app.answers ?? {}) as Record<string, unknown>;
  const { title, summary } = form ? textOf(form, answers) : { title: '', summary: '' };
  return {
    id: r.app.id,
    callId: r.app.callId,
    status: r.app.status,
    enterpriseId: r.app.enterpriseId,
    enterpriseNames: r.enterpriseNames,
    province: r.province,
    sector: r.sector,
    incubatorId: r.incubatorId,
    applicantId: r.app.applicantId,
    applicantName: r.applicantName,
    applicantLocale: r.applicantLocale,
    applicantEmail: r.applicantEmail,
    answers,
    instrument: r.app.instrument,
    requestedAmount: Number(r.app.requestedAmount ?? 0),
    currency: r.app.currency,
    submittedAt: r.app.submittedAt,
    title: title || r.enterpriseNames.en,
    summary,
  };
}

function applicationQuery(db: Reader) {
  return db
    .select(APPLICATION_COLUMNS)
    .from(fundingApplications)
    .innerJoin(enterprises, eq(enterprises.id, fundingApplications.enterpriseId))
    .innerJoin(users, eq(users.id, fundingApplications.applicantId));
}

/** The applications of a call that screening accepted: the ones review takes further. */
export async function loadReviewableApplications(db: Reader, call: CallForReview): Promise<ApplicationForReview[]> {
  const rows = await applicationQuery(db).where(and(eq(fundingApplications.callId, call.id), eq(fundingApplications.status, 'accepted')));
  return rows.map((r) => toApplication(r as AppRow, call.form)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function loadApplication(db: Reader, applicationId: string): Promise<ApplicationForReview & { call: CallForReview }> {
  const [row] = await applicationQuery(db).where(eq(fundingApplications.id, applicationId));
  if (!row) throw notFound();
  const call = await loadCall(db, row.app.callId);
  return { ...toApplication(row as AppRow, call.form), call };
}

export async function loadApplications(db: Reader, ids: string[]): Promise<Map<string, ApplicationForReview>> {
  if (ids.length === 0) return new Map();
  const rows = await applicationQuery(db).where(inArray(fundingApplications.id, ids));
  const forms = new Map<string, ApplicationForm>();
  for (const callId of new Set(rows.map((r) => r.app.callId))) forms.set(callId, (await loadCall(db, callId)).form);
  return new Map(rows.map((r) => [r.app.id, toApplication(r as AppRow, forms.get(r.app.callId) ?? null)]));
}

/** Registry people affiliated with each enterprise (founders, staff): the people on its applications. */
export async function peopleOfEnterprises(db: Reader, enterpriseIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (enterpriseIds.length === 0) return out;
  const rows = await db
    .select({ personId: affiliations.personId, orgId: affiliations.orgId })
    .from(affiliations)
    .where(and(eq(affiliations.orgType, 'enterprise'), inArray(affiliations.orgId, enterpriseIds)));
  for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), r.personId]);
  return out;
}

/** Earlier submitted applications (other calls) of these enterprises, with their applicant and enterprise. */
export async function earlierApplications(db: Reader, callId: string, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({ id: fundingApplications.id, enterpriseId: fundingApplications.enterpriseId, applicantId: fundingApplications.applicantId })
    .from(fundingApplications)
    .where(and(ne(fundingApplications.callId, callId), inArray(fundingApplications.enterpriseId, enterpriseIds), ne(fundingApplications.status, 'draft')));
}

/** Funnel counts of a set of calls' applications, by status. */
export async function applicationStatusCounts(
  db: Reader,
  callIds: string[],
): Promise<{ status: string; submitted: boolean; province: string | null; sector: string | null; submittedAt: Date | null; id: string; callId: string }[]> {
  if (callIds.length === 0) return [];
  return db
    .select({
      id: fundingApplications.id,
      callId: fundingApplications.callId,
      status: fundingApplications.status,
      submitted: fundingApplications.submittedAt,
      province: enterprises.province,
      sector: enterprises.sector,
      submittedAt: fundingApplications.submittedAt,
    })
    .from(fundingApplications)
    .innerJoin(enterprises, eq(enterprises.id, fundingApplications.enterpriseId))
    .where(inArray(fundingApplications.callId, callIds))
    .then((rows) => rows.map((r) => ({ ...r, submitted: r.submitted !== null })));
}

export async function callsOf(db: Reader, filter: { programId?: string; callId?: string }) {
  const where = filter.callId ? eq(fundingCalls.id, filter.callId) : filter.programId ? eq(fundingCalls.programId, filter.programId) : undefined;
  return db
    .select({ id: fundingCalls.id, programId: fundingCalls.programId, names: fundingCalls.names, programNames: fundingPrograms.names })
    .from(fundingCalls)
    .innerJoin(fundingPrograms, eq(fundingPrograms.id, fundingCalls.programId))
    .where(where);
}

export async function enterpriseNames(db: Reader, ids: string[]): Promise<Map<string, Names>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: enterprises.id, names: enterprises.names }).from(enterprises).where(inArray(enterprises.id, ids));
  return new Map(rows.map((r) => [r.id, r.names]));
}

/** Officers act on the calls of their programs (an officer scoped to a program, or national reach, or an admin). */
export function assertOfficerOf(ctx: Ctx, programId: string) {
  if (!isOfficerOf(ctx.actor, programId)) throw forbidden();
}
