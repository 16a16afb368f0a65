import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES } from '../../../shared/contracts/registry';
import { PageTitle } from '../../app/components/PageTitle';
import { formatNumber } from '../../app/format';
import { useUser } from '../../app/session';
import { useLanguage } from '../../app/useLanguage';
import { canImport } from './edit/canEdit';
import { PLURAL } from './entityTypes';
import { statsQuery } from './queries';
import { SearchBox } from './search/SearchBox';
import { useLabels } from './useLabels';
import { AnchorLink } from './components/AnchorLink';

/** The directory's front page: search, the lists by type with their sizes, and the map, tree and figures. */
export function DirectoryHome() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const user = useUser();
  const counts = new Map((useQuery(statsQuery).data?.counts ?? []).map((c) => [c.type, c.count]));
  const views = [
    { to: '/directory/map', key: 'map' },
    { to: '/directory/governance', key: 'governance' },
    { to: '/directory/statistics', key: 'statistics' },
    ...(canImport(user) ? [{ to: '/directory/import', key: 'import' }] : []),
  ] as const;
  return (
    <>
      <PageTitle>{t('registry.home.title')}</PageTitle>
      <Stack gap="xl">
        <Text maw={820}>{t('registry.home.intro')}</Text>
        <SearchBox />
        <section aria-labelledby="dir-types">
          <Title order={2} size="h4" id="dir-types" mb="sm">
            {t('registry.home.browse')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            {ENTITY_TYPES.map((type) => (
              <Card key={type} withBorder padding="md">
                <AnchorLink to="/directory/$type" params={{ type: PLURAL[type] }} fw={700} size="lg">
                  {labels.typePlural(type)}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {t('registry.home.records', { count: counts.get(type) ?? 0, formatted: formatNumber(counts.get(type) ?? 0, lng) })}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
        <section aria-labelledby="dir-views">
          <Title order={2} size="h4" id="dir-views" mb="sm">
            {t('registry.home.views')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {views.map((v) => (
              <Card key={v.key} withBorder padding="md">
                <AnchorLink to={v.to} fw={700}>
                  {t(`nav.${v.key}`)}
                </AnchorLink>
                <Text size="sm">{t(`nav.${v.key}Hint`)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
