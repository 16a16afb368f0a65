import { Anchor, Badge, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/contracts/accounts';
import { PageTitle } from '../../app/components/PageTitle';
import { destinationsFor } from '../../app/destinations';
import { rolesOf } from '../../app/session';
import { useLanguage } from '../../app/useLanguage';
import { languageTag } from '../../app/language';

/** A card for each page the user's roles reach, and a welcome that names those roles. */
export function MemberHome({ user }: { user: User }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const roles = rolesOf(user).map((r) => t(`roles.${r}`));
  const list = new Intl.ListFormat(languageTag(lng), { style: 'long', type: 'conjunction' }).format(roles);
  return (
    <>
      <PageTitle>{t('home.welcome', { name: user.displayName })}</PageTitle>
      <Text mb="xs" data-testid="welcome-roles">
        {roles.length > 0 ? t('home.yourRoles', { count: roles.length, roles: list }) : t('home.noRoles')}
      </Text>
      {user.roles.length > 0 && (
        <Group gap="xs" mb="xl">
          {user.roles.map((g) => (
            <Badge key={`${g.role}:${g.scopeType}:${g.scopeId}`} variant="light" color="gray" tt="none">
              {t(`roles.${g.role}`)}
              {g.scopeType && ` · ${t(`scopes.${g.scopeType}`)}${g.scopeId ? ` ${g.scopeId}` : ''}`}
            </Badge>
          ))}
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {destinationsFor(user).map((d) => (
          <Card key={d.to} withBorder padding="lg" radius="md">
            <Title order={2} size="h4" mb={6}>
              <Anchor component={Link} to={d.to} inherit>
                {t(d.labelKey)}
              </Anchor>
            </Title>
            <Text size="sm">{t(`${d.labelKey}Hint`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
