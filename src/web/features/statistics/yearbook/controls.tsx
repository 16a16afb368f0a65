import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { formatYear, text3 } from './format';
import type { Indicator } from './queries';

type YearOption = { year: number; published?: boolean };

/** The year picker; years not yet published (only staff see them) say so. */
export function YearSelect({
  years,
  value,
  onChange,
  testId,
  allowEmpty = false,
  w = 220,
}: {
  years: YearOption[];
  value: number | undefined;
  onChange: (y: number | undefined) => void;
  testId?: string;
  allowEmpty?: boolean;
  w?: number;
}) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const sorted = [...years].sort((a, b) => b.year - a.year);
  return (
    <Select
      label={t('controls.year')}
      data={sorted.map((y) => ({
        value: String(y.year),
        label: y.published === false ? t('controls.yearUnpublished', { year: formatYear(y.year, lng) }) : formatYear(y.year, lng),
      }))}
      value={value === undefined ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : undefined)}
      placeholder={allowEmpty ? t('controls.latestYear') : undefined}
      clearable={allowEmpty}
      allowDeselect={allowEmpty}
      w={w}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The indicator picker, grouped as the catalogue groups them. */
export function IndicatorSelect({
  indicators,
  value,
  onChange,
  label,
  testId,
  w = 320,
}: {
  indicators: Indicator[];
  value: string | null;
  onChange: (code: string) => void;
  label?: string;
  testId?: string;
  w?: number;
}) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const i of indicators) {
    const g = i.group ? t(`groups.${i.group}`, { defaultValue: i.group }) : t('groups.other');
    const list = groups.get(g) ?? [];
    list.push({ value: i.code, label: text3(i.names, lng) });
    groups.set(g, list);
  }
  return (
    <Select
      label={label ?? t('controls.indicator')}
      data={[...groups].map(([group, items]) => ({ group, items }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      w={w}
      data-testid={testId}
      nothingFoundMessage={t('controls.nothingFound')}
    />
  );
}
