import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CancelInput, Commitment, CommitmentPatch, DeliveryInput, NewCommitmentInput } from '../../../../shared/contracts/cooperation';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { type Actor, type Ctx, hasRole, requireActor } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { files } from '../../../platform/files/files.tables';
import { coopAgreementParties, coopAgreements, coopCommitments } from '../cooperation.tables';
import { canManage, isPublicStatus, isStaff } from './access';
import { queueCommitmentSweep, sweepMomentFor } from './overdue';
import { checkVersion, E, Problems, unknownUsers } from './problems';
import { commitmentView } from './read-agreements';
import { isoDay } from './scorecard';

type CommitmentRow = typeof coopCommitments.$inferSelect;

async function lockCommitment(tx: Tx, id: string): Promise<{ row: CommitmentRow; agreementStatus: string }> {
  const [found] = await tx
    .select({ row: coopCommitments, agreementStatus: coopAgreements.status })
    .from(coopCommitments)
    .innerJoin(coopAgreements, eq(coopAgreements.id, coopCommitments.agreementId))
    .where(eq(coopCommitments.id, id))
    .for('update', { of: coopCommitments });
  if (!found) throw notFound();
  return found;
}

const requireOpen = (row: CommitmentRow) => {
  if (row.status !== 'open') throw conflict(E('commitment_closed'), { status: row.status });
};

function requireManager(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!canManage(actor)) throw forbidden();
  return actor;
}

/** Adds a commitment to an agreement (not a terminated one): what is owed, by which of its parties, by when. */
export async function addCommitment(ctx: Ctx, agreementId: string, input: z.output<typeof NewCommitmentInput>, today = isoDay()): Promise<Commitment> {
  const actor = requireManager(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [agreement] = await tx.select().from(coopAgreements).where(eq(coopAgreements.id, agreementId)).for('update');
    if (!agreement) throw notFound();
    if (agreement.status === 'terminated') throw conflict(E('agreement_terminated'));
    const problems = new Problems();
    const [party] = await tx
      .select({ id: coopAgreementParties.id })
      .from(coopAgreementParties)
      .where(and(eq(coopAgreementParties.id, input.owedBy), eq(coopAgreementParties.agreementId, agreementId)));
    if (!party) problems.add('owedBy', 'party_not_of_agreement');
    if ((await unknownUsers(tx, [input.ownerUserId])).size) problems.add('ownerUserId', 'owner_not_found');
    problems.throwIfAny(ctx);
    const [row] = await tx
      .insert(coopCommitments)
      .values({ agreementId, deliverable: input.deliverable, owedBy: input.owedBy, ownerUserId: input.ownerUserId ?? null, dueOn: input.dueOn })
      .returning();
    await audit({ action: 'cooperation.commitment.create', entityType: 'coop_commitment', entityId: row.id, after: row });
    if (row.ownerUserId) await queueCommitmentSweep(tx, sweepMomentFor(row.dueOn));
    return commitmentView(tx, actor, row.id, today);
  });
}

/** Changes what an open commitment says, who answers for it or its due date; 409 on a stale version. */
export async function updateCommitment(ctx: Ctx, id: string, patch: z.output<typeof CommitmentPatch>, today = isoDay()): Promise<Commitment> {
  const actor = requireManager(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { row: before } = await lockCommitment(tx, id);
    checkVersion(before, patch.version);
    requireOpen(before);
    const problems = new Problems();
    if ((await unknownUsers(tx, [patch.ownerUserId])).size) problems.add('ownerUserId', 'owner_not_found');
    problems.throwIfAny(ctx);
    const { version: _version, ...changes } = patch;
    const [row] = await tx
      .update(coopCommitments)
      .set({ ...changes, version: sql`${coopCommitments.version} + 1` })
      .where(eq(coopCommitments.id, id))
      .returning();
    await audit({ action: 'cooperation.commitment.update', entityType: 'coop_commitment', entityId: id, before, after: row });
    // A new due date (or a new owner) has its own notices: the sweep is needed by then.
    if (row.ownerUserId && (row.dueOn !== before.dueOn || row.ownerUserId !== before.ownerUserId)) await queueCommitmentSweep(tx, sweepMomentFor(row.dueOn));
    return commitmentView(tx, actor, id, today);
  });
}

/**
 * Marks an open commitment delivered, with what shows it: a note and/or files the actor uploaded. Officers may, and
 * so may the user named as answering for it. A delivery after the due date is recorded as it was — delivered late.
 */
export async function deliverCommitment(ctx: Ctx, id: string, input: z.output<typeof DeliveryInput>, today = isoDay()): Promise<Commitment> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { row: before, agreementStatus } = await lockCommitment(tx, id);
    if (!canManage(actor) && before.ownerUserId !== actor.userId) {
      if (!isStaff(actor) && !isPublicStatus(agreementStatus)) throw notFound();
      throw forbidden(E('not_commitment_owner'));
    }
    checkVersion(before, input.version);
    requireOpen(before);
    const problems = new Problems();
    if (input.deliveredOn > today) problems.add('deliveredOn', 'delivered_in_future');
    const fileIds = [...new Set(input.evidenceFileIds)];
    if (fileIds.length) {
      const found = await tx.select({ id: files.id, ownerId: files.ownerId }).from(files).where(inArray(files.id, fileIds));
      // Only files the actor may read (their own uploads; an admin any): nobody attaches what they cannot open.
      const readable = new Set(found.filter((f) => f.ownerId === actor.userId || hasRole(actor, 'admin')).map((f) => f.id));
      input.evidenceFileIds.forEach((f, i) => {
        if (!readable.has(f)) problems.add(`evidenceFileIds.${i}`, 'evidence_file_not_found');
      });
    }
    problems.throwIfAny(ctx);
    const [row] = await tx
      .update(coopCommitments)
      .set({
        status: 'delivered',
        deliveredOn: input.deliveredOn,
        evidenceNote: input.evidenceNote ?? null,
        evidenceFileIds: fileIds,
        version: sql`${coopCommitments.version} + 1`,
      })
      .where(eq(coopCommitments.id, id))
      .returning();
    await audit({ action: 'cooperation.commitment.deliver', entityType: 'coop_commitment', entityId: id, before, after: row });
    return commitmentView(tx, actor, id, today);
  });
}

/** Cancels an open commitment (the sides agreed to drop it); the reason is kept in the audit log. */
export async function cancelCommitment(ctx: Ctx, id: string, input: z.output<typeof CancelInput>, today = isoDay()): Promise<Commitment> {
  const actor = requireManager(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const { row: before } = await lockCommitment(tx, id);
    checkVersion(before, input.version);
    requireOpen(before);
    const [row] = await tx
      .update(coopCommitments)
      .set({ status: 'cancelled', version: sql`${coopCommitments.version} + 1` })
      .where(eq(coopCommitments.id, id))
      .returning();
    await audit({ action: 'cooperation.commitment.cancel', entityType: 'coop_commitment', entityId: id, before, after: { ...row, reason: input.reason } });
    return commitmentView(tx, actor, id, today);
  });
}
