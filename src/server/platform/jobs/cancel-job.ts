import { eq, sql } from 'drizzle-orm';
import type { Job } from '../../../shared/contracts/jobs';
import { withTransaction } from '../audit/audit';
import type { Ctx } from '../context';
import { conflict, notFound } from '../errors';
import { jobs } from './jobs.tables';
import { toJob } from './list-jobs';

const CANCELLABLE = new Set(['queued', 'running']);

/**
 * Cancels a queued or running job. A running handler learns of it at its next
 * progress report or heartbeat (its AbortSignal fires) and its outcome is discarded.
 */
export async function cancelJob(ctx: Ctx, id: string): Promise<Job> {
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
    if (!before) throw notFound();
    if (!CANCELLABLE.has(before.status)) throw conflict('job_not_cancellable');
    const [after] = await tx
      .update(jobs)
      .set({ status: 'cancelled', finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
      .where(eq(jobs.id, id))
      .returning();
    await audit({ action: 'job.cancel', entityType: 'job', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return toJob(after);
  });
}
