import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { enqueueJob } from '../jobs/enqueue-job';
import { EMAIL_SEND_JOB } from './notify';
import { emailOutbox } from './notifications.tables';

type Deps = { database: Database; config: Config; log: FastifyBaseLogger };

/** Any number smaller than 2^63 that no other advisory lock of Seedbed uses. */
const SWEEP_LOCK = 7_310_201;

/**
 * The outbox's safety net beside the `email.send` jobs: without SMTP, pending rows
 * become 'held' at once; with SMTP, a pending row that has no live job (put in the
 * table by other means, or whose job was deleted) gets one. One sweeper at a time
 * across processes (an advisory lock).
 */
export async function sweepOutbox({ database, config, log }: Deps): Promise<{ held: number; requeued: number }> {
  return database.db.transaction(async (tx) => {
    const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`);
    const ok = (lock as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok;
    if (!ok) return { held: 0, requeued: 0 };
    if (!config.smtpUrl) {
      const held = await tx.update(emailOutbox).set({ status: 'held' }).where(eq(emailOutbox.status, 'pending')).returning({ id: emailOutbox.id });
      if (held.length) log.info({ held: held.length }, 'outbox: no SMTP configured; e-mails held for an admin to read');
      return { held: held.length, requeued: 0 };
    }
    const orphans = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          sql`${emailOutbox.createdAt} < now() - interval '1 minute'`,
          sql`not exists (select 1 from jobs j where j.type = ${EMAIL_SEND_JOB} and j.status in ('queued', 'running') and j.payload->>'outboxId' = ${emailOutbox.id}::text)`,
        ),
      )
      .limit(500);
    for (const o of orphans) await enqueueJob(tx, { type: EMAIL_SEND_JOB, payload: { outboxId: o.id }, maxAttempts: 6 });
    if (orphans.length) log.warn({ requeued: orphans.length }, 'outbox: pending e-mails without a send job were queued again');
    return { held: 0, requeued: orphans.length };
  });
}

/** Runs the sweep now and every `intervalMs`; `stop()` waits for a sweep in progress. */
export function startOutboxSweep(deps: Deps & { intervalMs?: number }): { stop(): Promise<void> } {
  const intervalMs = deps.intervalMs ?? 60_000;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = async () => {
    timer = undefined;
    try {
      await sweepOutbox(deps);
    } catch (err) {
      deps.log.error({ err }, 'outbox sweep failed');
    }
    if (!stopping) timer = setTimeout(() => (current = tick()), intervalMs);
  };
  current = tick();
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
