import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import { hasRole, useUser } from '../session';
import { PageTitle } from './PageTitle';

export function RequireRole({ need, children }: { need: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  if (hasRole(user, need)) return <>{children}</>;
  return (
    <>
      <PageTitle>{t('errors.forbiddenTitle')}</PageTitle>
      <Alert color="orange" variant="light">
        {t('errors.forbidden')}
      </Alert>
    </>
  );
}
