import { sql } from 'drizzle-orm';
import type { Db } from './client';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs `fn` in a transaction whose statements may read tables only by bitmap scans of their indexes — for lookups
 * in a GIN index under a LIMIT, where the planner, sure that matches are common, would rather read the table (or a
 * btree) in order until the LIMIT is met: fast when they are, seconds when they are not.
 */
export function withBitmapScansOnly<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw('SET LOCAL enable_seqscan = off'));
    await tx.execute(sql.raw('SET LOCAL enable_indexscan = off'));
    return fn(tx);
  });
}
