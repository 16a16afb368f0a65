import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Notification, NotificationList, NotificationQuery } from '../../../shared/contracts/notifications';
import { type Ctx, requireActor } from '../context';
import { notifications } from './notifications.tables';
import { notificationText } from './notify';

export function toNotification(ctx: Ctx, row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind,
    message: notificationText(ctx.lang, row.kind, (row.params ?? {}) as Record<string, unknown>),
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One's own notifications, newest first, in the reader's language; `unread` counts all unread ones (the badge). */
export async function listNotifications(ctx: Ctx, query: NotificationQuery): Promise<NotificationList> {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const mine = eq(notifications.userId, actor.userId);
  const unreadOnly = and(mine, isNull(notifications.readAt));
  const where = query.unread ? unreadOnly : mine;
  const [rows, [{ n }], [{ u }]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(notifications).where(where),
    db.select({ u: count() }).from(notifications).where(unreadOnly),
  ]);
  return { items: rows.map((r) => toNotification(ctx, r)), total: n, unread: u };
}
