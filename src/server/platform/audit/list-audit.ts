import { and, asc, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditQuery } from '../../../shared/contracts/audit';
import type { Ctx } from '../context';
import { auditLog } from './audit.tables';

export async function listAuditEvents(ctx: Ctx, query: z.output<typeof AuditQuery>) {
  const db = ctx.database.db;
  const conditions: (SQL | undefined)[] = [
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.from ? gte(auditLog.createdAt, new Date(query.from)) : undefined,
    query.to ? lte(auditLog.createdAt, new Date(query.to)) : undefined,
  ];
  if (query.q) {
    const p = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(auditLog.actorLabel, p), ilike(auditLog.action, p), ilike(auditLog.entityType, p), ilike(auditLog.entityId, p)));
  }
  const where = and(...conditions);
  const order = query.sort === 'createdAt' ? [asc(auditLog.createdAt), asc(auditLog.id)] : [desc(auditLog.createdAt), desc(auditLog.id)];
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(...order).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), total: n };
}
