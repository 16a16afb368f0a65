import { sql } from 'drizzle-orm';
import { ENTITY_TYPES, type EntityType } from '../../../shared/contracts/registry';
import { textArray } from '../../db/bulk-insert';
import type { Tx } from '../../platform/audit/audit';
import { enqueueJob } from '../../platform/jobs/enqueue-job';
import { type JobHandler, PermanentJobError, registerJobHandler } from '../../platform/jobs/registry';
import { ENTITY_CONFIG } from './entity-types';
import { type Indexable, searchEntriesSql, searchEntryRow } from './search-index';

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

/**
 * Writes (or rewrites) the entries of the job's entities as they are now; ids deleted meanwhile are skipped.
 * One transaction; each slice's terms are computed while the database writes the slice before. Progress is
 * reported after it (on PGlite, the one connection is the transaction's until it ends).
 */
export const indexEntitiesJob: JobHandler = async (job, progress, env) => {
  const { entityType, ids } = job.payload as { entityType?: string; ids?: unknown };
  if (!(ENTITY_TYPES as readonly string[]).includes(entityType ?? '') || !Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new PermanentJobError('registry.index: payload must be { entityType, ids: string[] }');
  }
  const type = entityType as EntityType;
  const { table } = ENTITY_CONFIG[type];
  const indexed = await env.database.db.transaction(async (tx) => {
    const rows = (await tx
      .select()
      .from(table)
      .where(sql`id = ANY(${textArray(ids as string[])}::uuid[])`)) as unknown as Indexable[];
    let writing: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < rows.length; i += SLICE) {
      const statement = searchEntriesSql(rows.slice(i, i + SLICE).map((row) => searchEntryRow(type, row)));
      await writing;
      writing = statement ? tx.execute(statement) : Promise.resolve();
      writing.catch(() => {}); // awaited on the next turn or below
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    return rows.length;
  });
  await progress(ids.length, ids.length);
  return { indexed };
};

export function registerRegistryJobs(): void {
  registerJobHandler(INDEX_JOB, indexEntitiesJob);
}
