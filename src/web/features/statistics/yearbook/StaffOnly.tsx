import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../app/components/PageTitle';
import { useStatisticsAccess } from './staff';

/** Staff pages: the API answers 403 to anyone else; the page says so instead of showing empty tables. */
export function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('yearbook');
  const { staff } = useStatisticsAccess();
  if (staff) return <>{children}</>;
  return (
    <>
      <PageTitle>{t('staffOnly.title')}</PageTitle>
      <Alert color="orange" variant="light">
        {t('staffOnly.body')}
      </Alert>
    </>
  );
}
