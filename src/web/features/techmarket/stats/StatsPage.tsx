import { Badge, Group, Loader, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CURRENCIES } from '../../../../shared/contracts/techmarket';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { formatYear } from '../../statistics/yearbook/format';
import { StatChart } from '../../statistics/yearbook/StatChart';
import { formatCompact, formatCount, formatMoney, formatPercent } from '../format';
import { type MarketStats, statsQuery } from '../queries';
import { MarketPublished } from './MarketPublished';
import { chartRows, STATS_DIMENSIONS, type StatsDimension, type StatsRow } from './statsModel';
import { useKeyLabel } from './useKeyLabel';

type Currency = (typeof CURRENCIES)[number];
/** The figures of each row, in the order of the cells. */
const FIGURE_COLUMNS = ['count', 'amount', 'techIncome', 'crossBorderCountLabel', 'crossBorderAmount', 'shareOfAmount'] as const;
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The technology market in figures: registered contracts by kind, region, sector, year or country flow, in one
 * currency at a time (amounts are never summed across currencies), the cross-border share, and the national
 * figures the seeds publish beside what Seedbed counts.
 */
export function StatsPage() {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const [by, setBy] = useState<StatsDimension>('kind');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [currency, setCurrency] = useState<Currency | undefined>(undefined);
  const q = useQuery(statsQuery({ by, year, currency }));
  const years = useQuery(statsQuery({ by: 'year', currency: (q.data?.currency as Currency | undefined) ?? currency }));
  const cny = useQuery(statsQuery({ by: 'year', currency: 'CNY' }));
  const s = q.data;
  const yearOptions = [...new Set([...(years.data?.rows.map((r) => Number(r.key)) ?? []), ...(year ? [year] : [])])]
    .filter(Number.isInteger)
    .sort((a, b) => b - a);
  return (
    <>
      <PageTitle>{t('stats.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('stats.intro')}
      </Text>
      <Group align="flex-end" gap="md" mb="lg" wrap="wrap" data-testid="stats-controls">
        <div>
          <Text size="sm" fw={500} id="stats-by-label" mb={4}>
            {t('stats.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="stats-by-label"
            value={by}
            onChange={(v) => setBy(v as StatsDimension)}
            data={STATS_DIMENSIONS.map((d) => ({ value: d, label: t(`stats.dimensions.${d}`) }))}
            data-testid="stats-by"
          />
        </div>
        <Select
          label={t('stats.year')}
          placeholder={t('stats.allYears')}
          data={yearOptions.map((y) => ({ value: String(y), label: formatYear(y, lng) }))}
          value={year === undefined ? null : String(year)}
          onChange={(v) => setYear(v ? Number(v) : undefined)}
          clearable
          disabled={by === 'year'}
          w={180}
          data-testid="stats-year"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('stats.currency')}
          description={t('stats.currencyHint')}
          data={s?.currencies.length ? s.currencies : s ? [s.currency] : []}
          value={s?.currency ?? currency ?? null}
          onChange={(v) => setCurrency((v as Currency | null) ?? undefined)}
          allowDeselect={false}
          w={200}
          data-testid="stats-currency"
          comboboxProps={{ withinPortal: true }}
        />
        {s?.synthetic && (
          <Badge color="grape" variant="light" tt="none" size="lg" data-testid="stats-synthetic">
            {t('stats.synthetic')}
          </Badge>
        )}
      </Group>
      <ApiErrorAlert error={q.error} />
      {q.isLoading && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      {s && (
        <Stack gap="xl">
          <Totals stats={s} />
          <Charts stats={s} by={by} />
          <StatsTable stats={s} by={by} />
          <MarketPublished items={s.published} byYearCny={cny.data?.rows} />
        </Stack>
      )}
    </>
  );
}

function Totals({ stats: s }: { stats: MarketStats }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const card = (key: string, label: string, value: string, note?: string) => (
    <Paper withBorder p="md" key={key} data-testid={`stats-total-${key}`}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} style={NUM}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="stats-totals">
      {card('count', t('stats.count'), formatCount(s.total.count, lng))}
      {card('amount', t('stats.amount'), formatMoney(s.total.amount, s.currency, lng))}
      {card('techIncome', t('stats.techIncome'), formatMoney(s.total.techIncome, s.currency, lng))}
      {card(
        'crossBorder',
        t('stats.crossBorderShare'),
        formatPercent(s.crossBorderShare.amount, lng),
        t('stats.crossBorderCount', {
          share: formatPercent(s.crossBorderShare.count, lng),
          count: s.total.crossBorderCount,
          n: formatCount(s.total.crossBorderCount, lng),
        }),
      )}
    </SimpleGrid>
  );
}

function Charts({ stats: s, by }: { stats: MarketStats; by: StatsDimension }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const label = useKeyLabel(by, true);
  if (s.rows.length === 0) return <Text data-testid="stats-empty">{t('stats.empty')}</Text>;
  const { rows, other } = chartRows(s.rows, by);
  const all: StatsRow[] = other ? [...rows, other] : rows;
  const categories = all.map((r) => label(r.key));
  const horizontal = by !== 'year' && by !== 'kind';
  const dimension = t(`stats.inSentence.${by}`);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Paper withBorder p="md" component="figure" m={0} aria-labelledby="stats-chart-amount">
        <Title order={2} size="h4" id="stats-chart-amount" mb="xs" component="figcaption">
          {t('stats.amountBy', { by: dimension, currency: s.currency })}
        </Title>
        <StatChart
          type={by === 'year' ? 'line' : 'bar'}
          horizontal={horizontal}
          categories={categories}
          series={[
            { name: t('stats.amount'), values: all.map((r) => r.amount) },
            { name: t('stats.crossBorderAmount'), values: all.map((r) => r.crossBorderAmount) },
          ]}
          format={(v) => formatCompact(v, lng)}
          label={t('stats.amountChartLabel', { by: dimension, currency: s.currency, total: formatMoney(s.total.amount, s.currency, lng) })}
          testId="stats-chart-amount"
        />
      </Paper>
      <Paper withBorder p="md" component="figure" m={0} aria-labelledby="stats-chart-count">
        <Title order={2} size="h4" id="stats-chart-count" mb="xs" component="figcaption">
          {t('stats.countBy', { by: dimension })}
        </Title>
        <StatChart
          type="bar"
          horizontal={horizontal}
          categories={categories}
          series={[
            { name: t('stats.count'), values: all.map((r) => r.count) },
            { name: t('stats.crossBorderCountLabel'), values: all.map((r) => r.crossBorderCount) },
          ]}
          format={(v) => formatCount(v, lng)}
          label={t('stats.countChartLabel', { by: dimension, total: formatCount(s.total.count, lng) })}
          testId="stats-chart-count"
        />
      </Paper>
    </SimpleGrid>
  );
}

function StatsTable({ stats: s, by }: { stats: MarketStats; by: StatsDimension }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const label = useKeyLabel(by);
  const caption = t('stats.tableCaption', { by: t(`stats.inSentence.${by}`), currency: s.currency });
  const cells = (r: StatsRow) => (
    <>
      <Table.Td ta="end" style={NUM}>
        {formatCount(r.count, lng)}
      </Table.Td>
      <Table.Td ta="end" style={NUM}>
        {formatMoney(r.amount, s.currency, lng)}
      </Table.Td>
      <Table.Td ta="end" style={NUM}>
        {formatMoney(r.techIncome, s.currency, lng)}
      </Table.Td>
      <Table.Td ta="end" style={NUM}>
        {formatCount(r.crossBorderCount, lng)}
      </Table.Td>
      <Table.Td ta="end" style={NUM}>
        {formatMoney(r.crossBorderAmount, s.currency, lng)}
      </Table.Td>
      <Table.Td ta="end" style={NUM}>
        {s.total.amount ? formatPercent(r.amount / s.total.amount, lng) : '—'}
      </Table.Td>
    </>
  );
  return (
    <section aria-labelledby="stats-table-title">
      <Title order={2} size="h3" id="stats-table-title" mb="sm">
        {t('stats.tableTitle')}
      </Title>
      <ScrollTable label={caption} minWidth={860} data-testid="stats-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`stats.dimensions.${by}`)}</Table.Th>
            {FIGURE_COLUMNS.map((c) => (
              <Table.Th key={c} scope="col" ta="end">
                {t(`stats.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.rows.map((r) => (
            <Table.Tr key={r.key} data-testid="stats-row" data-key={r.key}>
              <Table.Th scope="row" fw={500}>
                {label(r.key)}
              </Table.Th>
              {cells(r)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="stats-total-row">
            <Table.Th scope="row">{t('stats.total')}</Table.Th>
            {cells(s.total)}
          </Table.Tr>
        </Table.Tfoot>
      </ScrollTable>
    </section>
  );
}
