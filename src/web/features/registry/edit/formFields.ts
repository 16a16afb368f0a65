import { SECTORS } from '../../../../shared/contracts/registry';
import { KINDS } from '../entityTypes';
import type { EntityType } from '../types';

/** One editable field: how it is entered, and for choices the values and the catalogue group of their labels. */
export type FormField = {
  field: string;
  input: 'text' | 'number' | 'integer' | 'date' | 'choice' | 'boolean' | 'ltr';
  options?: readonly string[];
  /** Catalogue group of option labels: registry.<group>.<value> */
  group?: string;
  required?: boolean;
};

const COMMON: FormField[] = [
  { field: 'nativeName', input: 'text' },
  { field: 'abbreviation', input: 'text' },
  { field: 'country', input: 'ltr', required: true },
  { field: 'province', input: 'ltr' },
  { field: 'city', input: 'ltr' },
  { field: 'lat', input: 'number' },
  { field: 'lon', input: 'number' },
  { field: 'website', input: 'ltr' },
  { field: 'source', input: 'ltr' },
];

const kind = (type: EntityType): FormField => ({ field: 'kind', input: 'choice', options: KINDS[type], group: 'kinds', required: true });

const OWN: Record<EntityType, FormField[]> = {
  zone: [
    kind('zone'),
    { field: 'approvedOn', input: 'date' },
    { field: 'approvedBy', input: 'text' },
    { field: 'areaKm2', input: 'number' },
    { field: 'companyCount', input: 'integer' },
    { field: 'memberParkCount', input: 'integer' },
  ],
  incubator: [
    kind('incubator'),
    { field: 'level', input: 'choice', options: ['national', 'provincial'], group: 'levels' },
    { field: 'ownership', input: 'choice', options: ['state', 'private', 'university'], group: 'ownerships' },
    { field: 'foundedOn', input: 'date' },
    { field: 'spaceM2', input: 'number' },
  ],
  enterprise: [
    { field: 'sector', input: 'choice', options: SECTORS, group: 'sectors' },
    { field: 'foundedOn', input: 'date' },
    { field: 'employees', input: 'integer' },
    { field: 'technicalStaff', input: 'integer' },
    { field: 'domesticOwnershipPct', input: 'number' },
    { field: 'tenancyStatus', input: 'choice', options: ['tenant', 'graduated'], group: 'tenancy' },
    { field: 'certifiedHighTechOn', input: 'date' },
    { field: 'valuationUsd', input: 'number' },
    { field: 'listed', input: 'boolean' },
  ],
  institution: [kind('institution')],
  investor: [kind('investor')],
  person: [
    { field: 'title', input: 'text' },
    { field: 'publicRole', input: 'text' },
    { field: 'email', input: 'ltr' },
    { field: 'phone', input: 'ltr' },
  ],
};

export const formFieldsOf = (type: EntityType): FormField[] => [...OWN[type], ...COMMON];

export type FormValues = Record<string, string | boolean>;
const SCRIPTS = ['en', 'zh', 'ur'] as const;

/** The record as form values: every field a string (or a boolean), names and descriptions split by script. */
export function toFormValues(type: EntityType, e: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  const names = (e.names ?? {}) as Record<string, string>;
  const desc = (e.description ?? {}) as Record<string, string>;
  for (const s of SCRIPTS) {
    out[`name_${s}`] = names[s] ?? '';
    out[`description_${s}`] = desc[s] ?? '';
  }
  for (const f of formFieldsOf(type)) {
    const v = e[f.field];
    out[f.field] = f.input === 'boolean' ? v === true : v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** What changed, as the API's PATCH body: empty text clears a field (null); numbers are numbers. */
export function changesOf(type: EntityType, before: FormValues, after: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const bySc = (prefix: string, v: FormValues) => Object.fromEntries(SCRIPTS.map((s) => [s, String(v[`${prefix}_${s}`]).trim()]).filter(([, x]) => x));
  if (SCRIPTS.some((s) => before[`name_${s}`] !== after[`name_${s}`])) body.names = bySc('name', after);
  if (SCRIPTS.some((s) => before[`description_${s}`] !== after[`description_${s}`])) {
    const d = bySc('description', after);
    body.description = Object.keys(d).length ? d : null;
  }
  for (const f of formFieldsOf(type)) {
    const v = after[f.field];
    if (v === before[f.field]) continue;
    if (f.input === 'boolean') body[f.field] = v === true;
    else if (String(v).trim() === '') body[f.field] = null;
    else if (f.input === 'number' || f.input === 'integer') body[f.field] = Number(String(v).trim().replace(',', '.'));
    else body[f.field] = String(v).trim();
  }
  return body;
}
