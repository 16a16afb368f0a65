import { and, asc, desc, eq } from 'drizzle-orm';
import type { Period, PeriodInput, StatEntityType } from '../../../../shared/contracts/statistics';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { readIndicators } from '../catalogue/catalogue';
import { statForms, statPeriods } from '../statistics.tables';
import { DEFAULT_RULES } from './default-rules';
import { type Calendar, periodDates, periodLabel } from './period-dates';

type PeriodRow = typeof statPeriods.$inferSelect;

export const toPeriod = (p: PeriodRow): Period => ({
  id: p.id,
  key: p.key,
  names: p.names,
  calendar: p.calendar as Calendar,
  country: p.country,
  year: p.year,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  dueOn: p.dueOn,
  status: p.status as Period['status'],
  publishedAt: p.publishedAt?.toISOString() ?? null,
  synthetic: p.synthetic,
});

export async function listPeriods(ctx: Ctx): Promise<{ items: Period[]; total: number }> {
  const rows = await ctx.database.db.select().from(statPeriods).orderBy(desc(statPeriods.year), asc(statPeriods.key));
  return { items: rows.map(toPeriod), total: rows.length };
}

export async function getPeriodRow(ctx: Ctx, id: string): Promise<PeriodRow> {
  const [row] = await ctx.database.db.select().from(statPeriods).where(eq(statPeriods.id, id));
  if (!row) throw notFound();
  return row;
}

const defaultKey = (calendar: Calendar, year: number, country?: string | null) =>
  `${country ? `${country}-` : ''}${calendar === 'calendar' ? 'CY' : 'FY'}${year}`;

/** Creates a reporting period (analysts) with the default form of each entity type. */
export async function createPeriod(ctx: Ctx, input: PeriodInput & { synthetic?: boolean; status?: 'open' | 'closed' }): Promise<Period> {
  const dates = periodDates(input.calendar, input.year);
  return withTransaction(ctx, async (tx, audit) => {
    const [clash] = await tx.select({ id: statPeriods.id }).from(statPeriods).where(eq(statPeriods.key, input.key));
    if (clash) throw conflict('statistics.period_exists', { key: input.key });
    const [row] = await tx
      .insert(statPeriods)
      .values({ ...input, country: input.country ?? null, ...dates, synthetic: input.synthetic ?? false, status: input.status ?? 'open' })
      .returning();
    await audit({ action: 'statistics.period.create', entityType: 'stat_period', entityId: row.id, after: row });
    await createMissingForms(tx, audit, row.id);
    return toPeriod(row);
  });
}

type Audit = (entry: { action: string; entityType: string; entityId?: string | null; after?: unknown }) => Promise<void>;

/** The default form of each entity type the period lacks: the catalogue's raw indicators, the default rules. */
async function createMissingForms(tx: Tx, audit: Audit, periodId: string): Promise<void> {
  const indicators = await readIndicators(tx);
  const present = new Set((await tx.select({ t: statForms.entityType }).from(statForms).where(eq(statForms.periodId, periodId))).map((r) => r.t));
  for (const entityType of ['enterprise', 'incubator', 'zone'] as const) {
    if (present.has(entityType)) continue;
    const codes = indicators.filter((i) => i.entityTypes.includes(entityType) && (i.aggregation === 'sum' || i.aggregation === 'average')).map((i) => i.code);
    const rules = DEFAULT_RULES[entityType].filter((r) => ruleCodes(r).every((c) => codes.includes(c)));
    const [form] = await tx.insert(statForms).values({ periodId, entityType, indicators: codes, rules }).returning();
    await audit({ action: 'statistics.form.create', entityType: 'stat_form', entityId: form.id, after: form });
  }
}

/** Creates the default forms a period lacks (after the catalogue grew, or for a period made without them). */
export async function ensureDefaultForms(ctx: Ctx, periodId: string): Promise<void> {
  await withTransaction(ctx, (tx, audit) => createMissingForms(tx, audit, periodId));
}

/** The indicator codes a default rule names (a rule whose indicators the form lacks is left out). */
function ruleCodes(rule: unknown): string[] {
  const r = rule as Record<string, unknown>;
  const words = [r.left, r.right, r.when, r.indicator].filter((x): x is string => typeof x === 'string').flatMap((s) => s.match(/[a-z_][a-z0-9_]*/g) ?? []);
  const lists = [r.indicators, r.then].filter(Array.isArray).flat() as string[];
  return [...words, ...lists];
}

/** The period of a calendar (and country) and year, created with its forms if missing (demo data, first start). */
export async function ensurePeriod(
  ctx: Ctx,
  p: { calendar: Calendar; year: number; dueOn: string; country?: string | null; synthetic?: boolean; status?: 'open' | 'closed' },
): Promise<Period> {
  const key = defaultKey(p.calendar, p.year, p.country);
  const [existing] = await ctx.database.db.select().from(statPeriods).where(eq(statPeriods.key, key));
  if (existing) return toPeriod(existing);
  const label = periodLabel(p.calendar, p.year);
  const names =
    p.calendar === 'calendar'
      ? { en: `Statistical year ${label}`, zh: `${p.year} 统计年度`, ur: `شماریاتی سال ${label}` }
      : { en: `Fiscal year ${label}`, zh: `财政年度 ${label}`, ur: `مالی سال ${label}` };
  return createPeriod(ctx, {
    key,
    names,
    calendar: p.calendar,
    year: p.year,
    dueOn: p.dueOn,
    country: p.country ?? undefined,
    synthetic: p.synthetic,
    status: p.status,
  });
}

/** The form of a period for an entity type. */
export async function formOf(ctx: Ctx, periodId: string, entityType: StatEntityType) {
  const [form] = await ctx.database.db
    .select()
    .from(statForms)
    .where(and(eq(statForms.periodId, periodId), eq(statForms.entityType, entityType)));
  return form ?? null;
}
