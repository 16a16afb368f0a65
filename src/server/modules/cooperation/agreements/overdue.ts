import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client';
import { type Tx, withTransaction, writeAuditMany } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import { jobs } from '../../../platform/jobs/jobs.tables';
import { type JobHandler, registerJobHandler } from '../../../platform/jobs/registry';
import { notify } from '../../../platform/notifications/notify';
import { coopCommitments, type Texts } from '../cooperation.tables';
import { addDays, isoDay } from './scorecard';

/**
 * Notices on commitments (issue 7: "an overdue commitment shows as overdue, notifies its owner"). The state itself is
 * never stored — pages compute it from the due date — so this job only tells the user answering for an open
 * commitment: once when it falls due within DUE_SOON_DAYS, once when it is overdue (per due date: a new due date
 * gets its own notices; `overdue_notice_for` keeps the date the overdue notice was for). It runs when the next of
 * those moments comes, not on a timer: recording or re-dating a commitment queues it, and each run queues the next
 * (as the technology market's expiry sweep does).
 */
export const OVERDUE_JOB = 'cooperation.commitments.overdue';
export const DUE_SOON_DAYS = 7;
export const OVERDUE_KIND = 'cooperation_commitment_overdue';
export const DUE_SOON_KIND = 'cooperation_commitment_due_soon';
const BATCH = 500;
const MINUTE = 60_000;
/** Any number below 2^63 that no other advisory lock of Seedbed uses. */
const QUEUE_LOCK = 7_700_701;
const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** When the sweep is first needed for a commitment due on `dueOn`: the start of its due-soon window (now, if that has begun). */
export const sweepMomentFor = (dueOn: string, now = new Date()) => new Date(Math.max(now.getTime(), startOf(addDays(dueOn, -DUE_SOON_DAYS)).getTime()));

/** Makes sure a sweep is queued no later than `at` (one queued sweep at a time: an earlier need moves it up). */
export async function queueCommitmentSweep(tx: Tx, at?: Date): Promise<void> {
  const runAt = new Date(Math.max(Date.now() + MINUTE, (at ?? new Date()).getTime()));
  await tx.execute(sql`select pg_advisory_xact_lock(${QUEUE_LOCK})`);
  const [queued] = await tx
    .select({ id: jobs.id, runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.type, OVERDUE_JOB), eq(jobs.status, 'queued')))
    .limit(1);
  if (!queued) await enqueueJob(tx, { type: OVERDUE_JOB, runAt, maxAttempts: 5 });
  else if (queued.runAt > runAt) await tx.update(jobs).set({ runAt }).where(eq(jobs.id, queued.id));
}

type Due = { id: string; agreement_id: string; owner_user_id: string; locale: string; deliverable: Texts; agreement_title: Texts; due_on: string };

/** The text in the reader's language if written in it, else the first written. */
const textFor = (t: Texts, locale: string) => t[locale as keyof Texts] ?? t.en ?? t.zh ?? t.ur ?? Object.values(t)[0] ?? '';

const link = (agreementId: string) => `/cooperation/agreements/${agreementId}`;

function paramsOf(r: Due) {
  return { title: textFor(r.deliverable, r.locale), agreement: textFor(r.agreement_title, r.locale), date: r.due_on, commitmentId: r.id, dueOn: r.due_on };
}

/**
 * Tells owners of open commitments that are overdue (once per due date) or due within a week (once per due date).
 * Commitments of terminated agreements are left alone: nobody is chased for what the sides ended.
 */
export async function sweepOverdueCommitments(ctx: Ctx, today = isoDay()): Promise<{ overdue: number; dueSoon: number }> {
  let overdue = 0;
  let dueSoon = 0;
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      const rows = await queryRows<Due>(
        tx,
        sql`select c.id, c.agreement_id, c.owner_user_id, u.locale, c.deliverable, a.title as agreement_title, c.due_on::text as due_on
            from coop_commitments c join coop_agreements a on a.id = c.agreement_id join users u on u.id = c.owner_user_id
            where c.status = 'open' and c.due_on < ${today}::date and a.status <> 'terminated'
              and c.overdue_notice_for is distinct from c.due_on and c.owner_user_id <> ${SYSTEM_USER}::uuid
            order by c.due_on, c.id limit ${BATCH} for update of c skip locked`,
      );
      if (!rows.length) return 0;
      for (const r of rows) await notify(tx, r.owner_user_id, OVERDUE_KIND, paramsOf(r), link(r.agreement_id));
      await tx
        .update(coopCommitments)
        .set({ overdueNoticeFor: sql`${coopCommitments.dueOn}` })
        .where(
          inArray(
            coopCommitments.id,
            rows.map((r) => r.id),
          ),
        );
      await writeAuditMany(
        tx,
        ctx,
        rows.map((r) => ({
          action: 'cooperation.commitment.overdue_notice',
          entityType: 'coop_commitment',
          entityId: r.id,
          after: { overdueNoticeFor: r.due_on, ownerUserId: r.owner_user_id },
        })),
      );
      return rows.length;
    });
    overdue += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      // Told once per due date: the notice itself records which date it was for.
      const rows = await queryRows<Due>(
        tx,
        sql`select c.id, c.agreement_id, c.owner_user_id, u.locale, c.deliverable, a.title as agreement_title, c.due_on::text as due_on
            from coop_commitments c join coop_agreements a on a.id = c.agreement_id join users u on u.id = c.owner_user_id
            where c.status = 'open' and c.due_on >= ${today}::date and c.due_on <= ${addDays(today, DUE_SOON_DAYS)}::date
              and a.status <> 'terminated' and c.owner_user_id <> ${SYSTEM_USER}::uuid
              and not exists (select 1 from notifications n where n.user_id = c.owner_user_id and n.kind = ${DUE_SOON_KIND}
                              and n.params->>'commitmentId' = c.id::text and n.params->>'dueOn' = c.due_on::text)
            order by c.due_on, c.id limit ${BATCH}`,
      );
      for (const r of rows) await notify(tx, r.owner_user_id, DUE_SOON_KIND, paramsOf(r), link(r.agreement_id));
      return rows.length;
    });
    dueSoon += n;
    if (n < BATCH) break;
  }
  return { overdue, dueSoon };
}

/** When the sweep is next needed: the next start of a due-soon window, or the next day a commitment falls overdue. */
async function nextSweepAt(tx: Tx, today: string): Promise<Date | null> {
  const [row] = await queryRows<{ soon: string | null; overdue: string | null }>(
    tx,
    sql`select (select min(due_on)::text from coop_commitments where status = 'open' and owner_user_id is not null
                 and due_on > ${addDays(today, DUE_SOON_DAYS)}::date) as soon,
               (select min(due_on)::text from coop_commitments where status = 'open' and owner_user_id is not null
                 and due_on >= ${today}::date) as overdue`,
  );
  const times = [row.soon ? startOf(addDays(row.soon, -DUE_SOON_DAYS)) : null, row.overdue ? startOf(addDays(row.overdue, 1)) : null].filter(
    (d): d is Date => d !== null,
  );
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

export const commitmentSweepJob: JobHandler = async (_job, progress, env) => {
  const today = isoDay();
  const result = await sweepOverdueCommitments(env.ctx, today);
  await env.database.db.transaction(async (tx) => {
    const next = await nextSweepAt(tx, today);
    if (next) await queueCommitmentSweep(tx, next);
  });
  await progress(1, 1);
  return result;
};

export function registerCommitmentJobs(): void {
  registerJobHandler(OVERDUE_JOB, commitmentSweepJob);
}
