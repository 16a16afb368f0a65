import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Form, FormPatch } from '../../../../shared/contracts/statistics';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { AppError, notFound } from '../../../platform/errors';
import { indicatorMap } from '../catalogue/catalogue';
import { statForms, statPeriods } from '../statistics.tables';
import { checkRules } from '../validation';
import { toPeriod } from './periods';

type FormRow = typeof statForms.$inferSelect;

/** The codes a form requires: its own list plus every indicator its `required` rules name. */
export function requiredCodes(form: Pick<FormRow, 'required' | 'rules'>): string[] {
  const fromRules = (form.rules as { kind?: string; indicators?: string[] }[]).filter((r) => r.kind === 'required').flatMap((r) => r.indicators ?? []);
  return [...new Set([...form.required, ...fromRules])];
}

async function toForm(ctx: Ctx, row: FormRow): Promise<Form> {
  const [period] = await ctx.database.db.select().from(statPeriods).where(eq(statPeriods.id, row.periodId));
  const catalogue = await indicatorMap(ctx.database.db);
  return {
    id: row.id,
    period: toPeriod(period),
    entityType: row.entityType as Form['entityType'],
    indicators: row.indicators.map((c) => catalogue.get(c)).filter((i) => i !== undefined),
    required: requiredCodes(row),
    rules: row.rules as Form['rules'],
  };
}

/** A survey form: its indicators in order with names and definitions, the required codes, the rules (public: forms are published questionnaires). */
export async function getForm(ctx: Ctx, id: string): Promise<Form> {
  const [row] = await ctx.database.db.select().from(statForms).where(eq(statForms.id, id));
  if (!row) throw notFound('statistics.form_not_found');
  return toForm(ctx, row);
}

/** An analyst changes a form's indicators, required list or rules; rules are checked against the indicators first. */
export async function patchForm(ctx: Ctx, id: string, patch: z.infer<typeof FormPatch>): Promise<Form> {
  return withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx.select().from(statForms).where(eq(statForms.id, id));
    if (!row) throw notFound('statistics.form_not_found');
    const catalogue = await indicatorMap(tx);
    const indicators = patch.indicators ?? row.indicators;
    const unknown = [...indicators, ...(patch.required ?? [])].filter((c) => !catalogue.has(c));
    if (unknown.length)
      throw new AppError(
        422,
        'validation_failed',
        {},
        unknown.map((c) => ({ path: 'indicators', message: `unknown indicator “${c}”` })),
      );
    const checked = checkRules(patch.rules ?? row.rules, new Set(indicators));
    if (!checked.ok)
      throw new AppError(
        422,
        'validation_failed',
        {},
        checked.problems.map((p) => ({ path: `rules.${p.path}`, message: p.message })),
      );
    const [updated] = await tx
      .update(statForms)
      .set({ indicators, required: patch.required ?? row.required, rules: patch.rules ?? row.rules })
      .where(eq(statForms.id, id))
      .returning();
    await audit({ action: 'statistics.form.update', entityType: 'stat_form', entityId: id, before: row, after: updated });
    return toForm({ ...ctx, database: ctx.database }, updated);
  });
}
