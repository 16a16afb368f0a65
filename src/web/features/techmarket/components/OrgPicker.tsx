import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../../app/api';
import { useUser } from '../../../app/session';
import { useLanguage } from '../../../app/useLanguage';
import { nameText } from '../../registry/names';
import type { Names } from '../../registry/types';
import { agenciesQuery } from '../queries';

export type OrgType = 'enterprise' | 'institution';
/** An enterprise or institution of the registry, as a listing's owner or a contract's party. */
export type Org = { type: OrgType; id: string; names: Names; country: string };
type Hit = Org & { kind?: string | null };

const PATH: Record<OrgType, string> = { enterprise: '/api/v1/enterprises', institution: '/api/v1/institutions' };

/** The registry's search takes the entity type more than once (?type=enterprise&type=institution). */
function searchPath(q: string, types: readonly OrgType[]): string {
  const p = new URLSearchParams({ q, limit: '20' });
  for (const t of types) p.append('type', t);
  return `/api/v1/search?${p}`;
}

type Props = {
  label: string;
  value: Org | null;
  onChange: (org: Org | null) => void;
  types?: readonly OrgType[];
  error?: string;
  required?: boolean;
  description?: string;
  testId?: string;
};

/**
 * Picks an organisation from the registry: first the enterprises the reader's roles are scoped to, then what a
 * search by name finds (English, Chinese characters or pinyin, Urdu).
 */
export function OrgPicker({ label, value, onChange, types = ['enterprise', 'institution'], error, required, description, testId }: Props) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const user = useUser();
  const scoped = [...new Set((user?.roles ?? []).filter((g) => g.scopeType === 'enterprise' && g.scopeId).map((g) => g.scopeId as string))];
  const own = useQueries({
    queries: (types.includes('enterprise') ? scoped : []).map((id) => ({
      queryKey: ['registry', 'entity', 'enterprise', id],
      queryFn: () => get<Org>(`${PATH.enterprise}/${id}`),
      staleTime: 10 * 60_000,
    })),
  });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['registry', 'search', 'orgs', types, q],
    queryFn: () => get<{ items: Hit[] }>(searchPath(q, types)),
    enabled: q.length > 0,
  });
  const options = new Map<string, Org>();
  const add = (o: Org | null | undefined, type?: OrgType) => {
    if (o) options.set(`${type ?? o.type}:${o.id}`, { ...o, type: type ?? o.type });
  };
  add(value);
  for (const r of own) add(r.data, 'enterprise');
  for (const h of found.data?.items ?? []) if (types.includes(h.type)) add(h);
  const key = value ? `${value.type}:${value.id}` : null;
  const typeLabel = (ty: OrgType) => t(`org.types.${ty}`);
  return (
    <Select
      label={label}
      description={description ?? t('org.hint')}
      placeholder={t('org.placeholder')}
      data={[...options].map(([k, o]) => ({ value: k, label: `${nameText(o.names, lng)} · ${typeLabel(o.type)} · ${o.country}` }))}
      value={key}
      onChange={(k) => onChange(k ? (options.get(k) ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: opts }) => opts}
      nothingFoundMessage={q ? t('org.none') : t('org.typeToSearch')}
      clearable={!required}
      required={required}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The technology transfer agencies (registry institutions of that kind) that register technology contracts. */
export function AgencySelect({
  value,
  onChange,
  error,
  testId,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const agencies = useQuery(agenciesQuery);
  return (
    <Select
      label={t('contracts.form.agency')}
      description={t('contracts.form.agencyHint')}
      data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: `${nameText(a.names, lng)} · ${a.country}` }))}
      value={value}
      onChange={onChange}
      searchable
      required
      error={error}
      nothingFoundMessage={agencies.isLoading ? t('status.loading') : t('org.noAgencies')}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
