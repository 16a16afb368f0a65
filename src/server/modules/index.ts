import type { App, Platform } from '../platform/http/request-context';
import { applicationsRoutes } from './funding/applications/applications.routes';
import { callsRoutes } from './funding/calls/calls.routes';
import { awardsRoutes } from './funding/awards/awards.routes';
import { reviewRoutes } from './funding/review/review.routes';
import { registryRoutes } from './registry/registry.routes';

/** Each domain module (registry, funding, …) registers its routes here as it lands. */
export async function moduleRoutes(app: App, platform: Platform): Promise<void> {
  await registryRoutes(app, platform);
  callsRoutes(app, platform);
  applicationsRoutes(app, platform);
  await reviewRoutes(app, platform);
  await awardsRoutes(app, platform);
}
