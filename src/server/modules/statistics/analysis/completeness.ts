import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Completeness as CompletenessSchema, Period } from '../../../../shared/contracts/statistics';
import { queryRows } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import { statPeriods } from '../statistics.tables';
import { missing, provinceNames, type Reader, zoneNames } from './common';
import { NO_PROVINCE, NO_ZONE, TOTAL } from './labels';

type Completeness = z.infer<typeof CompletenessSchema>;

export type CompletenessQuery = { periodId: string; entityType: 'enterprise' | 'incubator' | 'zone'; by: 'zone' | 'province' };
type Counts = { expected: number; started: number; submitted: number; approved: number; onTime: number };

/** Where the registry places each entity type, by zone or by province (a zone is its own place). */
const SOURCE = {
  enterprise: { table: 'enterprises', zone: 'host_zone_id::text', province: 'province' },
  incubator: { table: 'incubators', zone: 'host_zone_id::text', province: 'province' },
  zone: { table: 'zones', zone: 'id::text', province: 'province' },
} as const;

/** completeness = submitted ÷ expected, timeliness = on time ÷ submitted; 0 where the divisor is 0. Pure. */
export function rates(c: Counts): { completeness: number; timeliness: number } {
  return { completeness: c.expected > 0 ? c.submitted / c.expected : 0, timeliness: c.submitted > 0 ? c.onTime / c.submitted : 0 };
}

/** The end of the due day (UTC), as survey/period-dates.ts `isLate` reads it. */
export const deadlineOf = (dueOn: string) => new Date(`${dueOn}T23:59:59.999Z`);

/**
 * Completeness and timeliness of a period's returns of one entity type, by zone or province. Expected: the
 * entities of that type the registry places there (of the period's country, when it has one). Of them: started
 * (a return exists, any status), submitted (submitted or approved: a returned one is back with its filer),
 * approved (all the way up), on time (submitted by the end of the due day). Each return counts where the
 * registry places its entity, so no place has more submitted than expected.
 */
export async function getCompleteness(ctx: Ctx, q: CompletenessQuery): Promise<Completeness> {
  const db: Reader = ctx.database.db;
  const [p] = await db.select().from(statPeriods).where(eq(statPeriods.id, q.periodId));
  if (!p) throw missing(ctx.lang, 'periodId', 'unknown_period');
  const period: Period = {
    id: p.id,
    key: p.key,
    names: p.names,
    calendar: p.calendar as Period['calendar'],
    country: p.country,
    year: p.year,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    dueOn: p.dueOn,
    status: p.status as Period['status'],
    publishedAt: p.publishedAt?.toISOString() ?? null,
    synthetic: p.synthetic,
  };

  const src = SOURCE[q.entityType];
  const grp = sql.raw(q.by === 'zone' ? src.zone : src.province);
  const country = p.country === null ? sql`true` : sql`country = ${p.country}`;
  const rows = await queryRows<{ grp: string | null; expected: number; started: number; submitted: number; approved: number; on_time: number }>(
    db,
    sql`WITH ent AS (SELECT id, ${grp} AS grp FROM ${sql.raw(src.table)} WHERE ${country}),
        sub AS (SELECT entity_id, status, submitted_at FROM stat_submissions WHERE period_id = ${p.id}::uuid AND entity_type = ${q.entityType})
      SELECT e.grp, count(*)::int AS expected, count(s.entity_id)::int AS started,
        count(*) FILTER (WHERE s.status IN ('submitted', 'approved'))::int AS submitted,
        count(*) FILTER (WHERE s.status = 'approved')::int AS approved,
        count(*) FILTER (WHERE s.status IN ('submitted', 'approved') AND s.submitted_at <= ${deadlineOf(p.dueOn).toISOString()}::timestamptz)::int AS on_time
      FROM ent e LEFT JOIN sub s ON s.entity_id = e.id GROUP BY 1`,
  );

  const keys = rows.map((r) => r.grp).filter((k): k is string => k !== null);
  const names = q.by === 'zone' ? new Map([...(await zoneNames(db, keys))].map(([id, z]) => [id, z.names])) : await provinceNames(db, keys);
  const total: Counts = { expected: 0, started: 0, submitted: 0, approved: 0, onTime: 0 };
  const out = rows.map((r) => {
    const c: Counts = {
      expected: Number(r.expected),
      started: Number(r.started),
      submitted: Number(r.submitted),
      approved: Number(r.approved),
      onTime: Number(r.on_time),
    };
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
    const label = r.grp === null ? (q.by === 'zone' ? NO_ZONE : NO_PROVINCE) : (names.get(r.grp) ?? { en: r.grp });
    return { key: r.grp, names: label, ...c, ...rates(c) };
  });
  out.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.names.en.localeCompare(b.names.en, 'en') || a.key.localeCompare(b.key)));

  return { period, by: q.by, rows: out, total: { key: null, names: TOTAL, ...total, ...rates(total) } };
}
