import { Alert, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';

type Props = { query: { error: unknown; isLoading: boolean; data?: { items: readonly unknown[] } }; empty: string; testId?: string };

/** What a list shows before or instead of its items: the API's error, a spinner, or that there is nothing. */
export function ListStatus({ query: q, empty, testId }: Props) {
  const { t } = useTranslation('techmarket');
  return (
    <>
      <ApiErrorAlert error={q.error} />
      {q.isLoading && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      {q.data && q.data.items.length === 0 && (
        <Alert variant="light" color="gray" data-testid={testId}>
          {empty}
        </Alert>
      )}
    </>
  );
}
