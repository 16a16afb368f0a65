import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MARKER_COLORS } from './MapMarker';

const Swatch = ({ kind, dashed = false }: { kind: 'zone' | 'incubator'; dashed?: boolean }) => (
  <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" focusable="false">
    {kind === 'zone' ? (
      <rect
        x={-5}
        y={-5}
        width={10}
        height={10}
        transform="rotate(45)"
        fill={MARKER_COLORS.zone}
        stroke="#495057"
        strokeDasharray={dashed ? '2 1.5' : undefined}
      />
    ) : (
      <circle r={5.5} fill={MARKER_COLORS.incubator} stroke="#495057" strokeDasharray={dashed ? '2 1.5' : undefined} />
    )}
  </svg>
);

/** What the shapes and colours mean. */
export function MapLegend({ zones, incubators, approximate }: { zones: number; incubators: number; approximate: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" mt="xs" data-testid="map-legend">
      <Group gap={6}>
        <Swatch kind="zone" />
        <Text size="sm">{t('registry.map.legendZones', { count: zones })}</Text>
      </Group>
      <Group gap={6}>
        <Swatch kind="incubator" />
        <Text size="sm">{t('registry.map.legendIncubators', { count: incubators })}</Text>
      </Group>
      {approximate > 0 && (
        <Group gap={6}>
          <Swatch kind="incubator" dashed />
          <Text size="sm">{t('registry.map.legendApproximate')}</Text>
        </Group>
      )}
    </Group>
  );
}
