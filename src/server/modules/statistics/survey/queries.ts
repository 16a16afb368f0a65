import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Filing, FilingsQuery, StatEntityType, SubmissionQuery, SubmissionSummary } from '../../../../shared/contracts/statistics';
import { type Actor, type Ctx, requireActor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { enterprises, incubators, zones } from '../../registry/registry.tables';
import { statForms, statPeriods, statSubmissions } from '../statistics.tables';
import { toPeriod } from './periods';
import { isNationalAnalyst, toSummaries } from './submission-dto';

/** SQL: the return waits at a level this actor approves (mirrors `canApprove` in chain.ts). */
function waitingForActor(actor: Actor): SQL {
  const level = sql`(${statSubmissions.chain} -> ${statSubmissions.step} ->> 'level')`;
  const scope = sql`(${statSubmissions.chain} -> ${statSubmissions.step} ->> 'scopeId')`;
  const parts: SQL[] = [];
  for (const g of actor.roles) {
    if (g.role === 'admin') return sql`${statSubmissions.status} = 'submitted'`;
    const at = (lvl: string, type: string) =>
      g.scopeType === null ? sql`${level} = ${lvl}` : g.scopeType === type ? sql`(${level} = ${lvl} AND ${scope} = ${g.scopeId})` : null;
    const c =
      g.role === 'incubator_manager'
        ? at('incubator', 'incubator')
        : g.role === 'zone_manager'
          ? at('zone', 'zone')
          : g.role === 'ministry_analyst'
            ? g.scopeType === null
              ? sql`${level} IN ('province', 'national')`
              : at('province', 'province')
            : null;
    if (c) parts.push(c);
  }
  if (parts.length === 0) return sql`false`;
  return sql`${statSubmissions.status} = 'submitted' AND (${sql.join(parts, sql` OR `)})`;
}

/** SQL: returns this actor files (scoped grants name the entity; an unscoped filer sees the ones they started). */
function filedByActor(actor: Actor): SQL {
  const parts: SQL[] = [sql`${statSubmissions.submittedBy} = ${actor.userId}`];
  for (const g of actor.roles) {
    const type = g.role === 'enterprise_member' ? 'enterprise' : g.role === 'incubator_manager' ? 'incubator' : g.role === 'zone_manager' ? 'zone' : null;
    if (type && g.scopeType === type && g.scopeId) parts.push(sql`(${statSubmissions.entityType} = ${type} AND ${statSubmissions.entityId} = ${g.scopeId})`);
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export async function listSubmissions(ctx: Ctx, q: z.infer<typeof SubmissionQuery>): Promise<{ items: SubmissionSummary[]; total: number }> {
  const actor = requireActor(ctx);
  if (q.view === 'all' && !isNationalAnalyst(actor)) throw forbidden();
  const where: SQL[] = [q.view === 'mine' ? filedByActor(actor) : q.view === 'review' ? waitingForActor(actor) : sql`true`];
  if (q.periodId) where.push(eq(statSubmissions.periodId, q.periodId));
  if (q.entityType) where.push(eq(statSubmissions.entityType, q.entityType));
  if (q.entityId) where.push(eq(statSubmissions.entityId, q.entityId));
  if (q.status) where.push(eq(statSubmissions.status, q.status));
  const db = ctx.database.db;
  const rows = await db
    .select()
    .from(statSubmissions)
    .where(and(...where))
    .orderBy(desc(statSubmissions.year), asc(statSubmissions.submittedAt), asc(statSubmissions.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(statSubmissions)
    .where(and(...where));
  return { items: await toSummaries(db, rows), total: n };
}

const TABLES = { enterprise: enterprises, incubator: incubators, zone: zones } as const;
const FILER_ROLE = { enterprise: 'enterprise_member', incubator: 'incubator_manager', zone: 'zone_manager' } as const;

/**
 * What this actor can file: each entity they file for × each open period (of its country) with its form,
 * and the return if started. A scoped grant names its entities; an unscoped filer (a national account, the
 * demo) searches the registry by name (`q`), 20 at a time.
 */
export async function listFilings(ctx: Ctx, q: z.infer<typeof FilingsQuery>): Promise<{ items: Filing[]; total: number }> {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const periods = await db.select().from(statPeriods).where(eq(statPeriods.status, 'open')).orderBy(desc(statPeriods.year));
  if (periods.length === 0) return { items: [], total: 0 };
  const forms = await db
    .select()
    .from(statForms)
    .where(
      inArray(
        statForms.periodId,
        periods.map((p) => p.id),
      ),
    );
  const items: Filing[] = [];
  for (const entityType of ['enterprise', 'incubator', 'zone'] as StatEntityType[]) {
    if (q.entityType && q.entityType !== entityType) continue;
    const grants = actor.roles.filter((g) => g.role === 'admin' || g.role === FILER_ROLE[entityType]);
    if (grants.length === 0) continue;
    const national = grants.some((g) => g.role === 'admin' || g.scopeType === null);
    const ids = grants.filter((g) => g.scopeType === entityType && g.scopeId).map((g) => g.scopeId!);
    const table = TABLES[entityType];
    const nameMatch = q.q ? or(ilike(sql`${table.names}->>'en'`, `%${q.q}%`), ilike(sql`${table.names}::text`, `%${q.q}%`)) : undefined;
    let entities: { id: string; names: Filing['entity']['names']; country: string }[] = [];
    if (ids.length > 0)
      entities = await db
        .select({ id: table.id, names: table.names, country: table.country })
        .from(table)
        .where(and(inArray(table.id, ids), nameMatch));
    else if (national && q.q)
      entities = await db
        .select({ id: table.id, names: table.names, country: table.country })
        .from(table)
        .where(nameMatch)
        .orderBy(asc(sql`${table.names}->>'en'`))
        .limit(20);
    if (entities.length === 0) continue;
    const started = await db
      .select()
      .from(statSubmissions)
      .where(
        and(
          eq(statSubmissions.entityType, entityType),
          inArray(
            statSubmissions.entityId,
            entities.map((e) => e.id),
          ),
        ),
      );
    const summaries = new Map((await toSummaries(db, started)).map((s, i) => [`${started[i].formId}:${started[i].entityId}`, s]));
    for (const e of entities) {
      for (const p of periods) {
        if (p.country && p.country !== e.country) continue;
        const form = forms.find((f) => f.periodId === p.id && f.entityType === entityType);
        if (!form) continue;
        items.push({
          period: toPeriod(p),
          formId: form.id,
          entityType,
          entity: { id: e.id, names: e.names },
          submission: summaries.get(`${form.id}:${e.id}`) ?? null,
        });
      }
    }
  }
  return { items, total: items.length };
}
