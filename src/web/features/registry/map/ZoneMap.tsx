import { Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { nameText } from '../names';
import { mapPointsQuery } from '../queries';
import type { EntityDetail, MapPoint } from '../types';
import { RegistryMap } from './RegistryMap';

/** At most this many member parks are asked for their incubators. */
const MAX_PARKS = 30;

/**
 * The zone, its member parks and their incubators. The API's points for a zone hold what the zone itself
 * hosts; the incubators of its member parks (Zhongguancun's sit in Haidian Park, Inno Way, …) are asked
 * for park by park.
 */
export function ZoneMap({ zone }: { zone: EntityDetail }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const parks = (zone.relations.memberParks ?? []).slice(0, MAX_PARKS);
  const results = useQueries({ queries: [zone.id, ...parks.map((p) => p.id)].map((zoneId) => mapPointsQuery({ zoneId })) });
  const seen = new Set<string>();
  const points: MapPoint[] = [];
  for (const p of results.flatMap((r) => r.data?.items ?? [])) {
    if (seen.has(`${p.type}:${p.id}`)) continue;
    seen.add(`${p.type}:${p.id}`);
    points.push(p);
  }
  const name = nameText(zone.names, lng);
  return (
    <section aria-labelledby="zone-map-title" data-testid="zone-map">
      <Title order={2} size="h4" id="zone-map-title" mb="xs">
        {t('registry.map.zoneTitle')}
      </Title>
      <RegistryMap
        points={points}
        label={t('registry.map.zoneLabel', { name })}
        emphasiseId={zone.id}
        countries={[zone.country]}
        loading={results.some((r) => r.isLoading)}
      />
    </section>
  );
}
