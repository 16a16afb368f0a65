import { IdParam } from '../../../../shared/contracts/common';
import {
  Application,
  ApplicationDecision,
  ApplicationInput,
  ApplicationPage,
  Opportunity,
  OpportunityInput,
  OpportunityPage,
  OpportunityPatch,
  OpportunityQuery,
} from '../../../../shared/contracts/cooperation';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { applyTo, decideApplication, listApplications, myApplications, withdrawApplication } from './applications';
import { getOpportunity, listOpportunities } from './read-opportunities';
import { createOpportunity, updateOpportunity } from './write-opportunities';

const tags = ['cooperation: opportunities'];

/** The opportunities board (issue 7): offers by partners, and the applications to them. */
export async function opportunitiesRoutes(app: App, platform: Platform): Promise<void> {
  app.get('/api/v1/cooperation/opportunities', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'The board: open opportunities (internships, scholarships, exhibitions, calls, matchmaking, co-funding); staff may ask for drafts and closed ones',
      querystring: OpportunityQuery,
      response: { 200: OpportunityPage },
    },
    handler: async (request) => listOpportunities(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/cooperation/opportunities/:id', {
    config: { permission: 'public' },
    schema: { tags, summary: 'One opportunity, with the reader’s own application if any', params: IdParam, response: { 200: Opportunity } },
    handler: async (request) => getOpportunity(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/cooperation/opportunities', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Put an opportunity on the board (the offering organisation from the registry, or typed); open at once unless open is false',
      body: OpportunityInput,
      response: { 201: Opportunity },
    },
    handler: async (request, reply) => reply.status(201).send(await createOpportunity(ctxOf(platform, request), request.body)),
  });
  app.patch('/api/v1/cooperation/opportunities/:id', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Change, open or close an opportunity; 409 on a stale version',
      params: IdParam,
      body: OpportunityPatch,
      response: { 200: Opportunity },
    },
    handler: async (request) => updateOpportunity(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/cooperation/opportunities/:id/applications', {
    config: { permission: 'cooperation.apply' },
    schema: {
      tags,
      summary: 'Express interest in or apply to an open opportunity (one per person; refused when closed or past its deadline)',
      params: IdParam,
      body: ApplicationInput,
      response: { 201: Application },
    },
    handler: async (request, reply) => reply.status(201).send(await applyTo(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.get('/api/v1/cooperation/opportunities/:id/applications', {
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'The applications to an opportunity, for its offering side (cooperation officers and the opportunity’s managers)',
      params: IdParam,
      response: { 200: ApplicationPage },
    },
    handler: async (request) => listApplications(ctxOf(platform, request), request.params.id),
  });
  app.get('/api/v1/cooperation/applications/mine', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'One’s own applications and expressions of interest', response: { 200: ApplicationPage } },
    handler: async (request) => myApplications(ctxOf(platform, request)),
  });
  app.patch('/api/v1/cooperation/applications/:id', {
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'The offering side shortlists, accepts or declines an application with a note; 409 on a stale version',
      params: IdParam,
      body: ApplicationDecision,
      response: { 200: Application },
    },
    handler: async (request) => decideApplication(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/cooperation/applications/:id/withdraw', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'The applicant withdraws an application', params: IdParam, response: { 200: Application } },
    handler: async (request) => withdrawApplication(ctxOf(platform, request), request.params.id),
  });
}
