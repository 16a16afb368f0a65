import { IdParam, listOf } from '../../../shared/contracts/common';
import { Job, JobQuery } from '../../../shared/contracts/jobs';
import { type App, ctxOf, type Platform } from '../http/request-context';
import { cancelJob } from './cancel-job';
import { getJob, listJobs } from './list-jobs';
import { retryJob } from './retry-job';

const tags = ['jobs'];

export function jobsRoutes(app: App, platform: Platform) {
  app.get('/api/v1/jobs', {
    config: { permission: 'jobs.read' },
    schema: { tags, summary: 'Background jobs, newest first (filter by status and type)', querystring: JobQuery, response: { 200: listOf(Job) } },
    handler: async (request) => listJobs(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/jobs/:id', {
    config: { permission: 'signedIn' },
    schema: { tags, summary: 'One job with its progress (visible to the user who started it and to admins)', params: IdParam, response: { 200: Job } },
    handler: async (request) => getJob(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/jobs/:id/retry', {
    config: { permission: 'jobs.manage' },
    schema: { tags, summary: 'Run a failed or cancelled job again', params: IdParam, response: { 200: Job } },
    handler: async (request) => retryJob(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/jobs/:id/cancel', {
    config: { permission: 'jobs.manage' },
    schema: { tags, summary: 'Cancel a queued or running job', params: IdParam, response: { 200: Job } },
    handler: async (request) => cancelJob(ctxOf(platform, request), request.params.id),
  });
}
