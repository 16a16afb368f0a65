import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DecisionInput, ObjectionAnswer, ObjectionInput, PublishInput } from '../../../../shared/contracts/funding-review';
import { isLanguage, translate } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/roles';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { isOfficerOf } from '../applications/access';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors';
import { notify } from '../../../platform/notifications/notify';
import { createAwardsForFinalResults } from '../awards/make-awards';
import { fundingCalls } from '../calls/calls.tables';
import { callPhase } from '../calls/call-rules';
import { fundingNow } from '../calls/clock';
import { rankApplications } from './ranking';
import { callResults, type PublishedEntry, panelDecisions, resultObjections, reviewScores } from './review.tables';
import { normaliseByReviewer } from './scoring';
import { assertOfficerOf, loadApplication, loadCall, loadReviewableApplications, type Reader } from './sources';

/**
 * From scores to results (issue 4): the ranked list with the funding line the budget allows, the panel's
 * decision per application with reasons, results published for an objection period, then final — and the
 * decision letter each applicant reads in their own language.
 */

export async function ranking(db: Reader, callId: string, normalise: boolean) {
  const call = await loadCall(db, callId);
  const apps = await loadReviewableApplications(db, call);
  const scores = await db
    .select({ applicationId: reviewScores.applicationId, reviewerId: reviewScores.reviewerId, total: reviewScores.total })
    .from(reviewScores)
    .where(and(eq(reviewScores.callId, callId), eq(reviewScores.status, 'submitted')));
  const totals = scores.filter((s) => s.total !== null).map((s) => ({ applicationId: s.applicationId, reviewerId: s.reviewerId, total: s.total as number }));
  const used = normalise ? normaliseByReviewer(totals).map((t) => ({ ...t, total: t.normalised })) : totals;
  const byApp = new Map<string, number[]>();
  for (const t of used) byApp.set(t.applicationId, [...(byApp.get(t.applicationId) ?? []), t.total]);
  const list = rankApplications(
    apps.map((a) => ({ applicationId: a.id, totals: byApp.get(a.id) ?? [], requested: a.requestedAmount })),
    call.budget,
    call.k,
  );
  const decisions = await db.select().from(panelDecisions).where(eq(panelDecisions.callId, callId));
  const decisionOf = new Map(decisions.map((d) => [d.applicationId, d]));
  const [results] = await db.select({ status: callResults.status }).from(callResults).where(eq(callResults.callId, callId));
  const appOf = new Map(apps.map((a) => [a.id, a]));
  return {
    call,
    apps: appOf,
    view: {
      callId,
      currency: call.currency,
      budget: list.budget,
      committed: list.committed,
      remaining: list.remaining,
      lineAfterRank: list.lineAfterRank,
      incomplete: list.incomplete,
      normalised: normalise,
      reviewsRequired: call.k,
      decidedTotal: decisions.filter((d) => d.decision === 'fund').reduce((s, d) => s + Number(d.amount ?? 0), 0),
      resultsStatus: (results?.status ?? 'unpublished') as 'unpublished' | 'published' | 'final',
      items: list.items.map((x) => {
        const a = appOf.get(x.applicationId)!;
        const d = decisionOf.get(x.applicationId);
        return {
          ...x,
          title: a.title,
          enterpriseName: a.enterpriseNames.en,
          province: a.province,
          sector: a.sector,
          decision: d
            ? { decision: d.decision, amount: d.amount === null ? null : Number(d.amount), reasons: d.reasons, decidedAt: d.updatedAt.toISOString() }
            : null,
        };
      }),
    },
  };
}

export async function getRanking(ctx: Ctx, callId: string, normalise: boolean) {
  const r = await ranking(ctx.database.db, callId, normalise);
  assertOfficerOf(ctx, r.call.programId);
  return r.view;
}

async function assertUnpublished(db: Reader, callId: string) {
  const [published] = await db.select({ id: callResults.id }).from(callResults).where(eq(callResults.callId, callId));
  if (published) throw conflict('results_already_published');
}

export async function setDecision(ctx: Ctx, callId: string, applicationId: string, input: z.infer<typeof DecisionInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    // One decision writer per call at a time, so two officers cannot both spend the last of the budget.
    await tx.select({ id: fundingCalls.id }).from(fundingCalls).where(eq(fundingCalls.id, callId)).for('update');
    assertOfficerOf(ctx, (await loadCall(tx, callId)).programId);
    await assertUnpublished(tx, callId);
    const { call, view } = await ranking(tx, callId, false);
    assertOfficerOf(ctx, call.programId);
    const item = view.items.find((i) => i.applicationId === applicationId);
    if (!item) throw notFound();
    const [before] = await tx.select().from(panelDecisions).where(eq(panelDecisions.applicationId, applicationId));
    if (input.decision === 'fund') {
      const others = view.items
        .filter((i) => i.applicationId !== applicationId && i.decision?.decision === 'fund')
        .reduce((s, i) => s + (i.decision?.amount ?? 0), 0);
      if (others + (input.amount ?? 0) > call.budget + 1e-9) {
        throw new AppError(422, 'over_budget', { budget: call.budget, currency: call.currency, left: Math.max(0, call.budget - others) }, [
          { path: 'amount', message: 'over budget', code: 'over_budget' },
        ]);
      }
    }
    const values = {
      callId,
      applicationId,
      decision: input.decision,
      amount: input.decision === 'fund' ? (input.amount ?? null) : null,
      currency: call.currency,
      reasons: input.reasons,
      rank: item.rank,
      score: item.score,
      aboveLine: item.aboveLine,
      decidedBy: actor.via === 'system' ? null : actor.userId,
    };
    const [after] = before
      ? await tx.update(panelDecisions).set(values).where(eq(panelDecisions.id, before.id)).returning()
      : await tx.insert(panelDecisions).values(values).returning();
    await audit({ action: 'review.decision', entityType: 'funding_application', entityId: applicationId, before: before ?? null, after });
    return {
      decision: after.decision,
      amount: after.amount === null ? null : Number(after.amount),
      reasons: after.reasons,
      decidedAt: after.updatedAt.toISOString(),
    };
  });
}

export async function publishResults(ctx: Ctx, callId: string, input: z.infer<typeof PublishInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    await tx.select({ id: fundingCalls.id }).from(fundingCalls).where(eq(fundingCalls.id, callId)).for('update');
    assertOfficerOf(ctx, (await loadCall(tx, callId)).programId);
    await assertUnpublished(tx, callId);
    const { view, apps, call } = await ranking(tx, callId, input.normalised);
    assertOfficerOf(ctx, call.programId);
    // Results of a call that still takes applications would rank an incomplete field.
    if (callPhase({ status: call.status as never, opensAt: call.opensAt, closesAt: call.closesAt }, fundingNow()) === 'accepting')
      throw conflict('call_still_open');
    const undecided = view.items.filter((i) => !i.decision);
    if (view.items.length === 0 || undecided.length) throw new AppError(422, 'decisions_missing', { count: undecided.length });
    const entries: PublishedEntry[] = view.items.map((i) => {
      const a = apps.get(i.applicationId)!;
      return {
        applicationId: i.applicationId,
        rank: i.score === null ? null : i.rank,
        enterpriseId: a.enterpriseId,
        enterpriseNames: a.enterpriseNames,
        projectTitle: a.title,
        province: a.province,
        sector: a.sector,
        decision: i.decision!.decision,
        amount: i.decision!.amount,
        score: i.score,
      };
    });
    const now = fundingNow();
    const objectionsUntil = new Date(now.getTime() + input.objectionDays * 86_400_000);
    const [row] = await tx
      .insert(callResults)
      .values({
        callId,
        status: 'published',
        publishedAt: now,
        objectionsUntil,
        normalised: input.normalised,
        entries,
        publishedBy: actor.via === 'system' ? null : actor.userId,
      })
      .returning();
    for (const a of apps.values()) {
      await notify(tx, a.applicantId, 'funding_decision', { title: a.title }, `/funding/letters/${a.id}`);
    }
    await audit({
      action: 'review.results.publish',
      entityType: 'funding_call',
      entityId: callId,
      after: { objectionsUntil, normalised: input.normalised, entries: entries.length },
    });
    return publicResults(tx, callId, row);
  });
}

export async function finaliseResults(ctx: Ctx, callId: string) {
  return withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx.select().from(callResults).where(eq(callResults.callId, callId)).for('update');
    if (!row) throw conflict('results_not_published');
    assertOfficerOf(ctx, (await loadCall(tx, callId)).programId);
    if (row.status === 'final') throw conflict('results_already_final');
    if (fundingNow().getTime() < row.objectionsUntil.getTime()) throw conflict('objection_period_open', { until: row.objectionsUntil.toISOString() });
    const [open] = await tx
      .select({ id: resultObjections.id })
      .from(resultObjections)
      .where(and(eq(resultObjections.callId, callId), eq(resultObjections.status, 'open')))
      .limit(1);
    if (open) throw conflict('objections_open');
    const [after] = await tx.update(callResults).set({ status: 'final', finalisedAt: fundingNow() }).where(eq(callResults.id, row.id)).returning();
    const call = await loadCall(tx, callId);
    const funded = await tx
      .select()
      .from(panelDecisions)
      .where(and(eq(panelDecisions.callId, callId), eq(panelDecisions.decision, 'fund')));
    const made = await createAwardsForFinalResults(tx, ctx, call, funded);
    await audit({
      action: 'review.results.finalise',
      entityType: 'funding_call',
      entityId: callId,
      before: { status: row.status },
      after: { status: after.status, awards: made.length },
    });
    return publicResults(tx, callId, after);
  });
}

async function publicResults(db: Reader, callId: string, row?: typeof callResults.$inferSelect) {
  const [r] = row ? [row] : await db.select().from(callResults).where(eq(callResults.callId, callId));
  if (!r) throw notFound();
  const call = await loadCall(db, callId);
  return {
    callId,
    callNames: call.names,
    programNames: call.programNames,
    currency: call.currency,
    budget: call.budget,
    status: r.status,
    publishedAt: r.publishedAt.toISOString(),
    objectionsUntil: r.objectionsUntil.toISOString(),
    finalisedAt: r.finalisedAt?.toISOString() ?? null,
    entries: r.entries,
  };
}

/** Published results: public, no sign-in. */
export async function getPublishedResults(ctx: Ctx, callId: string) {
  return publicResults(ctx.database.db, callId);
}

export async function listPublishedResults(ctx: Ctx) {
  const rows = await ctx.database.db.select().from(callResults).orderBy(desc(callResults.publishedAt));
  const items = [];
  for (const r of rows) {
    const { entries, ...rest } = await publicResults(ctx.database.db, r.callId, r);
    const funded = entries.filter((e) => e.decision === 'fund');
    items.push({ ...rest, funded: funded.length, fundedAmount: funded.reduce((s, e) => s + (e.amount ?? 0), 0) });
  }
  return { items, total: items.length };
}

// ── Objections ───────────────────────────────────────────────────────────────

const objectionDto = (o: typeof resultObjections.$inferSelect) => ({
  id: o.id,
  callId: o.callId,
  applicationId: o.applicationId,
  text: o.text,
  status: o.status,
  response: o.response,
  createdAt: o.createdAt.toISOString(),
});

export async function fileObjection(ctx: Ctx, callId: string, input: z.infer<typeof ObjectionInput>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const app = await loadApplication(tx, input.applicationId);
    if (app.callId !== callId) throw notFound();
    if (app.applicantId !== actor.userId) throw forbidden('not_applicant');
    const [r] = await tx.select().from(callResults).where(eq(callResults.callId, callId));
    if (!r) throw conflict('results_not_published');
    if (r.status === 'final' || fundingNow().getTime() >= r.objectionsUntil.getTime())
      throw conflict('objection_period_over', { until: r.objectionsUntil.toISOString() });
    const [row] = await tx.insert(resultObjections).values({ callId, applicationId: app.id, userId: actor.userId, text: input.text }).returning();
    await audit({ action: 'review.objection.file', entityType: 'funding_application', entityId: app.id, after: row });
    return objectionDto(row);
  });
}

export async function listObjections(ctx: Ctx, callId: string) {
  assertOfficerOf(ctx, (await loadCall(ctx.database.db, callId)).programId);
  const rows = await ctx.database.db.select().from(resultObjections).where(eq(resultObjections.callId, callId)).orderBy(asc(resultObjections.createdAt));
  return { items: rows.map(objectionDto), total: rows.length };
}

export async function answerObjection(ctx: Ctx, id: string, input: z.infer<typeof ObjectionAnswer>) {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(resultObjections).where(eq(resultObjections.id, id)).for('update');
    if (!before) throw notFound();
    assertOfficerOf(ctx, (await loadCall(tx, before.callId)).programId);
    if (before.status !== 'open') throw conflict('objection_answered');
    const [after] = await tx
      .update(resultObjections)
      .set({ status: input.status, response: input.response, respondedBy: actor.via === 'system' ? null : actor.userId })
      .where(eq(resultObjections.id, id))
      .returning();
    await notify(tx, before.userId, 'objection_answered', { status: input.status }, `/funding/letters/${before.applicationId}`);
    await audit({ action: 'review.objection.answer', entityType: 'funding_application', entityId: before.applicationId, before, after });
    return objectionDto(after);
  });
}

// ── Decision letters ─────────────────────────────────────────────────────────

const pick = (names: { en: string; zh?: string; ur?: string }, lang: Language) => names[lang] || names.en;

/**
 * The decision letter of an application, written in the applicant's language (their account's language,
 * or `lang`), for the applicant and for officers. The web app prints it; the text is rendered here so the
 * letter says the same thing wherever it is shown.
 */
export async function decisionLetter(ctx: Ctx, applicationId: string, lang?: string) {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const app = await loadApplication(db, applicationId);
  const officer = isOfficerOf(actor, app.call.programId);
  if (!officer && app.applicantId !== actor.userId) throw notFound();
  const [results] = await db.select().from(callResults).where(eq(callResults.callId, app.callId));
  if (!results) throw conflict('results_not_published');
  const [d] = await db.select().from(panelDecisions).where(eq(panelDecisions.applicationId, applicationId));
  if (!d) throw notFound();
  const language: Language = isLanguage(lang) ? lang : isLanguage(app.applicantLocale) ? app.applicantLocale : 'en';
  const t = (key: string, params: Record<string, unknown> = {}) => translate(language, `messages:letter.${key}`, params);
  const locale = language === 'zh' ? 'zh-CN' : language === 'ur' ? 'ur-PK' : 'en-GB';
  const money = (n: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: d.currency, maximumFractionDigits: 0 }).format(n);
  const date = (x: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(x);
  const callName = pick(app.call.names, language);
  const enterprise = pick(app.enterpriseNames, language);
  const paragraphs = [
    t('intro', { call: callName, title: app.title }),
    d.decision === 'fund' ? t('fund', { amount: money(Number(d.amount)) }) : d.decision === 'reserve' ? t('reserve') : t('reject'),
    d.rank !== null && d.score !== null ? t('rank', { rank: d.rank, score: Number(d.score).toFixed(2) }) : null,
    t('reasons'),
  ].filter((p): p is string => !!p);
  const objection =
    results.status === 'final'
      ? t('final', { date: date(results.finalisedAt ?? results.objectionsUntil) })
      : t('objection', { date: date(results.objectionsUntil) });
  const [callRow] = await db
    .select({ id: fundingCalls.id })
    .from(fundingCalls)
    .where(inArray(fundingCalls.id, [app.callId]));
  return {
    applicationId,
    callId: callRow?.id ?? app.callId,
    language,
    dir: language === 'ur' ? ('rtl' as const) : ('ltr' as const),
    date: date(results.publishedAt),
    subject: t('subject', { call: callName }),
    salutation: t('salutation', { enterprise }),
    recipient: { enterprise, applicant: app.applicantName },
    decision: d.decision,
    /** Objections are open until this instant; null once the results are final. */
    objectionsOpenUntil: results.status === 'final' || fundingNow() >= results.objectionsUntil ? null : results.objectionsUntil.toISOString(),
    paragraphs,
    reasons: d.reasons,
    objection,
    closing: t('closing'),
    signature: pick(app.call.programNames, language),
  };
}
