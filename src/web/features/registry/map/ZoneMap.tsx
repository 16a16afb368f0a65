import { Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { nameText } from '../names';
import { mapPointsQuery } from '../queries';
import type { EntityDetail, MapPoint } from '../types';
import { RegistryMap } from './RegistryMap';

/** At most this many zones (the zone and the parks inside it) are asked for their points. */
const MAX_ZONES = 40;

/**
 * The zone, the parks inside it (at any depth) and their incubators. The API's points for a zone are the
 * zone, its direct member parks and what the zone itself hosts; Zhongguancun's incubators sit in Haidian
 * Park and in Inno Way inside it, so each park found is asked in turn.
 */
export function ZoneMap({ zone }: { zone: EntityDetail }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [zoneIds, setZoneIds] = useState<string[]>(() => [zone.id, ...(zone.relations.memberParks ?? []).map((p) => p.id)].slice(0, MAX_ZONES));
  const results = useQueries({ queries: zoneIds.map((zoneId) => mapPointsQuery({ zoneId })) });
  const seen = new Set<string>();
  const points: MapPoint[] = [];
  for (const p of results.flatMap((r) => r.data?.items ?? [])) {
    if (seen.has(`${p.type}:${p.id}`)) continue;
    seen.add(`${p.type}:${p.id}`);
    points.push(p);
  }
  const found = points.filter((p) => p.type === 'zone' && !zoneIds.includes(p.id)).map((p) => p.id);
  const more = found.join(',');
  useEffect(() => {
    if (more) setZoneIds((ids) => [...new Set([...ids, ...more.split(',')])].slice(0, MAX_ZONES));
  }, [more]);
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
