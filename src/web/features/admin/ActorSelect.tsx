import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api';
import { type Paged, type User, usersKey } from './types';

/** Picks a user by typing part of their name or e-mail (the list is searched on the server). */
export function ActorSelect({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useQuery({
    queryKey: [...usersKey, 'pick', q],
    queryFn: () => get<Paged<User>>('/api/v1/users', { q, limit: 20 }),
    staleTime: 30_000,
  });
  const data = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }));
  return (
    <Select
      label={t('audit.actor')}
      placeholder={t('audit.anyActor')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('actions.clear') }}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t('status.empty')}
    />
  );
}
