import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agreement, AgreementPage, AgreementQuery, AgreementSummary, Commitment } from '../../../../shared/contracts/cooperation';
import type { Db } from '../../../db/client';
import { users } from '../../../platform/accounts/accounts.tables';
import type { Tx } from '../../../platform/audit/audit';
import type { Actor, Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { files } from '../../../platform/files/files.tables';
import { coopAgreementParties, coopAgreements, coopCommitments } from '../cooperation.tables';
import { isPublicStatus, isStaff, PUBLIC_STATUSES } from './access';
import { commitmentState, isoDay, scorecard } from './scorecard';

type AgreementRow = typeof coopAgreements.$inferSelect;
type PartyRow = typeof coopAgreementParties.$inferSelect;
type CommitmentRow = typeof coopCommitments.$inferSelect;
type Reader = Db | Tx;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

async function partiesOf(db: Reader, ids: string[]): Promise<Map<string, PartyRow[]>> {
  const byAgreement = new Map<string, PartyRow[]>();
  if (!ids.length) return byAgreement;
  const rows = await db.select().from(coopAgreementParties).where(inArray(coopAgreementParties.agreementId, ids)).orderBy(asc(coopAgreementParties.position));
  for (const r of rows) byAgreement.set(r.agreementId, [...(byAgreement.get(r.agreementId) ?? []), r]);
  return byAgreement;
}

type CommitmentWithOwner = CommitmentRow & { ownerName: string | null };

async function commitmentsOf(db: Reader, ids: string[]): Promise<Map<string, CommitmentWithOwner[]>> {
  const byAgreement = new Map<string, CommitmentWithOwner[]>();
  if (!ids.length) return byAgreement;
  const rows = await db
    .select({ c: coopCommitments, ownerName: users.displayName })
    .from(coopCommitments)
    .leftJoin(users, eq(users.id, coopCommitments.ownerUserId))
    .where(inArray(coopCommitments.agreementId, ids))
    .orderBy(asc(coopCommitments.dueOn), asc(coopCommitments.createdAt), asc(coopCommitments.id));
  for (const { c, ownerName } of rows) byAgreement.set(c.agreementId, [...(byAgreement.get(c.agreementId) ?? []), { ...c, ownerName }]);
  return byAgreement;
}

const toParty = (p: PartyRow) => ({
  id: p.id,
  position: p.position,
  org: { entityType: p.entityType, entityId: p.entityId, name: p.name, country: p.country },
  signatory: p.signatory,
});

function toSummary(row: AgreementRow, parties: PartyRow[], commitments: CommitmentRow[], today: string): AgreementSummary {
  return {
    id: row.id,
    key: row.key,
    type: row.type as AgreementSummary['type'],
    title: row.title as Record<string, string>,
    parties: parties.map(toParty),
    countries: [...new Set(parties.map((p) => p.country))],
    signedOn: row.signedOn,
    signedYear: row.signedOn ? Number(row.signedOn.slice(0, 4)) : row.signedYear,
    signedPlace: row.signedPlace,
    signedVirtually: row.signedVirtually,
    areas: row.areas,
    stage: row.stage as AgreementSummary['stage'],
    status: row.status as AgreementSummary['status'],
    validUntil: row.validUntil,
    scorecard: scorecard(commitments, today),
    source: row.source,
    synthetic: row.synthetic,
  };
}

function toCommitment(c: CommitmentWithOwner, parties: Map<string, PartyRow>, fileNames: Map<string, string> | null, today: string): Commitment {
  const party = parties.get(c.owedBy);
  const { state, daysLate } = commitmentState(c, today);
  return {
    id: c.id,
    agreementId: c.agreementId,
    deliverable: c.deliverable as Record<string, string>,
    owedBy: { partyId: c.owedBy, name: party?.name ?? '', country: party?.country ?? '' },
    // Who answers for it is a staff matter, like the evidence.
    ownerUserId: fileNames ? c.ownerUserId : null,
    ownerName: fileNames ? c.ownerName : null,
    dueOn: c.dueOn,
    status: c.status as Commitment['status'],
    state,
    daysLate,
    deliveredOn: c.deliveredOn,
    evidence: fileNames ? { note: c.evidenceNote, files: c.evidenceFileIds.map((id) => ({ id, name: fileNames.get(id) ?? id })) } : null,
    version: c.version,
  };
}

/** The agreement as this reader may see it (404 for a draft to the public); `db` may be the writer's transaction. */
export async function agreementView(db: Reader, actor: Actor | null, id: string, today = isoDay()): Promise<Agreement> {
  const [row] = await db.select().from(coopAgreements).where(eq(coopAgreements.id, id));
  const staff = isStaff(actor);
  if (!row || !(staff || isPublicStatus(row.status))) throw notFound();
  const parties = (await partiesOf(db, [id])).get(id) ?? [];
  const commitments = (await commitmentsOf(db, [id])).get(id) ?? [];
  let fileNames: Map<string, string> | null = null;
  if (staff) {
    const fileIds = [...new Set(commitments.flatMap((c) => c.evidenceFileIds))];
    const found = fileIds.length ? await db.select({ id: files.id, name: files.originalName }).from(files).where(inArray(files.id, fileIds)) : [];
    fileNames = new Map(found.map((f) => [f.id, f.name]));
  }
  const partyById = new Map(parties.map((p) => [p.id, p]));
  return {
    ...toSummary(row, parties, commitments, today),
    summary: row.summary as Record<string, string>,
    ways: row.ways,
    validFrom: row.validFrom,
    renewal: row.renewal as Agreement['renewal'],
    internalNotes: staff ? row.internalNotes : null,
    commitments: commitments.map((c) => toCommitment(c, partyById, fileNames, today)),
    partyScorecards: parties.map((p) => ({
      partyId: p.id,
      scorecard: scorecard(
        commitments.filter((c) => c.owedBy === p.id),
        today,
      ),
    })),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** One agreement: the public summary and commitments for everyone once published; internal notes and evidence for staff. */
export async function getAgreement(ctx: Ctx, id: string, today = isoDay()): Promise<Agreement> {
  return agreementView(ctx.database.db, ctx.actor, id, today);
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const hasPartyOf = (country: string) =>
  sql`exists (select 1 from ${coopAgreementParties} p where p.agreement_id = ${coopAgreements.id} and p.country = ${country})`;

/** Which agreements a reader may see, filtered by the query (shared by the list, the scorecards and the country pair). */
export function agreementConditions(actor: Actor | null, query: Partial<z.output<typeof AgreementQuery>>): SQL[] {
  const where: SQL[] = [];
  if (!isStaff(actor)) where.push(inArray(coopAgreements.status, [...PUBLIC_STATUSES]));
  if (query.status) where.push(eq(coopAgreements.status, query.status));
  if (query.type) where.push(eq(coopAgreements.type, query.type));
  if (query.area) where.push(sql`${query.area} = any(${coopAgreements.areas})`);
  if (query.country) where.push(hasPartyOf(query.country));
  if (query.countries) {
    const [a, b] = query.countries.split('-');
    where.push(hasPartyOf(a), hasPartyOf(b));
  }
  if (query.q) where.push(sql`exists (select 1 from jsonb_each_text(${coopAgreements.title}) t where t.value ilike ${likePattern(query.q)})`);
  return where;
}

/** Agreements the reader may see, newest signing first, each with its scorecard. */
export async function listAgreements(ctx: Ctx, query: z.output<typeof AgreementQuery>, today = isoDay()): Promise<z.infer<typeof AgreementPage>> {
  const db = ctx.database.db;
  const where = and(...agreementConditions(ctx.actor, query));
  const [{ total }] = await db.select({ total: count() }).from(coopAgreements).where(where);
  const rows = await db
    .select()
    .from(coopAgreements)
    .where(where)
    .orderBy(sql`${coopAgreements.signedOn} desc nulls last`, desc(coopAgreements.createdAt), asc(coopAgreements.id))
    .limit(query.limit)
    .offset(query.offset);
  const ids = rows.map((r) => r.id);
  const [parties, commitments] = await Promise.all([partiesOf(db, ids), commitmentsOf(db, ids)]);
  return { items: rows.map((r) => toSummary(r, parties.get(r.id) ?? [], commitments.get(r.id) ?? [], today)), total };
}

/** One commitment as this reader may see it (the agreement's visibility decides; `db` may be the writer's transaction). */
export async function commitmentView(db: Reader, actor: Actor | null, id: string, today = isoDay()): Promise<Commitment> {
  const [c] = await db
    .select({ c: coopCommitments, ownerName: users.displayName, status: coopAgreements.status })
    .from(coopCommitments)
    .innerJoin(coopAgreements, eq(coopAgreements.id, coopCommitments.agreementId))
    .leftJoin(users, eq(users.id, coopCommitments.ownerUserId))
    .where(eq(coopCommitments.id, id));
  const staff = isStaff(actor);
  if (!c || !(staff || isPublicStatus(c.status))) throw notFound();
  const parties = (await partiesOf(db, [c.c.agreementId])).get(c.c.agreementId) ?? [];
  let fileNames: Map<string, string> | null = null;
  if (staff) {
    const ids = c.c.evidenceFileIds;
    const found = ids.length ? await db.select({ id: files.id, name: files.originalName }).from(files).where(inArray(files.id, ids)) : [];
    fileNames = new Map(found.map((f) => [f.id, f.name]));
  }
  return toCommitment({ ...c.c, ownerName: c.ownerName }, new Map(parties.map((p) => [p.id, p])), fileNames, today);
}
