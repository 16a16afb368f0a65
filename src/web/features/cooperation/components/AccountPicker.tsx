import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountHit } from '../../../../shared/contracts/accounts';
import { get } from '../../../app/api';
import { useCoopAccess } from '../access';

export type PickedAccount = { id: string; displayName: string };

/**
 * The account that follows something up and gets its reminders: oneself, or a colleague found by name
 * (`GET /api/v1/cooperation/accounts`, names and roles only).
 */
export function AccountPicker({
  label,
  description,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  description?: string;
  value: PickedAccount | null;
  onChange: (a: PickedAccount | null) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation(['cooperation', 'web']);
  const { user } = useCoopAccess();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['cooperation', 'accounts', q],
    queryFn: () => get<{ items: AccountHit[] }>('/api/v1/cooperation/accounts', { q, limit: 20 }),
    enabled: q.length > 0,
  });
  const options = new Map<string, { account: PickedAccount; label: string }>();
  if (user) options.set(user.id, { account: { id: user.id, displayName: user.displayName }, label: t('agreementForm.ownerMe', { name: user.displayName }) });
  if (value && !options.has(value.id)) options.set(value.id, { account: value, label: value.displayName });
  for (const a of found.data?.items ?? []) {
    if (options.has(a.id)) continue;
    const roles = a.roles.map((r) => t(`web:roles.${r}`)).join(', ');
    options.set(a.id, { account: { id: a.id, displayName: a.displayName }, label: roles ? `${a.displayName} · ${roles}` : a.displayName });
  }
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('agreementForm.ownerNone')}
      data={[...options.entries()].map(([id, o]) => ({ value: id, label: o.label }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (options.get(id)?.account ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: opts }) => opts}
      nothingFoundMessage={q ? t('form.accountNone') : t('form.typeToSearch')}
      clearable
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
