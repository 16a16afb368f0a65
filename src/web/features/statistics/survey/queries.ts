import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Completeness,
  Filing,
  Form,
  Level,
  Period,
  StatEntityType,
  Submission,
  SubmissionStatus,
  SubmissionSummary,
  Text3,
  UploadResult,
  ValidationResult,
} from '../../../../shared/contracts/statistics';
import type { Language } from '../../../../shared/roles';
import { get } from '../../../app/api';

export type { Form, Level, Period, StatEntityType, Submission, SubmissionStatus, SubmissionSummary, Text3 };
export type FilingT = z.infer<typeof Filing>;
export type ValidationResultT = z.infer<typeof ValidationResult>;
export type UploadResultT = z.infer<typeof UploadResult>;
export type CompletenessT = z.infer<typeof Completeness>;
export type CompletenessRowT = CompletenessT['rows'][number];
export type Review = Submission['reviews'][number];
export type ChainStep = Submission['chain'][number];

const BASE = '/api/v1/statistics';
export const API = {
  filings: `${BASE}/filings`,
  submissions: `${BASE}/submissions`,
  submission: (id: string) => `${BASE}/submissions/${id}`,
  form: (id: string) => `${BASE}/forms/${id}`,
  /** With the return's id the template carries its entity, last year's and the present values. */
  template: (formId: string, lang: Language, submissionId?: string) =>
    `${BASE}/forms/${formId}/template?lang=${lang}${submissionId ? `&submissionId=${submissionId}` : ''}`,
  upload: (id: string, dryRun: boolean, version?: number) =>
    `${BASE}/submissions/${id}/upload?dryRun=${dryRun}${version === undefined ? '' : `&version=${version}`}`,
  completeness: `${BASE}/completeness`,
  periods: `${BASE}/periods`,
};

export const SK = {
  all: ['statistics', 'survey'] as const,
  filings: (q: Record<string, unknown>) => ['statistics', 'survey', 'filings', q] as const,
  submissions: (q: Record<string, unknown>) => ['statistics', 'survey', 'submissions', q] as const,
  one: (id: string) => ['statistics', 'survey', 'one', id] as const,
  form: (id: string) => ['statistics', 'forms', id] as const,
  periods: ['statistics', 'periods'] as const,
  completeness: (q: Record<string, unknown>) => ['statistics', 'completeness', q] as const,
};

export type Paged<T> = { items: T[]; total: number };

export const filingsQuery = (q: { q?: string; entityType?: StatEntityType }) =>
  queryOptions({ queryKey: SK.filings(q), queryFn: () => get<Paged<FilingT>>(API.filings, q), placeholderData: keepPreviousData });

export type SubmissionsQuery = { view: 'mine' | 'review' | 'all'; periodId?: string; status?: SubmissionStatus; limit: number; offset: number };
export const submissionsQuery = (q: SubmissionsQuery) =>
  queryOptions({ queryKey: SK.submissions(q), queryFn: () => get<Paged<SubmissionSummary>>(API.submissions, q), placeholderData: keepPreviousData });

export const submissionQuery = (id: string) => queryOptions({ queryKey: SK.one(id), queryFn: () => get<Submission>(API.submission(id)) });
/** A form does not change while it is filled in (its rules are fixed when the period opens). */
export const formQuery = (id: string) => queryOptions({ queryKey: SK.form(id), queryFn: () => get<Form>(API.form(id)), staleTime: 10 * 60_000 });
export const periodsQuery = queryOptions({ queryKey: SK.periods, queryFn: () => get<{ items: Period[] }>(API.periods), staleTime: 5 * 60_000 });
export const completenessQuery = (q: { periodId: string; entityType: StatEntityType; by: 'zone' | 'province' }) =>
  queryOptions({ queryKey: SK.completeness(q), queryFn: () => get<CompletenessT>(API.completeness, q), placeholderData: keepPreviousData });

/** Badge colours; the darker orange keeps white text at a 4.5:1 contrast. */
export const STATUS_COLOR: Record<SubmissionStatus | 'not_started', string> = {
  not_started: 'gray',
  draft: 'blue',
  submitted: 'indigo',
  returned: '#a8400c',
  approved: 'teal',
};
/** Text of warnings: an amber dark enough to read on white (4.5:1). */
export const WARNING_TEXT = '#8f5d00';

/** A three-language name in the reader's language, else English, with the language it is in (names keep their script). */
export function pick(names: Partial<Text3> | null | undefined, lng: Language): { text: string; lang: Language } {
  if (!names) return { text: '', lang: 'en' };
  const own = names[lng];
  return own ? { text: own, lang: lng } : { text: names.en ?? '', lang: 'en' };
}
export const nameOf = (names: Partial<Text3> | null | undefined, lng: Language) => pick(names, lng).text;
