import { IdParam } from '../../../../shared/contracts/common';
import { CountryPair, CountryPairQuery, Suggestions } from '../../../../shared/contracts/cooperation';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { countryPair } from './country-pair';
import { agreementSuggestions } from './suggestions';

const tags = ['cooperation: country pair'];

/** The country-pair view and an agreement's cross-border suggestions (issue 7). */
export async function pairRoutes(app: App, platform: Platform): Promise<void> {
  app.get('/api/v1/cooperation/pairs/:pair', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'Two countries’ cooperation (PK-CN, either order): agreements with both, their scorecards overall and per side, delegations either way, focal persons, offers from one to the other, technology contracts between them',
      params: CountryPairQuery,
      response: { 200: CountryPair },
    },
    handler: async (request) => countryPair(ctxOf(platform, request), request.params.pair),
  });
  app.get('/api/v1/cooperation/agreements/:id/suggestions', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'For each side of an agreement, the enterprises, institutions, zones and market listings of that country that fit its areas, each with its reasons (area, sector, concept, party)',
      params: IdParam,
      response: { 200: Suggestions },
    },
    handler: async (request) => agreementSuggestions(ctxOf(platform, request), request.params.id),
  });
}
