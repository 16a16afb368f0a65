import type { Language } from '../../../shared/roles';
import { translate } from '../../../shared/i18n';
import type { Tx } from '../audit/audit';
import { emailOutbox, notifications } from './notifications.tables';

/**
 * Queue an e-mail in the same transaction as the change that causes it: it is
 * sent by the outbox job when SMTP is configured, otherwise kept for an admin to read.
 */
export async function enqueueEmail(tx: Tx, mail: { to: string; subject: string; bodyText: string }): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: mail.to, subject: mail.subject, bodyText: mail.bodyText })
    .returning({ id: emailOutbox.id });
  return row.id;
}

/** An in-app notification; `kind` is a key under `messages:notification.` rendered in the reader's language. */
export async function notify(
  tx: Tx,
  userId: string,
  kind: string,
  params: Record<string, unknown> = {},
  link: string | null = null,
): Promise<void> {
  await tx.insert(notifications).values({ userId, kind, params, link });
}

export const notificationText = (lang: Language, kind: string, params: Record<string, unknown>) =>
  translate(lang, `messages:notification.${kind}`, params);
