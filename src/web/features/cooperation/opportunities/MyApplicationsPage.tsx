import { Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { ListStatus } from '../../techmarket/components/ListStatus';
import { COOP, myApplicationsQuery, withdrawApplication } from '../queries';
import { ApplicationsTable } from './OpportunityPage';

/** The reader's own applications and expressions of interest, with where each stands. */
export function MyApplicationsPage() {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const q = useQuery(myApplicationsQuery);
  const withdraw = useMutation({
    mutationFn: (id: string) => withdrawApplication(id),
    onSuccess: () => {
      notify(t('applications.withdrawn'));
      void qc.invalidateQueries({ queryKey: COOP.all });
    },
  });
  return (
    <>
      <PageTitle>{t('applications.mine')}</PageTitle>
      <Text mb="md">
        {t('applications.intro')} <AnchorLink to="/cooperation/opportunities">{t('nav.opportunities')}</AnchorLink>
      </Text>
      <ApiErrorAlert error={withdraw.error} />
      <ListStatus query={q} empty={t('applications.none')} testId="my-applications-empty" />
      {q.data && q.data.items.length > 0 && (
        <ApplicationsTable items={q.data.items} onWithdraw={(a) => withdraw.mutate(a.id)} pending={withdraw.isPending ? (withdraw.variables ?? null) : null} />
      )}
    </>
  );
}
