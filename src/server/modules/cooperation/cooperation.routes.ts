import type { App, Platform } from '../../platform/http/request-context';
import { cooperationAccountsRoutes } from './accounts.routes';
import { agreementsRoutes } from './agreements/agreements.routes';
import { delegationsRoutes } from './delegations/delegations.routes';
import { opportunitiesRoutes } from './opportunities/opportunities.routes';
import { pairRoutes } from './pair/pair.routes';

/** International cooperation (issue 7): agreements, delegations, focal persons, opportunities, the country pair. */
export async function cooperationRoutes(app: App, platform: Platform): Promise<void> {
  await agreementsRoutes(app, platform);
  await delegationsRoutes(app, platform);
  await opportunitiesRoutes(app, platform);
  await pairRoutes(app, platform);
  await cooperationAccountsRoutes(app, platform);
}
