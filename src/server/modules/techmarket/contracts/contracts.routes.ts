import { z } from 'zod';
import { IdParam, listOf } from '../../../../shared/contracts/common';
import { ContractCorrection, ContractInput, ContractQuery, ContractReviewInput, TechContract } from '../../../../shared/contracts/techmarket';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { listAgencies } from './agency';
import { correctContract } from './correct-contract';
import { getContract, listContracts } from './read-contracts';
import { reviewContract } from './review-contract';
import { submitContract } from './submit-contract';

const tags = ['techmarket: contracts'];

const TechTransferAgency = z.object({
  id: z.string(),
  names: z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() }),
  name: z.string(),
  country: z.string(),
  province: z.string().nullable(),
  shortCode: z.string(),
});

export async function contractsRoutes(app: App, platform: Platform) {
  app.get('/api/v1/techmarket/agencies', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Technology transfer agencies that register technology contracts (for the submission form)',
      response: { 200: listOf(TechTransferAgency) },
    },
    handler: async (request) => {
      const items = await listAgencies(ctxOf(platform, request).database.db);
      return { items, total: items.length };
    },
  });
  app.post('/api/v1/techmarket/contracts', {
    config: { permission: 'techmarket.contracts.submit' },
    schema: {
      tags,
      summary: 'Submit a technology contract to a technology transfer agency for registration (parties may name registry entities)',
      body: ContractInput,
      response: { 201: TechContract },
    },
    handler: async (request, reply) => reply.status(201).send(await submitContract(ctxOf(platform, request), request.body)),
  });
  app.get('/api/v1/techmarket/contracts', {
    // Submitters, agencies and readers each see their own slice; the service checks the scope asked.
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: "Contracts I submitted ('mine'), waiting at my agency ('agency'), or all within my reach ('all', the market's readers)",
      querystring: ContractQuery,
      response: { 200: listOf(TechContract) },
    },
    handler: async (request) => listContracts(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/techmarket/contracts/:id', {
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'A contract with its parties and agency (its submitter, the agency and the readers only)',
      params: IdParam,
      response: { 200: TechContract },
    },
    handler: async (request) => getContract(ctxOf(platform, request), request.params.id),
  });
  app.put('/api/v1/techmarket/contracts/:id', {
    config: { permission: 'techmarket.contracts.submit' },
    schema: {
      tags,
      summary: 'Correct a contract not yet decided or returned, and resubmit it (optimistic: send the version read)',
      params: IdParam,
      body: ContractCorrection,
      response: { 200: TechContract },
    },
    handler: async (request) => correctContract(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/techmarket/contracts/:id/review', {
    config: { permission: 'techmarket.contracts.register' },
    schema: {
      tags,
      summary: 'The agency registers the contract (certificate number), returns it with a note, or rejects it with a note',
      params: IdParam,
      body: ContractReviewInput,
      response: { 200: TechContract },
    },
    handler: async (request) => reviewContract(ctxOf(platform, request), request.params.id, request.body),
  });
}
