import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { FocalPage, FocalPerson, FocalQuery } from '../../../../shared/contracts/cooperation';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { coopDelegations, coopFocalPersons } from '../cooperation.tables';
import { likePattern, readsStaff } from '../delegations/access';
import { focalState, postKey } from './focal-rules';

type Reader = Db | Tx;
export type FocalRow = typeof coopFocalPersons.$inferSelect;

const OPEN = sql`(${coopFocalPersons.personId} is null and coalesce(trim(${coopFocalPersons.personName}), '') = '')`;
const STATE: Record<NonNullable<z.output<typeof FocalQuery>['state']>, SQL> = {
  open: OPEN,
  ended: sql`(not ${OPEN} and ${coopFocalPersons.endedOn} is not null)`,
  appointed: sql`(not ${OPEN} and ${coopFocalPersons.endedOn} is null)`,
  current: sql`(${OPEN} or ${coopFocalPersons.endedOn} is null)`,
};

/** When a row's holding of its post began, for ordering holders: appointed, else promised, else recorded. */
const startOf = (r: FocalRow) => `${r.appointedOn ?? r.promisedOn ?? r.createdAt.toISOString().slice(0, 10)}|${r.createdAt.toISOString()}`;

/**
 * The rows as this reader sees them: contact details for staff only, the delegation's title where the reader may
 * see the delegation, and each row's history — the earlier holders of the same post, newest first.
 */
export async function toFocalPersons(ctx: Ctx, rows: FocalRow[], db: Reader = ctx.database.db): Promise<FocalPerson[]> {
  if (rows.length === 0) return [];
  const staff = readsStaff(ctx);
  const entityIds = [...new Set(rows.flatMap((r) => (r.organisation.entityId ? [r.organisation.entityId] : [])))];
  const names = [...new Set(rows.filter((r) => !r.organisation.entityId).map((r) => r.organisation.name.trim().toLowerCase()))];
  const sameOrg = [
    entityIds.length ? inArray(sql`${coopFocalPersons.organisation}->>'entityId'`, entityIds) : undefined,
    names.length ? inArray(sql`lower(trim(${coopFocalPersons.organisation}->>'name'))`, names) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const delegationIds = [...new Set(rows.flatMap((r) => (r.delegationId ? [r.delegationId] : [])))];
  const [related, delegations] = await Promise.all([
    db
      .select()
      .from(coopFocalPersons)
      .where(or(...sameOrg)),
    delegationIds.length
      ? db
          .select({ id: coopDelegations.id, title: coopDelegations.title, status: coopDelegations.status })
          .from(coopDelegations)
          .where(inArray(coopDelegations.id, delegationIds))
      : Promise.resolve([]),
  ]);
  const byPost = new Map<string, FocalRow[]>();
  for (const r of related) {
    const k = postKey(r);
    byPost.set(k, [...(byPost.get(k) ?? []), r]);
  }
  const titleOf = new Map(delegations.filter((d) => staff || d.status === 'published').map((d) => [d.id, d.title]));
  return rows.map((r) => {
    const mine = startOf(r);
    const history = (byPost.get(postKey(r)) ?? [])
      .filter((o) => o.id !== r.id && focalState(o) !== 'open' && startOf(o) < mine)
      .sort((a, b) => (startOf(a) < startOf(b) ? 1 : -1))
      .map((o) => ({ id: o.id, personName: o.personName, appointedOn: o.appointedOn, endedOn: o.endedOn }));
    const title = r.delegationId ? titleOf.get(r.delegationId) : undefined;
    return {
      id: r.id,
      country: r.country,
      organisation: r.organisation,
      topic: r.topic as Record<string, string>,
      personId: r.personId,
      personName: r.personName,
      state: focalState(r),
      contact: staff ? (r.contact ?? null) : null,
      delegation: r.delegationId && title ? { id: r.delegationId, title: title as Record<string, string> } : null,
      agreementId: r.agreementId,
      promisedOn: r.promisedOn,
      appointedOn: r.appointedOn,
      endedOn: r.endedOn,
      history,
      source: r.source,
      version: r.version,
    };
  });
}

/** The focal-person directory: public (contacts for staff only), by country, state and words. */
export async function listFocalPersons(ctx: Ctx, query: z.output<typeof FocalQuery>): Promise<z.output<typeof FocalPage>> {
  const db = ctx.database.db;
  const where = and(
    query.country ? eq(coopFocalPersons.country, query.country) : undefined,
    query.state ? STATE[query.state] : undefined,
    query.q
      ? sql`concat_ws(' ', ${coopFocalPersons.personName}, ${coopFocalPersons.organisation}->>'name', ${coopFocalPersons.topic}->>'en', ${coopFocalPersons.topic}->>'zh', ${coopFocalPersons.topic}->>'ur') ilike ${likePattern(query.q)}`
      : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(coopFocalPersons)
      .where(where)
      .orderBy(asc(coopFocalPersons.country), sql`${coopFocalPersons.organisation}->>'name'`, desc(coopFocalPersons.createdAt), asc(coopFocalPersons.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(coopFocalPersons).where(where),
  ]);
  return { items: await toFocalPersons(ctx, rows, db), total: Number(n) };
}

/** The focal persons appointed (or promised) during a delegation, in the order recorded. */
export async function focalPersonsOfDelegation(ctx: Ctx, delegationId: string, db: Reader = ctx.database.db): Promise<FocalPerson[]> {
  const rows = await db
    .select()
    .from(coopFocalPersons)
    .where(eq(coopFocalPersons.delegationId, delegationId))
    .orderBy(asc(coopFocalPersons.createdAt), asc(coopFocalPersons.id));
  return toFocalPersons(ctx, rows, db);
}
