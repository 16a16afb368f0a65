import { z } from 'zod';
import { ListQuery } from './common';

/** An in-app notification, its text rendered in the reader's language. */
export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  message: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = ListQuery.pick({ limit: true, offset: true }).extend({
  /** true: only unread ones. */
  unread: z.stringbool().optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const NotificationList = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  /** Unread notifications of the reader in all (for the badge), whatever the filter. */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const ReadAllResult = z.object({ updated: z.number().int() });

/** pending: waiting for the sender; held: no SMTP configured, kept for an admin to read; sent; failed: gave up after retries. */
export const OUTBOX_STATUSES = ['pending', 'held', 'sent', 'failed'] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);

export const OutboxEmail = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  status: OutboxStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

export const OutboxQuery = ListQuery.pick({ limit: true, offset: true }).extend({ status: OutboxStatus.optional() });
export type OutboxQuery = z.infer<typeof OutboxQuery>;
