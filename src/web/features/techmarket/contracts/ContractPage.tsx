import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { useMarketAccess } from '../access';
import { contractQuery } from '../queries';
import { ContractFacts } from './ContractFacts';
import { fromContract } from './contractDraft';
import { ContractForm } from './ContractForm';

/** A contract; the agency's note when it came back, and for its submitter the form to correct and resubmit. */
export function ContractPage() {
  const { t } = useTranslation('techmarket');
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(contractQuery(id));
  const { canSubmitContract } = useMarketAccess();
  if (q.isLoading) return <Loader size="sm" role="status" aria-label={t('status.loading')} />;
  if (!q.data) return <ApiErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <>
      <PageTitle>{t('contracts.oneTitle')}</PageTitle>
      <Stack gap="lg" maw={1100}>
        {c.reviewNote && (
          <Alert
            color={c.status === 'returned' ? 'orange' : c.status === 'rejected' ? 'red' : 'gray'}
            variant="light"
            title={t('contracts.reviewNote')}
            data-testid="contract-review-note"
          >
            {c.reviewNote}
          </Alert>
        )}
        <ContractFacts contract={c} />
        {c.status === 'returned' && canSubmitContract && (
          <section aria-labelledby="contract-correct-title">
            <Title order={2} size="h3" id="contract-correct-title" mb="sm">
              {t('contracts.correct')}
            </Title>
            <ContractForm key={c.version} initial={fromContract(c)} existing={c} />
          </section>
        )}
      </Stack>
    </>
  );
}
