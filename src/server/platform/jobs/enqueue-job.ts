import type { Db } from '../../db/client';
import type { AuditEntry, Tx } from '../audit/audit';
import { jobs } from './jobs.tables';

export type NewJob = {
  type: string;
  payload?: Record<string, unknown>;
  /** Not before this time (default: now). */
  runAt?: Date;
  maxAttempts?: number;
  /** The user who asked for it: they may read it, and are notified when it ends. */
  createdBy?: string | null;
};

/**
 * Queues a job inside the caller's transaction, so the job exists if and only if
 * the change that needs it commits. Pass the transaction's `audit` when a user
 * asked for the job: its creation is then audited too.
 */
export async function enqueueJob(tx: Tx | Db, job: NewJob, audit?: (entry: AuditEntry) => Promise<void>): Promise<string> {
  if (!job.type.trim()) throw new Error('enqueueJob: type is required');
  const maxAttempts = job.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('enqueueJob: maxAttempts must be a positive integer');
  const [row] = await tx
    .insert(jobs)
    .values({
      type: job.type,
      payload: job.payload ?? {},
      maxAttempts,
      createdBy: job.createdBy ?? null,
      ...(job.runAt ? { runAt: job.runAt } : {}),
    })
    .returning({ id: jobs.id });
  if (audit) {
    await audit({ action: 'job.create', entityType: 'job', entityId: row.id, after: { type: job.type, maxAttempts, runAt: job.runAt ?? null } });
  }
  return row.id;
}
