import type { App, Platform } from '../platform/http/request-context';

/** Each domain module (registry, funding, …) registers its routes here as it lands. */
export function moduleRoutes(_app: App, _platform: Platform): void {}
