import { Box, Group, Loader, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { geoPath } from 'd3-geo';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { fitProjection, placePoints } from '../../registry/map/layout';
import { worldQuery } from '../../registry/map/world';
import type { MapPoint } from '../../registry/types';
import { formatValue } from './format';
import type { MapData } from './queries';
import { type Classes, NO_DATA } from './scale';

const W = 960;
const H = 560;
/** world-atlas names countries by ISO 3166 numeric code: China and Pakistan drawn a shade darker. */
const SHADED = new Set(['156', '586']);

type Zone = MapData['zones'][number];
type Placed = Zone & { x: number; y: number; approximate: boolean };
/** Where the registry's map puts a zone (its own position, or its city's centre: approximate). */
export type Position = { lat: number; lon: number; approximate: boolean };

/** The registry map's projection and placement work on its points; a zone with a position is one. */
const asPoint = (z: Zone, at: Position): MapPoint => ({
  type: 'zone',
  id: z.id,
  names: z.names,
  kind: '',
  country: '',
  lat: at.lat,
  lon: at.lon,
  hostZoneId: null,
  approximate: at.approximate,
});

/**
 * Zones as circles on the country outlines (the registry's world-atlas outlines and projection), coloured
 * by their value. One image with a name; the figures are in the tables beside and below it.
 */
export function ValueMap({ zones, classes, label, positions }: { zones: Zone[]; classes: Classes; label: string; positions: ReadonlyMap<string, Position> }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const world = useQuery(worldQuery);
  const [active, setActive] = useState<string | null>(null);
  const points = useMemo(() => {
    const out: MapPoint[] = [];
    for (const z of zones) {
      const at = z.lat !== null && z.lon !== null ? { lat: z.lat, lon: z.lon, approximate: false } : positions.get(z.id);
      if (at) out.push(asPoint(z, at));
    }
    return out;
  }, [zones, positions]);
  const projection = useMemo(() => fitProjection(points, W, H), [points]);
  const outlines = useMemo(() => {
    const path = geoPath(projection);
    return (world.data ?? []).map((c, i) => ({ id: c.id ?? i, d: path(c) ?? '', shaded: SHADED.has(String(c.id)) })).filter((o) => o.d);
  }, [projection, world.data]);
  const placed = useMemo<Placed[]>(() => {
    const byId = new Map(zones.map((z) => [z.id, z]));
    // Zones at the same spot (a city's centre) are spread on a ring, as on the registry's map.
    return placePoints(points, projection)
      .map((p) => ({ ...(byId.get(p.id) as Zone), x: p.x, y: p.y, approximate: p.approximate }))
      .sort((a, b) => (a.value ?? Number.NEGATIVE_INFINITY) - (b.value ?? Number.NEGATIVE_INFINITY));
  }, [points, projection, zones]);
  const current = placed.find((p) => p.id === active);
  return (
    <Box data-testid="stats-map">
      <Paper withBorder radius="md" pos="relative" style={{ overflow: 'hidden' }} dir="ltr">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="img"
          aria-label={label}
          data-testid="stats-map-svg"
          style={{ display: 'block', background: '#e7f5ff' }}
        >
          <g>
            {outlines.map((o) => (
              <path key={o.id} d={o.d} fill={o.shaded ? '#e9ecef' : '#f8f9fa'} stroke="#868e96" strokeWidth={o.shaded ? 1 : 0.6} />
            ))}
          </g>
          <g>
            {placed.map((p) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: pointer shortcut only; the same figures are in the tables
              <circle
                key={p.id}
                cx={p.x}
                cy={p.y}
                r={p.id === active ? 9 : 6}
                fill={classes.colorOf(p.value)}
                stroke={p.id === active ? '#212529' : '#495057'}
                strokeWidth={p.id === active ? 2 : 1}
                strokeDasharray={p.approximate ? '2 1.5' : undefined}
                onMouseEnter={() => setActive(p.id)}
                onMouseLeave={() => setActive(null)}
                data-testid="stats-map-zone"
                data-value={p.value ?? ''}
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
              transform: current.y < 80 ? 'translate(-50%, 16px)' : 'translate(-50%, calc(-100% - 16px))',
              pointerEvents: 'none',
              whiteSpace: 'nowrap',
            }}
            data-testid="stats-map-tooltip"
          >
            <Text size="sm" fw={700}>
              <Name names={current.names} />
            </Text>
            <Text size="sm" dir={lng === 'ur' ? 'rtl' : 'ltr'}>
              {current.value === null ? t('map.noData') : formatValue(current.value, lng)}
            </Text>
          </Paper>
        )}
        {world.isLoading && <Loader size="sm" pos="absolute" top={12} left={12} role="status" aria-label={t('status.loading')} />}
      </Paper>
    </Box>
  );
}

/** The colours' key: one swatch per class with its range, lightest (lowest) first, and "no data". */
export function ValueLegend({ classes, title, approximate }: { classes: Classes; title: string; approximate: number }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const swatch = (color: string) => (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      <circle cx={7} cy={7} r={6} fill={color} stroke="#495057" />
    </svg>
  );
  return (
    <Box mt="xs" data-testid="stats-map-legend">
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {classes.ranges.map((r) => (
          <Group gap={6} component="li" key={r.color} wrap="nowrap">
            {swatch(r.color)}
            <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {r.from === r.to ? formatValue(r.from, lng) : t('map.range', { from: formatValue(r.from, lng), to: formatValue(r.to, lng) })}
            </Text>
          </Group>
        ))}
        <Group gap={6} component="li" wrap="nowrap">
          {swatch(NO_DATA)}
          <Text size="sm">{t('map.noData')}</Text>
        </Group>
        {approximate > 0 && (
          <Group gap={6} component="li" wrap="nowrap">
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <circle cx={7} cy={7} r={6} fill="#fff" stroke="#495057" strokeDasharray="2 1.5" />
            </svg>
            <Text size="sm">{t('map.approximate', { count: approximate })}</Text>
          </Group>
        )}
      </Group>
    </Box>
  );
}
