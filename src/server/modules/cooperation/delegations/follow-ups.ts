import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FollowUp, FollowUpInput, FollowUpPatch } from '../../../../shared/contracts/cooperation';
import { type Tx, withTransaction } from '../../../platform/audit/audit';
import { users } from '../../../platform/accounts/accounts.tables';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, conflict, notFound } from '../../../platform/errors';
import { coopDelegations, coopFollowUps } from '../cooperation.tables';
import { requireManage } from './access';
import { isoDay, nextNoticeDay } from './delegation-rules';
import { toFollowUp } from './read-delegations';
import { queueReminders } from './reminders';

async function checkOwner(tx: Tx, userId: string | null | undefined) {
  if (!userId) return;
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!row) throw new AppError(422, 'cooperation.delegations.owner_not_found', {}, [{ path: 'ownerUserId', message: '' }]);
}

/** Queues the reminder sweep for the day this follow-up next needs a notice (the sweep itself queues the ones after). */
async function queueFor(tx: Tx, row: typeof coopFollowUps.$inferSelect, today: string) {
  const day = nextNoticeDay(row, today);
  if (day) await queueReminders(tx, new Date(`${day}T00:00:00Z`));
}

/** A follow-up agreed during a delegation: an action, the side and owner answerable, a due date. */
export async function addFollowUp(ctx: Ctx, delegationId: string, input: z.output<typeof FollowUpInput>, today = isoDay()): Promise<z.output<typeof FollowUp>> {
  requireActor(ctx);
  requireManage(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [delegation] = await tx.select({ id: coopDelegations.id }).from(coopDelegations).where(eq(coopDelegations.id, delegationId));
    if (!delegation) throw notFound();
    await checkOwner(tx, input.ownerUserId);
    const [row] = await tx
      .insert(coopFollowUps)
      .values({
        delegationId,
        action: input.action,
        country: input.country ?? null,
        ownerName: input.ownerName ?? null,
        ownerUserId: input.ownerUserId ?? null,
        dueOn: input.dueOn ?? null,
      })
      .returning();
    await audit({ action: 'cooperation.follow_up.create', entityType: 'coop_follow_up', entityId: row.id, after: row });
    await queueFor(tx, row, today);
    return toFollowUp(row, true, today);
  });
}

/** Marks a follow-up done (on a day, today unless said) or dropped, reopens it, or moves its due date or owner; 409 when stale. */
export async function patchFollowUp(ctx: Ctx, id: string, patch: z.output<typeof FollowUpPatch>, today = isoDay()): Promise<z.output<typeof FollowUp>> {
  requireActor(ctx);
  requireManage(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(coopFollowUps).where(eq(coopFollowUps.id, id)).for('update');
    if (!before) throw notFound();
    if (before.version !== patch.version) throw conflict('cooperation.delegations.stale_version', { current: before.version });
    if (patch.ownerUserId !== undefined) await checkOwner(tx, patch.ownerUserId);
    const status = patch.status ?? before.status;
    const values: Partial<typeof coopFollowUps.$inferInsert> = { status };
    if (status === 'done') values.doneOn = patch.doneOn ?? before.doneOn ?? today;
    else values.doneOn = null;
    if (patch.doneOn && status !== 'done') {
      throw new AppError(400, 'cooperation.delegations.done_on_not_done', {}, [{ path: 'doneOn', message: '' }]);
    }
    if (patch.dueOn !== undefined) values.dueOn = patch.dueOn;
    if (patch.ownerUserId !== undefined) values.ownerUserId = patch.ownerUserId;
    const [row] = await tx
      .update(coopFollowUps)
      .set({ ...values, version: sql`${coopFollowUps.version} + 1` })
      .where(eq(coopFollowUps.id, id))
      .returning();
    await audit({ action: 'cooperation.follow_up.update', entityType: 'coop_follow_up', entityId: id, before, after: row });
    await queueFor(tx, row, today);
    return toFollowUp(row, true, today);
  });
}
