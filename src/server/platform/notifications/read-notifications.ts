import { and, eq, isNull, sql } from 'drizzle-orm';
import { withTransaction } from '../audit/audit';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { notifications } from './notifications.tables';

/** Marks one of one's own notifications read (again is harmless); another user's is not found. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
      .for('update');
    if (!row) throw notFound();
    if (row.readAt) return;
    await tx.update(notifications).set({ readAt: sql`now()` }).where(eq(notifications.id, id));
    await audit({ action: 'notification.read', entityType: 'notification', entityId: id });
  });
}

/** Marks all of one's unread notifications read; returns how many changed. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<{ updated: number }> {
  const actor = requireActor(ctx);
  return withTransaction(ctx, async (tx, audit) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length) await audit({ action: 'notification.read_all', entityType: 'user', entityId: actor.userId, after: { count: rows.length } });
    return { updated: rows.length };
  });
}
