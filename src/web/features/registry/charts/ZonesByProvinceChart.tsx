import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { nameText } from '../names';
import type { RegistryStats } from '../types';
import { ChartFigure } from './ChartFigure';

/** How many zones each province (or country division) has: horizontal bars, the largest on top. */
export function ZonesByProvinceChart({ data }: { data: RegistryStats['zonesByProvince'] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const rtl = directionOf(lng) === 'rtl';
  const rows = data.map((d) => ({ name: d.names ? nameText(d.names, lng) : (d.province ?? t('registry.charts.unknownProvince')), count: d.count }));
  const shown = [...rows].reverse();
  const top = rows[0];
  const summary = top ? t('registry.charts.byProvinceSummary', { count: rows.length, top: top.name, topCount: top.count }) : t('registry.charts.noData');
  return (
    <ChartFigure
      id="zones-by-province"
      title={t('registry.charts.byProvince')}
      summary={summary}
      height={Math.max(240, shown.length * 22 + 60)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: rtl ? 24 : 8, right: rtl ? 8 : 24, top: 8, bottom: 24, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, inverse: rtl },
        yAxis: { type: 'category', data: shown.map((r) => r.name), position: rtl ? 'right' : 'left' },
        series: [{ type: 'bar', name: t('registry.charts.zones'), data: shown.map((r) => r.count), itemStyle: { color: '#0b7285' } }],
      }}
      columns={[t('registry.fields.province'), t('registry.charts.zones')]}
      rows={rows.map((r) => [r.name, formatNumber(r.count, lng)])}
    />
  );
}
