import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns';

export type Names = { en: string; zh?: string; ur?: string };
export type Fact = { field?: string; value?: string | number; text: string; source: string };

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Columns every registry entity shares: identity, names in three scripts, place, provenance. */
const entityColumns = () => ({
  id: idColumn(),
  key: text('key').unique(),
  names: jsonb('names').$type<Names>().notNull(),
  nativeName: text('native_name'),
  abbreviation: text('abbreviation'),
  country: text('country').notNull(),
  province: text('province'),
  city: text('city'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  website: text('website'),
  description: jsonb('description').$type<Partial<Names>>(),
  facts: jsonb('facts').$type<Fact[]>().notNull().default([]),
  source: text('source'),
  synthetic: boolean('synthetic').notNull().default(false),
  ...timestamps(),
});

export const countries = pgTable('countries', {
  code: text('code').primaryKey(),
  names: jsonb('names').$type<Names>().notNull(),
});

/** Provinces and cities: GB/T 2260 codes in China, ISO 3166-2 based codes elsewhere. */
export const divisions = pgTable(
  'divisions',
  {
    code: text('code').primaryKey(),
    country: text('country').notNull(),
    level: text('level').notNull(),
    parent: text('parent'),
    names: jsonb('names').$type<Names>().notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
  },
  (t) => [index('divisions_country_idx').on(t.country, t.level)],
);

export const institutions = pgTable(
  'institutions',
  { ...entityColumns(), kind: text('kind').notNull(), parentId: uuid('parent_id') },
  (t) => [index('institutions_kind_idx').on(t.kind), index('institutions_parent_idx').on(t.parentId)],
);

export const zones = pgTable(
  'zones',
  {
    ...entityColumns(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    governingBodyId: uuid('governing_body_id'),
    approvedOn: text('approved_on'),
    approvedBy: text('approved_by'),
    areaKm2: numeric('area_km2', { mode: 'number' }),
    focusIndustries: text('focus_industries').array().notNull().default(sql`'{}'::text[]`),
    companyCount: integer('company_count'),
    memberParkCount: integer('member_park_count'),
    appendixNo: integer('appendix_no'),
  },
  (t) => [index('zones_kind_idx').on(t.kind), index('zones_parent_idx').on(t.parentId), index('zones_province_idx').on(t.province)],
);

export const incubators = pgTable(
  'incubators',
  {
    ...entityColumns(),
    kind: text('kind').notNull(),
    level: text('level'),
    ownership: text('ownership'),
    hostZoneId: uuid('host_zone_id'),
    foundedOn: text('founded_on'),
    spaceM2: numeric('space_m2', { mode: 'number' }),
    certifications: jsonb('certifications').$type<{ name: string; year: number }[]>().notNull().default([]),
  },
  (t) => [index('incubators_zone_idx').on(t.hostZoneId), index('incubators_kind_idx').on(t.kind)],
);

export const enterprises = pgTable(
  'enterprises',
  {
    ...entityColumns(),
    foundedOn: text('founded_on'),
    sector: text('sector'),
    employees: integer('employees'),
    technicalStaff: integer('technical_staff'),
    domesticOwnershipPct: numeric('domestic_ownership_pct', { mode: 'number' }),
    hostZoneId: uuid('host_zone_id'),
    incubatorId: uuid('incubator_id'),
    tenancyStatus: text('tenancy_status'),
    certifiedHighTechOn: text('certified_high_tech_on'),
    valuationUsd: numeric('valuation_usd', { mode: 'number' }),
    listed: boolean('listed').notNull().default(false),
    unicornFact: boolean('unicorn_fact').notNull().default(false),
    revenueHistory: jsonb('revenue_history').$type<{ year: number; revenue: number }[]>().notNull().default([]),
    stage: text('stage').notNull().default('registered'),
    stageReason: jsonb('stage_reason').$type<{ rule: string; params?: Record<string, unknown> }>(),
  },
  (t) => [
    index('enterprises_zone_idx').on(t.hostZoneId),
    index('enterprises_incubator_idx').on(t.incubatorId),
    index('enterprises_stage_idx').on(t.stage),
    index('enterprises_sector_idx').on(t.sector),
  ],
);

export const investors = pgTable('investors', { ...entityColumns(), kind: text('kind').notNull() }, (t) => [index('investors_kind_idx').on(t.kind)]);

/** Mentors, experts, focal persons, officials. Contact details are private fields. */
export const people = pgTable(
  'people',
  {
    ...entityColumns(),
    title: text('title'),
    publicRole: text('public_role'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    phone: text('phone'),
  },
  (t) => [index('people_roles_idx').using('gin', t.roles)],
);

export const affiliations = pgTable(
  'affiliations',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgType: text('org_type').notNull(),
    orgId: uuid('org_id').notNull(),
    position: text('position'),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('affiliations_person_idx').on(t.personId), index('affiliations_org_idx').on(t.orgType, t.orgId)],
);

/** Who oversees whom: State Council → MOST → Torch Center → provincial department → zone committee. */
export const governanceLinks = pgTable(
  'governance_links',
  {
    id: idColumn(),
    parentType: text('parent_type').notNull(),
    parentId: uuid('parent_id').notNull(),
    childType: text('child_type').notNull(),
    childId: uuid('child_id').notNull(),
    relation: text('relation').notNull(),
    source: text('source'),
    ...timestamps(),
  },
  (t) => [index('governance_parent_idx').on(t.parentType, t.parentId), index('governance_child_idx').on(t.childType, t.childId)],
);

/**
 * One row per entity, kept in step by the registry's writes: what search reads.
 * `terms` holds every name's words (English, jieba-segmented Chinese, pinyin, Urdu) for full-text.
 * One GIN index covers the words and the common filters together (type, country, province, through
 * btree_gin), so a common word under a rare filter (software in FR) is answered from the index without
 * visiting rows. Kind, sector and stage filter the rows found: each column more costs every write.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    names: jsonb('names').$type<Names>().notNull(),
    kind: text('kind'),
    country: text('country').notNull(),
    province: text('province'),
    sector: text('sector'),
    stage: text('stage'),
    synthetic: boolean('synthetic').notNull().default(false),
    terms: tsvector('terms').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entityType, t.entityId] }),
    index('search_match_idx').using('gin', t.terms, t.entityType, t.country, t.province),
  ],
);

/**
 * Every word the search entries were ever indexed by, kept by a trigger on search_entries (migration
 * 0004_search_words). Small beside the entries (the vocabulary, not the entities): a misspelt word is corrected by
 * trigram similarity here, and a typed prefix expanded to whole words, before full text runs. No unique
 * constraint, so that writers never wait on one another's new words; a rare duplicate is harmless.
 */
export const searchWords = pgTable(
  'search_words',
  { word: text('word').notNull() },
  (t) => [index('search_words_word_idx').using('btree', sql`${t.word} text_pattern_ops`), index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
);
