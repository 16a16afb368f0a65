import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Dashboard,
  Indicator,
  MapData as MapDataSchema,
  Period,
  Pivot,
  PivotQuery,
  Ranking as RankingSchema,
  Series,
  YearbookIndex as YearbookIndexSchema,
  YearbookTable,
  YearbookTableKey,
} from '../../../../shared/contracts/statistics';
import { get, post, withQuery } from '../../../app/api';
import type { Language } from '../../../../shared/roles';

export type { Dashboard, Indicator, Period, Pivot, PivotQuery, Series, YearbookTable, YearbookTableKey };
export type YearbookIndex = z.infer<typeof YearbookIndexSchema>;
export type MapData = z.infer<typeof MapDataSchema>;
export type Ranking = z.infer<typeof RankingSchema>;
export type YearbookColumn = YearbookTable['columns'][number];
export type YearbookRow = YearbookTable['rows'][number];
export type Published = YearbookTable['published'][number];
export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

const BASE = '/api/v1/statistics';

/** Every statistics query key starts with this, so publishing a year refreshes all of them. */
export const statsKey = ['statistics'] as const;
const REFERENCE = { staleTime: 10 * 60_000 };

export const indicatorsQuery = queryOptions({
  queryKey: [...statsKey, 'indicators'],
  queryFn: () => get<{ items: Indicator[]; total: number }>(`${BASE}/indicators`),
  ...REFERENCE,
});
export const seriesQuery = queryOptions({ queryKey: [...statsKey, 'series'], queryFn: () => get<{ items: Series[]; total: number }>(`${BASE}/series`) });
export const periodsQuery = queryOptions({ queryKey: [...statsKey, 'periods'], queryFn: () => get<{ items: Period[] }>(`${BASE}/periods`) });
export const yearbookIndexQuery = queryOptions({ queryKey: [...statsKey, 'yearbook'], queryFn: () => get<YearbookIndex>(`${BASE}/yearbook`) });

export type TableParams = { year?: number; indicator?: string; n?: number };
export const yearbookTableQuery = (table: string, p: TableParams) =>
  queryOptions({
    queryKey: [...statsKey, 'yearbook', table, p],
    queryFn: () => get<YearbookTable>(`${BASE}/yearbook/${encodeURIComponent(table)}`, p),
    placeholderData: keepPreviousData,
  });

/** The address of the table's file in a format, with the reader's language (the file's headings and titles). */
export const exportHref = (table: string, format: ExportFormat, p: TableParams, lang: Language) =>
  withQuery(`${BASE}/yearbook/${encodeURIComponent(table)}/export`, { format, ...p, lang });

export const dashboardQuery = (p: { year?: number; zoneId?: string }) =>
  queryOptions({ queryKey: [...statsKey, 'dashboard', p], queryFn: () => get<Dashboard>(`${BASE}/dashboard`, p), placeholderData: keepPreviousData });

export const mapQuery = (p: { indicator: string; year?: number }) =>
  queryOptions({ queryKey: [...statsKey, 'map', p], queryFn: () => get<MapData>(`${BASE}/map`, p), placeholderData: keepPreviousData });

export type PivotParams = Partial<Omit<PivotQuery, 'entityType'>> & {
  indicator: string;
  rows: PivotQuery['rows'];
  cols: PivotQuery['cols'];
  entityType?: PivotQuery['entityType'];
};
export const pivotQuery = (p: PivotParams) =>
  queryOptions({ queryKey: [...statsKey, 'pivot', p], queryFn: () => get<Pivot>(`${BASE}/pivot`, p), placeholderData: keepPreviousData });

export type RankingParams = { year?: number; weights: Record<string, number>; limit: number };
export const rankingQuery = (p: RankingParams) =>
  queryOptions({ queryKey: [...statsKey, 'ranking', p], queryFn: () => post<Ranking>(`${BASE}/ranking`, p), placeholderData: keepPreviousData });

export const publishPeriod = (id: string) => post<Period>(`${BASE}/periods/${id}/publish`);
