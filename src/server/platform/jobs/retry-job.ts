import { eq, sql } from 'drizzle-orm';
import type { Job } from '../../../shared/contracts/jobs';
import { withTransaction } from '../audit/audit';
import type { Ctx } from '../context';
import { conflict, notFound } from '../errors';
import { jobs } from './jobs.tables';
import { toJob } from './list-jobs';

const RETRYABLE = new Set(['failed', 'cancelled']);

/** Runs a failed or cancelled job again from scratch, with a fresh set of attempts. */
export async function retryJob(ctx: Ctx, id: string): Promise<Job> {
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
    if (!before) throw notFound();
    if (!RETRYABLE.has(before.status)) throw conflict('job_not_retryable');
    const [after] = await tx
      .update(jobs)
      .set({
        status: 'queued',
        attempts: 0,
        runAt: sql`now()`,
        finishedAt: null,
        result: null,
        progressDone: 0,
        progressTotal: null,
        progressMessage: null,
        lockedBy: null,
        lockedUntil: null,
      })
      .where(eq(jobs.id, id))
      .returning();
    await audit({
      action: 'job.retry',
      entityType: 'job',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status, attempts: after.attempts },
    });
    return toJob(after);
  });
}
