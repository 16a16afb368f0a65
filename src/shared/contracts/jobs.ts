import { z } from 'zod';
import { ListQuery } from './common';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

/** A background job as the API shows it (the payload stays on the server: it may hold what only the handler needs). */
export const Job = z.object({
  id: z.uuid(),
  type: z.string(),
  status: JobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  progressMessage: z.string().nullable(),
  lastError: z.string().nullable(),
  result: z.unknown(),
  createdBy: z.uuid().nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobQuery = ListQuery.pick({ limit: true, offset: true }).extend({
  status: JobStatus.optional(),
  type: z.string().min(1).max(100).optional(),
});
export type JobQuery = z.infer<typeof JobQuery>;
