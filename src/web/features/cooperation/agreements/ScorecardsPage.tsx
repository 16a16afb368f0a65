import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { ChartFigure } from '../../registry/charts/ChartFigure';
import { formatCount } from '../../techmarket/format';
import { Loading } from '../components/parts';
import { ScoreBadge } from '../components/Scorecard';
import { NameText } from '../components/Txt';
import { useCoopLabels } from '../labels';
import { scorecardsQuery, type ScorecardTable } from '../queries';
import type { ScorecardsSearch } from '../routes';
import { AgreementTabs } from './AgreementsPage';

/** Implementation scorecards over all agreements the reader may see, by partner organisation or by country. */
export function ScorecardsPage() {
  const { t } = useTranslation('cooperation');
  const search = useSearch({ strict: false }) as ScorecardsSearch;
  const navigate = useNavigate();
  const by = search.by ?? 'country';
  const q = useQuery(scorecardsQuery(by));
  return (
    <>
      <PageTitle>{t('scorecards.title')}</PageTitle>
      <AgreementTabs active="scorecards" />
      <Stack gap="md">
        <Text maw={820}>{t('scorecards.intro')}</Text>
        <div>
          <Text size="sm" fw={500} id="scorecards-by-label" mb={4}>
            {t('scorecards.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="scorecards-by-label"
            value={by}
            onChange={(v) => void navigate({ to: '/cooperation/scorecards', search: { by: v === 'partner' ? 'partner' : undefined }, replace: true })}
            data={[
              { value: 'country', label: t('scorecards.byCountry') },
              { value: 'partner', label: t('scorecards.byPartner') },
            ]}
            data-testid="scorecards-by"
          />
        </div>
        <ApiErrorAlert error={q.error} />
        {q.isLoading && <Loading />}
        {q.data && <ScorecardChart table={q.data} />}
        {q.data && <ScorecardRows table={q.data} />}
      </Stack>
    </>
  );
}

function useRowName() {
  const labels = useCoopLabels();
  return (table: ScorecardTable, r: ScorecardTable['rows'][number]) => (table.by === 'country' ? labels.country(r.key) : r.name);
}

function ScorecardChart({ table }: { table: ScorecardTable }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const rowName = useRowName();
  const rows = table.rows.slice(0, 15);
  const option = useMemo(() => {
    const names = rows.map((r) => rowName(table, r));
    const series = (key: 'deliveredOnTime' | 'deliveredLate' | 'overdue' | 'due', color: string) => ({
      name: t(`scorecards.series.${key}`),
      type: 'bar',
      stack: 'all',
      itemStyle: { color },
      data: rows.map((r) => r.scorecard[key]),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, inverse: lng === 'ur' },
      yAxis: { type: 'category', data: names, inverse: true, position: lng === 'ur' ? 'right' : 'left' },
      series: [series('deliveredOnTime', '#2b8a3e'), series('deliveredLate', '#e8590c'), series('overdue', '#c92a2a'), series('due', '#1c7ed6')],
    };
  }, [rows, table, t, lng, rowName]);
  const n = (v: number) => formatCount(v, lng);
  return (
    <ChartFigure
      id="scorecards"
      title={table.by === 'country' ? t('scorecards.chartCountry') : t('scorecards.chartPartner')}
      summary={t('scorecards.chartSummary', { count: rows.length })}
      option={option}
      height={Math.max(200, 60 + rows.length * 34)}
      columns={[
        t('scorecards.name'),
        t('scorecards.series.deliveredOnTime'),
        t('scorecards.series.deliveredLate'),
        t('scorecards.series.overdue'),
        t('scorecards.series.due'),
      ]}
      rows={rows.map((r) => [rowName(table, r), n(r.scorecard.deliveredOnTime), n(r.scorecard.deliveredLate), n(r.scorecard.overdue), n(r.scorecard.due)])}
    />
  );
}

function ScorecardRows({ table }: { table: ScorecardTable }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const n = (v: number) => formatCount(v, lng);
  return (
    <ScrollTable label={t('scorecards.tableLabel')} data-testid="scorecards-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{table.by === 'country' ? t('scorecards.country') : t('scorecards.partner')}</Table.Th>
          {table.by === 'partner' && <Table.Th>{t('scorecards.country')}</Table.Th>}
          <Table.Th>{t('scorecards.agreements')}</Table.Th>
          <Table.Th>{t('scorecards.commitments')}</Table.Th>
          <Table.Th>{t('scorecards.series.delivered')}</Table.Th>
          <Table.Th>{t('scorecards.series.deliveredOnTime')}</Table.Th>
          <Table.Th>{t('scorecards.series.overdue')}</Table.Th>
          <Table.Th>{t('scorecards.scoreCol')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((r) => (
          <Table.Tr key={r.key} data-testid="scorecard-row" data-key={r.key}>
            <Table.Td>{table.by === 'country' ? labels.country(r.key) : <NameText>{r.name}</NameText>}</Table.Td>
            {table.by === 'partner' && <Table.Td>{labels.country(r.country)}</Table.Td>}
            <Table.Td>{n(r.agreements)}</Table.Td>
            <Table.Td>{n(r.scorecard.total)}</Table.Td>
            <Table.Td>{n(r.scorecard.delivered)}</Table.Td>
            <Table.Td>{n(r.scorecard.deliveredOnTime)}</Table.Td>
            <Table.Td>{n(r.scorecard.overdue)}</Table.Td>
            <Table.Td>
              <ScoreBadge score={r.scorecard.score} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
