import { ENTITY_TYPES, INCUBATOR_KINDS, INSTITUTION_KINDS, INVESTOR_KINDS, type EntityType, ZONE_KINDS } from '../../../shared/contracts/registry';

/** The URL segment of each type, in the API (/api/v1/people) and in the directory (/directory/people). */
export const PLURAL: Record<EntityType, string> = {
  zone: 'zones',
  incubator: 'incubators',
  enterprise: 'enterprises',
  institution: 'institutions',
  person: 'people',
  investor: 'investors',
};

export function typeOfPlural(plural: string): EntityType | null {
  return ENTITY_TYPES.find((t) => PLURAL[t] === plural) ?? null;
}

/**
 * The kinds a record of each type may have. The reference data set adds a few kinds to the API's base
 * vocabularies (src/server/modules/registry/reference/reference.schema.ts: EXTRA_*_KINDS); they are listed
 * here too so that filters offer them and labels translate them.
 */
export const KINDS: Record<EntityType, readonly string[]> = {
  zone: [...ZONE_KINDS, 'innovation_demonstration_zone', 'member_park', 'science_park', 'industrial_park', 'startup_street'],
  incubator: INCUBATOR_KINDS,
  institution: [...INSTITUTION_KINDS, 'international_organization', 'training_centre', 'service_platform'],
  investor: [...INVESTOR_KINDS, 'seed_fund'],
  enterprise: [],
  person: [],
};

export const entityApiPath = (type: EntityType, id?: string) => `/api/v1/${PLURAL[type]}${id ? `/${id}` : ''}`;
