import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import type { RegistryStats } from '../types';
import { useLabels } from '../useLabels';
import { ChartFigure } from './ChartFigure';

/** How many records of each type the registry holds, and how many of them are synthetic. */
export function CountsByTypeChart({ data }: { data: RegistryStats['counts'] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const rtl = directionOf(lng) === 'rtl';
  const names = data.map((d) => labels.typePlural(d.type));
  const real = t('registry.charts.recorded');
  const synthetic = t('registry.synthetic');
  const summary = data.length
    ? t('registry.charts.countsSummary', {
        list: data.map((d) => `${labels.typePlural(d.type)} ${formatNumber(d.count, lng)}`).join(t('registry.listSeparator')),
      })
    : t('registry.charts.noData');
  return (
    <ChartFigure
      id="counts-by-type"
      title={t('registry.charts.counts')}
      summary={summary}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 24, containLabel: true },
        xAxis: { type: 'category', data: names, inverse: rtl, axisLabel: { interval: 0, width: 80, overflow: 'break' } },
        yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
        series: [
          { type: 'bar', stack: 'all', name: real, data: data.map((d) => d.count - d.synthetic), itemStyle: { color: '#0b7285' } },
          { type: 'bar', stack: 'all', name: synthetic, data: data.map((d) => d.synthetic), itemStyle: { color: '#9c36b5' } },
        ],
      }}
      columns={[t('registry.fields.type'), t('registry.charts.total'), synthetic]}
      rows={data.map((d) => [labels.typePlural(d.type), formatNumber(d.count, lng), formatNumber(d.synthetic, lng)])}
    />
  );
}
