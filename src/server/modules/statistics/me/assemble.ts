import { asc, eq, inArray } from 'drizzle-orm';
import type { MeGoal, MeIndicatorProgress, MePolicy, MePolicySummary } from '../../../../shared/contracts/me';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { notFound } from '../../../platform/errors';
import { meGoals, mePolicies, meTargets } from '../statistics.tables';
import type { MeasureReader } from './measures';
import { countStatuses, type Status, worstStatus } from './progress';
import { progressOfSetting, type Setting } from './resolve';

type PolicyRow = typeof mePolicies.$inferSelect;
type GoalRow = typeof meGoals.$inferSelect;
export type TargetRow = typeof meTargets.$inferSelect;

/** The row's setting: a null baseline value is a measured baseline. */
export const settingOf = (t: TargetRow): Setting => ({
  direction: t.direction as 'increase' | 'decrease',
  baseline: { year: t.baselineYear, value: t.baselineValue },
  targets: t.targets,
  atRisk: t.atRisk,
  offTrack: t.offTrack,
});

/** One indicator of a goal with its measured progress: the baseline and targets as set and as resolved. */
export async function indicatorProgress(reader: MeasureReader, t: TargetRow): Promise<MeIndicatorProgress> {
  const m = await reader.measure(t.indicator, t.scope);
  const setting = settingOf(t);
  const p = progressOfSetting(setting, m.points);
  return {
    id: t.id,
    goalId: t.goalId,
    indicator: t.indicator,
    kind: m.kind,
    names: m.names,
    unit: m.unit,
    scope: t.scope,
    direction: setting.direction,
    baseline: p.resolved.baseline,
    targets: p.resolved.targets,
    thresholds: { atRisk: t.atRisk, offTrack: t.offTrack },
    example: t.example,
    noDataReason: p.noDataReason,
    actual: m.points,
    expected: p.path,
    latest: p.latest,
    expectedAtLatest: p.expected,
    achievement: p.achievement,
    status: p.status,
    trend: p.trend,
    projection: p.projection,
    synthetic: m.points.some((x) => x.synthetic),
  };
}

function goalDto(g: GoalRow, indicators: MeIndicatorProgress[]): MeGoal {
  const statuses = indicators.map((i) => i.status);
  return {
    id: g.id,
    policyId: g.policyId,
    key: g.key,
    area: g.area,
    names: g.names,
    source: g.source,
    sort: g.sort,
    status: worstStatus(statuses),
    counts: countStatuses(statuses),
    indicators,
  };
}

async function goalsOf(db: Db | Tx, reader: MeasureReader, policyIds: string[]): Promise<Map<string, MeGoal[]>> {
  const out = new Map<string, MeGoal[]>();
  if (policyIds.length === 0) return out;
  const goals = await db.select().from(meGoals).where(inArray(meGoals.policyId, policyIds)).orderBy(asc(meGoals.sort), asc(meGoals.createdAt), asc(meGoals.id));
  const targets = goals.length
    ? await db
        .select()
        .from(meTargets)
        .where(
          inArray(
            meTargets.goalId,
            goals.map((g) => g.id),
          ),
        )
        .orderBy(asc(meTargets.createdAt), asc(meTargets.id))
    : [];
  for (const g of goals) {
    const indicators = await Promise.all(targets.filter((t) => t.goalId === g.id).map((t) => indicatorProgress(reader, t)));
    out.set(g.policyId, [...(out.get(g.policyId) ?? []), goalDto(g, indicators)]);
  }
  return out;
}

function summary(p: PolicyRow, goals: MeGoal[]): MePolicySummary {
  const statuses: Status[] = goals.map((g) => g.status);
  return {
    id: p.id,
    key: p.key,
    names: p.names,
    example: p.example,
    source: p.source,
    goals: goals.length,
    indicators: goals.reduce((s, g) => s + g.indicators.length, 0),
    counts: countStatuses(statuses),
    status: worstStatus(statuses),
  };
}

export async function policySummaries(db: Db | Tx, reader: MeasureReader): Promise<MePolicySummary[]> {
  const rows = await db.select().from(mePolicies).orderBy(asc(mePolicies.createdAt), asc(mePolicies.id));
  const goals = await goalsOf(
    db,
    reader,
    rows.map((r) => r.id),
  );
  return rows.map((r) => summary(r, goals.get(r.id) ?? []));
}

export async function policyDetail(db: Db | Tx, reader: MeasureReader, id: string, canManage: boolean): Promise<MePolicy> {
  const [row] = await db.select().from(mePolicies).where(eq(mePolicies.id, id));
  if (!row) throw notFound();
  const goals = (await goalsOf(db, reader, [id])).get(id) ?? [];
  const indicators = goals.flatMap((g) => g.indicators);
  const catalogue = [...(await reader.catalogue()).values()].map((i) => ({ code: i.code, kind: 'catalogue' as const, names: i.names, unit: i.unit }));
  const series = [...(await reader.published()).values()].map((s) => ({ code: s.code, kind: 'series' as const, names: s.names, unit: s.unit }));
  return {
    ...summary(row, goals),
    note: row.note,
    goals,
    indicatorCounts: countStatuses(indicators.map((i) => i.status)),
    synthetic: indicators.some((i) => i.synthetic),
    measures: [...catalogue, ...series],
    can: { manage: canManage },
  };
}
