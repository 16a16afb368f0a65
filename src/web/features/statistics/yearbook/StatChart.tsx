import { useMemo } from 'react';
import type { Language } from '../../../../shared/roles';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import type { EChartsCoreOption } from '../../registry/charts/echarts';
import { EChart } from '../../registry/charts/EChart';
import { formatValue } from './format';

const LABEL_WIDTH = 170;

export const COLORS = ['#0b7285', '#c2410c', '#5f3dc4', '#2b8a3e', '#a61e4d', '#1864ab'] as const;

export type ChartSeries = { name: string; values: (number | null)[]; color?: string; axis?: 0 | 1 };

type Props = {
  type: 'bar' | 'line';
  /** Category labels (years, zones, …) in reading order. */
  categories: string[];
  series: ChartSeries[];
  /** The drawing's accessible name: a sentence saying what it shows. */
  label: string;
  height?: number;
  /** Bars laid sideways, the first category on top (long names: zones, provinces). */
  horizontal?: boolean;
  /** Formats the values on the axis and in the tooltip. */
  format?: (v: number, lng: Language) => string;
  /** Bars of every series stacked into one (the parts of a composite). */
  stacked?: boolean;
  testId?: string;
};

/**
 * A bar or line chart that reads in the interface's direction: in Urdu the categories run right to left
 * (inverse axis), the value axis stands on the right and the legend starts on the right.
 */
export function StatChart({ type, categories, series, label, height, horizontal = false, format = formatValue, stacked = false, testId }: Props) {
  const lng = useLanguage();
  const rtl = directionOf(lng) === 'rtl';
  const option = useMemo<EChartsCoreOption>(() => {
    const fmt = (v: unknown) => (typeof v === 'number' ? format(v, lng) : '—');
    const twoAxes = series.some((s) => s.axis === 1);
    // ECharts lays legend items out left to right: in Urdu the first series must stand rightmost.
    const names = series.map((s) => s.name);
    const legend = series.length > 1 ? { top: 0, [rtl ? 'right' : 'left']: 0, type: 'scroll', data: rtl ? [...names].reverse() : names } : undefined;
    const top = series.length > 1 ? 36 : 12;
    const categoryAxis = horizontal
      ? { type: 'category', data: [...categories].reverse(), position: rtl ? 'right' : 'left', axisLabel: { width: LABEL_WIDTH, overflow: 'truncate' } }
      : { type: 'category', data: categories, inverse: rtl, axisLabel: { hideOverlap: true } };
    const valueAxis = (i: 0 | 1) => ({
      type: 'value',
      axisLabel: { formatter: fmt },
      ...(horizontal ? { inverse: rtl } : { position: (i === 0) !== rtl ? 'left' : 'right' }),
      ...(i === 1 ? { splitLine: { show: false } } : {}),
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: type === 'bar' ? 'shadow' : 'line' }, valueFormatter: fmt },
      legend,
      // Sideways bars: a fixed band for the names (truncated to it). containLabel measures Chinese names
      // narrower than they are drawn, and they were cut at the edge.
      grid: horizontal
        ? { [rtl ? 'right' : 'left']: LABEL_WIDTH + 16, [rtl ? 'left' : 'right']: 24, top, bottom: 28, containLabel: false }
        : { left: 12, right: 12, top, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis(0) : categoryAxis,
      yAxis: horizontal ? categoryAxis : twoAxes ? [valueAxis(0), valueAxis(1)] : valueAxis(0),
      series: series.map((s, i) => ({
        type,
        name: s.name,
        data: horizontal ? [...s.values].reverse() : s.values,
        yAxisIndex: !horizontal && twoAxes ? (s.axis ?? 0) : undefined,
        itemStyle: { color: s.color ?? COLORS[i % COLORS.length] },
        lineStyle: type === 'line' ? { width: 2 } : undefined,
        symbolSize: 6,
        stack: stacked ? 'total' : undefined,
        connectNulls: true,
      })),
    };
  }, [type, categories, series, horizontal, rtl, lng, format, stacked]);
  const h = height ?? (horizontal ? Math.max(200, categories.length * 24 + 40) : 260);
  return <EChart option={option} label={label} height={h} testId={testId} />;
}
