import { IdParam, listOf } from '../../../../shared/contracts/common';
import {
  Filing,
  FilingsQuery,
  Form,
  FormPatch,
  Indicator,
  Period,
  PeriodInput,
  ReopenInput,
  ReviewInput,
  SaveValuesInput,
  Series,
  StartSubmissionInput,
  Submission,
  SubmissionQuery,
  SubmissionSummary,
  SubmitInput,
  ValidateInput,
  ValidationResult,
} from '../../../../shared/contracts/statistics';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { readIndicators, readSeries } from '../catalogue/catalogue';
import { getForm, patchForm } from './forms';
import { createPeriod, listPeriods } from './periods';
import { publishPeriod } from './publish';
import { listFilings, listSubmissions } from './queries';
import { reopenSubmission, reviewSubmission } from './review';
import { getSubmission, saveValues, startSubmission, submitSubmission, validateValues } from './submissions';

const tags = ['statistics: survey'];

export async function surveyRoutes(app: App, platform: Platform) {
  app.get('/api/v1/statistics/indicators', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'The indicator catalogue: names and definitions in three languages, unit, aggregation, Frascati / Oslo mapping, source',
      response: { 200: listOf(Indicator) },
    },
    handler: async (request) => {
      const items = await readIndicators(ctxOf(platform, request).database.db);
      return { items, total: items.length };
    },
  });
  app.get('/api/v1/statistics/series', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Published national figures from the seeds, each point citing its file and words', response: { 200: listOf(Series) } },
    handler: async (request) => {
      const items = await readSeries(ctxOf(platform, request).database.db);
      return { items, total: items.length };
    },
  });
  app.get('/api/v1/statistics/periods', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Reporting periods (calendar or fiscal years) and whether their yearbook is published', response: { 200: listOf(Period) } },
    handler: async (request) => listPeriods(ctxOf(platform, request)),
  });
  app.post('/api/v1/statistics/periods', {
    config: { permission: 'statistics.manage' },
    schema: { tags, summary: 'Open a reporting period (its default forms come with it)', body: PeriodInput, response: { 201: Period } },
    handler: async (request, reply) => reply.status(201).send(await createPeriod(ctxOf(platform, request), request.body)),
  });
  app.post('/api/v1/statistics/periods/:id/publish', {
    config: { permission: 'statistics.manage' },
    schema: { tags, summary: "Publish the period's yearbook: its tables become readable without signing in", params: IdParam, response: { 200: Period } },
    handler: async (request) => publishPeriod(ctxOf(platform, request), request.params.id),
  });
  app.get('/api/v1/statistics/forms/:id', {
    config: { permission: 'public' },
    schema: { tags, summary: 'A survey form: its indicators in order, the required ones, its validation rules', params: IdParam, response: { 200: Form } },
    handler: async (request) => getForm(ctxOf(platform, request), request.params.id),
  });
  app.patch('/api/v1/statistics/forms/:id', {
    config: { permission: 'statistics.manage' },
    schema: {
      tags,
      summary: "Change a form's indicators, required list or validation rules (checked first)",
      params: IdParam,
      body: FormPatch,
      response: { 200: Form },
    },
    handler: async (request) => patchForm(ctxOf(platform, request), request.params.id, request.body),
  });
  app.get('/api/v1/statistics/filings', {
    config: { permission: 'statistics.survey' },
    schema: {
      tags,
      summary: 'What I can file: my entities × open periods, with the return if started',
      querystring: FilingsQuery,
      response: { 200: listOf(Filing) },
    },
    handler: async (request) => listFilings(ctxOf(platform, request), request.query),
  });
  app.get('/api/v1/statistics/submissions', {
    config: { permission: 'statistics.survey' },
    schema: {
      tags,
      summary: "Returns I file ('mine'), waiting at a level I approve ('review'), or all (national analysts)",
      querystring: SubmissionQuery,
      response: { 200: listOf(SubmissionSummary) },
    },
    handler: async (request) => listSubmissions(ctxOf(platform, request), request.query),
  });
  app.post('/api/v1/statistics/submissions', {
    config: { permission: 'statistics.survey' },
    schema: {
      tags,
      summary: "Start an entity's return for a form (answers the existing one if started)",
      body: StartSubmissionInput,
      response: { 200: Submission, 201: Submission },
    },
    handler: async (request, reply) => {
      const r = await startSubmission(ctxOf(platform, request), request.body);
      return reply.status(r.created ? 201 : 200).send(r.submission);
    },
  });
  app.get('/api/v1/statistics/submissions/:id', {
    config: { permission: 'statistics.survey' },
    schema: { tags, summary: 'A return with its values, last year beside, findings, chain and reviews', params: IdParam, response: { 200: Submission } },
    handler: async (request) => getSubmission(ctxOf(platform, request), request.params.id),
  });
  app.put('/api/v1/statistics/submissions/:id/values', {
    config: { permission: 'statistics.survey' },
    schema: {
      tags,
      summary: "Save a draft's values (findings refreshed); 409 on a stale version",
      params: IdParam,
      body: SaveValuesInput,
      response: { 200: Submission },
    },
    handler: async (request) => saveValues(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/statistics/submissions/:id/validate', {
    config: { permission: 'statistics.survey' },
    schema: {
      tags,
      summary: 'Check values against the form’s rules without saving',
      params: IdParam,
      body: ValidateInput,
      response: { 200: ValidationResult },
    },
    handler: async (request) => validateValues(ctxOf(platform, request), request.params.id, request.body.values),
  });
  app.post('/api/v1/statistics/submissions/:id/submit', {
    config: { permission: 'statistics.survey' },
    schema: {
      tags,
      summary: 'Submit for approval: 422 while errors remain, or warnings lack an explanation',
      params: IdParam,
      body: SubmitInput,
      response: { 200: Submission },
    },
    handler: async (request) => submitSubmission(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/statistics/submissions/:id/review', {
    config: { permission: 'statistics.survey' },
    schema: { tags, summary: 'Approve at my level, or return to the filer with a reason', params: IdParam, body: ReviewInput, response: { 200: Submission } },
    handler: async (request) => reviewSubmission(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/statistics/submissions/:id/reopen', {
    config: { permission: 'statistics.manage' },
    schema: { tags, summary: 'Reopen an approved (locked) return for correction', params: IdParam, body: ReopenInput, response: { 200: Submission } },
    handler: async (request) => reopenSubmission(ctxOf(platform, request), request.params.id, request.body),
  });
}
