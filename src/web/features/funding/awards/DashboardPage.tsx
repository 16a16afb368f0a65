import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { formatNumber } from '../../../app/format';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { ChartFigure } from '../../registry/charts/ChartFigure';
import { pickName, reviewCallsQuery } from '../review/queries';
import { dashboardQuery, leverageQuery, times } from './queries';

/** The seed fund in figures: funnel draft → award, time to decision, leverage, province and sector, outcomes; XLSX. */
export function DashboardPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const rtl = directionOf(lng) === 'rtl';
  const [callId, setCallId] = useState<string | null>(null);
  const calls = useQuery(reviewCallsQuery);
  const d = useQuery(dashboardQuery(callId ?? undefined));
  const lev = useQuery(leverageQuery(callId ?? undefined));
  const data = d.data;
  const bars = (id: string, title: string, rows: { name: string; value: number }[], series: string) => (
    <ChartFigure
      id={id}
      title={title}
      summary={rows.length ? t('funding.dashboard.chartSummary', { title, top: rows[0].name, value: formatNumber(rows[0].value, lng) }) : t('status.empty')}
      height={Math.max(220, rows.length * 28 + 60)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: rtl ? 24 : 8, right: rtl ? 8 : 24, top: 8, bottom: 24, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, inverse: rtl },
        yAxis: { type: 'category', data: [...rows].reverse().map((r) => r.name), position: rtl ? 'right' : 'left' },
        series: [{ type: 'bar', name: series, data: [...rows].reverse().map((r) => r.value), itemStyle: { color: '#0b7285' } }],
      }}
      columns={[title, series]}
      rows={rows.map((r) => [r.name, formatNumber(r.value, lng)])}
    />
  );
  return (
    <>
      <PageTitle
        actions={
          <Button
            component="a"
            href={withQuery('/api/v1/funding/dashboard/export', { callId: callId ?? undefined })}
            download
            variant="default"
            data-testid="dashboard-xlsx"
          >
            {t('funding.dashboard.export')}
          </Button>
        }
      >
        {t('funding.dashboard.title')}
      </PageTitle>
      <Group mb="md">
        <Select
          label={t('funding.dashboard.call')}
          placeholder={t('funding.dashboard.allCalls')}
          clearable
          data={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: pickName(c.names, lng) }))}
          value={callId}
          onChange={setCallId}
          w={360}
        />
      </Group>
      <ApiErrorAlert error={d.error ?? lev.error} />
      {data && (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {data.leverage.map((l) => (
              <Paper withBorder p="md" key={l.currency} data-testid="dashboard-leverage">
                <Text size="xs" c="gray.7">
                  {t('funding.dashboard.leverage', { currency: l.currency })}
                </Text>
                <Text size="xl" fw={700}>
                  {times(l.ratio, lng)}
                </Text>
                <Text size="xs">{t('funding.dashboard.leverageOf', { awards: l.awards })}</Text>
              </Paper>
            ))}
            <Paper withBorder p="md">
              <Text size="xs" c="gray.7">
                {t('funding.dashboard.timeToDecision')}
              </Text>
              <Text size="xl" fw={700}>
                {data.timeToDecision.medianDays === null ? '—' : t('funding.dashboard.days', { count: data.timeToDecision.medianDays })}
              </Text>
              <Text size="xs">{t('funding.dashboard.timeToDecisionOf', { count: data.timeToDecision.decisions })}</Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="xs" c="gray.7">
                {t('funding.dashboard.seed')}
              </Text>
              <Text size="xl" fw={700}>
                {times(lev.data?.seedReported, lng)}
              </Text>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {lev.data?.source}
              </Text>
            </Paper>
          </SimpleGrid>
          {bars(
            'funding-funnel',
            t('funding.dashboard.funnel'),
            data.funnel.map((f) => ({ name: t(`funding.dashboard.stages.${f.stage}`), value: f.count })),
            t('funding.dashboard.applications'),
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            {bars(
              'funding-province',
              t('funding.dashboard.byProvince'),
              data.byProvince.map((p) => ({ name: p.province ?? '—', value: p.applications })),
              t('funding.dashboard.applications'),
            )}
            {bars(
              'funding-sector',
              t('funding.dashboard.bySector'),
              data.bySector.map((s) => ({ name: s.sector ? t(`registry.sectors.${s.sector}`, s.sector) : '—', value: s.applications })),
              t('funding.dashboard.applications'),
            )}
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('funding.dashboard.outcomes')}
            </Title>
            <ScrollTable label={t('funding.dashboard.outcomes')} minWidth={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('funding.awards.revenue')}</Table.Th>
                  <Table.Th>{t('funding.awards.jobs')}</Table.Th>
                  <Table.Th>{t('funding.awards.ip')}</Table.Th>
                  <Table.Th>{t('funding.awards.followOn')}</Table.Th>
                  <Table.Th>{t('funding.dashboard.reports')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{formatNumber(data.outcomes.revenue, lng)}</Table.Td>
                  <Table.Td>{formatNumber(data.outcomes.jobs, lng)}</Table.Td>
                  <Table.Td>{formatNumber(data.outcomes.ipCount, lng)}</Table.Td>
                  <Table.Td>{formatNumber(data.outcomes.followOn, lng)}</Table.Td>
                  <Table.Td>{formatNumber(data.outcomes.reports, lng)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </ScrollTable>
          </Paper>
          {lev.data && lev.data.calls.length > 0 && (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('funding.dashboard.leverageByCall')}
              </Title>
              <ScrollTable label={t('funding.dashboard.leverageByCall')} minWidth={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('funding.dashboard.call')}</Table.Th>
                    <Table.Th>{t('funding.awards.amount')}</Table.Th>
                    <Table.Th>{t('funding.awards.followOn')}</Table.Th>
                    <Table.Th>{t('funding.awards.leverage')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lev.data.calls.flatMap((c) =>
                    c.figures.map((f) => (
                      <Table.Tr key={`${c.callId}-${f.currency}`}>
                        <Table.Td>{pickName(c.names, lng)}</Table.Td>
                        <Table.Td>
                          {formatNumber(f.awarded, lng)} {f.currency}
                        </Table.Td>
                        <Table.Td>
                          {formatNumber(f.followOn, lng)} {f.currency}
                        </Table.Td>
                        <Table.Td>{times(f.ratio, lng)}</Table.Td>
                      </Table.Tr>
                    )),
                  )}
                </Table.Tbody>
              </ScrollTable>
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
