import { Box, Loader, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { fitProjection } from '../../registry/map/layout';
import { worldQuery } from '../../registry/map/world';
import type { MapPoint } from '../../registry/types';
import { formatDay } from '../../techmarket/format';
import { NameText } from './Txt';

export type RouteStop = { id: string; day: string; city: string; lat: number | null; lon: number | null };

/** world-atlas names countries by their ISO 3166 numeric code. */
const NUMERIC: Record<string, string> = { CN: '156', PK: '586', IR: '364', MY: '458', US: '840', FR: '250' };
const W = 960;
const H = 520;

/**
 * A delegation's route on the registry map's country outlines (d3-geo, SVG): the cities in the order visited,
 * numbered and joined. The drawing is one image with a name; the ordered list below says the same in words.
 */
export function RouteMap({ stops, countries, label }: { stops: readonly RouteStop[]; countries: readonly string[]; label: string }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const world = useQuery(worldQuery);
  const located = useMemo(() => stops.filter((s): s is RouteStop & { lat: number; lon: number } => s.lat !== null && s.lon !== null), [stops]);
  // The registry map's projection fits any points with a latitude and longitude.
  const projection = useMemo(() => fitProjection(located as unknown as MapPoint[], W, H, 60), [located]);
  const outlines = useMemo(() => {
    const path = geoPath(projection);
    const shaded = new Set(countries.map((c) => NUMERIC[c]).filter(Boolean));
    return (world.data ?? []).map((c, i) => ({ id: c.id ?? i, d: path(c) ?? '', shaded: shaded.has(String(c.id)) })).filter((o) => o.d);
  }, [projection, world.data, countries]);
  // One mark per city (a city visited twice keeps both numbers).
  const points = located.map((s, i) => {
    const xy = projection([s.lon, s.lat]) ?? [0, 0];
    return { ...s, n: i + 1, x: xy[0], y: xy[1] };
  });
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const cities = located.map((s) => s.city).join(' → ');
  return (
    <Box data-testid="route-map">
      {located.length > 0 ? (
        <Paper withBorder radius="md" pos="relative" style={{ overflow: 'hidden' }} dir="ltr" className="coop-route-map">
          <svg
            viewBox={`0 0 ${W} ${H}`}
            width="100%"
            role="img"
            aria-label={t('delegation.mapLabel', { label, cities })}
            style={{ display: 'block', background: '#e7f5ff' }}
          >
            <g>
              {outlines.map((o) => (
                <path key={o.id} d={o.d} fill={o.shaded ? '#e9ecef' : '#f8f9fa'} stroke="#868e96" strokeWidth={o.shaded ? 1 : 0.6} />
              ))}
            </g>
            <path d={line} fill="none" stroke="#1864ab" strokeWidth={2.5} strokeDasharray="6 4" />
            {points.map((p) => (
              <g key={p.id} data-testid="route-stop-mark" data-city={p.city}>
                <circle cx={p.x} cy={p.y} r={11} fill="#1864ab" stroke="#fff" strokeWidth={2} />
                <text x={p.x} y={p.y + 4} textAnchor="middle" fontSize={12} fontWeight={700} fill="#fff">
                  {p.n}
                </text>
                <text x={p.x + 15} y={p.y - 8} fontSize={14} fontWeight={600} fill="#212529" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                  {p.city}
                </text>
              </g>
            ))}
          </svg>
          {world.isLoading && <Loader size="sm" pos="absolute" top={12} left={12} role="status" aria-label={t('status.loading')} />}
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          {t('delegation.noMap')}
        </Text>
      )}
      <ol className="coop-route-list" data-testid="route-list" aria-label={t('delegation.routeOrder')}>
        {stops.map((s) => (
          <li key={s.id} data-testid="route-stop">
            <NameText>{s.city}</NameText> — {formatDay(s.day, lng)}
            {(s.lat === null || s.lon === null) && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({t('delegation.notOnMap')})
              </Text>
            )}
          </li>
        ))}
      </ol>
    </Box>
  );
}
