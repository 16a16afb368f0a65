import type { App, Platform } from '../platform/http/request-context';
import { registryRoutes } from './registry/registry.routes';

/** Each domain module (registry, funding, …) registers its routes here as it lands. */
export async function moduleRoutes(app: App, platform: Platform): Promise<void> {
  await registryRoutes(app, platform);
}
