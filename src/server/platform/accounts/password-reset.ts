import { and, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { PasswordResetConfirm } from '../../../shared/contracts/accounts';
import { translate } from '../../../shared/i18n';
import type { Language } from '../../../shared/roles';
import { withTransaction } from '../audit/audit';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { enqueueEmail, notify } from '../notifications/notify';
import { passwordResets, users } from './accounts.tables';
import { hashPassword, randomToken, sha256 } from './secrets';
import { endSessionsOf } from './sessions';

const RESET_HOURS = 2;

/** Always answers the same way, whether or not the address has an account, so it cannot be used to probe for accounts. */
export async function requestPasswordReset(ctx: Ctx, email: string, baseUrl: string): Promise<void> {
  const [user] = await ctx.database.db.select().from(users).where(eq(users.email, email));
  if (!user || user.status !== 'active') return;
  const token = randomToken();
  const lang = user.locale as Language;
  const link = `${baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_HOURS * 3_600_000) })
      .returning({ id: passwordResets.id });
    await enqueueEmail(tx, {
      to: user.email,
      subject: translate(lang, 'messages:email.password_reset_subject'),
      bodyText: translate(lang, 'messages:email.password_reset_body', { name: user.displayName, hours: RESET_HOURS, link }),
    });
    await audit({ action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id, after: { resetId: row.id } });
  });
}

export async function confirmPasswordReset(ctx: Ctx, input: z.output<typeof PasswordResetConfirm>): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await withTransaction(ctx, async (tx, audit) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, sha256(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .for('update');
    if (!reset) throw new AppError(400, 'invalid_token');
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await endSessionsOf(tx, reset.userId);
    await notify(tx, reset.userId, 'password_changed');
    await audit({ action: 'auth.password_reset', entityType: 'user', entityId: reset.userId });
  });
}
