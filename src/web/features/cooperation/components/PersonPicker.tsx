import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../../app/api';
import { useLanguage } from '../../../app/useLanguage';
import { nameText } from '../../registry/names';
import type { Names } from '../../registry/types';

export type PickedPerson = { id: string; name: string; country: string };
type Hit = { type: string; id: string; names: Names; country: string };

/** A person of the registry, found by name in any script (the registry's search, type=person). */
export function PersonPicker({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: PickedPerson | null;
  onChange: (p: PickedPerson | null) => void;
  testId?: string;
}) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['registry', 'search', 'people', q],
    queryFn: () => get<{ items: Hit[] }>('/api/v1/search', { q, type: 'person', limit: 20 }),
    enabled: q.length > 0,
  });
  const options = new Map<string, PickedPerson>();
  if (value) options.set(value.id, value);
  for (const h of found.data?.items ?? []) if (h.type === 'person') options.set(h.id, { id: h.id, name: nameText(h.names, lng), country: h.country });
  return (
    <Select
      label={label}
      placeholder={t('form.personPlaceholder')}
      data={[...options.values()].map((p) => ({ value: p.id, label: `${p.name} · ${p.country}` }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (options.get(id) ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: opts }) => opts}
      nothingFoundMessage={q ? t('form.personNone') : t('form.typeToSearch')}
      clearable
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
