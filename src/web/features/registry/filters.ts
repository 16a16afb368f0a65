import { ENTITY_TYPES, SECTORS, STAGES } from '../../../shared/contracts/registry';
import type { EntityType } from './types';

/** The filters the lists and the search share; each is a URL search parameter. */
export type Filters = { type?: EntityType; country?: string; province?: string; kind?: string; sector?: string; stage?: string };
export const FILTER_NAMES = ['country', 'province', 'kind', 'sector', 'stage'] as const;

const text = (v: unknown, max = 60) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => ((list as readonly unknown[]).includes(v) ? (v as T) : undefined);
const offsetOf = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function parseFilters(s: Record<string, unknown>): Filters {
  return {
    type: oneOf(ENTITY_TYPES, s.type),
    country: text(s.country, 2)?.toUpperCase(),
    province: text(s.province, 20),
    kind: text(s.kind),
    sector: oneOf(SECTORS, s.sector),
    stage: oneOf(STAGES, s.stage),
  };
}

export type SearchParams = Filters & { q?: string; offset?: number };
export function parseSearchParams(s: Record<string, unknown>): SearchParams {
  return { ...parseFilters(s), q: text(s.q, 200), offset: offsetOf(s.offset) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

/** A list's parameters; zoneId and incubatorId narrow it to what a zone or an incubator hosts. */
export type ListParams = Omit<Filters, 'type'> & { q?: string; sort?: string; offset?: number; zoneId?: string; incubatorId?: string };
export function parseListParams(s: Record<string, unknown>): ListParams {
  const { type: _, ...filters } = parseFilters(s);
  return { ...filters, q: text(s.q, 200), sort: text(s.sort, 40), offset: offsetOf(s.offset), zoneId: uuid(s.zoneId), incubatorId: uuid(s.incubatorId) };
}

/** Drops filters that do not apply to a type (a sector on zones), so a query never filters on nothing. */
export function applicable(type: EntityType | undefined, f: Filters): Filters {
  const out: Filters = { ...f };
  if (type !== 'enterprise') {
    delete out.sector;
    delete out.stage;
  }
  if (type === 'enterprise' || type === 'person' || !type) delete out.kind;
  return out;
}
