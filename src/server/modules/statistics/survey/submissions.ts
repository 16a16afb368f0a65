import { and, eq } from 'drizzle-orm';
import type { Submission, Values } from '../../../../shared/contracts/statistics';
import { translate } from '../../../../shared/i18n';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../../platform/errors';
import { indicatorMap } from '../catalogue/catalogue';
import { statPeriods, statSubmissions, statValues } from '../statistics.tables';
import { checkRules, type Outcome, validateSubmission } from '../validation';
import { approvalChain, canFile, sizeClass } from './chain';
import { canSee, explainAll, formRow, isEditable, lockRow, readHistory, readValues, type SubmissionRow, toSubmission } from './submission-dto';
import { placementOf } from './placement';

async function loadRow(db: Ctx['database']['db'] | Tx, id: string): Promise<SubmissionRow> {
  const [row] = await db.select().from(statSubmissions).where(eq(statSubmissions.id, id));
  if (!row) throw notFound();
  return row;
}

export async function getSubmission(ctx: Ctx, id: string): Promise<Submission> {
  const row = await loadRow(ctx.database.db, id);
  if (!canSee(ctx.actor, row)) throw notFound();
  return toSubmission(ctx.database.db, row, ctx.actor, ctx.lang);
}

/** Starts (or returns) the return of an entity for a form's period. The period must be open and the country match. */
export async function startSubmission(ctx: Ctx, input: { formId: string; entityId: string }): Promise<{ created: boolean; submission: Submission }> {
  const actor = requireActor(ctx);
  const form = await formRow(ctx.database.db, input.formId);
  if (!form) throw notFound('statistics.form_not_found');
  const entityType = form.entityType as 'enterprise' | 'incubator' | 'zone';
  if (!canFile(actor, entityType, input.entityId)) throw forbidden();
  const placement = await placementOf(ctx.database.db, entityType, input.entityId);
  const [period] = await ctx.database.db.select().from(statPeriods).where(eq(statPeriods.id, form.periodId));
  if (period.status !== 'open') throw conflict('statistics.period_closed');
  if (period.country && period.country !== placement.country) throw unprocessable('statistics.period_country', { country: period.country });
  return withTransaction(ctx, async (tx, audit) => {
    const [existing] = await tx
      .select()
      .from(statSubmissions)
      .where(and(eq(statSubmissions.formId, form.id), eq(statSubmissions.entityId, input.entityId)));
    if (existing) return { created: false, submission: await toSubmission(tx, existing, actor, ctx.lang) };
    const [row] = await tx
      .insert(statSubmissions)
      .values({
        formId: form.id,
        periodId: period.id,
        year: period.year,
        entityType,
        entityId: input.entityId,
        status: 'draft',
        submittedBy: actor.via === 'system' ? null : actor.userId,
        synthetic: placement.synthetic,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('statistics.submission_exists');
    await audit({ action: 'statistics.submission.start', entityType: 'stat_submission', entityId: row.id, after: row });
    return { created: true, submission: await toSubmission(tx, row, actor, ctx.lang) };
  });
}

/**
 * Checks values against the form: each code must be one of the form's indicators, each number finite, whole
 * where the indicator counts things. Problems are 400s naming the field (nothing is saved).
 */
async function checkValues(db: Ctx['database']['db'] | Tx, form: { indicators: string[] }, values: Values, lang: Ctx['lang']): Promise<void> {
  const catalogue = await indicatorMap(db);
  const details: { path: string; message: string; code: string }[] = [];
  for (const [code, value] of Object.entries(values)) {
    const problem = !form.indicators.includes(code)
      ? 'unknown_field'
      : value === null
        ? null
        : !Number.isFinite(value)
          ? 'not_a_number'
          : catalogue.get(code)?.valueType === 'integer' && !Number.isInteger(value)
            ? 'not_whole'
            : Math.abs(value) >= 1e15
              ? 'too_large'
              : null;
    if (problem) details.push({ path: code, message: translate(lang, `statistics.${problem}`), code: `statistics.${problem}` });
  }
  if (details.length > 0) throw new AppError(400, 'statistics.bad_values', { count: details.length }, details);
}

/** Runs the form's rules on these values with the entity's history (the engine: ../validation). */
async function runRules(
  db: Ctx['database']['db'] | Tx,
  form: { indicators: string[]; rules: unknown[] },
  row: SubmissionRow,
  values: Values,
): Promise<Outcome> {
  const checked = checkRules(form.rules, new Set(form.indicators));
  if (!checked.ok) throw new AppError(500, 'statistics.form_rules_invalid', {}, checked.problems);
  return validateSubmission(checked.rules, values, await readHistory(db, row), row.year);
}

/** Checks values without saving (the form's live check as a user types). */
export async function validateValues(ctx: Ctx, id: string, values: Values) {
  const row = await loadRow(ctx.database.db, id);
  if (!canSee(ctx.actor, row)) throw notFound();
  const form = (await formRow(ctx.database.db, row.formId))!;
  await checkValues(ctx.database.db, form, values, ctx.lang);
  const outcome = await runRules(ctx.database.db, form, row, values);
  return {
    findings: await explainAll(ctx.database.db, outcome.findings, ctx.lang),
    unchecked: outcome.unchecked.map((u) => ({ ruleId: u.ruleId, reason: u.reason })),
  };
}

/** Saves a draft's values (all of them: a field absent or null is empty). Stale `version` → 409. */
export async function saveValues(ctx: Ctx, id: string, input: { values: Values; version?: number }): Promise<Submission> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    await lockRow(tx, id);
    const row = await loadRow(tx, id);
    if (!canSee(actor, row)) throw notFound();
    if (!canFile(actor, row.entityType as 'enterprise', row.entityId)) throw forbidden();
    if (!isEditable(row)) throw conflict('statistics.submission_locked', { status: row.status });
    if (input.version !== undefined && input.version !== row.version) throw conflict('statistics.stale_version');
    const form = (await formRow(tx, row.formId))!;
    await checkValues(tx, form, input.values, ctx.lang);
    const before = await readValues(tx, id);
    await tx.delete(statValues).where(eq(statValues.submissionId, id));
    const entries = Object.entries(input.values).filter((e): e is [string, number] => e[1] !== null);
    if (entries.length > 0) await tx.insert(statValues).values(entries.map(([indicator, value]) => ({ submissionId: id, indicator, value })));
    const outcome = await runRules(tx, form, row, input.values);
    const [updated] = await tx
      .update(statSubmissions)
      .set({ findings: outcome.findings, version: row.version + 1 })
      .where(eq(statSubmissions.id, id))
      .returning();
    await audit({
      action: 'statistics.submission.save',
      entityType: 'stat_submission',
      entityId: id,
      before: { values: before },
      after: { values: input.values },
    });
    return toSubmission(tx, updated, actor, ctx.lang);
  });
}

/**
 * Submits a return: no error may remain; warnings need an explanation. The chain and the dimensions are
 * fixed now (a snapshot of the registry), and the first level is notified through its inbox.
 */
export async function submitSubmission(ctx: Ctx, id: string, input: { explanation?: string }): Promise<Submission> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    await lockRow(tx, id);
    const row = await loadRow(tx, id);
    if (!canSee(actor, row)) throw notFound();
    if (!canFile(actor, row.entityType as 'enterprise', row.entityId)) throw forbidden();
    if (!isEditable(row)) throw conflict('statistics.submission_locked', { status: row.status });
    const form = (await formRow(tx, row.formId))!;
    const values = await readValues(tx, id);
    const outcome = await runRules(tx, form, row, values);
    const explained = await explainAll(tx, outcome.findings, ctx.lang);
    const errors = explained.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(
        422,
        'statistics.validation_failed',
        { count: errors.length },
        errors.map((f) => ({ path: f.indicators[0] ?? f.ruleId, message: f.message, code: f.ruleId })),
      );
    }
    const warnings = explained.filter((f) => f.severity === 'warning');
    if (warnings.length > 0 && !input.explanation?.trim()) {
      throw new AppError(
        422,
        'statistics.explanation_required',
        { count: warnings.length },
        warnings.map((f) => ({ path: f.indicators[0] ?? f.ruleId, message: f.message, code: f.ruleId })),
      );
    }
    const p = await placementOf(tx, row.entityType as 'enterprise', row.entityId);
    const chain = approvalChain({ entityType: p.entityType, entityId: p.entityId, incubatorId: p.incubatorId, zoneId: p.zoneId, province: p.province });
    const [updated] = await tx
      .update(statSubmissions)
      .set({
        status: 'submitted',
        chain,
        step: 0,
        counted: false,
        findings: outcome.findings,
        explanation: input.explanation?.trim() || null,
        returnedReason: null,
        country: p.country,
        province: p.province,
        zoneId: p.zoneId,
        sector: p.sector,
        stage: p.stage,
        sizeClass: sizeClass(values.employees),
        submittedAt: new Date(),
        submittedBy: actor.via === 'system' ? null : actor.userId,
        version: row.version + 1,
      })
      .where(eq(statSubmissions.id, id))
      .returning();
    await audit({
      action: 'statistics.submission.submit',
      entityType: 'stat_submission',
      entityId: id,
      before: { status: row.status },
      after: { status: 'submitted', chain },
    });
    return toSubmission(tx, updated, actor, ctx.lang);
  });
}
