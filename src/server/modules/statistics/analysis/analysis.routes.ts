import {
  Completeness,
  CompletenessQuery,
  Dashboard,
  DashboardQuery,
  MapData,
  MapQuery,
  Pivot,
  PivotQuery,
  Ranking,
  RankingInput,
} from '../../../../shared/contracts/statistics';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { getCompleteness } from './completeness';
import { getDashboard } from './dashboard';
import { getMap } from './map';
import { pivot } from './pivot';
import { rankZones } from './ranking';

const tags = ['statistics: analysis'];

/** Pivots, dashboards, the map, rankings and completeness (issue 5): all read rollups, never survey values. */
export async function analysisRoutes(app: App, platform: Platform) {
  app.get('/api/v1/statistics/pivot', {
    config: { permission: 'statistics.read' },
    schema: {
      tags,
      summary: 'One indicator by any two dimensions (year, zone, province, sector, size, stage, entity type), with filters and totals',
      querystring: PivotQuery,
      response: { 200: Pivot },
    },
    handler: async (request) => pivot(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/statistics/dashboard', {
    config: { permission: 'statistics.read' },
    schema: {
      tags,
      summary: 'Key indicators of a year: national, growth, a zone’s figure, rank and percentile, the spread across zones, trends, completeness',
      querystring: DashboardQuery,
      response: { 200: Dashboard },
    },
    handler: async (request) => getDashboard(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/statistics/map', {
    config: { permission: 'statistics.read' },
    schema: {
      tags,
      summary: 'An indicator by zone (with latitude and longitude) and by province for a year',
      querystring: MapQuery,
      response: { 200: MapData },
    },
    handler: async (request) => getMap(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/statistics/ranking', {
    config: { permission: 'statistics.read' },
    schema: {
      tags,
      summary: 'Zones ranked by a composite index: each indicator min–max scaled across zones, weighted (weights normalised to sum 1)',
      body: RankingInput,
      response: { 200: Ranking },
    },
    handler: async (request) => rankZones(ctxOf(platform, request), request.body),
  });
  app.get('/api/v1/statistics/completeness', {
    config: { permission: 'statistics.read' },
    schema: {
      tags,
      summary: 'Completeness (submitted ÷ expected) and timeliness (on time ÷ submitted) of a period’s returns, by zone or province',
      querystring: CompletenessQuery,
      response: { 200: Completeness },
    },
    handler: async (request) => getCompleteness(ctxOf(platform, request), request.query),
  });
}
