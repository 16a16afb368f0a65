import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('errors.notFoundTitle')}</PageTitle>
      <Text mb="md">{t('errors.notFound')}</Text>
      <Anchor component={Link} to="/">
        {t('nav.home')}
      </Anchor>
    </>
  );
}
