import type { ReactNode } from 'react';
import type { Language } from '../../../../shared/roles';
import { formatNumber } from '../../../app/format';
import { formatPartialDate } from '../format';
import type { Entity, EntityType } from '../types';
import type { Labels } from '../useLabels';

/** A column of a list: its header (catalogue key), the API sort field if sortable, and the cell. */
export type ListColumn = { id: string; labelKey: string; sort?: string; cell: (e: Entity, labels: Labels, lng: Language) => ReactNode };

const num = (v: unknown, lng: Language) => (typeof v === 'number' ? formatNumber(v, lng) : '');
const str = (v: unknown) => (typeof v === 'string' ? v : '');

const kind: ListColumn = { id: 'kind', labelKey: 'registry.fields.kind', cell: (e, l) => l.kind(e.kind) };
const country: ListColumn = { id: 'country', labelKey: 'registry.fields.country', sort: 'country', cell: (e, l) => l.country(e.country) };
const province: ListColumn = { id: 'province', labelKey: 'registry.fields.province', sort: 'province', cell: (e, l) => l.division(e.province) };
const founded: ListColumn = {
  id: 'foundedOn',
  labelKey: 'registry.fields.foundedOn',
  sort: 'foundedOn',
  cell: (e, _l, lng) => formatPartialDate(e.foundedOn, lng),
};

/** The columns after the name, per type. */
export const COLUMNS: Record<EntityType, ListColumn[]> = {
  zone: [
    kind,
    province,
    country,
    { id: 'approvedOn', labelKey: 'registry.fields.approvedOn', sort: 'approvedOn', cell: (e, _l, lng) => formatPartialDate(e.approvedOn, lng) },
    { id: 'areaKm2', labelKey: 'registry.fields.areaKm2', sort: 'areaKm2', cell: (e, _l, lng) => num(e.areaKm2, lng) },
  ],
  incubator: [kind, province, country, founded],
  enterprise: [
    { id: 'sector', labelKey: 'registry.fields.sector', cell: (e, l) => l.sector(str(e.sector)) },
    { id: 'stage', labelKey: 'registry.fields.stage', cell: (e, l) => l.stage(str(e.stage)) },
    province,
    country,
    founded,
    { id: 'employees', labelKey: 'registry.fields.employees', sort: 'employees', cell: (e, _l, lng) => num(e.employees, lng) },
  ],
  institution: [kind, province, country],
  person: [
    { id: 'title', labelKey: 'registry.fields.title', cell: (e) => <span lang="en">{str(e.title)}</span> },
    { id: 'publicRole', labelKey: 'registry.fields.publicRole', cell: (e) => <span lang="en">{str(e.publicRole)}</span> },
    country,
  ],
  investor: [kind, country],
};
