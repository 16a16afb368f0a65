import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Delegation, DelegationInput, DelegationPatch, MemberInput, StopInput } from '../../../../shared/contracts/cooperation';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, notFound } from '../../../platform/errors';
import { coopAgreements, coopDelegationMembers, coopDelegations, coopItineraryStops } from '../cooperation.tables';
import { requireManage } from './access';
import { visitDateProblem } from './delegation-rules';
import { cityByName, divisionOf } from './geography';
import { getDelegation } from './read-delegations';
import { readPerson, resolveOrg, resolveOrgOrNull } from './registry-refs';

type Input = z.output<typeof DelegationInput>;
type Patch = z.output<typeof DelegationPatch>;
type Member = z.output<typeof MemberInput>;
type Stop = z.output<typeof StopInput>;

/** 400 with the reason in words: the visit ends before it starts, or a stop falls outside its dates. */
function checkDates(startsOn: string, endsOn: string, stops: { day: string; city: string }[], stopsPath: string | null) {
  const problem = visitDateProblem(startsOn, endsOn, stops);
  if (!problem) return;
  if (problem.code === 'cooperation.delegations.dates_reversed') throw new AppError(400, problem.code, problem.params, [{ path: 'endsOn', message: '' }]);
  const path = stopsPath ? `${stopsPath}.${problem.params.index}.day` : 'startsOn';
  throw new AppError(400, problem.code, { ...problem.params, n: problem.params.index + 1 }, [{ path, message: '' }]);
}

async function checkAgreement(tx: Tx, agreementId: string | null | undefined) {
  if (!agreementId) return;
  const [row] = await tx.select({ id: coopAgreements.id }).from(coopAgreements).where(eq(coopAgreements.id, agreementId));
  if (!row) throw new AppError(422, 'cooperation.delegations.agreement_not_found', {}, [{ path: 'agreementId', message: '' }]);
}

async function memberRows(tx: Tx, delegationId: string, members: Member[]) {
  const rows: (typeof coopDelegationMembers.$inferInsert)[] = [];
  for (const [i, m] of members.entries()) {
    const path = `members.${i}`;
    const organisation = await resolveOrgOrNull(tx, m.organisation, `${path}.organisation`);
    if ('personId' in m) {
      const person = await readPerson(tx, m.personId, `${path}.personId`);
      rows.push({
        delegationId,
        position: i,
        personId: m.personId,
        name: person.name,
        side: m.side,
        role: m.role,
        organisation: organisation ?? person.organisation,
      });
    } else {
      rows.push({ delegationId, position: i, personId: null, name: m.name, side: m.side, role: m.role, organisation });
    }
  }
  return rows;
}

/** The stops as stored: the city's registry code (given, or found from its name in the host country first), the organisations resolved. */
async function stopRows(tx: Tx, delegationId: string, stops: Stop[], countries: string[]) {
  const rows: (typeof coopItineraryStops.$inferInsert)[] = [];
  const positionOfDay = new Map<string, number>();
  for (const [i, s] of stops.entries()) {
    const path = `itinerary.${i}`;
    if (s.cityCode && !divisionOf(s.cityCode)) {
      throw new AppError(422, 'cooperation.delegations.unknown_city_code', { code: s.cityCode }, [{ path: `${path}.cityCode`, message: '' }]);
    }
    const cityCode = s.cityCode ?? cityByName(s.city, countries)?.code ?? null;
    const visited = [];
    for (const [j, v] of s.visited.entries()) visited.push(await resolveOrg(tx, v, `${path}.visited.${j}`));
    const position = positionOfDay.get(s.day) ?? 0;
    positionOfDay.set(s.day, position + 1);
    rows.push({
      delegationId,
      day: s.day,
      position,
      cityCode,
      city: s.city,
      visited,
      meetings: s.meetings.map((m) => ({ title: m.title, with: m.with, notes: m.notes ?? null })),
    });
  }
  return rows;
}

async function lists(tx: Tx, id: string) {
  const [members, stops] = await Promise.all([
    tx.select().from(coopDelegationMembers).where(eq(coopDelegationMembers.delegationId, id)),
    tx.select().from(coopItineraryStops).where(eq(coopItineraryStops.delegationId, id)),
  ]);
  return { members, stops };
}

/** Records a delegation visit with its members and itinerary, in one transaction with its audit entry. */
export async function createDelegation(ctx: Ctx, input: Input, opts: { key?: string; source?: string; synthetic?: boolean } = {}): Promise<Delegation> {
  const actor = requireActor(ctx);
  requireManage(ctx);
  checkDates(input.startsOn, input.endsOn, input.itinerary, 'itinerary');
  const id = await withTransaction(ctx, async (tx, audit) => {
    await checkAgreement(tx, input.agreementId);
    const [host, guest] = [await resolveOrgOrNull(tx, input.host, 'host'), await resolveOrgOrNull(tx, input.guest, 'guest')];
    const [row] = await tx
      .insert(coopDelegations)
      .values({
        key: opts.key ?? null,
        title: input.title,
        purpose: input.purpose ?? {},
        hostCountry: input.hostCountry,
        guestCountry: input.guestCountry,
        host,
        guest,
        agreementId: input.agreementId ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: input.publish ? 'published' : 'draft',
        internalNotes: input.internalNotes ?? null,
        source: opts.source ?? null,
        synthetic: opts.synthetic ?? false,
        createdBy: actor.via === 'system' ? null : actor.userId,
      })
      .returning();
    const members = await memberRows(tx, row.id, input.members);
    const stops = await stopRows(tx, row.id, input.itinerary, [input.hostCountry, input.guestCountry]);
    if (members.length) await tx.insert(coopDelegationMembers).values(members);
    if (stops.length) await tx.insert(coopItineraryStops).values(stops);
    await audit({ action: 'cooperation.delegation.create', entityType: 'coop_delegation', entityId: row.id, after: { ...row, ...(await lists(tx, row.id)) } });
    return row.id;
  });
  return getDelegation(ctx, id);
}

/** Changes a delegation (409 on a stale version); members and itinerary, when given, replace the lists. */
export async function updateDelegation(ctx: Ctx, id: string, patch: Patch): Promise<Delegation> {
  requireActor(ctx);
  requireManage(ctx);
  await withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(coopDelegations).where(eq(coopDelegations.id, id)).for('update');
    if (!before) throw notFound();
    if (before.version !== patch.version) throw conflict('cooperation.delegations.stale_version', { current: before.version });
    const old = await lists(tx, id);
    const startsOn = patch.startsOn ?? before.startsOn;
    const endsOn = patch.endsOn ?? before.endsOn;
    checkDates(startsOn, endsOn, patch.itinerary ?? old.stops, patch.itinerary ? 'itinerary' : null);
    if (patch.agreementId !== undefined) await checkAgreement(tx, patch.agreementId);
    const values: Partial<typeof coopDelegations.$inferInsert> = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.purpose !== undefined) values.purpose = patch.purpose;
    if (patch.hostCountry !== undefined) values.hostCountry = patch.hostCountry;
    if (patch.guestCountry !== undefined) values.guestCountry = patch.guestCountry;
    if (patch.host !== undefined) values.host = await resolveOrgOrNull(tx, patch.host, 'host');
    if (patch.guest !== undefined) values.guest = await resolveOrgOrNull(tx, patch.guest, 'guest');
    if (patch.agreementId !== undefined) values.agreementId = patch.agreementId;
    if (patch.startsOn !== undefined) values.startsOn = patch.startsOn;
    if (patch.endsOn !== undefined) values.endsOn = patch.endsOn;
    if (patch.internalNotes !== undefined) values.internalNotes = patch.internalNotes;
    if (patch.status !== undefined) values.status = patch.status;
    const [row] = await tx
      .update(coopDelegations)
      .set({ ...values, version: sql`${coopDelegations.version} + 1` })
      .where(eq(coopDelegations.id, id))
      .returning();
    if (patch.members) {
      const members = await memberRows(tx, id, patch.members);
      await tx.delete(coopDelegationMembers).where(eq(coopDelegationMembers.delegationId, id));
      if (members.length) await tx.insert(coopDelegationMembers).values(members);
    }
    if (patch.itinerary) {
      const stops = await stopRows(tx, id, patch.itinerary, [row.hostCountry, row.guestCountry]);
      await tx.delete(coopItineraryStops).where(eq(coopItineraryStops.delegationId, id));
      if (stops.length) await tx.insert(coopItineraryStops).values(stops);
    }
    await audit({
      action: 'cooperation.delegation.update',
      entityType: 'coop_delegation',
      entityId: id,
      before: { ...before, ...old },
      after: { ...row, ...(patch.members || patch.itinerary ? await lists(tx, id) : {}) },
    });
  });
  return getDelegation(ctx, id);
}
