import { IdParam } from '../../../../shared/contracts/common';
import { FocalAppointInput, FocalEndInput, FocalPage, FocalPerson, FocalPersonInput, FocalQuery } from '../../../../shared/contracts/cooperation';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { listFocalPersons } from './read-focal';
import { appointFocalPerson, createFocalPerson, endFocalPerson } from './write-focal';

const tags = ['cooperation: focal persons'];

/** The focal-person network: who is the contact for what, on each side, with history; open slots. */
export async function focalRoutes(app: App, platform: Platform) {
  app.get('/api/v1/cooperation/focal-persons', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'The focal-person directory by country, state (appointed, open, ended, current) and words; contact details for staff only',
      querystring: FocalQuery,
      response: { 200: FocalPage },
    },
    handler: async (request) => listFocalPersons(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/cooperation/focal-persons', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Record a focal person for a topic at an organisation, or — with nobody named — an open slot a side promised to fill',
      body: FocalPersonInput,
      response: { 201: FocalPerson },
    },
    handler: async (request, reply) => reply.status(201).send(await createFocalPerson(ctxOf(platform, request), request.body)),
  });
  app.post('/api/v1/cooperation/focal-persons/:id/appoint', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Fill an open slot, or hand the post to a successor (the current holder’s term ends on the day of the appointment); 409 on a stale version',
      params: IdParam,
      body: FocalAppointInput,
      response: { 200: FocalPerson },
    },
    handler: async (request) => appointFocalPerson(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/cooperation/focal-persons/:id/end', {
    config: { permission: 'cooperation.manage' },
    schema: { tags, summary: 'End a focal person’s term (kept as the post’s history)', params: IdParam, body: FocalEndInput, response: { 200: FocalPerson } },
    handler: async (request) => endFocalPerson(ctxOf(platform, request), request.params.id, request.body),
  });
}
