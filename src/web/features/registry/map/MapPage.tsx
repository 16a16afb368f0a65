import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { mapPointsQuery } from '../queries';
import { RegistryMap } from './RegistryMap';

/** Which countries the map shows; it fits itself to their points. */
const VIEWS = { cnpk: ['CN', 'PK'], cn: ['CN'], pk: ['PK'], all: [undefined] } as const;
type View = keyof typeof VIEWS;

/** Zones and incubators of the registry on a map of China and Pakistan (or the world). */
export function MapPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('cnpk');
  const results = useQueries({ queries: VIEWS[view].map((country) => mapPointsQuery({ country })) });
  const points = results.flatMap((r) => r.data?.items ?? []);
  const label = t(`registry.map.views.${view}`);
  return (
    <>
      <PageTitle>{t('registry.map.title')}</PageTitle>
      <Stack gap="md">
        <Text>{t('registry.map.intro')}</Text>
        <div>
          <Text id="map-view-label" size="sm" fw={500} mb={4}>
            {t('registry.map.view')}
          </Text>
          <SegmentedControl
            aria-labelledby="map-view-label"
            value={view}
            onChange={(v) => setView(v as View)}
            data={(Object.keys(VIEWS) as View[]).map((v) => ({ value: v, label: t(`registry.map.views.${v}`) }))}
          />
        </div>
        <ApiErrorAlert error={results.find((r) => r.error)?.error} />
        <RegistryMap
          points={points}
          label={t('registry.map.label', { view: label })}
          countries={VIEWS[view].filter((c): c is 'CN' | 'PK' => !!c)}
          loading={results.some((r) => r.isLoading)}
        />
      </Stack>
    </>
  );
}
