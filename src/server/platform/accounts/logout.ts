import { eq } from 'drizzle-orm';
import { withTransaction } from '../audit/audit';
import type { Ctx } from '../context';
import { sessions } from './accounts.tables';

export async function logout(ctx: Ctx): Promise<void> {
  const sessionId = ctx.actor?.sessionId;
  if (!sessionId) return;
  await withTransaction(ctx, async (tx, audit) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await audit({ action: 'auth.logout', entityType: 'user', entityId: ctx.actor!.userId });
  });
}
