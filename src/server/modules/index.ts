import type { App, Platform } from '../platform/http/request-context';
import { applicationsRoutes } from './funding/applications/applications.routes';
import { callsRoutes } from './funding/calls/calls.routes';
import { awardsRoutes } from './funding/awards/awards.routes';
import { reviewRoutes } from './funding/review/review.routes';
import { registryRoutes } from './registry/registry.routes';
import { meRoutes } from './statistics/me/me.routes';
import { surveyRoutes } from './statistics/survey/survey.routes';
import { surveyXlsxRoutes } from './statistics/survey/xlsx.routes';
import { yearbookRoutes } from './statistics/yearbook/yearbook.routes';
import { analysisRoutes } from './statistics/analysis/analysis.routes';
import { listingsRoutes } from './techmarket/listings/listings.routes';
import { interestsRoutes } from './techmarket/interests/interests.routes';
import { contractsRoutes } from './techmarket/contracts/contracts.routes';
import { marketStatsRoutes } from './techmarket/stats/stats.routes';
import { cooperationRoutes } from './cooperation/cooperation.routes';

/** Each domain module (registry, funding, …) registers its routes here as it lands. */
export async function moduleRoutes(app: App, platform: Platform): Promise<void> {
  await registryRoutes(app, platform);
  callsRoutes(app, platform);
  applicationsRoutes(app, platform);
  await reviewRoutes(app, platform);
  await awardsRoutes(app, platform);
  await meRoutes(app, platform);
  await surveyRoutes(app, platform);
  await surveyXlsxRoutes(app, platform);
  await yearbookRoutes(app, platform);
  await analysisRoutes(app, platform);
  await listingsRoutes(app, platform);
  await interestsRoutes(app, platform);
  await contractsRoutes(app, platform);
  await marketStatsRoutes(app, platform);
  await cooperationRoutes(app, platform);
}
