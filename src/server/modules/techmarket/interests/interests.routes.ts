import { IdParam, listOf } from '../../../../shared/contracts/common';
import { Interest, InterestAnswer, InterestInput, InterestQuery, MessageInput } from '../../../../shared/contracts/techmarket';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { answerInterest } from './answer-interest';
import { expressInterest } from './express-interest';
import { getInterest } from './get-interest';
import { listInterests } from './list-interests';
import { postMessage } from './post-message';
import { withdrawInterest } from './withdraw-interest';

const tags = ['techmarket: interests'];

export async function interestsRoutes(app: App, platform: Platform) {
  app.post('/api/v1/techmarket/listings/:id/interests', {
    config: { permission: 'techmarket.interest' },
    schema: {
      tags,
      summary: 'Express interest in a published listing (not one’s own): opens a thread with its owner',
      params: IdParam,
      body: InterestInput,
      response: { 201: Interest },
    },
    handler: async (request, reply) => reply.status(201).send(await expressInterest(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.get('/api/v1/techmarket/interests', {
    config: { permission: 'techmarket.interest' },
    schema: {
      tags,
      summary: 'The inbox: interests in one’s listings (box=received) or those one expressed (box=sent), latest activity first',
      querystring: InterestQuery,
      response: { 200: listOf(Interest) },
    },
    handler: async (request) => listInterests(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/techmarket/interests/:id', {
    config: { permission: 'techmarket.interest' },
    schema: { tags, summary: 'One thread (its two sides and admins only)', params: IdParam, response: { 200: Interest } },
    handler: async (request) => getInterest(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/techmarket/interests/:id/messages', {
    config: { permission: 'techmarket.interest' },
    schema: { tags, summary: 'Write to the other side of the thread', params: IdParam, body: MessageInput, response: { 200: Interest } },
    handler: async (request) => postMessage(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/techmarket/interests/:id/answer', {
    config: { permission: 'techmarket.interest' },
    schema: {
      tags,
      summary: 'The owner accepts, or declines with a reason (too early, benefit unclear, commercial route unclear, other + note)',
      params: IdParam,
      body: InterestAnswer,
      response: { 200: Interest },
    },
    handler: async (request) => answerInterest(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/techmarket/interests/:id/withdraw', {
    config: { permission: 'techmarket.interest' },
    schema: { tags, summary: 'The interested side ends the conversation', params: IdParam, response: { 200: Interest } },
    handler: async (request) => withdrawInterest(ctxOf(platform, request), request.params.id),
  });
}
