import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Finding, Submission, SubmissionSummary, Values } from '../../../../shared/contracts/statistics';
import type { Language } from '../../../../shared/roles';
import type { Db } from '../../../db/client';
import { users } from '../../../platform/accounts/accounts.tables';
import type { Tx } from '../../../platform/audit/audit';
import { type Actor, hasRole } from '../../../platform/context';
import { indicatorMap } from '../catalogue/catalogue';
import { statForms, statPeriods, statReviews, statSubmissions, statValues } from '../statistics.tables';
import { explainFinding, type Finding as EngineFinding } from '../validation';
import { canApprove, canFile } from './chain';
import { isLate } from './period-dates';
import { toPeriod } from './periods';
import { placementOf, stepName } from './placement';

export type SubmissionRow = typeof statSubmissions.$inferSelect;
type DbLike = Db | Tx;

export const isNationalAnalyst = (actor: Actor | null) =>
  !!actor?.roles.some((g) => g.role === 'admin' || (g.role === 'ministry_analyst' && g.scopeType === null));

/** May this actor see this return: its filer, a reviewer on its chain, a national analyst. */
export function canSee(actor: Actor | null, s: SubmissionRow): boolean {
  return canFile(actor, s.entityType as 'enterprise', s.entityId) || s.chain.some((step) => canApprove(actor, step)) || isNationalAnalyst(actor);
}

export function canReviewNow(actor: Actor | null, s: SubmissionRow): boolean {
  return s.status === 'submitted' && s.step < s.chain.length && canApprove(actor, s.chain[s.step]);
}

export const isEditable = (s: SubmissionRow) => s.status === 'draft' || s.status === 'returned';

export async function readValues(db: DbLike, submissionId: string): Promise<Values> {
  const rows = await db.select({ indicator: statValues.indicator, value: statValues.value }).from(statValues).where(eq(statValues.submissionId, submissionId));
  return Object.fromEntries(rows.map((r) => [r.indicator, Number(r.value)]));
}

/** The same entity's approved values of earlier years (newest first): last year's beside each field, and the outlier rules' history. */
export async function readHistory(db: DbLike, s: Pick<SubmissionRow, 'entityId' | 'entityType' | 'year'>): Promise<{ year: number; values: Values }[]> {
  const rows = await db
    .select({ year: statSubmissions.year, indicator: statValues.indicator, value: statValues.value })
    .from(statSubmissions)
    .innerJoin(statValues, eq(statValues.submissionId, statSubmissions.id))
    .where(
      and(
        eq(statSubmissions.entityId, s.entityId),
        eq(statSubmissions.entityType, s.entityType),
        lt(statSubmissions.year, s.year),
        eq(statSubmissions.counted, true),
      ),
    )
    .orderBy(desc(statSubmissions.year));
  const byYear = new Map<number, Values>();
  for (const r of rows) {
    const v = byYear.get(r.year) ?? {};
    v[r.indicator] = Number(r.value);
    byYear.set(r.year, v);
  }
  return [...byYear.entries()].map(([year, values]) => ({ year, values }));
}

/** Engine findings → findings explained in the reader's language, with the indicators' names in it. */
export async function explainAll(db: DbLike, findings: EngineFinding[], lang: Language): Promise<Finding[]> {
  const names = await indicatorMap(db);
  const nameOf = (code: string) => {
    const n = names.get(code)?.names;
    return (n && (n[lang] ?? n.en)) || code;
  };
  return findings.map((f) => ({ ruleId: f.ruleId, kind: f.kind, severity: f.severity, indicators: f.indicators, message: explainFinding(f, lang, nameOf) }));
}

export async function toSubmission(db: DbLike, s: SubmissionRow, actor: Actor | null, lang: Language): Promise<Submission> {
  const [period] = await db.select().from(statPeriods).where(eq(statPeriods.id, s.periodId));
  const placement = await placementOf(db, s.entityType as 'enterprise', s.entityId);
  const history = await readHistory(db, s);
  const reviews = await db
    .select({ level: statReviews.level, decision: statReviews.decision, reason: statReviews.reason, at: statReviews.createdAt, reviewer: users.displayName })
    .from(statReviews)
    .leftJoin(users, eq(users.id, statReviews.reviewerId))
    .where(eq(statReviews.submissionId, s.id))
    .orderBy(asc(statReviews.createdAt));
  const chain = await Promise.all(s.chain.map(async (step) => ({ ...step, name: await stepName(db, step.level, step.scopeId) })));
  const editable = isEditable(s) && canFile(actor, s.entityType as 'enterprise', s.entityId);
  return {
    id: s.id,
    formId: s.formId,
    period: toPeriod(period),
    entityType: s.entityType as Submission['entityType'],
    entity: { id: s.entityId, names: placement.names },
    status: s.status as Submission['status'],
    chain,
    step: s.step,
    counted: s.counted,
    locked: s.status === 'approved',
    values: await readValues(db, s.id),
    lastYear: history.find((h) => h.year === s.year - 1)?.values ?? null,
    findings: await explainAll(db, s.findings as EngineFinding[], lang),
    explanation: s.explanation,
    returnedReason: s.returnedReason,
    reviews: reviews.map((r) => ({
      level: r.level,
      decision: r.decision as 'approve',
      reason: r.reason,
      reviewer: r.reviewer ?? null,
      at: r.at.toISOString(),
    })),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    approvedAt: s.approvedAt?.toISOString() ?? null,
    late: isLate(period.dueOn, s.submittedAt),
    synthetic: s.synthetic,
    version: s.version,
    can: {
      edit: editable,
      submit: editable,
      review: canReviewNow(actor, s),
      reopen: s.status === 'approved' && (hasRole(actor, 'admin') || isNationalAnalyst(actor)),
    },
  };
}

/** List rows: one query for the page, names and counts resolved in bulk. */
export async function toSummaries(db: DbLike, rows: SubmissionRow[]): Promise<SubmissionSummary[]> {
  if (rows.length === 0) return [];
  const periods = new Map((await db.select().from(statPeriods)).map((p) => [p.id, p]));
  const out: SubmissionSummary[] = [];
  for (const s of rows) {
    const p = periods.get(s.periodId)!;
    const placement = await placementOf(db, s.entityType as 'enterprise', s.entityId).catch(() => null);
    const findings = s.findings as EngineFinding[];
    out.push({
      id: s.id,
      period: { id: p.id, key: p.key, year: p.year, names: p.names, dueOn: p.dueOn },
      entityType: s.entityType as SubmissionSummary['entityType'],
      entity: { id: s.entityId, names: placement?.names ?? { en: s.entityId } },
      status: s.status as SubmissionSummary['status'],
      level: s.status === 'submitted' ? (s.chain[s.step]?.level ?? null) : null,
      submittedAt: s.submittedAt?.toISOString() ?? null,
      late: isLate(p.dueOn, s.submittedAt),
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    });
  }
  return out;
}

export async function formRow(db: DbLike, formId: string) {
  const [form] = await db.select().from(statForms).where(eq(statForms.id, formId));
  return form ?? null;
}

export const lockRow = (tx: Tx, id: string) => tx.execute(sql`SELECT 1 FROM stat_submissions WHERE id = ${id} FOR UPDATE`);
