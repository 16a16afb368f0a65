import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../app/components/PageTitle';
import { ButtonLink } from '../../techmarket/components/ButtonLink';
import { ListStatus } from '../../techmarket/components/ListStatus';
import { useCoopAccess } from '../access';
import { CountrySelect } from '../components/OrgField';
import { DelegationCard } from '../components/parts';
import { delegationsQuery } from '../queries';
import type { DelegationsSearch } from '../routes';

/** Delegation visits, newest first: who visited whom, when, which cities. */
export function DelegationsPage() {
  const { t } = useTranslation('cooperation');
  const { canManage } = useCoopAccess();
  const search = useSearch({ strict: false }) as DelegationsSearch;
  const navigate = useNavigate();
  const q = useQuery(delegationsQuery({ country: search.country, limit: 100 }));
  return (
    <>
      <PageTitle
        actions={
          canManage && (
            <ButtonLink to="/cooperation/delegations/new" data-testid="delegations-new">
              {t('nav.newDelegation')}
            </ButtonLink>
          )
        }
      >
        {t('delegations.title')}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('delegations.intro')}
      </Text>
      <Group mb="md">
        <CountrySelect
          label={t('filters.country')}
          placeholder={t('filters.any')}
          value={search.country ?? null}
          onChange={(v) => void navigate({ to: '/cooperation/delegations', search: { country: v ?? undefined }, replace: true })}
          testId="filter-country"
        />
      </Group>
      <ListStatus query={q} empty={t('delegations.empty')} testId="delegations-empty" />
      <Stack gap="sm" data-testid="delegations-list">
        {q.data?.items.map((d) => (
          <DelegationCard key={d.id} d={d} />
        ))}
      </Stack>
    </>
  );
}
