import { IdParam, listOf } from '../../../../shared/contracts/common';
import { Call, CallInput, CallListQuery, CallPatch, CallSummary, CallTransition, Program, ProgramInput } from '../../../../shared/contracts/funding';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { DEFAULT_RULES, RULE_TEMPLATES } from '../eligibility/default-rules';
import { createCall, createProgram, deleteCall, getCall, listCalls, listPrograms, setCallStatus, updateCall } from './calls.service';

const tags = ['funding'];

export function callsRoutes(app: App, platform: Platform) {
  app.get('/api/v1/funding/programs', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Funding programs (the seed fund, …)', response: { 200: listOf(Program) } },
    handler: async (request) => listPrograms(ctxOf(platform, request)),
  });

  app.post('/api/v1/funding/programs', {
    config: { permission: 'funding.call.manage' },
    schema: { tags, summary: 'Create a funding program (officers with national reach)', body: ProgramInput, response: { 201: Program } },
    handler: async (request, reply) => reply.status(201).send(await createProgram(ctxOf(platform, request), request.body)),
  });

  app.get('/api/v1/funding/rule-templates', {
    config: { permission: 'public' },
    schema: { tags, summary: 'The seeds’ default eligibility rules and the rule templates a call may add (each with its source)' },
    handler: async () => ({ defaults: DEFAULT_RULES, templates: RULE_TEMPLATES }),
  });

  app.get('/api/v1/funding/calls', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'Calls for proposals: open and past calls for everyone, drafts too for program officers (phase from the server’s clock)',
      querystring: CallListQuery,
      response: { 200: listOf(CallSummary) },
    },
    handler: async (request) => listCalls(ctxOf(platform, request), request.query),
  });

  app.get('/api/v1/funding/calls/:id', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'One call with its window, instruments, eligibility rules, application form and review rubric',
      params: IdParam,
      response: { 200: Call },
    },
    handler: async (request) => getCall(ctxOf(platform, request), request.params.id),
  });

  app.post('/api/v1/funding/calls', {
    config: { permission: 'funding.call.manage' },
    schema: { tags, summary: 'Create a call (as a draft)', body: CallInput, response: { 201: Call } },
    handler: async (request, reply) => reply.status(201).send(await createCall(ctxOf(platform, request), request.body)),
  });

  app.patch('/api/v1/funding/calls/:id', {
    config: { permission: 'funding.call.manage' },
    schema: {
      tags,
      summary: 'Change a call (its form, rules, instruments and currency are frozen once it has submissions)',
      params: IdParam,
      body: CallPatch,
      response: { 200: Call },
    },
    handler: async (request) => updateCall(ctxOf(platform, request), request.params.id, request.body),
  });

  app.post('/api/v1/funding/calls/:id/status', {
    config: { permission: 'funding.call.manage' },
    schema: { tags, summary: 'Open (publish), close or cancel a call', params: IdParam, body: CallTransition, response: { 200: Call } },
    handler: async (request) => setCallStatus(ctxOf(platform, request), request.params.id, request.body.status),
  });

  app.delete('/api/v1/funding/calls/:id', {
    config: { permission: 'funding.call.manage' },
    schema: { tags, summary: 'Delete a draft call nobody applied to', params: IdParam },
    handler: async (request, reply) => {
      await deleteCall(ctxOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  });
}
