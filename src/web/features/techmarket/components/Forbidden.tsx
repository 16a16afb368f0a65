import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../app/components/PageTitle';

/** A page the reader's roles do not reach: the API would answer 403, the page says who it is for. */
export function Forbidden({ message }: { message: string }) {
  const { t } = useTranslation('techmarket');
  return (
    <>
      <PageTitle>{t('errors.forbiddenTitle')}</PageTitle>
      <Alert color="orange" variant="light">
        {message}
      </Alert>
    </>
  );
}
