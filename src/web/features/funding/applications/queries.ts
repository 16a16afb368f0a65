import { queryOptions } from '@tanstack/react-query';
import type { Application, ApplicationSummary, EligibilityResult } from '../../../../shared/contracts/funding';
import { get } from '../../../app/api';

export type { Application, ApplicationSummary, EligibilityResult };

export const AK = {
  all: ['funding', 'applications'] as const,
  mine: (q: Record<string, unknown>) => ['funding', 'applications', 'mine', q] as const,
  screening: (q: Record<string, unknown>) => ['funding', 'applications', 'screening', q] as const,
  one: (id: string) => ['funding', 'applications', 'one', id] as const,
};

export const myApplicationsQuery = (q: { callId?: string } = {}) =>
  queryOptions({
    queryKey: AK.mine(q),
    queryFn: () => get<{ items: ApplicationSummary[]; total: number }>('/api/v1/funding/my/applications', { ...q, limit: 200 }),
  });
export const screeningQuery = (q: { callId?: string; status?: string; verdict?: string }) =>
  queryOptions({
    queryKey: AK.screening(q),
    queryFn: () => get<{ items: ApplicationSummary[]; total: number }>('/api/v1/funding/applications', { ...q, limit: 200 }),
  });
export const applicationQuery = (id: string) => queryOptions({ queryKey: AK.one(id), queryFn: () => get<Application>(`/api/v1/funding/applications/${id}`) });

/** Badge colours; the darker orange and amber keep white text at a 4.5:1 contrast. */
export const STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  info_requested: '#a8400c',
  accepted: 'teal',
  rejected: 'red',
  withdrawn: 'dark',
};
export const VERDICT_COLOR = { eligible: 'teal', ineligible: 'red', incomplete: '#8f5d00' } as const;
export const OUTCOME_COLOR = { pass: 'teal', fail: 'red', unknown: '#8f5d00' } as const;
