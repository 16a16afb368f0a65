import { Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type MeNumbers, meNumbers } from '../../../../shared/me-labels';
import type { Language } from '../../../../shared/roles';
import { directionOf, languageTag } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { type MeIndicatorProgress, type MeStatus, STATUS_COLOR } from './queries';

export function formatMeNumber(n: number | null | undefined, lng: Language, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(languageTag(lng), { maximumFractionDigits: digits }).format(n);
}

export function formatShare(a: number | null | undefined, lng: Language): string {
  if (a === null || a === undefined || !Number.isFinite(a)) return '—';
  return new Intl.NumberFormat(languageTag(lng), { style: 'percent', maximumFractionDigits: 0 }).format(a);
}

/** Numbers, changes and country names in the interface language, for the labels of shared/me-labels. */
export function useMeNumbers(): MeNumbers {
  const lng = useLanguage();
  return useMemo(() => meNumbers(languageTag(lng)), [lng]);
}

/** A status as a badge: the translated word (colour is never the only sign), `data-status` for tests and styles. */
export function StatusBadge({ status, testId, size = 'md' }: { status: MeStatus; testId?: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('me');
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" size={size} data-testid={testId} data-status={status} style={{ textTransform: 'none' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The direction the values move (↗ ↘ →), coloured by whether that is good for this indicator, with its word. */
export function TrendMark({ indicator }: { indicator: MeIndicatorProgress }) {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const { direction, slope } = indicator.trend;
  if (!direction || slope === null) {
    return (
      <Text size="sm" c="gray.7">
        {t('trend.none')}
      </Text>
    );
  }
  // Time runs right to left in Urdu (the chart's axis is reversed): the arrow follows it.
  const rtl = directionOf(lng) === 'rtl';
  const arrow = direction === 'flat' ? (rtl ? '←' : '→') : slope > 0 ? (rtl ? '↖' : '↗') : rtl ? '↙' : '↘';
  const color = direction === 'improving' ? STATUS_COLOR.on_track : direction === 'worsening' ? STATUS_COLOR.off_track : STATUS_COLOR.no_data;
  return (
    <Group gap={4} wrap="nowrap" data-testid={`me-trend-${indicator.id}`} data-trend={direction}>
      <Text component="span" c={color} fw={700} aria-hidden>
        {arrow}
      </Text>
      <Text component="span" size="sm" c={color}>
        {t(`trend.${direction}`)}
      </Text>
    </Group>
  );
}
