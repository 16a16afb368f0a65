import { Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { statsQuery } from '../queries';
import { CountsByTypeChart } from './CountsByTypeChart';
import { FoundingTimelineChart } from './FoundingTimelineChart';
import { ZonesByProvinceChart } from './ZonesByProvinceChart';

/** The registry in figures: zones by province, the founding timeline, records by type (real records only). */
export function StatisticsPage() {
  const { t } = useTranslation();
  const stats = useQuery(statsQuery);
  return (
    <>
      <PageTitle>{t('registry.charts.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('registry.charts.intro')}
      </Text>
      <ApiErrorAlert error={stats.error} />
      {stats.isLoading && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      {stats.data && (
        <Stack gap="lg">
          <FoundingTimelineChart data={stats.data.foundingTimeline} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ZonesByProvinceChart data={stats.data.zonesByProvince} />
            <CountsByTypeChart data={stats.data.counts} />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
