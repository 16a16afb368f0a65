import { Button, Container, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';

export function PublicHome() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <PageTitle>{t('home.publicTitle')}</PageTitle>
      <Text size="lg" mb="xl">
        {t('home.publicIntro')}
      </Text>
      <Group>
        <Button component={Link} to="/sign-in" size="md">
          {t('auth.signIn')}
        </Button>
        <Button component={Link} to="/register" size="md" variant="default">
          {t('auth.createAccount')}
        </Button>
      </Group>
    </Container>
  );
}
