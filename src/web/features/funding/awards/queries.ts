import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Award, AwardSummary, Dashboard, LeverageReport } from '../../../../shared/contracts/funding-review';
import { get } from '../../../app/api';

export type AwardDto = Award;
export type AwardSummaryDto = z.infer<typeof AwardSummary>;
export type { Dashboard, LeverageReport };

export const AK = {
  list: ['funding', 'awards'] as const,
  award: (id: string) => ['funding', 'awards', id] as const,
  dashboard: (callId?: string) => ['funding', 'dashboard', callId ?? ''] as const,
  leverage: (callId?: string) => ['funding', 'leverage', callId ?? ''] as const,
};

export const awardsQuery = queryOptions({ queryKey: AK.list, queryFn: () => get<{ items: AwardSummaryDto[]; total: number }>('/api/v1/funding/awards') });
export const awardQuery = (id: string) => queryOptions({ queryKey: AK.award(id), queryFn: () => get<AwardDto>(`/api/v1/funding/awards/${id}`) });
export const dashboardQuery = (callId?: string) =>
  queryOptions({ queryKey: AK.dashboard(callId), queryFn: () => get<Dashboard>('/api/v1/funding/dashboard', { callId }) });
export const leverageQuery = (callId?: string) =>
  queryOptions({ queryKey: AK.leverage(callId), queryFn: () => get<LeverageReport>('/api/v1/funding/leverage', { callId }) });

export const times = (r: number | null | undefined, lng: string) =>
  r === null || r === undefined
    ? '—'
    : `${new Intl.NumberFormat(lng === 'zh' ? 'zh-CN' : lng === 'ur' ? 'ur-PK' : 'en-GB', { maximumFractionDigits: 2 }).format(r)}×`;
