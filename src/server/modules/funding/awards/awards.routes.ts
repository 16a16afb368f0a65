import { z } from 'zod';
import { IdParam, listOf } from '../../../../shared/contracts/common';
import {
  AcceptanceInput,
  Award,
  AwardSummary,
  Dashboard,
  DashboardQuery,
  LeverageQuery,
  LeverageReport,
  MilestoneInput,
  MilestoneReportInput,
  ReportReviewInput,
} from '../../../../shared/contracts/funding-review';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { addMilestone, decideAcceptance, getAward, listAwards, reviewReport, submitReport } from './awards';
import { dashboardWorkbook, getDashboard, leverageReport } from './dashboard';

const tags = ['funding: awards'];

export async function awardsRoutes(app: App, platform: Platform) {
  app.get('/api/v1/funding/awards', {
    config: { permission: 'funding.awards.read' },
    schema: {
      tags,
      summary: 'Awards (officers and analysts: all; an enterprise: its own)',
      querystring: z.object({ callId: z.uuid().optional() }),
      response: { 200: listOf(AwardSummary) },
    },
    handler: async (request) => listAwards(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/funding/awards/:id', {
    config: { permission: 'funding.awards.read' },
    schema: { tags, summary: 'An award with milestones, reports, acceptance and leverage', params: IdParam, response: { 200: Award } },
    handler: async (request) => getAward(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/funding/awards/:id/milestones', {
    config: { permission: 'funding.awards.manage' },
    schema: { tags, summary: 'Add a milestone and the disbursement it releases', params: IdParam, body: MilestoneInput, response: { 201: Award } },
    handler: async (request, reply) => reply.status(201).send(await addMilestone(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.post('/api/v1/funding/awards/:id/milestones/:milestoneId/report', {
    config: { permission: 'funding.awards.report' },
    schema: {
      tags,
      summary: 'Report a milestone with outcome indicators: revenue, jobs, IP, follow-on money (the recipient)',
      params: z.object({ id: z.uuid(), milestoneId: z.uuid() }),
      body: MilestoneReportInput,
      response: { 201: Award },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await submitReport(ctxOf(platform, request), request.params.id, request.params.milestoneId, request.body)),
  });
  app.post('/api/v1/funding/milestone-reports/:id/review', {
    config: { permission: 'funding.awards.manage' },
    schema: {
      tags,
      summary: 'Approve (releases the disbursement) or reject a milestone report',
      params: IdParam,
      body: ReportReviewInput,
      response: { 200: Award },
    },
    handler: async (request) => reviewReport(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/funding/awards/:id/acceptance', {
    config: { permission: 'funding.awards.manage' },
    schema: {
      tags,
      summary: 'The acceptance check: passed, basically passed or failed (a failure bars applying for three years)',
      params: IdParam,
      body: AcceptanceInput,
      response: { 200: Award },
    },
    handler: async (request) => decideAcceptance(ctxOf(platform, request), request.params.id, request.body),
  });
  app.get('/api/v1/funding/leverage', {
    config: { permission: 'funding.dashboard.read' },
    schema: {
      tags,
      summary: 'Leverage (other money brought in ÷ award) per award, per call, per program',
      querystring: LeverageQuery,
      response: { 200: LeverageReport },
    },
    handler: async (request) => leverageReport(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/funding/dashboard', {
    config: { permission: 'funding.dashboard.read' },
    schema: {
      tags,
      summary: 'Funnel draft → award, time to decision, leverage, distribution by province and sector, outcomes',
      querystring: DashboardQuery,
      response: { 200: Dashboard },
    },
    handler: async (request) => getDashboard(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/funding/dashboard/export', {
    config: { permission: 'funding.dashboard.read' },
    schema: { tags, summary: 'The dashboard as an XLSX workbook', querystring: DashboardQuery },
    handler: async (request, reply) => {
      const body = await dashboardWorkbook(ctxOf(platform, request), request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="seedbed-funding-dashboard.xlsx"')
        .send(body);
    },
  });
}
