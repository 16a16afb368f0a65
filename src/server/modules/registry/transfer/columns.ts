import type { EntityType } from '../../../../shared/contracts/registry';

/**
 * The columns of each entity's import template and export, in order. A column maps to a field of the
 * entity's input schema; `ref` columns take a key (e.g. zone:zhongguancun) or an id and resolve to an id.
 */
export type Column = {
  name: string;
  field: string;
  kind: 'text' | 'number' | 'integer' | 'boolean' | 'list' | 'ref';
  refType?: EntityType;
  /** Nested path for names.en / names.zh / names.ur / description.en */
  path?: [string, string];
};

const text = (name: string, field = name): Column => ({ name, field, kind: 'text' });
const num = (name: string, field = name): Column => ({ name, field, kind: 'number' });
const int = (name: string, field = name): Column => ({ name, field, kind: 'integer' });
const ref = (name: string, field: string, refType: EntityType): Column => ({ name, field, kind: 'ref', refType });

const COMMON: Column[] = [
  text('key'),
  { name: 'name_en', field: 'names', kind: 'text', path: ['names', 'en'] },
  { name: 'name_zh', field: 'names', kind: 'text', path: ['names', 'zh'] },
  { name: 'name_ur', field: 'names', kind: 'text', path: ['names', 'ur'] },
  text('native_name', 'nativeName'),
  text('abbreviation'),
  text('country'),
  text('province'),
  text('city'),
  num('lat'),
  num('lon'),
  text('website'),
  { name: 'description_en', field: 'description', kind: 'text', path: ['description', 'en'] },
  text('source'),
];

export const COLUMNS: Record<EntityType, Column[]> = {
  zone: [
    ...COMMON,
    text('kind'),
    ref('parent', 'parentId', 'zone'),
    ref('governing_body', 'governingBodyId', 'institution'),
    text('approved_on', 'approvedOn'),
    text('approved_by', 'approvedBy'),
    num('area_km2', 'areaKm2'),
    { name: 'focus_industries', field: 'focusIndustries', kind: 'list' },
    int('company_count', 'companyCount'),
    int('member_park_count', 'memberParkCount'),
  ],
  incubator: [
    ...COMMON,
    text('kind'),
    text('level'),
    text('ownership'),
    ref('host_zone', 'hostZoneId', 'zone'),
    text('founded_on', 'foundedOn'),
    num('space_m2', 'spaceM2'),
  ],
  enterprise: [
    ...COMMON,
    text('founded_on', 'foundedOn'),
    text('sector'),
    int('employees'),
    int('technical_staff', 'technicalStaff'),
    num('domestic_ownership_pct', 'domesticOwnershipPct'),
    ref('host_zone', 'hostZoneId', 'zone'),
    ref('incubator', 'incubatorId', 'incubator'),
    text('tenancy_status', 'tenancyStatus'),
    text('certified_high_tech_on', 'certifiedHighTechOn'),
    num('valuation_usd', 'valuationUsd'),
    { name: 'listed', field: 'listed', kind: 'boolean' },
  ],
  institution: [...COMMON, text('kind'), ref('parent', 'parentId', 'institution')],
  investor: [...COMMON, text('kind')],
  person: [...COMMON, text('title'), text('public_role', 'publicRole'), { name: 'roles', field: 'roles', kind: 'list' }, text('email'), text('phone')],
};
