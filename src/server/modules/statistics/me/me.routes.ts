import { IdParam, listOf } from '../../../../shared/contracts/common';
import {
  GoalInput,
  MeGoal,
  MeIndicatorProgress,
  MePolicy,
  MePolicySummary,
  PolicyInput,
  ReportQuery,
  TargetInput,
  TargetPatch,
} from '../../../../shared/contracts/me';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { addGoal } from './add-goal';
import { addTarget } from './add-target';
import { createPolicy } from './create-policy';
import { deleteTarget } from './delete-target';
import { getPolicy } from './get-policy';
import { listPolicies } from './list-policies';
import { policyReport } from './policy-report';
import { updateTarget } from './update-target';

const tags = ['statistics: M&E of policy'];

/** M&E of policy (issue 5): policies → goals → indicators with targets → measured progress; a PDF report. */
export async function meRoutes(app: App, platform: Platform) {
  app.get('/api/v1/me/policies', {
    config: { permission: 'statistics.read' },
    schema: {
      tags,
      summary: 'Policies, each with how many goals are on track, at risk, off track or without data',
      response: { 200: listOf(MePolicySummary) },
    },
    handler: async (request) => listPolicies(ctxOf(platform, request)),
  });
  app.get('/api/v1/me/policies/:id', {
    config: { permission: 'statistics.read' },
    schema: {
      tags,
      summary: 'A policy: goals → indicators with baseline, targets, thresholds, actual and expected series, achievement, status, trend, projection',
      params: IdParam,
      response: { 200: MePolicy },
    },
    handler: async (request) => getPolicy(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/me/policies', {
    config: { permission: 'statistics.manage' },
    schema: { tags, summary: 'Create a policy to monitor', body: PolicyInput, response: { 201: MePolicy } },
    handler: async (request, reply) => reply.status(201).send(await createPolicy(ctxOf(platform, request), request.body)),
  });
  app.post('/api/v1/me/policies/:id/goals', {
    config: { permission: 'statistics.manage' },
    schema: { tags, summary: 'Add a goal to a policy', params: IdParam, body: GoalInput, response: { 201: MeGoal } },
    handler: async (request, reply) => reply.status(201).send(await addGoal(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.post('/api/v1/me/goals/:id/targets', {
    config: { permission: 'statistics.manage' },
    schema: {
      tags,
      summary:
        'Add an indicator to a goal: what is measured (catalogue indicator or published series) and where (national, country:<ISO code> …), baseline (a value or measured: true), yearly targets (value, change or delta on the baseline), thresholds',
      params: IdParam,
      body: TargetInput,
      response: { 201: MeIndicatorProgress },
    },
    handler: async (request, reply) => reply.status(201).send(await addTarget(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.patch('/api/v1/me/targets/:id', {
    config: { permission: 'statistics.manage' },
    schema: {
      tags,
      summary: "Change an indicator's baseline, targets, thresholds or measure",
      params: IdParam,
      body: TargetPatch,
      response: { 200: MeIndicatorProgress },
    },
    handler: async (request) => updateTarget(ctxOf(platform, request), request.params.id, request.body),
  });
  app.delete('/api/v1/me/targets/:id', {
    config: { permission: 'statistics.manage' },
    schema: { tags, summary: 'Remove an indicator from its goal', params: IdParam },
    handler: async (request, reply) => {
      await deleteTarget(ctxOf(platform, request), request.params.id);
      return reply.status(204).send();
    },
  });
  app.get('/api/v1/me/policies/:id/report', {
    config: { permission: 'statistics.read' },
    schema: { tags, summary: "A policy's progress report as a PDF (en, zh or ur)", params: IdParam, querystring: ReportQuery },
    handler: async (request, reply) => {
      const ctx = ctxOf(platform, request);
      const lang = request.query.lang ?? ctx.lang;
      const { body, filename } = await policyReport(ctx, request.params.id, lang);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(body);
    },
  });
}
