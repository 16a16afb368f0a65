import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignmentView,
  InboxItem,
  Objection,
  PublishedResults,
  PublishedResultsSummary,
  Ranking,
  ReviewDetail,
  Reviewer,
} from '../../../../shared/contracts/funding-review';
import { get } from '../../../app/api';

export type ReviewerDto = Reviewer;
export type Inbox = { items: z.infer<typeof InboxItem>[]; total: number };
export type ObjectionDto = z.infer<typeof Objection>;
export type ResultsSummary = z.infer<typeof PublishedResultsSummary>;
export type { AssignmentView, PublishedResults, Ranking, ReviewDetail };

export type DecisionLetter = {
  applicationId: string;
  callId: string;
  language: 'en' | 'zh' | 'ur';
  dir: 'ltr' | 'rtl';
  date: string;
  subject: string;
  salutation: string;
  recipient: { enterprise: string; applicant: string };
  decision: 'fund' | 'reserve' | 'reject';
  objectionsOpenUntil: string | null;
  paragraphs: string[];
  reasons: string;
  objection: string;
  closing: string;
  signature: string;
};

export type CallLite = { id: string; names: { en: string; zh?: string; ur?: string }; status: string; budget: number; currency: string; closesAt: string };

export const K = {
  reviewers: ['funding', 'reviewers'] as const,
  assignment: (callId: string, page?: { q: string; offset: number }) =>
    page ? (['funding', 'assignment', callId, page] as const) : (['funding', 'assignment', callId] as const),
  ranking: (callId: string, normalise: boolean) => ['funding', 'ranking', callId, normalise] as const,
  inbox: ['funding', 'inbox'] as const,
  review: (id: string) => ['funding', 'review', id] as const,
  results: ['funding', 'results'] as const,
  callResults: (callId: string) => ['funding', 'results', callId] as const,
  objections: (callId: string) => ['funding', 'objections', callId] as const,
  letter: (id: string, lang?: string) => ['funding', 'letter', id, lang ?? ''] as const,
  calls: ['funding', 'calls', 'review'] as const,
};

export const reviewersQuery = queryOptions({ queryKey: K.reviewers, queryFn: () => get<{ items: Reviewer[]; total: number }>('/api/v1/funding/reviewers') });
export const ASSIGNMENT_PAGE = 25;
export const assignmentQuery = (callId: string, page: { q: string; offset: number } = { q: '', offset: 0 }) =>
  queryOptions({
    queryKey: K.assignment(callId, page),
    queryFn: () => get<AssignmentView>(`/api/v1/funding/calls/${callId}/assignment`, { q: page.q, offset: page.offset, limit: ASSIGNMENT_PAGE }),
    placeholderData: keepPreviousData,
  });
export const rankingQuery = (callId: string, normalise: boolean) =>
  queryOptions({ queryKey: K.ranking(callId, normalise), queryFn: () => get<Ranking>(`/api/v1/funding/calls/${callId}/ranking`, { normalise }) });
export const inboxQuery = queryOptions({ queryKey: K.inbox, queryFn: () => get<Inbox>('/api/v1/funding/review/inbox') });
export const reviewQuery = (id: string) =>
  queryOptions({ queryKey: K.review(id), queryFn: () => get<ReviewDetail>(`/api/v1/funding/review/assignments/${id}`) });
export const resultsListQuery = queryOptions({
  queryKey: K.results,
  queryFn: () => get<{ items: ResultsSummary[]; total: number }>('/api/v1/funding/results'),
});
export const callResultsQuery = (callId: string) =>
  queryOptions({ queryKey: K.callResults(callId), queryFn: () => get<PublishedResults>(`/api/v1/funding/calls/${callId}/results`), retry: false });
export const objectionsQuery = (callId: string) =>
  queryOptions({
    queryKey: K.objections(callId),
    queryFn: () => get<{ items: ObjectionDto[]; total: number }>(`/api/v1/funding/calls/${callId}/results/objections`),
  });
export const letterQuery = (id: string, lang?: string) =>
  queryOptions({ queryKey: K.letter(id, lang), queryFn: () => get<DecisionLetter>(`/api/v1/funding/decision-letters/${id}`, { lang }), retry: false });
/** Calls as officers see them (drafts too), from the calls module's API. */
export const reviewCallsQuery = queryOptions({
  queryKey: K.calls,
  queryFn: () => get<{ items: CallLite[]; total: number }>('/api/v1/funding/calls', { limit: 200 }),
});

export const pickName = (n: { en: string; zh?: string; ur?: string } | null | undefined, lng: string) => (n ? (n[lng as 'en'] ?? n.en) || n.en : '');

export function money(n: number | null | undefined, currency: string, lng: string) {
  if (n === null || n === undefined) return '';
  const tag = lng === 'zh' ? 'zh-CN' : lng === 'ur' ? 'ur-PK' : 'en-GB';
  return new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
}
