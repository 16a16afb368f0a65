import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChangePasswordInput, UpdateMeInput } from '../../../shared/contracts/accounts';
import { withTransaction } from '../audit/audit';
import { type Ctx, requireActor } from '../context';
import { AppError, notFound } from '../errors';
import { notify } from '../notifications/notify';
import { sessions, users } from './accounts.tables';
import { hashPassword, verifyPassword } from './secrets';
import { findUser } from './users';

export async function updateProfile(ctx: Ctx, input: z.output<typeof UpdateMeInput>) {
  const actor = requireActor(ctx);
  if (Object.values(input).every((v) => v === undefined)) return (await findUser(ctx.database.db, actor.userId))!;
  await withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!before) throw notFound();
    const [after] = await tx.update(users).set(input).where(eq(users.id, actor.userId)).returning();
    await audit({
      action: 'user.update_profile',
      entityType: 'user',
      entityId: actor.userId,
      before: { displayName: before.displayName, locale: before.locale },
      after: { displayName: after.displayName, locale: after.locale },
    });
  });
  return (await findUser(ctx.database.db, actor.userId))!;
}

/** Changing one's password ends every other session of the account. */
export async function changePassword(ctx: Ctx, input: z.output<typeof ChangePasswordInput>): Promise<void> {
  const actor = requireActor(ctx);
  const [row] = await ctx.database.db.select().from(users).where(eq(users.id, actor.userId));
  if (!row) throw notFound();
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) throw new AppError(422, 'wrong_password', {}, [{ path: 'currentPassword', message: '' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (tx, audit) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const keep = actor.sessionId ? ne(sessions.id, actor.sessionId) : undefined;
    await tx.delete(sessions).where(and(eq(sessions.userId, actor.userId), keep));
    await notify(tx, actor.userId, 'password_changed');
    await audit({ action: 'user.change_password', entityType: 'user', entityId: actor.userId });
  });
}
