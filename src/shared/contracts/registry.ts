import { z } from 'zod';
import { ListQuery } from './common';

/** The vocabularies of the registry (PRODUCT.md module 1; GLOSSARY.md). */
export const ENTITY_TYPES = ['zone', 'incubator', 'enterprise', 'institution', 'person', 'investor'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const ZONE_KINDS = [
  'national_hightech_zone',
  'provincial_zone',
  'special_technology_zone',
  'specialized_industrial_base',
  'software_park',
  'overseas_science_park',
  'innovation_demonstration_zone',
  'member_park',
  'science_park',
  'industrial_park',
  'startup_street',
] as const;
export const INCUBATOR_KINDS = [
  'technology_business_incubator',
  'university_science_park',
  'international_business_incubator',
  'makerspace',
  'sector_specific',
  'returned_scholars',
] as const;
export const INSTITUTION_KINDS = [
  'university',
  'oric',
  'state_key_lab',
  'research_institute',
  'tech_transfer_agency',
  'productivity_promotion_centre',
  'testing_body',
  'ministry_agency',
  'association',
  'embassy',
  'government_body',
  'exchange',
  'company',
  'international_organization',
  'training_centre',
  'service_platform',
] as const;
export const INVESTOR_KINDS = ['vc_fund', 'angel', 'bank', 'guiding_fund', 'fund_of_funds', 'seed_fund'] as const;
/** China's high-tech fields, the taxonomy enterprises are classified by. */
export const SECTORS = [
  'electronic_information',
  'biomedicine',
  'aerospace',
  'new_materials',
  'hightech_services',
  'new_energy',
  'resources_environment',
  'advanced_manufacturing',
] as const;
export const STAGES = ['registered', 'incubated', 'graduated', 'certified_high_tech', 'gazelle', 'unicorn', 'listed'] as const;
export const PERSON_ROLES = ['official', 'expert', 'focal_person', 'delegate', 'trainer', 'mentor'] as const;

export const Names = z.strictObject({
  en: z.string().trim().min(1).max(300),
  zh: z.string().trim().min(1).max(300).optional(),
  ur: z.string().trim().min(1).max(300).optional(),
});
export const PartialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'validation.partial_date');
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'validation.country_code');
export const Fact = z.object({ field: z.string().optional(), value: z.union([z.string(), z.number()]).optional(), text: z.string(), source: z.string() });

const common = {
  /** A stable slug for imports and reference data, e.g. zone:zhongguancun. */
  key: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[\p{L}\p{N}:._-]+$/u, 'validation.key_chars')
    .nullish(),
  names: Names,
  nativeName: z.string().trim().max(300).nullish(),
  abbreviation: z.string().trim().max(40).nullish(),
  country: CountryCode,
  province: z.string().max(20).nullish(),
  city: z.string().max(20).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
  website: z.url().max(500).nullish(),
  description: z.strictObject({ en: z.string().max(4000).optional(), zh: z.string().max(4000).optional(), ur: z.string().max(4000).optional() }).nullish(),
  source: z.string().max(500).nullish(),
};

export const ZoneInput = z.strictObject({
  ...common,
  kind: z.enum(ZONE_KINDS),
  parentId: z.uuid().nullish(),
  governingBodyId: z.uuid().nullish(),
  approvedOn: PartialDate.nullish(),
  approvedBy: z.string().max(200).nullish(),
  areaKm2: z.number().positive().max(1e6).nullish(),
  focusIndustries: z.array(z.string().max(100)).max(50).optional(),
  companyCount: z.number().int().min(0).nullish(),
  memberParkCount: z.number().int().min(0).nullish(),
});
export const IncubatorInput = z.strictObject({
  ...common,
  kind: z.enum(INCUBATOR_KINDS),
  level: z.enum(['national', 'provincial']).nullish(),
  ownership: z.enum(['state', 'private', 'university']).nullish(),
  hostZoneId: z.uuid().nullish(),
  foundedOn: PartialDate.nullish(),
  spaceM2: z.number().positive().max(1e8).nullish(),
  certifications: z
    .array(z.strictObject({ name: z.string().min(1).max(200), year: z.number().int().min(1900).max(2100) }))
    .max(50)
    .optional(),
});
export const EnterpriseInput = z.strictObject({
  ...common,
  foundedOn: PartialDate.nullish(),
  sector: z.enum(SECTORS).nullish(),
  employees: z.number().int().min(0).max(10_000_000).nullish(),
  technicalStaff: z.number().int().min(0).max(10_000_000).nullish(),
  domesticOwnershipPct: z.number().min(0).max(100).nullish(),
  hostZoneId: z.uuid().nullish(),
  incubatorId: z.uuid().nullish(),
  tenancyStatus: z.enum(['tenant', 'graduated']).nullish(),
  certifiedHighTechOn: PartialDate.nullish(),
  valuationUsd: z.number().min(0).nullish(),
  listed: z.boolean().optional(),
  revenueHistory: z
    .array(z.strictObject({ year: z.number().int().min(1900).max(2100), revenue: z.number().min(0) }))
    .max(100)
    .optional(),
});
export const InstitutionInput = z.strictObject({ ...common, kind: z.enum(INSTITUTION_KINDS), parentId: z.uuid().nullish() });
export const InvestorInput = z.strictObject({ ...common, kind: z.enum(INVESTOR_KINDS) });
export const PersonInput = z.strictObject({
  ...common,
  title: z.string().max(100).nullish(),
  publicRole: z.string().max(300).nullish(),
  roles: z.array(z.enum(PERSON_ROLES)).max(10).optional(),
  email: z.email().nullish(),
  phone: z.string().max(40).nullish(),
});

export const ENTITY_INPUTS = {
  zone: ZoneInput,
  incubator: IncubatorInput,
  enterprise: EnterpriseInput,
  institution: InstitutionInput,
  investor: InvestorInput,
  person: PersonInput,
} as const;

/** What the API returns for any registry entity: the stored fields plus id, type and provenance. */
export const Entity = z.looseObject({
  id: z.uuid(),
  type: z.enum(ENTITY_TYPES),
  key: z.string().nullable(),
  names: z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() }),
  country: z.string(),
  synthetic: z.boolean(),
  source: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Entity = z.infer<typeof Entity>;

export const EntityListQuery = ListQuery.extend({
  kind: z.string().max(60).optional(),
  country: CountryCode.optional(),
  province: z.string().max(20).optional(),
  sector: z.enum(SECTORS).optional(),
  stage: z.enum(STAGES).optional(),
  zoneId: z.uuid().optional(),
  incubatorId: z.uuid().optional(),
  synthetic: z.enum(['include', 'exclude', 'only']).default('include'),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  type: z
    .union([z.enum(ENTITY_TYPES), z.array(z.enum(ENTITY_TYPES))])
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat())),
  country: CountryCode.optional(),
  province: z.string().max(20).optional(),
  kind: z.string().max(60).optional(),
  sector: z.enum(SECTORS).optional(),
  stage: z.enum(STAGES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const HighlightSegment = z.object({ text: z.string(), match: z.boolean() });
export const SearchHit = z.object({
  type: z.enum(ENTITY_TYPES),
  id: z.uuid(),
  names: z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() }),
  kind: z.string().nullable(),
  country: z.string(),
  province: z.string().nullable(),
  synthetic: z.boolean(),
  score: z.number(),
  highlight: z.object({ en: z.array(HighlightSegment), zh: z.array(HighlightSegment).optional(), ur: z.array(HighlightSegment).optional() }),
});
export const SearchResult = z.object({ items: z.array(SearchHit), total: z.number().int(), totalIsLowerBound: z.boolean() });
