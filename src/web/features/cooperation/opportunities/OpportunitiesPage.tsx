import { Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_KINDS } from '../../../../shared/contracts/cooperation';
import { PageTitle } from '../../../app/components/PageTitle';
import { useLanguage } from '../../../app/useLanguage';
import { ListStatus } from '../../techmarket/components/ListStatus';
import { formatCount } from '../../techmarket/format';
import { CountrySelect } from '../components/OrgField';
import { OpportunityCard } from '../components/parts';
import { useCoopLabels } from '../labels';
import { opportunitiesQuery } from '../queries';
import type { OpportunitiesSearch } from '../routes';
import { ApplyActions } from './ApplyForm';

/** The opportunities board: internships, scholarships, exhibitions, calls… open now, with deadlines and eligibility. */
export function OpportunitiesPage() {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const search = useSearch({ strict: false }) as OpportunitiesSearch;
  const navigate = useNavigate();
  const set = (patch: Partial<OpportunitiesSearch>) => void navigate({ to: '/cooperation/opportunities', search: { ...search, ...patch }, replace: true });
  const q = useQuery(opportunitiesQuery({ status: 'open', kind: search.kind, country: search.country, limit: 100 }));
  return (
    <>
      <PageTitle>{t('opportunities.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('opportunities.intro')}
      </Text>
      <Group mb="md" align="flex-end">
        <Select
          label={t('filters.kind')}
          placeholder={t('filters.any')}
          data={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          value={search.kind ?? null}
          onChange={(v) => set({ kind: (v as OpportunitiesSearch['kind']) ?? undefined })}
          clearable
          data-testid="filter-kind"
          comboboxProps={{ withinPortal: true }}
        />
        <CountrySelect
          label={t('filters.country')}
          placeholder={t('filters.any')}
          value={search.country ?? null}
          onChange={(v) => set({ country: v ?? undefined })}
          testId="filter-country"
        />
      </Group>
      <Text size="sm" fw={600} mb="xs" aria-live="polite" data-testid="opportunities-count">
        {q.data ? t('opportunities.count', { count: q.data.total, n: formatCount(q.data.total, lng) }) : ''}
      </Text>
      <ListStatus query={q} empty={t('opportunities.empty')} testId="opportunities-empty" />
      <Stack gap="sm" data-testid="opportunities-list">
        {q.data?.items.map((o) => (
          <OpportunityCard key={o.id} o={o} actions={<ApplyActions o={o} />} />
        ))}
      </Stack>
    </>
  );
}
