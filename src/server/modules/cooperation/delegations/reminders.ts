import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type Tx, withTransaction, writeAuditMany } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import { jobs } from '../../../platform/jobs/jobs.tables';
import { type JobHandler, registerJobHandler } from '../../../platform/jobs/registry';
import { notify } from '../../../platform/notifications/notify';
import { users } from '../../../platform/accounts/accounts.tables';
import { coopDelegations, coopFollowUps, type Texts } from '../cooperation.tables';
import { addDays, isoDay, nextNoticeDay, noticeDue, REMIND_DAYS_BEFORE } from './delegation-rules';

/**
 * Reminders of follow-ups (issue 7: "follow-ups with owners and due dates, reminded by notification"). The owner is
 * told once within the week before the due day and once when it has passed, per due date. The sweep runs when the
 * next of those moments comes, not on a timer: recording or changing a follow-up queues it, and each run queues the
 * next (as the technology market's listing expiry does).
 */
export const REMIND_JOB = 'cooperation.followups.remind';
const MINUTE = 60_000;
/** Any number below 2^63 that no other advisory lock of Seedbed uses. */
const QUEUE_LOCK = 7_100_702;

export const delegationLink = (id: string) => `/cooperation/delegations/${id}`;
const firstText = (t: Texts) => t.en ?? t.zh ?? t.ur ?? '';

/** Makes sure a sweep is queued no later than `at` (one queued sweep at a time: an earlier need moves it up). */
export async function queueReminders(tx: Tx, at?: Date): Promise<void> {
  const runAt = new Date(Math.max(Date.now() + MINUTE, (at ?? new Date()).getTime()));
  await tx.execute(sql`select pg_advisory_xact_lock(${QUEUE_LOCK})`);
  const [queued] = await tx
    .select({ id: jobs.id, runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.type, REMIND_JOB), eq(jobs.status, 'queued')))
    .limit(1);
  if (!queued) await enqueueJob(tx, { type: REMIND_JOB, runAt, maxAttempts: 5 });
  else if (queued.runAt > runAt) await tx.update(jobs).set({ runAt }).where(eq(jobs.id, queued.id));
}

/** Tells owners of follow-ups due within the week or overdue, once per due date each; returns how many were told. */
export async function remindFollowUps(ctx: Ctx, today: string = isoDay()): Promise<{ due: number; overdue: number }> {
  return withTransaction(ctx, async (tx) => {
    const rows = await tx
      .select({ f: coopFollowUps, title: coopDelegations.title })
      .from(coopFollowUps)
      .innerJoin(coopDelegations, eq(coopDelegations.id, coopFollowUps.delegationId))
      .innerJoin(users, eq(users.id, coopFollowUps.ownerUserId))
      .where(and(eq(coopFollowUps.status, 'open'), isNotNull(coopFollowUps.dueOn), sql`${coopFollowUps.dueOn} <= ${addDays(today, REMIND_DAYS_BEFORE)}`))
      .for('update', { of: coopFollowUps, skipLocked: true });
    const told = { due: [] as string[], overdue: [] as string[] };
    for (const { f, title } of rows) {
      const notice = noticeDue(f, today);
      if (!notice) continue;
      const params = { action: firstText(f.action), delegation: firstText(title), date: f.dueOn, followUpId: f.id, dueOn: f.dueOn };
      await notify(
        tx,
        f.ownerUserId!,
        notice === 'due' ? 'cooperation_follow_up_due' : 'cooperation_follow_up_overdue',
        params,
        delegationLink(f.delegationId),
      );
      told[notice].push(f.id);
    }
    if (told.due.length)
      await tx
        .update(coopFollowUps)
        .set({ remindedFor: sql`${coopFollowUps.dueOn}` })
        .where(inArray(coopFollowUps.id, told.due));
    if (told.overdue.length) {
      // An overdue follow-up needs no reminder before its (past) due date any more.
      await tx
        .update(coopFollowUps)
        .set({ overdueNoticeFor: sql`${coopFollowUps.dueOn}`, remindedFor: sql`${coopFollowUps.dueOn}` })
        .where(inArray(coopFollowUps.id, told.overdue));
    }
    await writeAuditMany(tx, ctx, [
      ...told.due.map((id) => ({ action: 'cooperation.follow_up.remind', entityType: 'coop_follow_up', entityId: id, after: { notice: 'due', today } })),
      ...told.overdue.map((id) => ({
        action: 'cooperation.follow_up.remind',
        entityType: 'coop_follow_up',
        entityId: id,
        after: { notice: 'overdue', today },
      })),
    ]);
    return { due: told.due.length, overdue: told.overdue.length };
  });
}

/** The next day after today on which some follow-up needs a notice, or null. */
export async function nextReminderDay(tx: Tx, today: string): Promise<string | null> {
  const rows = await tx
    .select({
      status: coopFollowUps.status,
      dueOn: coopFollowUps.dueOn,
      ownerUserId: coopFollowUps.ownerUserId,
      remindedFor: coopFollowUps.remindedFor,
      overdueNoticeFor: coopFollowUps.overdueNoticeFor,
    })
    .from(coopFollowUps)
    .where(
      and(
        eq(coopFollowUps.status, 'open'),
        isNotNull(coopFollowUps.dueOn),
        isNotNull(coopFollowUps.ownerUserId),
        sql`(${coopFollowUps.overdueNoticeFor} is distinct from ${coopFollowUps.dueOn})`,
      ),
    );
  const tomorrow = addDays(today, 1);
  const days = rows.map((r) => nextNoticeDay(r, tomorrow)).filter((d): d is string => d !== null);
  return days.length ? days.sort()[0] : null;
}

export const remindJob: JobHandler = async (_job, progress, env) => {
  const today = isoDay();
  const result = await remindFollowUps(env.ctx, today);
  await env.database.db.transaction(async (tx) => {
    const next = await nextReminderDay(tx, today);
    if (next) await queueReminders(tx, new Date(`${next}T00:00:00Z`));
  });
  await progress(1, 1);
  return result;
};

export function registerReminderJobs(): void {
  registerJobHandler(REMIND_JOB, remindJob);
}
