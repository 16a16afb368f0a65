import { IdParam } from '../../../../shared/contracts/common';
import {
  Agreement,
  AgreementInput,
  AgreementPage,
  AgreementPatch,
  AgreementQuery,
  CancelInput,
  Commitment,
  CommitmentPatch,
  DeliveryInput,
  NewCommitmentInput,
  ScorecardQuery,
  ScorecardTable,
  Taxonomy,
} from '../../../../shared/contracts/cooperation';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { z } from 'zod';
import { sendStoredFile } from '../../../platform/files/files.routes';
import { addCommitment, cancelCommitment, deliverCommitment, updateCommitment } from './commitments';
import { openEvidence } from './evidence';
import { registerCommitmentJobs } from './overdue';
import { getAgreement, listAgreements } from './read-agreements';
import { scorecardTable } from './side-scorecards';
import { cooperationTaxonomy } from './taxonomy';
import { createAgreement, updateAgreement } from './write-agreements';

const EvidenceParams = z.object({ id: z.uuid(), fileId: z.uuid() });

const tags = ['cooperation: agreements'];

/** Agreements between parties of the registry, the commitments each side owes, and their implementation scorecards (issue 7). */
export async function agreementsRoutes(app: App, platform: Platform): Promise<void> {
  // The commitments' notice sweep lives with the agreements; every process that serves them can run it.
  registerCommitmentJobs();

  app.get('/api/v1/cooperation/taxonomy', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Areas of cooperation (the technology market’s sectors and the other areas of the seeds) and ways of cooperation, in three languages',
      response: { 200: Taxonomy },
    },
    handler: async () => cooperationTaxonomy(),
  });
  app.get('/api/v1/cooperation/agreements', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'Agreements with their scorecards, newest signing first: published and terminated ones for everyone, drafts too for staff; words of the title in any language, type, country, country pair (PK-CN: parties of both), area, status',
      querystring: AgreementQuery,
      response: { 200: AgreementPage },
    },
    handler: async (request) => listAgreements(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/cooperation/agreements', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary:
        'Record an agreement: two or more parties (from the registry or typed), areas, ways, validity and the commitments each side owes; a draft unless publish',
      body: AgreementInput,
      response: { 201: Agreement },
    },
    handler: async (request, reply) => reply.status(201).send(await createAgreement(ctxOf(platform, request), request.body)),
  });
  app.get('/api/v1/cooperation/agreements/:id', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'An agreement with its commitments and scorecards per agreement and party; internal notes, owners and evidence for staff only',
      params: IdParam,
      response: { 200: Agreement },
    },
    handler: async (request) => getAgreement(ctxOf(platform, request), request.params.id),
  });
  app.patch('/api/v1/cooperation/agreements/:id', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Change an agreement, publish a draft or terminate a published one; 409 on a stale version',
      params: IdParam,
      body: AgreementPatch,
      response: { 200: Agreement },
    },
    handler: async (request) => updateAgreement(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/cooperation/agreements/:id/commitments', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Add a commitment: what one of the agreement’s parties owes, by when, and who answers for it',
      params: IdParam,
      body: NewCommitmentInput,
      response: { 201: Commitment },
    },
    handler: async (request, reply) => reply.status(201).send(await addCommitment(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.patch('/api/v1/cooperation/commitments/:id', {
    config: { permission: 'cooperation.manage' },
    schema: {
      tags,
      summary: 'Change an open commitment (deliverable, owner, due date); 409 on a stale version',
      params: IdParam,
      body: CommitmentPatch,
      response: { 200: Commitment },
    },
    handler: async (request) => updateCommitment(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/cooperation/commitments/:id/delivery', {
    // Officers, or the user named as answering for the commitment: the service checks which.
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'Mark a commitment delivered with its evidence (a note and/or uploaded files); a cooperation officer or the commitment’s owner',
      params: IdParam,
      body: DeliveryInput,
      response: { 200: Commitment },
    },
    handler: async (request) => deliverCommitment(ctxOf(platform, request), request.params.id, request.body),
  });
  app.get('/api/v1/cooperation/commitments/:id/evidence/:fileId', {
    // Staff who read evidence, or the commitment's owner: the service checks which.
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'Download a file of a commitment’s evidence (staff, or the commitment’s owner)', params: EvidenceParams },
    handler: async (request, reply) => {
      const { file, stream } = await openEvidence(ctxOf(platform, request), request.params.id, request.params.fileId);
      return sendStoredFile(reply.type(file.mediaType), { name: file.originalName, sizeBytes: file.sizeBytes, stream });
    },
  });
  app.post('/api/v1/cooperation/commitments/:id/cancel', {
    config: { permission: 'cooperation.manage' },
    schema: { tags, summary: 'Cancel an open commitment, with the reason', params: IdParam, body: CancelInput, response: { 200: Commitment } },
    handler: async (request) => cancelCommitment(ctxOf(platform, request), request.params.id, request.body),
  });
  app.get('/api/v1/cooperation/scorecards', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Implementation scorecards by partner or by country (of the owing party), over the agreements the reader may see',
      querystring: ScorecardQuery,
      response: { 200: ScorecardTable },
    },
    handler: async (request) => scorecardTable(ctxOf(platform, request), request.query),
  });
}
