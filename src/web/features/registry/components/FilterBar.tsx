import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, SECTORS, STAGES } from '../../../../shared/contracts/registry';
import { useLanguage } from '../../../app/useLanguage';
import { KINDS } from '../entityTypes';
import { applicable, type Filters } from '../filters';
import { nameText } from '../names';
import { countriesQuery, divisionsQuery } from '../queries';
import type { EntityType } from '../types';
import { useLabels } from '../useLabels';

type Props = {
  value: Filters;
  onChange: (next: Filters) => void;
  /** The list's own type (no type choice), or undefined for the search (type is a filter). */
  fixedType?: EntityType;
};

/** Type, country, province, kind, sector and stage: the filters that apply to the chosen type. */
export function FilterBar({ value, onChange, fixedType }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const countries = useQuery(countriesQuery).data?.items ?? [];
  const divisions = useQuery(divisionsQuery).data?.items ?? [];
  const type = fixedType ?? value.type;
  const set = (patch: Partial<Filters>) => {
    const next = { ...value, ...patch };
    onChange(applicable(fixedType ?? next.type, next));
  };
  const all = { value: '', label: t('filters.all') };
  const countryCodes = countries.length ? countries.map((c) => c.code) : ['CN', 'PK'];
  const provinces = divisions.filter((d) => d.level === 'province' && (!value.country || d.country === value.country));
  const kinds = type ? KINDS[type] : [];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: fixedType ? 5 : 6 }} spacing="sm">
      {!fixedType && (
        <NativeSelect
          label={t('registry.filters.type')}
          value={value.type ?? ''}
          onChange={(e) => set({ type: (e.currentTarget.value || undefined) as EntityType | undefined, kind: undefined })}
          data={[all, ...ENTITY_TYPES.map((ty) => ({ value: ty, label: labels.typePlural(ty) }))]}
        />
      )}
      <NativeSelect
        label={t('registry.fields.country')}
        value={value.country ?? ''}
        onChange={(e) => set({ country: e.currentTarget.value || undefined, province: undefined })}
        data={[all, ...countryCodes.map((c) => ({ value: c, label: labels.country(c) }))]}
      />
      <NativeSelect
        label={t('registry.fields.province')}
        value={value.province ?? ''}
        onChange={(e) => set({ province: e.currentTarget.value || undefined })}
        data={[all, ...provinces.map((d) => ({ value: d.code, label: nameText(d.names, lng) }))]}
        disabled={provinces.length === 0}
      />
      {kinds.length > 0 && (
        <NativeSelect
          label={t('registry.fields.kind')}
          value={value.kind ?? ''}
          onChange={(e) => set({ kind: e.currentTarget.value || undefined })}
          data={[all, ...kinds.map((k) => ({ value: k, label: labels.kind(k) }))]}
        />
      )}
      {type === 'enterprise' && (
        <>
          <NativeSelect
            label={t('registry.fields.sector')}
            value={value.sector ?? ''}
            onChange={(e) => set({ sector: e.currentTarget.value || undefined })}
            data={[all, ...SECTORS.map((s) => ({ value: s, label: labels.sector(s) }))]}
          />
          <NativeSelect
            label={t('registry.fields.stage')}
            value={value.stage ?? ''}
            onChange={(e) => set({ stage: e.currentTarget.value || undefined })}
            data={[all, ...STAGES.map((s) => ({ value: s, label: labels.stage(s) }))]}
          />
        </>
      )}
    </SimpleGrid>
  );
}
