import type { App, Platform } from '../../../platform/http/request-context';

/** Placeholder until this area lands (issue 7). */
export async function pairRoutes(_app: App, _platform: Platform): Promise<void> {}
