import { queryOptions } from '@tanstack/react-query';
import { get, type Query } from '../../app/api';
import { entityApiPath, PLURAL } from './entityTypes';
import type { Country, Division, Entity, EntityDetail, EntityType, GovernanceNode, MapPoint, Paged, RegistryStats, SearchResult } from './types';

/** Every registry query key starts with this, so a write can refresh all of them. */
export const registryKey = ['registry'] as const;
const REFERENCE = { staleTime: 10 * 60_000 };

export const listQuery = (type: EntityType, query: Query) =>
  queryOptions({ queryKey: [...registryKey, 'list', type, query], queryFn: () => get<Paged<Entity>>(entityApiPath(type), query) });

export const entityQuery = (type: EntityType, id: string) =>
  queryOptions({ queryKey: [...registryKey, 'entity', type, id], queryFn: () => get<EntityDetail>(entityApiPath(type, id)) });

export const searchQuery = (query: Query) =>
  queryOptions({ queryKey: [...registryKey, 'search', query], queryFn: () => get<SearchResult>('/api/v1/search', query) });

export const mapPointsQuery = (query: Query) =>
  queryOptions({ queryKey: [...registryKey, 'map', query], queryFn: () => get<Paged<MapPoint>>('/api/v1/map/points', query) });

export const governanceQuery = queryOptions({
  queryKey: [...registryKey, 'governance'],
  queryFn: () => get<{ items: GovernanceNode[] }>('/api/v1/governance'),
});

export const statsQuery = queryOptions({ queryKey: [...registryKey, 'stats'], queryFn: () => get<RegistryStats>('/api/v1/registry/stats') });

export const divisionsQuery = queryOptions({
  queryKey: [...registryKey, 'divisions'],
  queryFn: () => get<Paged<Division>>('/api/v1/divisions'),
  ...REFERENCE,
});

export const countriesQuery = queryOptions({
  queryKey: [...registryKey, 'countries'],
  queryFn: () => get<Paged<Country>>('/api/v1/countries'),
  ...REFERENCE,
});

/** The address of a CSV or XLSX export of a list with its current filters. */
export function exportHref(type: EntityType, format: 'csv' | 'xlsx', query: Query): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && k !== 'limit' && k !== 'offset') params.set(k, String(v));
  return `/api/v1/${PLURAL[type]}/export?${params}`;
}
