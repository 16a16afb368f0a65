import { Grid, Paper, Select, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_TYPES } from '../../../../shared/contracts/cooperation';
import { PageTitle } from '../../../app/components/PageTitle';
import { useLanguage } from '../../../app/useLanguage';
import { ButtonLink } from '../../techmarket/components/ButtonLink';
import { ListStatus } from '../../techmarket/components/ListStatus';
import { formatCount } from '../../techmarket/format';
import { useCoopAccess } from '../access';
import { AreaSelect } from '../components/AreaSelect';
import { CountrySelect } from '../components/OrgField';
import { AgreementCard } from '../components/parts';
import { useCoopLabels } from '../labels';
import { agreementsQuery } from '../queries';
import type { AgreementsSearch } from '../routes';

/** The tabs over agreements and their scorecards. */
export function AgreementTabs({ active }: { active: 'list' | 'scorecards' }) {
  const { t } = useTranslation('cooperation');
  const navigate = useNavigate();
  return (
    <Tabs value={active} onChange={(v) => void navigate({ to: v === 'scorecards' ? '/cooperation/scorecards' : '/cooperation/agreements' })} mb="md">
      <Tabs.List aria-label={t('agreements.tabs')}>
        <Tabs.Tab value="list" data-testid="tab-agreements">
          {t('agreements.tabList')}
        </Tabs.Tab>
        <Tabs.Tab value="scorecards" data-testid="tab-scorecards">
          {t('agreements.tabScorecards')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}

/** Agreements (LOIs, MOUs, dual and sister parks…) with their parties, signing, areas, stage and scorecard. */
export function AgreementsPage() {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const { canManage } = useCoopAccess();
  const search = useSearch({ strict: false }) as AgreementsSearch;
  const navigate = useNavigate();
  const set = (patch: Partial<AgreementsSearch>) => void navigate({ to: '/cooperation/agreements', search: { ...search, ...patch }, replace: true });
  const q = useQuery(agreementsQuery({ ...search, limit: 100 }));
  return (
    <>
      <PageTitle
        actions={
          canManage && (
            <ButtonLink to="/cooperation/agreements/new" data-testid="agreements-new">
              {t('nav.newAgreement')}
            </ButtonLink>
          )
        }
      >
        {t('agreements.title')}
      </PageTitle>
      <AgreementTabs active="list" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="agreement-filters-title" data-testid="agreement-filters">
            <Stack gap="sm">
              <Title order={2} size="h4" id="agreement-filters-title">
                {t('filters.title')}
              </Title>
              <Select
                label={t('filters.type')}
                placeholder={t('filters.any')}
                data={AGREEMENT_TYPES.map((x) => ({ value: x, label: labels.type(x) }))}
                value={search.type ?? null}
                onChange={(v) => set({ type: (v as AgreementsSearch['type']) ?? undefined })}
                clearable
                data-testid="filter-type"
                comboboxProps={{ withinPortal: true }}
              />
              <CountrySelect
                label={t('filters.country')}
                placeholder={t('filters.any')}
                value={search.country ?? null}
                onChange={(v) => set({ country: v ?? undefined })}
                testId="filter-country"
              />
              <AreaSelect
                label={t('filters.area')}
                placeholder={t('filters.any')}
                value={search.area ?? null}
                onChange={(v) => set({ area: v ?? undefined })}
                testId="filter-area"
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <section aria-labelledby="agreements-results-title">
            <Title order={2} size="h4" id="agreements-results-title" mb="xs" aria-live="polite" data-testid="agreements-count">
              {q.data ? t('agreements.count', { count: q.data.total, n: formatCount(q.data.total, lng) }) : t('agreements.results')}
            </Title>
            <ListStatus query={q} empty={t('agreements.empty')} testId="agreements-empty" />
            <Stack gap="sm" data-testid="agreements-list">
              {q.data?.items.map((a) => (
                <AgreementCard key={a.id} a={a} />
              ))}
            </Stack>
          </section>
        </Grid.Col>
      </Grid>
    </>
  );
}
