import { z } from 'zod';
import { IdParam, listOf } from '../../../../shared/contracts/common';
import {
  AccessDecisionInput,
  AccessRequest,
  AccessRequestInput,
  Listing,
  ListingInput,
  ListingPage,
  ListingPatch,
  ListingSearchQuery,
  Matches,
  ModerationInput,
  RenewInput,
  Taxonomy,
} from '../../../../shared/contracts/techmarket';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { sectorTaxonomy } from '../text/reference';
import { createListing } from './create-listing';
import { decideAccess } from './decide-access';
import { registerListingJobs } from './expiry';
import { getListing } from './get-listing';
import { getMatches } from './get-matches';
import { listAccessRequests } from './list-access-requests';
import { moderateListing } from './moderate-listing';
import { renewListing } from './renew-listing';
import { requestAccess } from './request-access';
import { searchListings } from './search-listings';
import { submitListing } from './submit-listing';
import { updateListing } from './update-listing';
import { withdrawListing } from './withdraw-listing';

const tags = ['techmarket: listings'];
const SubmitInput = z.object({ version: z.number().int().optional() }).default({});
const MatchesQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export async function listingsRoutes(app: App, platform: Platform) {
  // The expiry sweep's handler lives with the listings; every process that serves them can run it.
  registerListingJobs();

  app.get('/api/v1/techmarket/taxonomy', {
    config: { permission: 'public' },
    schema: { tags, summary: 'The sector taxonomy of the market in three languages (for forms and filters)', response: { 200: Taxonomy } },
    handler: async () => sectorTaxonomy(),
  });
  app.get('/api/v1/techmarket/listings', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'Search the market (published, unexpired; words in any of the three languages, filters), newest first; scope=mine for one’s own listings, scope=moderation for the queue. Totals are exact below 200 matches (and whenever the page is not full); past that the database’s estimate, marked `estimated`',
      querystring: ListingSearchQuery,
      response: { 200: ListingPage },
    },
    handler: async (request) => searchListings(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/techmarket/listings', {
    config: { permission: 'techmarket.list' },
    schema: {
      tags,
      summary: 'Create an offer or a need, as a draft, for an enterprise or institution one acts for',
      body: ListingInput,
      response: { 201: Listing },
    },
    handler: async (request, reply) => reply.status(201).send(await createListing(ctxOf(platform, request), request.body)),
  });
  app.get('/api/v1/techmarket/listings/:id', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'A listing: its summary for everyone once published; details for the owner, moderators and approved requesters',
      params: IdParam,
      response: { 200: Listing },
    },
    handler: async (request) => getListing(ctxOf(platform, request), request.params.id),
  });
  app.patch('/api/v1/techmarket/listings/:id', {
    config: { permission: 'techmarket.list' },
    schema: {
      tags,
      summary: 'Change a draft, rejected or withdrawn listing; 409 on a stale version',
      params: IdParam,
      body: ListingPatch,
      response: { 200: Listing },
    },
    handler: async (request) => updateListing(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/techmarket/listings/:id/submit', {
    config: { permission: 'techmarket.list' },
    schema: { tags, summary: 'Send a listing to moderation', params: IdParam, body: SubmitInput, response: { 200: Listing } },
    handler: async (request) => submitListing(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/techmarket/listings/:id/moderate', {
    config: { permission: 'techmarket.moderate' },
    schema: {
      tags,
      summary: 'Publish a pending listing for twelve months, or reject it with a note to the owner',
      params: IdParam,
      body: ModerationInput,
      response: { 200: Listing },
    },
    handler: async (request) => moderateListing(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/techmarket/listings/:id/withdraw', {
    config: { permission: 'techmarket.list' },
    schema: { tags, summary: 'Take a listing out of moderation or the market', params: IdParam, response: { 200: Listing } },
    handler: async (request) => withdrawListing(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/techmarket/listings/:id/renew', {
    config: { permission: 'techmarket.list' },
    schema: {
      tags,
      summary: 'Keep an expired listing, or one within 30 days of expiry, in the market for another term (12 months unless said)',
      params: IdParam,
      body: RenewInput,
      response: { 200: Listing },
    },
    handler: async (request) => renewListing(ctxOf(platform, request), request.params.id, request.body),
  });
  app.get('/api/v1/techmarket/listings/:id/matches', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Suggested counterparts across languages, each with its reasons: offers for a need; needs and enterprises for an offer',
      params: IdParam,
      querystring: MatchesQuery,
      response: { 200: Matches },
    },
    handler: async (request) => getMatches(ctxOf(platform, request), request.params.id, request.query),
  });

  app.post('/api/v1/techmarket/listings/:id/access-requests', {
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'Ask the owner for the details of a published listing (answers the existing request if one is pending or approved)',
      params: IdParam,
      body: AccessRequestInput,
      response: { 200: AccessRequest, 201: AccessRequest },
    },
    handler: async (request, reply) => {
      const r = await requestAccess(ctxOf(platform, request), request.params.id, request.body);
      return reply.status(r.created ? 201 : 200).send(r.request);
    },
  });
  app.get('/api/v1/techmarket/listings/:id/access-requests', {
    config: { permission: 'techmarket.list' },
    schema: { tags, summary: 'The requests for a listing’s details (its owner)', params: IdParam, response: { 200: listOf(AccessRequest) } },
    handler: async (request) => listAccessRequests(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/techmarket/access-requests/:id/decision', {
    config: { permission: 'techmarket.list' },
    schema: {
      tags,
      summary: 'Approve a request for details, or decline it with a reason (the owner; a decision may be changed)',
      params: IdParam,
      body: AccessDecisionInput,
      response: { 200: AccessRequest },
    },
    handler: async (request) => decideAccess(ctxOf(platform, request), request.params.id, request.body),
  });
}
