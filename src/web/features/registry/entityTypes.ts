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

/** The kinds a record of each type may have: the API's vocabularies, for filters and labels. */
export const KINDS: Record<EntityType, readonly string[]> = {
  zone: ZONE_KINDS,
  incubator: INCUBATOR_KINDS,
  institution: INSTITUTION_KINDS,
  investor: INVESTOR_KINDS,
  enterprise: [],
  person: [],
};

export const entityApiPath = (type: EntityType, id?: string) => `/api/v1/${PLURAL[type]}${id ? `/${id}` : ''}`;
