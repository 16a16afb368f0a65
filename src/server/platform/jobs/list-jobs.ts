import { and, count, desc, eq } from 'drizzle-orm';
import type { JobQuery, Job } from '../../../shared/contracts/jobs';
import { type Ctx, hasRole, requireActor } from '../context';
import { notFound } from '../errors';
import { jobs } from './jobs.tables';
import type { JobRecord } from './registry';

export function toJob(row: JobRecord): Job {
  return {
    id: row.id,
    type: row.type,
    status: row.status as Job['status'],
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    progressMessage: row.progressMessage,
    lastError: row.lastError,
    result: row.result ?? null,
    createdBy: row.createdBy,
    runAt: row.runAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function listJobs(ctx: Ctx, query: JobQuery) {
  const db = ctx.database.db;
  const where = and(query.status ? eq(jobs.status, query.status) : undefined, query.type ? eq(jobs.type, query.type) : undefined);
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(jobs).where(where).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(jobs).where(where),
  ]);
  return { items: rows.map(toJob), total: n };
}

/** A job is visible to the user who asked for it and to admins; to anyone else it does not exist. */
export async function getJob(ctx: Ctx, id: string): Promise<Job> {
  const actor = requireActor(ctx);
  const [row] = await ctx.database.db.select().from(jobs).where(eq(jobs.id, id));
  if (!row || (row.createdBy !== actor.userId && !hasRole(actor, 'admin'))) throw notFound();
  return toJob(row);
}
