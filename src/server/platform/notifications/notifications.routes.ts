import { IdParam, listOf } from '../../../shared/contracts/common';
import { NotificationList, NotificationQuery, OutboxEmail, OutboxQuery, ReadAllResult } from '../../../shared/contracts/notifications';
import { type App, ctxOf, type Platform } from '../http/request-context';
import { listNotifications } from './list-notifications';
import { listOutbox } from './list-outbox';
import { markAllNotificationsRead, markNotificationRead } from './read-notifications';

export function notificationsRoutes(app: App, platform: Platform) {
  const tags = ['notifications'];
  app.get('/api/v1/notifications', {
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'One’s notifications, newest first, in one’s language (unread=true for unread only)',
      querystring: NotificationQuery,
      response: { 200: NotificationList },
    },
    handler: async (request) => listNotifications(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/notifications/read-all', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'Mark all of one’s notifications read', response: { 200: ReadAllResult } },
    handler: async (request) => markAllNotificationsRead(ctxOf(platform, request)),
  });
  app.post('/api/v1/notifications/:id/read', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'Mark one of one’s notifications read', params: IdParam },
    handler: async (request, reply) => {
      await markNotificationRead(ctxOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/email-outbox', {
    config: { permission: 'outbox.read' },
    schema: {
      tags: ['outbox'],
      summary: 'Every e-mail Seedbed sent or holds, newest first (held: no SMTP configured — read them here)',
      querystring: OutboxQuery,
      response: { 200: listOf(OutboxEmail) },
    },
    handler: async (request) => listOutbox(ctxOf(platform, request), request.query),
  });
}
