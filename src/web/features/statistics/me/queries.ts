import { queryOptions } from '@tanstack/react-query';
import type { MeGoal, MeIndicatorProgress, MePolicy, MePolicySummary, MeStatus } from '../../../../shared/contracts/me';
import type { Language } from '../../../../shared/roles';
import { get } from '../../../app/api';

export type { MeGoal, MeIndicatorProgress, MePolicy, MePolicySummary, MeStatus };

export const MK = {
  policies: ['me', 'policies'] as const,
  policy: (id: string) => ['me', 'policies', id] as const,
};

export const policiesQuery = queryOptions({
  queryKey: MK.policies,
  queryFn: () => get<{ items: MePolicySummary[]; total: number }>('/api/v1/me/policies'),
});
export const policyQuery = (id: string) => queryOptions({ queryKey: MK.policy(id), queryFn: () => get<MePolicy>(`/api/v1/me/policies/${id}`) });

export const reportUrl = (id: string, lang: Language) => `/api/v1/me/policies/${id}/report?format=pdf&lang=${lang}`;

type Text3 = { en: string; zh?: string; ur?: string };
export const pick = (t: Text3 | null | undefined, lng: Language) => (t ? t[lng] || t.en : '');

/** Badge and count colours, each with at least 4.5:1 contrast against white text and against a white page. */
export const STATUS_COLOR: Record<MeStatus, string> = { on_track: '#1e6b30', at_risk: '#8a4500', off_track: '#a51d1d', no_data: '#495057' };
/** Line colours of the chart (same hues). */
export const STATUS_HEX: Record<MeStatus, string> = { on_track: '#2b8a3e', at_risk: '#b35c00', off_track: '#c92a2a', no_data: '#6c757d' };
