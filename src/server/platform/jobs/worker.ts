import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { users } from '../accounts/accounts.tables';
import type { Tx } from '../audit/audit';
import { systemCtx } from '../context';
import { notify } from '../notifications/notify';
import { jobs } from './jobs.tables';
import { type JobEnv, JobLostError, type JobRecord, jobHandler, PermanentJobError, registeredJobTypes } from './registry';

export type JobWorkerOptions = {
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  /** Names this process in `jobs.locked_by` (default: host:pid:random). */
  workerId?: string;
  /** How long to sleep when no job is due (ms). */
  pollMs?: number;
  /** How long a claim lasts without a heartbeat; a crashed worker's jobs are re-queued after it (ms). */
  leaseMs?: number;
  /** First retry delay; doubles with every attempt, up to maxBackoffMs (ms). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Only these job types (default: every registered type). */
  types?: string[];
};

type Resolved = Required<Omit<JobWorkerOptions, 'types'>> & { types?: string[] };

export type JobWorker = {
  workerId: string;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
};

const defaults = (opts: JobWorkerOptions): Resolved => ({
  workerId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  pollMs: 1000,
  leaseMs: 60_000,
  backoffMs: 10_000,
  maxBackoffMs: 3_600_000,
  ...opts,
});

const ms = (n: number) => sql`(${n}::float8 * interval '1 millisecond')`;

/**
 * Polls the jobs table and runs due jobs, one at a time. Several workers (in one
 * process or many) share the table: a job is claimed with FOR UPDATE SKIP LOCKED,
 * so each runs once. On start, and then once per lease, jobs whose lease expired
 * (their worker died) are put back in the queue.
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const opts = defaults(options);
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let lastRequeue = 0;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    timer = undefined;
    let ran = false;
    try {
      if (Date.now() - lastRequeue >= opts.leaseMs) {
        lastRequeue = Date.now();
        await requeueExpiredJobs(opts);
      }
      ran = await runNextJob(opts);
    } catch (err) {
      opts.log.error({ err, workerId: opts.workerId }, 'job worker: polling failed');
    }
    if (!stopping) timer = setTimeout(() => (current = tick()), ran ? 0 : opts.pollMs);
  };
  current = tick();

  return {
    workerId: opts.workerId,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

/** Claims one due job and runs it. Returns false when no job was due. */
export async function runNextJob(options: JobWorkerOptions): Promise<boolean> {
  const opts = defaults(options);
  const job = await claimJob(opts);
  if (!job) return false;
  await runClaimedJob(opts, job);
  return true;
}

async function claimJob(opts: Resolved): Promise<JobRecord | null> {
  const types = opts.types ?? registeredJobTypes();
  if (types.length === 0) return null;
  const ofTypes = sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  );
  // The one statement that hands out work: SKIP LOCKED lets concurrent workers pass over each other's row.
  const [job] = await opts.database.db
    .update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedBy: opts.workerId, lockedUntil: sql`now() + ${ms(opts.leaseMs)}` })
    .where(
      sql`${jobs.id} = (select id from jobs where status = 'queued' and run_at <= now() and type in (${ofTypes}) order by run_at for update skip locked limit 1)`,
    )
    .returning();
  return job ?? null;
}

/** Still ours: running, and claimed by this worker. */
const ours = (opts: Resolved, id: string): SQL => and(eq(jobs.id, id), eq(jobs.lockedBy, opts.workerId), eq(jobs.status, 'running'))!;

async function runClaimedJob(opts: Resolved, job: JobRecord): Promise<void> {
  const log = opts.log.child({ jobId: job.id, jobType: job.type, attempt: job.attempts });
  const handler = jobHandler(job.type);
  const controller = new AbortController();
  const db = opts.database.db;

  const renew = async (fields: Partial<typeof jobs.$inferInsert> = {}) => {
    const rows = await db
      .update(jobs)
      .set({ ...fields, lockedUntil: sql`now() + ${ms(opts.leaseMs)}` })
      .where(ours(opts, job.id))
      .returning({ id: jobs.id });
    if (rows.length === 0) controller.abort(new JobLostError('The job was cancelled or taken over.'));
    return rows.length > 0;
  };
  const heartbeat = setInterval(() => void renew().catch((err) => log.warn({ err }, 'job heartbeat failed')), Math.max(50, Math.floor(opts.leaseMs / 3)));
  const progress = async (done: number, total?: number | null, message?: string | null) => {
    const fields: Partial<typeof jobs.$inferInsert> = { progressDone: Math.max(0, Math.floor(done)) };
    if (total !== undefined) fields.progressTotal = total === null ? null : Math.max(0, Math.floor(total));
    if (message !== undefined) fields.progressMessage = message === null ? null : message.slice(0, 500);
    if (!(await renew(fields))) throw new JobLostError('The job was cancelled or taken over.');
  };
  const env: JobEnv = {
    database: opts.database,
    config: opts.config,
    log,
    ctx: systemCtx(opts.database, opts.config, log, `job:${job.type}`),
    workerId: opts.workerId,
    signal: controller.signal,
  };

  try {
    if (!handler) throw new PermanentJobError(`No handler is registered for job type "${job.type}".`);
    const result = await handler(job, progress, env);
    clearInterval(heartbeat);
    await finish(opts, job, { status: 'succeeded', result: result === undefined ? null : toJson(result) });
    log.debug('job succeeded');
  } catch (err) {
    clearInterval(heartbeat);
    if (controller.signal.aborted || err instanceof JobLostError) {
      log.info('job stopped: cancelled or taken over');
      return;
    }
    const message = errorMessage(err);
    const final = err instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    if (final) {
      log.warn({ err }, 'job failed');
      await finish(opts, job, { status: 'failed', lastError: message });
    } else {
      const delay = backoff(opts, job.attempts);
      log.info({ err: message, retryInMs: delay }, 'job attempt failed; will retry');
      await db
        .update(jobs)
        .set({ status: 'queued', lastError: message, lockedBy: null, lockedUntil: null, runAt: sql`now() + ${ms(delay)}` })
        .where(ours(opts, job.id));
    }
  } finally {
    clearInterval(heartbeat);
  }
}

async function finish(opts: Resolved, job: JobRecord, outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; lastError: string }) {
  await opts.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(jobs)
      .set({ ...outcome, finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
      .where(ours(opts, job.id))
      .returning();
    if (row) await notifyCreator(tx, row);
  });
}

/** Tells the user who asked for a job how it ended (a system job has no one to tell). */
async function notifyCreator(tx: Tx, job: JobRecord): Promise<void> {
  if (!job.createdBy) return;
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, job.createdBy));
  if (!user) return;
  const link = `/jobs/${job.id}`;
  if (job.status === 'succeeded') await notify(tx, user.id, 'job_succeeded', { type: job.type }, link);
  else if (job.status === 'failed') await notify(tx, user.id, 'job_failed', { type: job.type, error: (job.lastError ?? '').slice(0, 300) }, link);
}

/**
 * Puts back in the queue the jobs whose lease expired: their worker crashed or
 * hung. A job that already used all its attempts fails instead.
 */
export async function requeueExpiredJobs(options: Pick<JobWorkerOptions, 'database' | 'log'>): Promise<{ requeued: number; failed: number }> {
  const expired = and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`));
  const note = 'The worker running this job stopped before it finished (its lease expired).';
  return options.database.db.transaction(async (tx) => {
    const failed = await tx
      .update(jobs)
      .set({ status: 'failed', lastError: note, finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
      .where(and(expired, gte(jobs.attempts, jobs.maxAttempts)))
      .returning();
    for (const job of failed) await notifyCreator(tx, job);
    const requeued = await tx
      .update(jobs)
      .set({ status: 'queued', lastError: note, lockedBy: null, lockedUntil: null, runAt: sql`now()` })
      .where(expired)
      .returning({ id: jobs.id });
    if (failed.length || requeued.length) options.log.warn({ requeued: requeued.length, failed: failed.length }, 'jobs with an expired lease recovered');
    return { requeued: requeued.length, failed: failed.length };
  });
}

function backoff(opts: Resolved, attempts: number): number {
  const base = Math.min(opts.maxBackoffMs, opts.backoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4)); // jitter: retries of many jobs do not stampede together
}

function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  return text.slice(0, 2000);
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
