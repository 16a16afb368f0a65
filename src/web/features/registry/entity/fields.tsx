import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Language } from '../../../../shared/roles';
import { formatDateTime, formatNumber } from '../../../app/format';
import { formatPartialDate, formatPercent, formatUsd, scriptOf } from '../format';
import { scriptAttrs } from '../names';
import type { Entity, EntityType } from '../types';
import type { Labels } from '../useLabels';

export type FieldContext = { labels: Labels; lng: Language; t: TFunction };
/** One row of the record's facts sheet: its label key and how its value reads (null: not recorded). */
export type FieldSpec = { field: string; render: (value: unknown, e: Entity, c: FieldContext) => ReactNode };

const isSet = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
const guard =
  (fn: (v: unknown, e: Entity, c: FieldContext) => ReactNode) =>
  (v: unknown, e: Entity, c: FieldContext): ReactNode =>
    isSet(v) ? fn(v, e, c) : null;

const text = (field: string): FieldSpec => ({ field, render: guard((v) => <span lang="en">{String(v)}</span>) });
const ltr = (field: string): FieldSpec => ({ field, render: guard((v) => <span dir="ltr">{String(v)}</span>) });
const num = (field: string, unitKey?: string): FieldSpec => ({
  field,
  render: guard((v, _e, c) => (unitKey ? c.t(unitKey, { value: formatNumber(Number(v), c.lng) }) : formatNumber(Number(v), c.lng))),
});
const date = (field: string): FieldSpec => ({ field, render: guard((v, _e, c) => formatPartialDate(v, c.lng)) });
const kind: FieldSpec = { field: 'kind', render: guard((v, _e, c) => c.labels.kind(String(v))) };
const bool = (field: string): FieldSpec => ({ field, render: (v, _e, c) => c.t(v ? 'registry.yes' : 'registry.no') });
const oneOf = (field: string, group: string): FieldSpec => ({ field, render: guard((v, _e, c) => c.t(`registry.${group}.${v}`, { defaultValue: String(v) })) });

const COMMON_HEAD: FieldSpec[] = [
  { field: 'nativeName', render: guard((v) => <span {...scriptAttrs(scriptOf(String(v)))}>{String(v)}</span>) },
  text('abbreviation'),
  { field: 'country', render: guard((v, _e, c) => c.labels.country(String(v))) },
  { field: 'province', render: guard((v, _e, c) => c.labels.division(String(v))) },
  { field: 'city', render: guard((v, _e, c) => c.labels.division(String(v))) },
  {
    field: 'coordinates',
    render: (_v, e, c) =>
      typeof e.lat === 'number' && typeof e.lon === 'number' ? <span dir="ltr">{`${formatNumber(e.lat, c.lng)}, ${formatNumber(e.lon, c.lng)}`}</span> : null,
  },
  {
    field: 'website',
    render: guard((v) => (
      <Anchor href={String(v)} target="_blank" rel="noreferrer" dir="ltr">
        {String(v)}
      </Anchor>
    )),
  },
];

const COMMON_TAIL: FieldSpec[] = [
  ltr('key'),
  bool('synthetic'),
  { field: 'createdAt', render: guard((v, _e, c) => formatDateTime(String(v), c.lng)) },
  { field: 'updatedAt', render: guard((v, _e, c) => formatDateTime(String(v), c.lng)) },
];

const OWN: Record<EntityType, FieldSpec[]> = {
  zone: [
    kind,
    date('approvedOn'),
    text('approvedBy'),
    num('areaKm2', 'registry.units.km2'),
    { field: 'focusIndustries', render: guard((v) => <span lang="en">{(v as string[]).join(', ')}</span>) },
    num('companyCount'),
    num('memberParkCount'),
    num('appendixNo'),
  ],
  incubator: [
    kind,
    oneOf('level', 'levels'),
    oneOf('ownership', 'ownerships'),
    date('foundedOn'),
    num('spaceM2', 'registry.units.m2'),
    {
      field: 'certifications',
      render: guard((v) => <span lang="en">{(v as { name: string; year: number }[]).map((c) => `${c.name} (${c.year})`).join('; ')}</span>),
    },
  ],
  enterprise: [
    { field: 'sector', render: guard((v, _e, c) => c.labels.sector(String(v))) },
    date('foundedOn'),
    num('employees'),
    num('technicalStaff'),
    { field: 'domesticOwnershipPct', render: guard((v, _e, c) => formatPercent(Number(v) / 100, c.lng)) },
    oneOf('tenancyStatus', 'tenancy'),
    date('certifiedHighTechOn'),
    { field: 'valuationUsd', render: guard((v, _e, c) => formatUsd(v, c.lng, c.t)) },
    bool('listed'),
  ],
  institution: [kind],
  investor: [kind],
  person: [
    text('title'),
    text('publicRole'),
    {
      field: 'roles',
      render: guard((v, _e, c) => (v as string[]).map((r) => c.t(`registry.personRoles.${r}`, { defaultValue: r })).join(c.t('registry.listSeparator'))),
    },
    ltr('email'),
    ltr('phone'),
  ],
};

export const fieldsOf = (type: EntityType): FieldSpec[] => [...COMMON_HEAD, ...OWN[type], ...COMMON_TAIL];
