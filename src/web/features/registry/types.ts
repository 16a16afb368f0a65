import type { EntityType } from '../../../shared/contracts/registry';

export type { EntityType };
export type Names = { en: string; zh?: string; ur?: string };
export type Paged<T> = { items: T[]; total: number };

/** Another entity as a relation names it: enough for a link. */
export type Summary = { type: EntityType; id: string; names: Names; kind?: string | null };
export type Fact = { field?: string; value?: string | number; text: string; source: string };
export type StageReason = { rule: string; params?: Record<string, unknown> };

/** A registry entity as the API returns it: the common fields, the type's own fields, provenance. */
export type Entity = {
  id: string;
  type: EntityType;
  key: string | null;
  names: Names;
  country: string;
  province?: string | null;
  city?: string | null;
  kind?: string | null;
  synthetic: boolean;
  source: string | null;
  facts?: Fact[];
  description?: Partial<Names> | null;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
};

export type GovernanceLink = { direction: 'overseenBy' | 'oversees'; relation: string; source: string | null; other: Summary | null };
export type Membership = { position: string | null; person: Summary | null };
export type Affiliation = { position: string | null; org: Summary | null };

export type Relations = {
  parent?: Summary | null;
  governingBody?: Summary | null;
  memberParks?: Summary[];
  incubators?: (Summary & { lat: number | null; lon: number | null; city: string | null })[];
  enterpriseCount?: number;
  hostZone?: Summary | null;
  incubator?: Summary | null;
  tenants?: (Summary & { stage: string | null; tenancyStatus: string | null })[];
  children?: Summary[];
  affiliations?: Affiliation[];
  members?: Membership[];
  governance?: GovernanceLink[];
};

export type EntityDetail = Entity & { relations: Relations };

export type HighlightSegment = { text: string; match: boolean };
export type SearchHit = {
  type: EntityType;
  id: string;
  names: Names;
  kind: string | null;
  country: string;
  province: string | null;
  synthetic: boolean;
  score: number;
  highlight: { en: HighlightSegment[]; zh?: HighlightSegment[]; ur?: HighlightSegment[] };
};
export type SearchResult = { items: SearchHit[]; total: number; totalIsLowerBound: boolean };

export type GovernanceNode = Summary & { relation: string | null; source: string | null; children: GovernanceNode[] };

export type MapPoint = {
  type: 'zone' | 'incubator';
  id: string;
  names: Names;
  kind: string;
  country: string;
  lat: number;
  lon: number;
  hostZoneId: string | null;
  approximate: boolean;
};

export type Division = {
  code: string;
  country: string;
  level: 'province' | 'city';
  parent: string | null;
  names: Names;
  lat: number | null;
  lon: number | null;
};
export type Country = { code: string; names: Names };

export type RegistryStats = {
  zonesByProvince: { province: string | null; names: Names | null; count: number }[];
  foundingTimeline: { year: number; zones: number; incubators: number }[];
  counts: { type: EntityType; count: number; synthetic: number }[];
};

export type ImportError = { row: number; column: string; message: string };
export type ImportResult = {
  dryRun: boolean;
  rows: number;
  valid: number;
  created: number;
  updated: number;
  errors: ImportError[];
  indexing?: 'done' | 'queued';
};
