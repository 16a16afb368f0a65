import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { type JobHandler, PermanentJobError, registerJobHandler } from '../jobs/registry';
import { EMAIL_SEND_JOB } from './notify';
import { emailOutbox } from './notifications.tables';

const transports = new Map<string, Transporter>();
const transportFor = (url: string) => {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
};

/**
 * Sends one outbox row. Without SMTP the row is 'held' (an admin reads it in the
 * outbox). A temporary SMTP failure (4xx, network) is retried by the job runner
 * with backoff; a permanent one (5xx) or the last attempt marks the row 'failed'.
 */
export const sendOutboxEmail: JobHandler = async (job, _progress, env) => {
  const outboxId = (job.payload as { outboxId?: unknown }).outboxId;
  if (typeof outboxId !== 'string') throw new PermanentJobError('email.send needs payload.outboxId');
  const db = env.database.db;
  const pendingRow = and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'pending'));
  const [row] = await db.select().from(emailOutbox).where(pendingRow);
  if (!row) return { skipped: true }; // already sent, held or failed: nothing to do

  if (!env.config.smtpUrl) {
    await db.update(emailOutbox).set({ status: 'held' }).where(pendingRow);
    return { held: true };
  }

  try {
    const info = await transportFor(env.config.smtpUrl).sendMail({
      from: env.config.smtpFrom,
      to: row.toAddress,
      subject: row.subject,
      text: row.bodyText,
    });
    await db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
      .where(pendingRow);
    return { messageId: info.messageId ?? null };
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    const permanent = typeof code === 'number' && code >= 500 && code < 600;
    const final = permanent || job.attempts >= job.maxAttempts;
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    await db
      .update(emailOutbox)
      .set({ status: final ? 'failed' : 'pending', attempts: sql`${emailOutbox.attempts} + 1`, lastError: message })
      .where(pendingRow);
    throw permanent ? new PermanentJobError(message) : err;
  }
};

export function registerEmailJobs(): void {
  registerJobHandler(EMAIL_SEND_JOB, sendOutboxEmail);
}
