import type { Ctx } from '../context';
import type { SQL } from 'drizzle-orm';
import { bulkInsertSql } from '../../db/bulk-insert';
import { copyRows } from '../../db/copy-rows';
import type { Db } from '../../db/client';
import { auditLog } from './audit.tables';

/** A transaction handle: the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Every write goes through here: the work and its audit entry commit together,
 * so a failed audit insert rolls the write back (openstatus's pattern).
 */
export async function withTransaction<T>(ctx: Ctx, work: (tx: Tx, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>): Promise<T> {
  return ctx.database.db.transaction(async (tx) => work(tx, (entry) => writeAudit(tx, ctx, entry)));
}

export async function writeAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

/** Many entries in one statement (bulk imports): one audit row per entity all the same. */
export async function writeAuditMany(tx: Tx, ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  const statement = auditManySql(ctx, entries);
  if (statement) await tx.execute(statement);
}

/** The statement of `writeAuditMany`, built but not run (null for none): to prepare the next while one runs. */
export function auditManySql(ctx: Ctx, entries: AuditEntry[]): SQL | null {
  return bulkInsertSql(
    auditLog,
    entries.map((e) => auditRow(ctx, e)),
  );
}

/** Many entries by COPY (large imports): the same rows as `writeAuditMany`, streamed in the same transaction. */
export async function copyAudit(tx: Tx, ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  await copyRows(
    tx,
    auditLog,
    entries.map((e) => auditRow(ctx, e)),
  );
}

function auditRow(ctx: Ctx, entry: AuditEntry) {
  const actor = ctx.actor;
  const isSystem = !actor || actor.via === 'system';
  return {
    actorId: isSystem ? null : actor.userId,
    actorLabel: actor ? (isSystem ? actor.displayName : actor.email) : 'anonymous',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'token', 'csrfToken']);

/** Secrets never reach the audit log, not even hashed. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  // Most entries hold no secret: then the value itself serialises the same (Dates as ISO strings), uncopied.
  if (!hasSecret(value)) return value;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

function hasSecret(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  if (Array.isArray(value)) return value.some(hasSecret);
  for (const [k, v] of Object.entries(value)) if (SECRET_KEYS.has(k) || hasSecret(v)) return true;
  return false;
}
