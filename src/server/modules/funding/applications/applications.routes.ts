import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdParam, listOf } from '../../../../shared/contracts/common';
import {
  Application,
  ApplicationDraft,
  ApplicationListQuery,
  ApplicationSummary,
  Attachment,
  CreateApplicationInput,
  EligibilityCheckInput,
  EligibilityResult,
  InfoResponseInput,
  Receipt,
  ScreeningInput,
} from '../../../../shared/contracts/funding';
import { badRequest } from '../../../platform/errors';
import { sendStoredFile } from '../../../platform/files/files.routes';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import {
  addAttachment,
  checkEligibility,
  createApplication,
  deleteDraft,
  getApplication,
  listApplications,
  listMyApplications,
  openAttachment,
  removeAttachment,
  respondToInfoRequest,
  saveDraft,
  screenApplication,
  submitApplication,
  withdrawApplication,
} from './applications.service';

const tags = ['funding'];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** The optional Idempotency-Key header: a retried request with the same key gets the first one's answer. */
function idempotencyKey(request: FastifyRequest): string | null {
  const v = request.headers['idempotency-key'];
  if (v === undefined) return null;
  if (typeof v !== 'string' || !IDEMPOTENCY_KEY.test(v)) throw badRequest('funding.applications.bad_idempotency_key');
  return v;
}

const AttachInput = z.strictObject({ fieldKey: z.string().min(1).max(64), fileId: z.uuid() });
const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const SubmitResult = z.object({ receipt: Receipt, replayed: z.boolean() });

export function applicationsRoutes(app: App, platform: Platform) {
  app.post('/api/v1/funding/calls/:id/eligibility', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary:
        'Evaluate the call’s eligibility rules on answers, prefilled from an enterprise’s registry profile (pass / fail / unknown, with reasons and sources)',
      params: IdParam,
      body: EligibilityCheckInput,
      response: { 200: EligibilityResult },
    },
    handler: async (request) => checkEligibility(ctxOf(platform, request), request.params.id, request.body),
  });

  app.post('/api/v1/funding/applications', {
    config: { permission: 'funding.apply' },
    schema: {
      tags,
      summary: 'Start an application (a draft) to a call for an enterprise; an Idempotency-Key header makes a retry return the same draft',
      body: CreateApplicationInput,
      response: { 200: Application, 201: Application },
    },
    handler: async (request, reply) => {
      const { application, created } = await createApplication(ctxOf(platform, request), request.body, idempotencyKey(request));
      return reply.status(created ? 201 : 200).send(application);
    },
  });

  app.get('/api/v1/funding/my/applications', {
    config: { permission: 'funding.apply' },
    schema: {
      tags,
      summary: 'The caller’s applications (and their enterprise colleagues’), drafts included',
      querystring: ApplicationListQuery,
      response: { 200: listOf(ApplicationSummary) },
    },
    handler: async (request) => listMyApplications(ctxOf(platform, request), request.query),
  });

  app.get('/api/v1/funding/applications', {
    config: { permission: 'funding.screen' },
    schema: {
      tags,
      summary: 'Submitted applications of the calls the officer runs, with their eligibility verdicts',
      querystring: ApplicationListQuery,
      response: { 200: listOf(ApplicationSummary) },
    },
    handler: async (request) => listApplications(ctxOf(platform, request), request.query),
  });

  app.get('/api/v1/funding/applications/:id', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'One application (its applicant, or an officer of its call once submitted)', params: IdParam, response: { 200: Application } },
    handler: async (request) => getApplication(ctxOf(platform, request), request.params.id),
  });

  app.put('/api/v1/funding/applications/:id/draft', {
    config: { permission: 'funding.apply' },
    schema: {
      tags,
      summary: 'Save the draft (autosave): the whole answers object; `version` refuses a stale overwrite',
      params: IdParam,
      body: ApplicationDraft,
      response: { 200: Application },
    },
    handler: async (request) => saveDraft(ctxOf(platform, request), request.params.id, request.body),
  });

  app.delete('/api/v1/funding/applications/:id', {
    config: { permission: 'funding.apply' },
    schema: { tags, summary: 'Discard a draft', params: IdParam },
    handler: async (request, reply) => {
      await deleteDraft(ctxOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  });

  app.post('/api/v1/funding/applications/:id/attachments', {
    config: { permission: 'funding.apply' },
    schema: {
      tags,
      summary: 'Attach an uploaded file (POST /api/v1/files first) to a file field: PDF, images or XLSX, type checked from the content, 10 MB at most',
      params: IdParam,
      body: AttachInput,
      response: { 201: Attachment },
    },
    handler: async (request, reply) => reply.status(201).send(await addAttachment(ctxOf(platform, request), request.params.id, request.body)),
  });

  app.delete('/api/v1/funding/applications/:id/attachments/:attachmentId', {
    config: { permission: 'funding.apply' },
    schema: { tags, summary: 'Remove an attachment from a draft', params: AttachmentParams },
    handler: async (request, reply) => {
      await removeAttachment(ctxOf(platform, request), request.params.id, request.params.attachmentId);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/funding/applications/:id/attachments/:attachmentId/content', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'Download an attachment (the applicant, or an officer of the call)', params: AttachmentParams },
    handler: async (request, reply) => {
      const { attachment, stream } = await openAttachment(ctxOf(platform, request), request.params.id, request.params.attachmentId);
      return sendStoredFile(reply.type(attachment.mediaType), { name: attachment.name, sizeBytes: attachment.sizeBytes, stream });
    },
  });

  app.post('/api/v1/funding/applications/:id/submit', {
    config: { permission: 'funding.apply' },
    schema: {
      tags,
      summary: 'Submit before the deadline (server clock): 201 with a receipt (id, time, SHA-256 of the content); a repeat answers 200 with the same receipt',
      params: IdParam,
      response: { 200: SubmitResult, 201: SubmitResult },
    },
    handler: async (request, reply) => {
      idempotencyKey(request); // validated when given; the row lock makes every repeat return the first receipt
      const result = await submitApplication(ctxOf(platform, request), request.params.id);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  });

  app.post('/api/v1/funding/applications/:id/withdraw', {
    config: { permission: 'funding.apply' },
    schema: { tags, summary: 'Withdraw a submitted application before the deadline', params: IdParam, response: { 200: Application } },
    handler: async (request) => withdrawApplication(ctxOf(platform, request), request.params.id),
  });

  app.post('/api/v1/funding/applications/:id/screening', {
    config: { permission: 'funding.screen' },
    schema: {
      tags,
      summary: 'Screen: accept, reject with a reason, or request information (the applicant is notified)',
      params: IdParam,
      body: ScreeningInput,
      response: { 200: Application },
    },
    handler: async (request) => screenApplication(ctxOf(platform, request), request.params.id, request.body),
  });

  app.post('/api/v1/funding/applications/:id/info-response', {
    config: { permission: 'funding.apply' },
    schema: {
      tags,
      summary: 'Answer the officer’s request for information (optionally changing answers: a new receipt hash)',
      params: IdParam,
      body: InfoResponseInput,
      response: { 200: Application },
    },
    handler: async (request) => respondToInfoRequest(ctxOf(platform, request), request.params.id, request.body),
  });
}
