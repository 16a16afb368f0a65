import { sql } from 'drizzle-orm';
import { ENTITY_TYPES, type EntityType } from '../../../shared/contracts/registry';
import { textArray } from '../../db/bulk-insert';
import type { Tx } from '../../platform/audit/audit';
import { enqueueJob } from '../../platform/jobs/enqueue-job';
import { type JobHandler, PermanentJobError, registerJobHandler } from '../../platform/jobs/registry';
import { ENTITY_CONFIG } from './entity-types';
import { type Indexable, indexEntities } from './search-index';

/**
 * Search entries written after the transaction that made the entities: a large import commits its rows
 * and audit entries, and queues these jobs in the same transaction, so they exist exactly when the rows do.
 * The entities are in their lists and pages at commit, and in search once the jobs have run (seconds).
 */
export const INDEX_JOB = 'registry.index';
/** Entities per job: a payload of ~180 kB, a few seconds of work. */
const IDS_PER_JOB = 5000;
/** Entities per statement inside a job. */
const SLICE = 1000;

export async function queueIndexing(tx: Tx, type: EntityType, ids: string[], createdBy: string | null): Promise<string[]> {
  const jobIds: string[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_JOB) {
    jobIds.push(await enqueueJob(tx, { type: INDEX_JOB, payload: { entityType: type, ids: ids.slice(i, i + IDS_PER_JOB) }, createdBy }));
  }
  return jobIds;
}

/** Writes (or rewrites) the entries of the job's entities as they are now; ids deleted meanwhile are skipped. */
export const indexEntitiesJob: JobHandler = async (job, progress, env) => {
  const { entityType, ids } = job.payload as { entityType?: string; ids?: unknown };
  if (!(ENTITY_TYPES as readonly string[]).includes(entityType ?? '') || !Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new PermanentJobError('registry.index: payload must be { entityType, ids: string[] }');
  }
  const type = entityType as EntityType;
  const { table } = ENTITY_CONFIG[type];
  let indexed = 0;
  for (let i = 0; i < ids.length; i += SLICE) {
    const slice = ids.slice(i, i + SLICE) as string[];
    await env.database.db.transaction(async (tx) => {
      const rows = (await tx
        .select()
        .from(table)
        .where(sql`id = ANY(${textArray(slice)}::uuid[])`)) as unknown as Indexable[];
      await indexEntities(tx, type, rows);
      indexed += rows.length;
    });
    await progress(Math.min(i + SLICE, ids.length), ids.length);
  }
  return { indexed };
};

export function registerRegistryJobs(): void {
  registerJobHandler(INDEX_JOB, indexEntitiesJob);
}
