import { Box, Loader, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { geoPath } from 'd3-geo';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Name } from '../components/Name';
import { PLURAL } from '../entityTypes';
import type { MapPoint } from '../types';
import { useLabels } from '../useLabels';
import { fitProjection, placePoints } from './layout';
import { MapLegend } from './MapLegend';
import { MapMarker } from './MapMarker';
import { MapPointTable } from './MapPointTable';
import { worldQuery } from './world';

/** world-atlas names countries by their ISO 3166 numeric code. */
const NUMERIC_CODES: Record<string, string> = { CN: '156', PK: '586', IR: '364', MY: '458', US: '840', FR: '250' };

const W = 960;
const H = 560;

/** Above the point, or below it near the top edge; kept inside the map near the side edges. */
function tooltipShift(x: number, y: number): string {
  const dx = x < W * 0.15 ? '-10%' : x > W * 0.85 ? '-90%' : '-50%';
  return y < 80 ? `translate(${dx}, 16px)` : `translate(${dx}, calc(-100% - 16px))`;
}

type Props = {
  points: MapPoint[];
  /** The map's accessible name, also the caption of its table of points. */
  label: string;
  /** A record drawn larger (the zone whose page this is). */
  emphasiseId?: string;
  /** Countries (ISO 3166 alpha-2) drawn a shade darker: the ones the map is about. */
  countries?: readonly string[];
  loading?: boolean;
};

/**
 * Zones and incubators on country outlines (d3-geo, SVG), fitted to the points. The drawing is one image
 * with a name; its points are listed in a table for screen readers, whose links also show each point.
 */
export function RegistryMap({ points, label, emphasiseId, countries = [], loading }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const world = useQuery(worldQuery);
  const [active, setActive] = useState<string | null>(null);
  const projection = useMemo(() => fitProjection(points, W, H), [points]);
  const outlines = useMemo(() => {
    const path = geoPath(projection);
    const shaded = new Set(countries.map((c) => NUMERIC_CODES[c]).filter(Boolean));
    return (world.data ?? []).map((c, i) => ({ id: c.id ?? i, d: path(c) ?? '', shaded: shaded.has(String(c.id)) })).filter((o) => o.d);
  }, [projection, world.data, countries]);
  const placed = useMemo(() => placePoints(points, projection), [points, projection]);
  const current = placed.find((p) => p.id === active);
  const zones = points.filter((p) => p.type === 'zone').length;
  const incubators = points.length - zones;
  const description = t('registry.map.description', { label, zones, incubators });
  const open = (p: MapPoint) => void navigate({ to: '/directory/$type/$id', params: { type: PLURAL[p.type], id: p.id } });
  return (
    <Box data-testid="registry-map">
      <Paper withBorder radius="md" pos="relative" style={{ overflow: 'hidden' }} dir="ltr">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="img"
          aria-label={description}
          data-testid="map-svg"
          style={{ display: 'block', background: '#e7f5ff' }}
        >
          <g>
            {outlines.map((o) => (
              <path key={o.id} d={o.d} fill={o.shaded ? '#e9ecef' : '#f8f9fa'} stroke="#868e96" strokeWidth={o.shaded ? 1 : 0.6} />
            ))}
          </g>
          <g>
            {placed.map((p) => (
              <MapMarker
                key={`${p.type}:${p.id}`}
                point={p}
                active={p.id === active}
                emphasised={p.id === emphasiseId}
                onEnter={() => setActive(p.id)}
                onLeave={() => setActive(null)}
                onOpen={() => open(p)}
              />
            ))}
          </g>
        </svg>
        {current && (
          <Paper
            shadow="sm"
            withBorder
            px="xs"
            py={4}
            pos="absolute"
            style={{
              left: `${(current.x / W) * 100}%`,
              top: `${(current.y / H) * 100}%`,
              transform: tooltipShift(current.x, current.y),
              pointerEvents: 'none',
              whiteSpace: 'nowrap',
            }}
            data-testid="map-tooltip"
          >
            <Text size="sm" fw={700}>
              <Name names={current.names} />
            </Text>
            <Text size="xs">{[labels.type(current.type), labels.kind(current.kind)].filter(Boolean).join(' · ')}</Text>
          </Paper>
        )}
        {(loading || world.isLoading) && <Loader size="sm" pos="absolute" top={12} left={12} role="status" aria-label={t('status.loading')} />}
      </Paper>
      <MapLegend zones={zones} incubators={incubators} approximate={points.filter((p) => p.approximate).length} />
      <MapPointTable title={label} points={points} onFocusPoint={setActive} />
    </Box>
  );
}
