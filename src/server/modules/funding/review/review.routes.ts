import { z } from 'zod';
import { IdParam, listOf } from '../../../../shared/contracts/common';
import {
  AssignmentRunInput,
  AssignmentView,
  AssignmentViewQuery,
  ConflictInput,
  DecisionInput,
  DeclineInput,
  InboxItem,
  Objection,
  ObjectionAnswer,
  ObjectionInput,
  OverrideInput,
  PublishedResults,
  PublishedResultsSummary,
  PublishInput,
  Ranking,
  RankingQuery,
  ReviewDetail,
  Reviewer,
  ReviewerConflict,
  ReviewerInput,
  ReviewerPatch,
  ReviewerSelfPatch,
  ScoreInput,
} from '../../../../shared/contracts/funding-review';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { getAssignment, declineAssignment, overridePair, runAssignment } from './assign';
import {
  answerObjection,
  decisionLetter,
  fileObjection,
  finaliseResults,
  getPublishedResults,
  getRanking,
  listObjections,
  listPublishedResults,
  publishResults,
  setDecision,
} from './decide';
import {
  createReviewer,
  declareConflict,
  declareMyConflict,
  getReviewer,
  listReviewers,
  myReviewer,
  removeConflict,
  updateMyReviewer,
  updateReviewer,
} from './reviewers';
import { inbox, reviewDetail, saveScore } from './score';

const tags = ['funding: review'];
const CallParam = IdParam;

export async function reviewRoutes(app: App, platform: Platform) {
  // ── Reviewer pool ──
  app.get('/api/v1/funding/reviewers', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary: 'The reviewer pool',
      querystring: z.object({ active: z.enum(['true', 'false']).optional() }),
      response: { 200: listOf(Reviewer) },
    },
    handler: async (request) =>
      listReviewers(ctxOf(platform, request), { active: request.query.active === undefined ? undefined : request.query.active === 'true' }),
  });
  app.post('/api/v1/funding/reviewers', {
    config: { permission: 'funding.review.manage' },
    schema: { tags, summary: 'Add a reviewer to the pool', body: ReviewerInput, response: { 201: Reviewer } },
    handler: async (request, reply) => reply.status(201).send(await createReviewer(ctxOf(platform, request), request.body)),
  });
  app.get('/api/v1/funding/reviewers/me', {
    config: { permission: 'funding.review.score' },
    schema: { tags, summary: 'The signed-in reviewer’s pool entry', response: { 200: Reviewer } },
    handler: async (request) => myReviewer(ctxOf(platform, request)),
  });
  app.patch('/api/v1/funding/reviewers/me', {
    config: { permission: 'funding.review.score' },
    schema: { tags, summary: 'Change one’s own expertise (text and tags)', body: ReviewerSelfPatch, response: { 200: Reviewer } },
    handler: async (request) => updateMyReviewer(ctxOf(platform, request), request.body),
  });
  app.post('/api/v1/funding/reviewers/me/conflicts', {
    config: { permission: 'funding.review.score' },
    schema: { tags, summary: 'Declare one’s own conflict of interest with an organisation', body: ConflictInput, response: { 201: ReviewerConflict } },
    handler: async (request, reply) => reply.status(201).send(await declareMyConflict(ctxOf(platform, request), request.body)),
  });
  app.get('/api/v1/funding/reviewers/:id', {
    config: { permission: 'funding.review.manage' },
    schema: { tags, summary: 'One reviewer with declared conflicts and load', params: IdParam, response: { 200: Reviewer } },
    handler: async (request) => getReviewer(ctxOf(platform, request), request.params.id),
  });
  app.patch('/api/v1/funding/reviewers/:id', {
    config: { permission: 'funding.review.manage' },
    schema: { tags, summary: 'Change a reviewer (expertise, seniority, loads, active)', params: IdParam, body: ReviewerPatch, response: { 200: Reviewer } },
    handler: async (request) => updateReviewer(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/funding/reviewers/:id/conflicts', {
    config: { permission: 'funding.review.manage' },
    schema: { tags, summary: 'Record a reviewer’s declared conflict of interest', params: IdParam, body: ConflictInput, response: { 201: ReviewerConflict } },
    handler: async (request, reply) => reply.status(201).send(await declareConflict(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.delete('/api/v1/funding/reviewers/:id/conflicts/:conflictId', {
    config: { permission: 'funding.review.manage' },
    schema: { tags, summary: 'Withdraw a declared conflict', params: z.object({ id: z.uuid(), conflictId: z.uuid() }) },
    handler: async (request, reply) => {
      await removeConflict(ctxOf(platform, request), request.params.id, request.params.conflictId);
      return reply.status(204).send();
    },
  });

  // ── Assignment ──
  app.get('/api/v1/funding/calls/:id/assignment', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary:
        'A call’s reviewer assignment, a page of applications at a time (?q= finds by title or enterprise): pairs with their affinity explained, conflicts, loads',
      params: CallParam,
      querystring: AssignmentViewQuery,
      response: { 200: AssignmentView },
    },
    handler: async (request) => getAssignment(ctxOf(platform, request), request.params.id, request.query),
  });
  app.post('/api/v1/funding/calls/:id/assignment/run', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary: 'Assign reviewers optimally (k per application, loads within limits, no conflicted pair, optionally a senior each)',
      params: CallParam,
      body: AssignmentRunInput,
      response: { 200: AssignmentView },
    },
    handler: async (request) => runAssignment(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/funding/calls/:id/assignment/override', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary: 'Force a reviewer onto or off an application (audited); the rest is re-optimised around it',
      params: CallParam,
      body: OverrideInput,
      response: { 200: AssignmentView },
    },
    handler: async (request) => overridePair(ctxOf(platform, request), request.params.id, request.body),
  });

  // ── Reviewing ──
  app.get('/api/v1/funding/review/inbox', {
    config: { permission: 'funding.review.score' },
    schema: { tags, summary: 'The applications assigned to the signed-in reviewer', response: { 200: listOf(InboxItem) } },
    handler: async (request) => inbox(ctxOf(platform, request)),
  });
  app.get('/api/v1/funding/review/assignments/:id', {
    config: { permission: 'funding.review.score' },
    schema: {
      tags,
      summary: 'An assigned application to score (applicant hidden when review is blind), the rubric, one’s scores',
      params: IdParam,
      response: { 200: ReviewDetail },
    },
    handler: async (request) => reviewDetail(ctxOf(platform, request), request.params.id),
  });
  app.put('/api/v1/funding/review/assignments/:id/score', {
    config: { permission: 'funding.review.score' },
    schema: { tags, summary: 'Save or submit scores per rubric criterion with comments', params: IdParam, body: ScoreInput },
    handler: async (request) => saveScore(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/funding/review/assignments/:id/decline', {
    config: { permission: 'funding.review.score' },
    schema: {
      tags,
      summary: 'Decline an assigned application for a conflict of interest; the best available reviewer replaces you',
      params: IdParam,
      body: DeclineInput,
    },
    handler: async (request) => declineAssignment(ctxOf(platform, request), request.params.id, request.body),
  });

  // ── Ranking, decisions, results ──
  app.get('/api/v1/funding/calls/:id/ranking', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary: 'Ranked list with the funding line the budget allows (optionally normalised per reviewer)',
      params: CallParam,
      querystring: RankingQuery,
      response: { 200: Ranking },
    },
    handler: async (request) => getRanking(ctxOf(platform, request), request.params.id, request.query.normalise === 'true'),
  });
  app.put('/api/v1/funding/calls/:id/decisions/:applicationId', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary: 'The panel’s decision on an application, with reasons',
      params: z.object({ id: z.uuid(), applicationId: z.uuid() }),
      body: DecisionInput,
    },
    handler: async (request) => setDecision(ctxOf(platform, request), request.params.id, request.params.applicationId, request.body),
  });
  app.post('/api/v1/funding/calls/:id/results/publish', {
    config: { permission: 'funding.review.manage' },
    schema: { tags, summary: 'Publish the results for an objection period', params: CallParam, body: PublishInput, response: { 200: PublishedResults } },
    handler: async (request) => publishResults(ctxOf(platform, request), request.params.id, request.body),
  });
  app.post('/api/v1/funding/calls/:id/results/finalise', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary: 'Make the results final once the objection period is over and every objection answered; creates the awards',
      params: CallParam,
      response: { 200: PublishedResults },
    },
    handler: async (request) => finaliseResults(ctxOf(platform, request), request.params.id),
  });
  app.get('/api/v1/funding/results', {
    config: { permission: 'public' },
    schema: { tags, summary: 'Published results of every call (public)', response: { 200: listOf(PublishedResultsSummary) } },
    handler: async (request) => listPublishedResults(ctxOf(platform, request)),
  });
  app.get('/api/v1/funding/calls/:id/results', {
    config: { permission: 'public' },
    schema: { tags, summary: 'A call’s published results (public, no sign-in)', params: CallParam, response: { 200: PublishedResults } },
    handler: async (request) => getPublishedResults(ctxOf(platform, request), request.params.id),
  });
  app.get('/api/v1/funding/calls/:id/results/objections', {
    config: { permission: 'funding.review.manage' },
    schema: { tags, summary: 'Objections to a call’s published results', params: CallParam, response: { 200: listOf(Objection) } },
    handler: async (request) => listObjections(ctxOf(platform, request), request.params.id),
  });
  app.post('/api/v1/funding/calls/:id/results/objections', {
    config: { permission: 'funding.results.object' },
    schema: {
      tags,
      summary: 'Object to published results (the applicant, during the objection period)',
      params: CallParam,
      body: ObjectionInput,
      response: { 201: Objection },
    },
    handler: async (request, reply) => reply.status(201).send(await fileObjection(ctxOf(platform, request), request.params.id, request.body)),
  });
  app.patch('/api/v1/funding/result-objections/:id', {
    config: { permission: 'funding.review.manage' },
    schema: {
      tags,
      summary: 'Answer an objection (upheld or dismissed, with a response)',
      params: IdParam,
      body: ObjectionAnswer,
      response: { 200: Objection },
    },
    handler: async (request) => answerObjection(ctxOf(platform, request), request.params.id, request.body),
  });
  app.get('/api/v1/funding/decision-letters/:applicationId', {
    config: { permission: 'signedIn' },
    schema: {
      tags,
      summary: 'The decision letter of an application, in the applicant’s language (or ?lang=en|zh|ur); for the applicant and officers',
      params: z.object({ applicationId: z.uuid() }),
      querystring: z.object({ lang: z.enum(['en', 'zh', 'ur']).optional() }),
    },
    handler: async (request) => decisionLetter(ctxOf(platform, request), request.params.applicationId, request.query.lang),
  });
}
