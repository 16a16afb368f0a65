import { filesRoutes } from './files/files.routes';
import type { App, Platform } from './http/request-context';
import { jobsRoutes } from './jobs/jobs.routes';
import { notificationsRoutes } from './notifications/notifications.routes';

/** Routes of the platform services: jobs, notifications and outbox, files. */
export function platformServiceRoutes(app: App, platform: Platform): void {
  jobsRoutes(app, platform);
  notificationsRoutes(app, platform);
  filesRoutes(app, platform);
}
