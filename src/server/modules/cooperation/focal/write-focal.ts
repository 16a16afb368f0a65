import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FocalAppointInput, FocalEndInput, FocalPerson, FocalPersonInput } from '../../../../shared/contracts/cooperation';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, notFound } from '../../../platform/errors';
import { coopAgreements, coopDelegations, coopFocalPersons } from '../cooperation.tables';
import { requireManage } from '../delegations/access';
import { readPerson, resolveOrg } from '../delegations/registry-refs';
import { focalState } from './focal-rules';
import { type FocalRow, toFocalPersons } from './read-focal';

const refused = (code: string, path: string, params: Record<string, unknown> = {}) =>
  new AppError(400, `cooperation.focal.${code}`, params, [{ path, message: '' }]);

async function exists(tx: Tx, table: typeof coopDelegations | typeof coopAgreements, id: string | null | undefined, path: string) {
  if (!id) return;
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
  if (!row) throw new AppError(422, 'cooperation.focal.link_not_found', {}, [{ path, message: '' }]);
}

/** Who holds the post: a person of the registry (name in its native script) or a name as written; null for nobody. */
async function holder(
  tx: Tx,
  input: { personId?: string | null; personName?: string | null },
): Promise<{ personId: string | null; personName: string | null }> {
  if (input.personId) return { personId: input.personId, personName: (await readPerson(tx, input.personId, 'personId')).name };
  const name = input.personName?.trim();
  return { personId: null, personName: name ? name : null };
}

async function lockRow(tx: Tx, id: string, version: number): Promise<FocalRow> {
  const [row] = await tx.select().from(coopFocalPersons).where(eq(coopFocalPersons.id, id)).for('update');
  if (!row) throw notFound();
  if (row.version !== version) throw conflict('cooperation.focal.stale_version', { current: row.version });
  return row;
}

async function read(ctx: Ctx, tx: Tx, id: string): Promise<FocalPerson> {
  const [row] = await tx.select().from(coopFocalPersons).where(eq(coopFocalPersons.id, id));
  return (await toFocalPersons(ctx, [row], tx))[0];
}

/**
 * A focal person for a topic at an organisation — or, with nobody named, an open slot: a side promised to appoint
 * someone and has not yet (seeds/000: Jinan's promise to allocate a focal person).
 */
export async function createFocalPerson(
  ctx: Ctx,
  input: z.output<typeof FocalPersonInput>,
  opts: { key?: string; source?: string } = {},
): Promise<FocalPerson> {
  requireActor(ctx);
  requireManage(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    await exists(tx, coopDelegations, input.delegationId, 'delegationId');
    await exists(tx, coopAgreements, input.agreementId, 'agreementId');
    const organisation = await resolveOrg(tx, input.organisation, 'organisation');
    const person = await holder(tx, input);
    if (!person.personName && input.appointedOn) throw refused('appointed_without_person', 'appointedOn');
    const [row] = await tx
      .insert(coopFocalPersons)
      .values({
        key: opts.key ?? null,
        country: input.country,
        organisation,
        topic: input.topic,
        ...person,
        contact: input.contact ?? null,
        delegationId: input.delegationId ?? null,
        agreementId: input.agreementId ?? null,
        promisedOn: input.promisedOn ?? null,
        appointedOn: input.appointedOn ?? null,
        source: opts.source ?? null,
      })
      .returning();
    await audit({ action: 'cooperation.focal_person.create', entityType: 'coop_focal_person', entityId: row.id, after: row });
    return read(ctx, tx, row.id);
  });
}

/**
 * Appoints someone to the post: fills an open slot in place, or — when someone holds the post — ends their term on
 * the day of the appointment and records the successor as a new row (the predecessor stays as history).
 */
export async function appointFocalPerson(ctx: Ctx, id: string, input: z.output<typeof FocalAppointInput>): Promise<FocalPerson> {
  requireActor(ctx);
  requireManage(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const before = await lockRow(tx, id, input.version);
    const person = await holder(tx, input);
    if (!person.personName) throw refused('person_required', 'personName');
    const state = focalState(before);
    if (state === 'ended') throw refused('term_ended', 'id');
    if (state === 'open') {
      if (before.promisedOn && input.appointedOn < before.promisedOn)
        throw refused('appointed_before_promise', 'appointedOn', { promisedOn: before.promisedOn });
      const [row] = await tx
        .update(coopFocalPersons)
        .set({ ...person, contact: input.contact ?? null, appointedOn: input.appointedOn, version: sql`${coopFocalPersons.version} + 1` })
        .where(eq(coopFocalPersons.id, id))
        .returning();
      await audit({ action: 'cooperation.focal_person.appoint', entityType: 'coop_focal_person', entityId: id, before, after: row });
      return read(ctx, tx, id);
    }
    if (before.appointedOn && input.appointedOn < before.appointedOn)
      throw refused('successor_before_holder', 'appointedOn', { appointedOn: before.appointedOn });
    const [ended] = await tx
      .update(coopFocalPersons)
      .set({ endedOn: input.appointedOn, version: sql`${coopFocalPersons.version} + 1` })
      .where(eq(coopFocalPersons.id, id))
      .returning();
    const [successor] = await tx
      .insert(coopFocalPersons)
      .values({
        country: before.country,
        organisation: before.organisation,
        topic: before.topic,
        ...person,
        contact: input.contact ?? null,
        delegationId: before.delegationId,
        agreementId: before.agreementId,
        appointedOn: input.appointedOn,
      })
      .returning();
    await audit({ action: 'cooperation.focal_person.end', entityType: 'coop_focal_person', entityId: id, before, after: ended });
    await audit({
      action: 'cooperation.focal_person.appoint',
      entityType: 'coop_focal_person',
      entityId: successor.id,
      after: { ...successor, predecessorId: id },
    });
    return read(ctx, tx, successor.id);
  });
}

/** Ends a focal person's term (the row stays as the post's history). */
export async function endFocalPerson(ctx: Ctx, id: string, input: z.output<typeof FocalEndInput>): Promise<FocalPerson> {
  requireActor(ctx);
  requireManage(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const before = await lockRow(tx, id, input.version);
    const state = focalState(before);
    if (state === 'ended') throw refused('term_ended', 'id');
    if (state === 'open') throw refused('slot_not_filled', 'id');
    if (before.appointedOn && input.endedOn < before.appointedOn) {
      throw refused('ended_before_appointed', 'endedOn', { appointedOn: before.appointedOn });
    }
    const [row] = await tx
      .update(coopFocalPersons)
      .set({ endedOn: input.endedOn, version: sql`${coopFocalPersons.version} + 1` })
      .where(eq(coopFocalPersons.id, id))
      .returning();
    await audit({ action: 'cooperation.focal_person.end', entityType: 'coop_focal_person', entityId: id, before, after: row });
    return read(ctx, tx, id);
  });
}
