import { count, desc, eq } from 'drizzle-orm';
import type { OutboxEmail, OutboxQuery } from '../../../shared/contracts/notifications';
import type { Ctx } from '../context';
import { emailOutbox } from './notifications.tables';

const toOutboxEmail = (row: typeof emailOutbox.$inferSelect): OutboxEmail => ({
  id: row.id,
  toAddress: row.toAddress,
  subject: row.subject,
  bodyText: row.bodyText,
  status: row.status as OutboxEmail['status'],
  attempts: row.attempts,
  lastError: row.lastError,
  sentAt: row.sentAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** The e-mail outbox, newest first: where an admin reads held mail when no SMTP server is configured. */
export async function listOutbox(ctx: Ctx, query: OutboxQuery) {
  const db = ctx.database.db;
  const where = query.status ? eq(emailOutbox.status, query.status) : undefined;
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(emailOutbox).where(where).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(emailOutbox).where(where),
  ]);
  return { items: rows.map(toOutboxEmail), total: n };
}
