import { z } from 'zod';
import { IdParam } from '../../../../shared/contracts/common';
import {
  Delegation,
  DelegationInput,
  DelegationPage,
  DelegationPatch,
  DelegationQuery,
  FollowUp,
  FollowUpInput,
  FollowUpPatch,
  ReportQuery,
} from '../../../../shared/contracts/cooperation';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { focalRoutes } from '../focal/focal.routes';
import { addFollowUp, patchFollowUp } from './follow-ups';
import { getDelegation, listDelegations } from './read-delegations';
import { registerReminderJobs } from './reminders';
import { visitReport } from './report';
import { createDelegation, updateDelegation } from './write-delegations';

const tags = ['cooperation: delegations'];
const ReportLang = ReportQuery.partial().extend({ lang: z.enum(['en', 'zh', 'ur']).optional() });

/** Delegations with their itinerary and outcomes, follow-ups and their reminders, the visit report; the focal-person network. */
export async function delegationsRoutes(app: App, platform: Platform) {
  // The reminder sweep's handler lives with the follow-ups; every process that serves them can run it.
  registerReminderJobs();

  app.get('/api/v1/cooperation/delegations', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'Delegation visits, newest first: published ones for everyone, drafts too for staff; by country pair (either way round), country, words of the title',
      querystring: DelegationQuery,
      response: { 200: DelegationPage },
    },
    handler: async (request) => listDelegations(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/cooperation/delegations', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Record a delegation visit with its members (people of the registry or typed names) and its itinerary by day and city',
      body: DelegationInput,
      response: { 201: Delegation },
    },
    handler: async (request, reply) => reply.status(201).send(await createDelegation(ctxOf(platform, request), request.body)),
  });
  app.get('/api/v1/cooperation/delegations/:id', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'A delegation: members, itinerary placed on the map, focal persons, offers and follow-ups (internal notes and contacts for staff only)',
      params: IdParam,
      response: { 200: Delegation },
    },
    handler: async (request) => getDelegation(ctxOf(platform, request), request.params.id),
  });
  app.patch('/api/v1/cooperation/delegations/:id', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Change a delegation; members and itinerary, when given, replace the lists; 409 on a stale version',
      params: IdParam,
      body: DelegationPatch,
      response: { 200: Delegation },
    },
    handler: async (request) => updateDelegation(ctxOf(platform, request), request.params.id, request.body),
  });
  app.get('/api/v1/cooperation/delegations/:id/report.pdf', {
    config: { permission: 'public' },
    schema: { tags, summary: 'The visit report as a PDF in English, Chinese or Urdu', params: IdParam, querystring: ReportLang },
    handler: async (request, reply) => {
      const ctx = ctxOf(platform, request);
      const { body, filename } = await visitReport(ctx, request.params.id, request.query.lang ?? ctx.lang);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(body);
    },
  });
  app.post('/api/v1/cooperation/delegations/:id/follow-ups', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Record a follow-up agreed during a delegation: action, side, owner, due date (the owner is reminded)',
      params: IdParam,
      body: FollowUpInput,
      response: { 201: FollowUp },
    },
    handler: async (request, reply) => reply.status(201).send(await addFollowUp(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.patch('/api/v1/cooperation/follow-ups/:id', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Mark a follow-up done (on a day) or dropped, or change its due date or owner; 409 on a stale version',
      params: IdParam,
      body: FollowUpPatch,
      response: { 200: FollowUp },
    },
    handler: async (request) => patchFollowUp(ctxOf(platform, request), request.params.id, request.body),
  });

  await focalRoutes(app, platform);
}
