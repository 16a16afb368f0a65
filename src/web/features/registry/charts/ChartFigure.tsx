import { Paper, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../app/components/ScrollTable';
import type { EChartsCoreOption } from './echarts';
import { EChart } from './EChart';

type Props = {
  id: string;
  title: string;
  /** A sentence that says what the chart shows, its accessible name. */
  summary: string;
  option: EChartsCoreOption;
  columns: string[];
  rows: ReactNode[][];
  height?: number;
};

/** A titled chart with its data as a table underneath (folded), for readers who cannot see the drawing. */
export function ChartFigure({ id, title, summary, option, columns, rows, height }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <Title order={2} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      <EChart option={option} label={summary} height={height} testId={`chart-${id}-drawing`} />
      <details>
        <summary className="seedbed-summary">{t('registry.charts.showTable')}</summary>
        <ScrollTable label={title} minWidth={320} data-testid={`chart-${id}-table`}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows follow the chart's order
              <Table.Tr key={i}>
                {r.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the columns
                  <Table.Td key={j}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </details>
    </Paper>
  );
}
