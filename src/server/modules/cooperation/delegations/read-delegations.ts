import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Delegation, DelegationPage, DelegationQuery, FollowUp as FollowUpSchema } from '../../../../shared/contracts/cooperation';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { coopDelegationMembers, coopDelegations, coopFollowUps, coopItineraryStops } from '../cooperation.tables';
import { focalPersonsOfDelegation } from '../focal/read-focal';
import { opportunitiesOfDelegation } from '../opportunities/read-opportunities';
import { likePattern, readsStaff } from './access';
import { citiesOf, isOverdue, isoDay, orderStops } from './delegation-rules';
import { placeOf } from './geography';

type Reader = Db | Tx;
export type DelegationRow = typeof coopDelegations.$inferSelect;
export type FollowUpRow = typeof coopFollowUps.$inferSelect;
type FollowUp = z.output<typeof FollowUpSchema>;
type Summary = z.output<typeof DelegationPage>['items'][number];

/** The public reads published delegations; staff (cooperation.read) drafts too. */
const visibleTo = (ctx: Ctx): SQL | undefined => (readsStaff(ctx) ? undefined : eq(coopDelegations.status, 'published'));

function summaryOf(row: DelegationRow, stops: { day: string; position: number; city: string }[], memberCount: number): Summary {
  return {
    id: row.id,
    key: row.key,
    title: row.title as Record<string, string>,
    hostCountry: row.hostCountry,
    guestCountry: row.guestCountry,
    host: row.host ?? null,
    guest: row.guest ?? null,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    cities: citiesOf(stops),
    memberCount,
    status: row.status as Summary['status'],
    source: row.source,
    synthetic: row.synthetic,
  };
}

/** Delegations the reader may see, newest visit first: by a pair of countries (either way round), a country, words of the title. */
export async function listDelegations(ctx: Ctx, query: z.output<typeof DelegationQuery>): Promise<z.output<typeof DelegationPage>> {
  const db = ctx.database.db;
  const d = coopDelegations;
  const [a, b] = query.countries ? query.countries.split('-') : [];
  const where = and(
    visibleTo(ctx),
    query.countries ? or(and(eq(d.hostCountry, a), eq(d.guestCountry, b)), and(eq(d.hostCountry, b), eq(d.guestCountry, a))) : undefined,
    query.country ? or(eq(d.hostCountry, query.country), eq(d.guestCountry, query.country)) : undefined,
    query.q ? sql`concat_ws(' ', ${d.title}->>'en', ${d.title}->>'zh', ${d.title}->>'ur') ilike ${likePattern(query.q)}` : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(d).where(where).orderBy(desc(d.startsOn), asc(d.id)).limit(query.limit).offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(d).where(where),
  ]);
  return { items: await summariesOf(db, rows), total: Number(n) };
}

/** Summaries of these rows (their cities and member counts), in the same order. */
export async function summariesOf(db: Reader, rows: DelegationRow[]): Promise<Summary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [stops, counts] = await Promise.all([
    db
      .select({
        delegationId: coopItineraryStops.delegationId,
        day: coopItineraryStops.day,
        position: coopItineraryStops.position,
        city: coopItineraryStops.city,
      })
      .from(coopItineraryStops)
      .where(inArray(coopItineraryStops.delegationId, ids)),
    db
      .select({ delegationId: coopDelegationMembers.delegationId, n: sql<number>`count(*)::int` })
      .from(coopDelegationMembers)
      .where(inArray(coopDelegationMembers.delegationId, ids))
      .groupBy(coopDelegationMembers.delegationId),
  ]);
  const countOf = new Map(counts.map((c) => [c.delegationId, Number(c.n)]));
  return rows.map((r) =>
    summaryOf(
      r,
      stops.filter((s) => s.delegationId === r.id),
      countOf.get(r.id) ?? 0,
    ),
  );
}

export function toFollowUp(row: FollowUpRow, staff: boolean, today: string): FollowUp {
  return {
    id: row.id,
    delegationId: row.delegationId,
    action: row.action as Record<string, string>,
    country: row.country,
    ownerName: row.ownerName,
    // Which Seedbed account is reminded is the staff's business.
    ownerUserId: staff ? row.ownerUserId : null,
    dueOn: row.dueOn,
    status: row.status as FollowUp['status'],
    overdue: isOverdue(row, today),
    doneOn: row.doneOn,
    source: row.source,
    version: row.version,
  };
}

/** The row of a delegation the reader may see; 404 otherwise (a draft is not there for the public). */
export async function visibleDelegationRow(ctx: Ctx, id: string, db: Reader = ctx.database.db): Promise<DelegationRow> {
  const [row] = await db
    .select()
    .from(coopDelegations)
    .where(and(eq(coopDelegations.id, id), visibleTo(ctx)));
  if (!row) throw notFound();
  return row;
}

/**
 * A delegation with its members, its itinerary by day and city (placed on the map from the registry's geography),
 * and its outcomes: focal persons appointed or promised, offers made, follow-ups. The public gets no internal notes.
 */
export async function getDelegation(ctx: Ctx, id: string, opts: { db?: Reader; today?: string } = {}): Promise<Delegation> {
  const db = opts.db ?? ctx.database.db;
  const today = opts.today ?? isoDay();
  const staff = readsStaff(ctx);
  const row = await visibleDelegationRow(ctx, id, db);
  const [members, stops, followUps, focalPersons, offers] = await Promise.all([
    db.select().from(coopDelegationMembers).where(eq(coopDelegationMembers.delegationId, id)).orderBy(asc(coopDelegationMembers.position)),
    db.select().from(coopItineraryStops).where(eq(coopItineraryStops.delegationId, id)),
    db
      .select()
      .from(coopFollowUps)
      .where(eq(coopFollowUps.delegationId, id))
      .orderBy(sql`${coopFollowUps.dueOn} asc nulls last`, asc(coopFollowUps.createdAt), asc(coopFollowUps.id)),
    focalPersonsOfDelegation(ctx, id, db),
    opportunitiesOfDelegation(ctx, id, today),
  ]);
  const ordered = orderStops(stops);
  return {
    ...summaryOf(row, ordered, members.length),
    purpose: row.purpose as Record<string, string>,
    agreementId: row.agreementId,
    members: members.map((m) => ({
      id: m.id,
      personId: m.personId,
      name: m.name,
      side: m.side as 'guest' | 'host',
      role: m.role as 'head' | 'member' | 'interpreter' | 'host',
      organisation: m.organisation ?? null,
    })),
    itinerary: ordered.map((s) => ({
      id: s.id,
      day: s.day,
      city: s.city,
      cityCode: s.cityCode,
      ...placeOf(s.cityCode),
      visited: s.visited,
      meetings: s.meetings.map((m) => ({ title: m.title, with: m.with, notes: m.notes ?? null })),
      source: s.source,
    })),
    focalPersons,
    offers,
    followUps: followUps.map((f) => toFollowUp(f, staff, today)),
    internalNotes: staff ? row.internalNotes : null,
    version: row.version,
  };
}
