import { Anchor, Button, Card, Container, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import { destinationsFor } from '../../app/destinations';

/** Visitors: what Seedbed is, the public directory, and the way in. */
export function PublicHome() {
  const { t } = useTranslation();
  return (
    <Container size="md" py="xl">
      <PageTitle>{t('home.publicTitle')}</PageTitle>
      <Text size="lg" mb="xl">
        {t('home.publicIntro')}
      </Text>
      <Group mb="xl">
        <Button component={Link} to="/sign-in" size="md">
          {t('auth.signIn')}
        </Button>
        <Button component={Link} to="/register" size="md" variant="default">
          {t('auth.createAccount')}
        </Button>
      </Group>
      <section aria-labelledby="public-directory">
        <Title order={2} size="h3" id="public-directory" mb="sm">
          {t('home.publicDirectory')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" data-testid="public-destinations">
          {destinationsFor(null).map((d) => (
            <Card key={d.to} withBorder padding="lg" radius="md">
              <Title order={3} size="h4" mb={6}>
                <Anchor component={Link} to={d.to} inherit>
                  {t(d.labelKey)}
                </Anchor>
              </Title>
              <Text size="sm">{t(`${d.labelKey}Hint`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Container>
  );
}
