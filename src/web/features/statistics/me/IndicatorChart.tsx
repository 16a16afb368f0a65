import { Table } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import type { EChartsCoreOption } from '../../registry/charts/echarts';
import { EChart } from '../../registry/charts/EChart';
import { formatMeNumber } from './parts';
import { type MeIndicatorProgress, pick, STATUS_HEX } from './queries';

type Row = { year: number; actual: number | null; expected: number | null; atRisk: number | null; offTrack: number | null; projection: number | null };

/**
 * The chart's rows, year by year: actual values, the expected path to the targets, the two threshold lines
 * (baseline + threshold × expected progress: below the first the indicator is at risk, below the second off
 * track) and the trend projected to the final target year.
 */
export function chartRows(i: MeIndicatorProgress): Row[] {
  const expected = new Map(i.expected.map((p) => [p.year, p.value]));
  const actual = new Map(i.actual.map((p) => [p.year, p.value]));
  const years = [...expected.keys(), ...actual.keys()];
  if (i.projection) years.push(i.projection.year);
  if (years.length === 0) return [];
  const from = Math.min(...years);
  const to = Math.max(...years);
  const b = i.baseline.value;
  const rows: Row[] = [];
  for (let year = from; year <= to; year++) {
    const e = expected.get(year) ?? null;
    const line = (k: number) => (e === null || b === null ? null : b + k * (e - b));
    let projection: number | null = null;
    if (i.projection && i.latest && i.trend.slope !== null && year >= i.latest.year && year <= i.projection.year) {
      projection = i.latest.year === year ? i.latest.value : i.projection.value - i.trend.slope * (i.projection.year - year);
    }
    rows.push({ year, actual: actual.get(year) ?? null, expected: e, atRisk: line(i.thresholds.atRisk), offTrack: line(i.thresholds.offTrack), projection });
  }
  return rows;
}

/** Actual vs expected path to the targets, with the thresholds and the projection; the figures as a table underneath (folded). */
export function IndicatorChart({ indicator }: { indicator: MeIndicatorProgress }) {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const rtl = directionOf(lng) === 'rtl';
  const rows = useMemo(() => chartRows(indicator), [indicator]);
  const name = pick(indicator.names, lng);
  const option = useMemo<EChartsCoreOption>(() => {
    const fmt = (v: unknown) => (typeof v === 'number' ? formatMeNumber(v, lng) : '—');
    const line = (key: keyof Row, label: string, color: string, style: Record<string, unknown>, symbol = 'none') => ({
      type: 'line',
      name: label,
      data: rows.map((r) => r[key]),
      connectNulls: key !== 'actual',
      symbol,
      symbolSize: 7,
      lineStyle: { color, width: 2, ...style },
      itemStyle: { color },
    });
    return {
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      legend: { top: 0, [rtl ? 'right' : 'left']: 0, type: 'scroll' },
      grid: { left: 12, right: 12, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)), inverse: rtl },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left', scale: true, axisLabel: { formatter: fmt } },
      series: [
        line('expected', t('chart.expected'), '#1864ab', { type: 'dashed' }, 'circle'),
        line('atRisk', t('chart.atRiskLine'), STATUS_HEX.at_risk, { type: 'dotted', width: 1.5 }),
        line('offTrack', t('chart.offTrackLine'), STATUS_HEX.off_track, { type: 'dotted', width: 1.5 }),
        line('actual', t('chart.actual'), '#212529', { width: 3 }, 'circle'),
        ...(indicator.projection ? [line('projection', t('chart.projection'), '#5f3dc4', { type: 'dashed', width: 1.5 }, 'triangle')] : []),
      ],
    };
  }, [rows, lng, rtl, t, indicator.projection]);
  const summary = indicator.latest
    ? t('chart.summary', {
        name,
        year: indicator.latest.year,
        actual: formatMeNumber(indicator.latest.value, lng),
        expected: formatMeNumber(indicator.expectedAtLatest, lng),
      })
    : t('chart.summaryNoData', { name });
  return (
    <div>
      <EChart option={option} label={summary} height={260} testId={`me-chart-${indicator.id}`} />
      <details>
        <summary className="seedbed-summary">{t('chart.showTable')}</summary>
        <ScrollTable label={name} minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('chart.year')}</Table.Th>
              <Table.Th>{t('chart.actual')}</Table.Th>
              <Table.Th>{t('chart.expected')}</Table.Th>
              <Table.Th>{t('chart.atRiskLine')}</Table.Th>
              <Table.Th>{t('chart.offTrackLine')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.year}>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td>{formatMeNumber(r.actual, lng)}</Table.Td>
                <Table.Td>{formatMeNumber(r.expected, lng)}</Table.Td>
                <Table.Td>{formatMeNumber(r.atRisk, lng)}</Table.Td>
                <Table.Td>{formatMeNumber(r.offTrack, lng)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </details>
    </div>
  );
}
