import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/client';

export type Workers = { stop(): Promise<void> };

/** Background work of this process: the job runner (jobs live in the database). */
export function startPlatformWorkers(_deps: { database: Database; config: Config; log: FastifyBaseLogger }): Workers {
  return { stop: async () => {} };
}
