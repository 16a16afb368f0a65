import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import type { RegistryStats } from '../types';
import { ChartFigure } from './ChartFigure';

/** Zones approved and incubators founded, year by year (every year in between shown, with zero). */
export function FoundingTimelineChart({ data }: { data: RegistryStats['foundingTimeline'] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const rtl = directionOf(lng) === 'rtl';
  const byYear = new Map(data.map((d) => [d.year, d]));
  const years: number[] = [];
  if (data.length) for (let y = data[0].year; y <= data[data.length - 1].year; y++) years.push(y);
  const zones = years.map((y) => byYear.get(y)?.zones ?? 0);
  const incubators = years.map((y) => byYear.get(y)?.incubators ?? 0);
  const summary = data.length
    ? t('registry.charts.timelineSummary', {
        from: years[0],
        to: years[years.length - 1],
        zones: zones.reduce((a, b) => a + b, 0),
        incubators: incubators.reduce((a, b) => a + b, 0),
      })
    : t('registry.charts.noData');
  const zonesLabel = t('registry.charts.zonesApproved');
  const incubatorsLabel = t('registry.charts.incubatorsFounded');
  return (
    <ChartFigure
      id="founding-timeline"
      title={t('registry.charts.timeline')}
      summary={summary}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 24, containLabel: true },
        xAxis: { type: 'category', data: years.map(String), inverse: rtl },
        yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
        series: [
          { type: 'bar', name: zonesLabel, data: zones, itemStyle: { color: '#0b7285' } },
          { type: 'bar', name: incubatorsLabel, data: incubators, itemStyle: { color: '#c2410c' } },
        ],
      }}
      columns={[t('registry.charts.year'), zonesLabel, incubatorsLabel]}
      rows={data.map((d) => [String(d.year), formatNumber(d.zones, lng), formatNumber(d.incubators, lng)])}
    />
  );
}
