import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { Ctx } from '../context';
import type { jobs } from './jobs.tables';

export type JobRecord = typeof jobs.$inferSelect;

/**
 * Reports progress: `done` of `total` (omit `total` or `message` to keep the last one).
 * Also renews the job's lease. Throws JobLostError when the job was cancelled or
 * taken over meanwhile: the handler should then stop.
 */
export type JobProgress = (done: number, total?: number | null, message?: string | null) => Promise<void>;

export type JobEnv = {
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  /** A system context labelled after the job, for writes through withTransaction. */
  ctx: Ctx;
  workerId: string;
  /** Aborted when the job is cancelled or its lease is lost. */
  signal: AbortSignal;
};

/** Does the work; its return value (JSON) becomes the job's result. A throw is retried with backoff. */
export type JobHandler = (job: JobRecord, progress: JobProgress, env: JobEnv) => Promise<unknown>;

/** Throw this from a handler for a failure retrying cannot fix: the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Thrown by `progress` when the job is no longer this worker's (cancelled, or its lease expired and it was re-queued). */
export class JobLostError extends Error {
  override name = 'JobLostError';
}

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a job type (the last registration wins). A worker only claims types it has handlers for. */
export function registerJobHandler(type: string, handler: JobHandler): void {
  handlers.set(type, handler);
}

export function unregisterJobHandler(type: string): void {
  handlers.delete(type);
}

export const jobHandler = (type: string): JobHandler | undefined => handlers.get(type);
export const registeredJobTypes = (): string[] => [...handlers.keys()];
