import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { cleanTempUploads } from './files/clean-temp';
import { startJobWorker } from './jobs/worker';
import { startOutboxSweep } from './notifications/outbox-sweep';
import { registerEmailJobs } from './notifications/send-email';

export type Workers = { stop(): Promise<void> };

/** The job handlers the platform itself provides; modules register theirs beside their code. */
export function registerPlatformJobHandlers(): void {
  registerEmailJobs();
}

/**
 * Background work of this process: the job runner (jobs live in the database, so
 * any number of processes can run one), the outbox sweep, and clearing upload
 * temp files a crash left behind.
 */
export function startPlatformWorkers(deps: { database: Database; config: Config; log: FastifyBaseLogger; pollMs?: number; sweepMs?: number }): Workers {
  registerPlatformJobHandlers();
  const log = deps.log.child({ component: 'workers' });
  const jobs = startJobWorker({ database: deps.database, config: deps.config, log, pollMs: deps.pollMs ?? 1000 });
  const sweep = startOutboxSweep({ database: deps.database, config: deps.config, log, intervalMs: deps.sweepMs ?? 60_000 });
  void cleanTempUploads(deps.config).then(
    (n) => n && log.info({ removed: n }, 'removed upload temp files left by an earlier crash'),
    (err) => log.warn({ err }, 'could not clean upload temp files'),
  );
  return {
    async stop() {
      await Promise.all([jobs.stop(), sweep.stop()]);
    },
  };
}
