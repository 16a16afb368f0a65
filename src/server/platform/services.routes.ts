import type { App, Platform } from './http/request-context';

/** Routes of the platform services: jobs, notifications and outbox, files. */
export function platformServiceRoutes(_app: App, _platform: Platform): void {}
