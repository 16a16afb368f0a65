import { MarketStats, MarketStatsQuery } from '../../../../shared/contracts/techmarket';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { marketStats } from './market-stats';

const tags = ['techmarket: statistics'];

export async function marketStatsRoutes(app: App, platform: Platform) {
  app.get('/api/v1/techmarket/stats', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'Registered technology contracts by kind, region, sector, year or country flow, in one currency (the others listed), with the cross-border share and the published national series from the seeds',
      querystring: MarketStatsQuery,
      response: { 200: MarketStats },
    },
    handler: async (request) => marketStats(ctxOf(platform, request), request.query),
  });
}
