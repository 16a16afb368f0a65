import type { Language } from '../../../shared/roles';
import { translate } from '../../../shared/i18n';
import type { Tx } from '../audit/audit';
import { enqueueJob } from '../jobs/enqueue-job';
import { emailOutbox, notifications } from './notifications.tables';

/** The job type that sends one outbox row (see send-email.ts). */
export const EMAIL_SEND_JOB = 'email.send';

/**
 * Queue an e-mail in the same transaction as the change that causes it: the row
 * starts 'pending' with an `email.send` job beside it; the job sends it when SMTP
 * is configured, otherwise marks it 'held' for an admin to read in the outbox.
 */
export async function enqueueEmail(
  tx: Tx,
  mail: { to: string; subject: string; bodyText: string },
  opts: { maxAttempts?: number; runAt?: Date } = {},
): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: mail.to, subject: mail.subject, bodyText: mail.bodyText, status: 'pending' })
    .returning({ id: emailOutbox.id });
  await enqueueJob(tx, { type: EMAIL_SEND_JOB, payload: { outboxId: row.id }, maxAttempts: opts.maxAttempts ?? 6, runAt: opts.runAt });
  return row.id;
}

/** An in-app notification; `kind` is a key under `messages:notification.` rendered in the reader's language. */
export async function notify(tx: Tx, userId: string, kind: string, params: Record<string, unknown> = {}, link: string | null = null): Promise<void> {
  await tx.insert(notifications).values({ userId, kind, params, link });
}

export const notificationText = (lang: Language, kind: string, params: Record<string, unknown>) => translate(lang, `messages:notification.${kind}`, params);
