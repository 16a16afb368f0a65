import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client';
import { type Tx, withTransaction, writeAuditMany } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import { jobs } from '../../../platform/jobs/jobs.tables';
import { type JobHandler, registerJobHandler } from '../../../platform/jobs/registry';
import type { ListingTexts } from '../techmarket.tables';
import { listingLink, titleOf } from './load';
import { tell } from './tell';

/**
 * Expiry of listings. The market never shows a listing past `expires_at` (search and pages read the date), so
 * this job only brings the status in line and tells owners: once when their listing is within the renewal
 * window, once when it has expired. It runs when the next of those moments comes, not on a timer: publishing
 * and renewing queue it for the listing's notice time, and each run queues the next.
 */
export const EXPIRY_JOB = 'techmarket.listings.expiry';
/** Owners are told this long before expiry, and may renew from then on. */
export const RENEWAL_WINDOW_DAYS = 30;
const BATCH = 1000;
const MINUTE = 60_000;
/** Any number below 2^63 that no other advisory lock of Seedbed uses. */
const QUEUE_LOCK = 6_100_601;

export const noticeTime = (expiresAt: Date) => new Date(expiresAt.getTime() - RENEWAL_WINDOW_DAYS * 86_400_000);

/** Makes sure a sweep is queued no later than `at` (one queued sweep at a time: an earlier need moves it up). */
export async function queueExpirySweep(tx: Tx, at?: Date): Promise<void> {
  const runAt = new Date(Math.max(Date.now() + MINUTE, (at ?? new Date()).getTime()));
  await tx.execute(sql`select pg_advisory_xact_lock(${QUEUE_LOCK})`);
  const [queued] = await tx
    .select({ id: jobs.id, runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.type, EXPIRY_JOB), eq(jobs.status, 'queued')))
    .limit(1);
  if (!queued) await enqueueJob(tx, { type: EXPIRY_JOB, runAt, maxAttempts: 5 });
  else if (queued.runAt > runAt) await tx.update(jobs).set({ runAt }).where(eq(jobs.id, queued.id));
}

type Due = { id: string; created_by: string; texts: ListingTexts; languages: string[]; expires_at: Date | string };

/** Marks listings past their expiry as expired, and tells owners whose listings enter the renewal window. */
export async function sweepListingExpiry(ctx: Ctx): Promise<{ expired: number; noticed: number }> {
  let expired = 0;
  let noticed = 0;
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      const rows = await queryRows<Due>(
        tx,
        sql`update tm_listings set status = 'expired', version = version + 1, updated_at = now()
            where id in (select id from tm_listings where status = 'published' and expires_at <= now() limit ${BATCH} for update skip locked)
            returning id, created_by, texts, languages, expires_at`,
      );
      await writeAuditMany(
        tx,
        ctx,
        rows.map((r) => ({
          action: 'techmarket.listing.expire',
          entityType: 'tm_listing',
          entityId: r.id,
          before: { status: 'published' },
          after: { status: 'expired' },
        })),
      );
      for (const r of rows) await tell(tx, ctx.actor, r.created_by, 'techmarket_listing_expired', { title: titleOf(r) }, listingLink(r.id));
      return rows.length;
    });
    expired += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      // Told once per expiry date: a renewed listing gets its own notice before its new date.
      const rows = await queryRows<Due>(
        tx,
        sql`select l.id, l.created_by, l.texts, l.languages, l.expires_at from tm_listings l join users u on u.id = l.created_by
            where l.status = 'published' and l.expires_at > now() and l.expires_at <= now() + ${`${RENEWAL_WINDOW_DAYS} days`}::interval
              and not exists (select 1 from notifications n where n.user_id = l.created_by and n.kind = 'techmarket_listing_expiring'
                              and n.params->>'listingId' = l.id::text and n.params->>'expiresAt' = to_char(l.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'))
            limit ${BATCH}`,
      );
      for (const r of rows) {
        const expiresAt = new Date(r.expires_at);
        await tell(
          tx,
          ctx.actor,
          r.created_by,
          'techmarket_listing_expiring',
          { title: titleOf(r), listingId: r.id, expiresAt: expiresAt.toISOString().slice(0, 19), date: expiresAt.toISOString().slice(0, 10) },
          listingLink(r.id),
        );
      }
      return rows.length;
    });
    noticed += n;
    if (n < BATCH) break;
  }
  return { expired, noticed };
}

/** When the sweep is next needed: the next notice time or the next expiry, whichever comes first. */
async function nextSweepAt(tx: Tx): Promise<Date | null> {
  const [row] = await queryRows<{ expiry: Date | string | null; notice: Date | string | null }>(
    tx,
    sql`select (select min(expires_at) from tm_listings where status = 'published' and expires_at > now()) as expiry,
               (select min(expires_at) from tm_listings where status = 'published' and expires_at > now() + ${`${RENEWAL_WINDOW_DAYS} days`}::interval) as notice`,
  );
  const times = [row.expiry ? new Date(row.expiry) : null, row.notice ? noticeTime(new Date(row.notice)) : null].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

export const expirySweepJob: JobHandler = async (_job, progress, env) => {
  const result = await sweepListingExpiry(env.ctx);
  await env.database.db.transaction(async (tx) => {
    const next = await nextSweepAt(tx);
    if (next) await queueExpirySweep(tx, next);
  });
  await progress(1, 1);
  return result;
};

export function registerListingJobs(): void {
  registerJobHandler(EXPIRY_JOB, expirySweepJob);
}
