import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/roles';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { formatInteger, formatValue } from './format';

export type Distribution = { min: number; p25: number; median: number; p75: number; max: number; n: number };

const W = 320;
const H = 44;
const PAD = 10;
const ZONE_COLOR = '#c2410c';
const BOX_COLOR = '#0b7285';

/**
 * Where one zone stands among all zones: the range (min–max) as a line, the middle half (p25–p75) as a box,
 * the median as a tick and the zone as a diamond. Drawn right to left in Urdu (the smallest on the right).
 */
export function DistributionStrip({
  d,
  value,
  zoneName,
  format = formatValue,
}: {
  d: Distribution;
  value: number | null;
  zoneName?: string;
  format?: (v: number, lng: Language) => string;
}) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const rtl = directionOf(lng) === 'rtl';
  const span = d.max - d.min;
  const pos = (v: number) => {
    const f = span > 0 ? (v - d.min) / span : 0.5;
    const x = PAD + Math.min(1, Math.max(0, f)) * (W - 2 * PAD);
    return rtl ? W - x : x;
  };
  const [b0, b1] = [pos(d.p25), pos(d.p75)].sort((a, b) => a - b);
  const f = (v: number) => format(v, lng);
  const n = formatInteger(d.n, lng);
  const label =
    value === null || !zoneName
      ? t('dashboard.stripLabelNational', { n, min: f(d.min), p25: f(d.p25), median: f(d.median), p75: f(d.p75), max: f(d.max) })
      : t('dashboard.stripLabel', { zone: zoneName, value: f(value), n, min: f(d.min), p25: f(d.p25), median: f(d.median), p75: f(d.p75), max: f(d.max) });
  const mid = H / 2;
  return (
    <div data-testid="dashboard-strip">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ display: 'block', maxWidth: 520 }}>
        <line x1={pos(d.min)} x2={pos(d.max)} y1={mid} y2={mid} stroke="#495057" strokeWidth={1.5} />
        <line x1={pos(d.min)} x2={pos(d.min)} y1={mid - 6} y2={mid + 6} stroke="#495057" strokeWidth={1.5} />
        <line x1={pos(d.max)} x2={pos(d.max)} y1={mid - 6} y2={mid + 6} stroke="#495057" strokeWidth={1.5} />
        <rect x={b0} y={mid - 9} width={Math.max(1.5, b1 - b0)} height={18} fill={BOX_COLOR} fillOpacity={0.25} stroke={BOX_COLOR} strokeWidth={1.5} rx={2} />
        <line x1={pos(d.median)} x2={pos(d.median)} y1={mid - 11} y2={mid + 11} stroke={BOX_COLOR} strokeWidth={3} />
        {value !== null && (
          <rect
            x={pos(value) - 6}
            y={mid - 6}
            width={12}
            height={12}
            transform={`rotate(45 ${pos(value)} ${mid})`}
            fill={ZONE_COLOR}
            stroke="#fff"
            strokeWidth={1.5}
            data-testid="dashboard-strip-zone"
          />
        )}
      </svg>
      <Group justify="space-between" gap={4} maw={520} wrap="nowrap" aria-hidden="true">
        <Text size="xs" c="dimmed">
          {t('dashboard.min')} {f(d.min)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dashboard.median')} {f(d.median)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dashboard.max')} {f(d.max)}
        </Text>
      </Group>
    </div>
  );
}

/** The strip's key: what the box, the tick and the diamond mean. */
export function DistributionKey({ withZone }: { withZone: boolean }) {
  const { t } = useTranslation('yearbook');
  return (
    <Group gap="md" data-testid="dashboard-strip-key">
      <Group gap={6}>
        <svg width="26" height="14" aria-hidden="true" focusable="false">
          <line x1={1} x2={25} y1={7} y2={7} stroke="#495057" strokeWidth={1.5} />
          <rect x={7} y={2} width={12} height={10} fill={BOX_COLOR} fillOpacity={0.25} stroke={BOX_COLOR} />
          <line x1={13} x2={13} y1={1} y2={13} stroke={BOX_COLOR} strokeWidth={2.5} />
        </svg>
        <Text size="xs">{t('dashboard.keyBox')}</Text>
      </Group>
      {withZone && (
        <Group gap={6}>
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" focusable="false">
            <rect x={-4.5} y={-4.5} width={9} height={9} transform="rotate(45)" fill={ZONE_COLOR} />
          </svg>
          <Text size="xs">{t('dashboard.keyZone')}</Text>
        </Group>
      )}
    </Group>
  );
}
