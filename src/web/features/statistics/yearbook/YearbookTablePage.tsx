import { Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/roles';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { IndicatorSelect, YearSelect } from './controls';
import { type CellKind, formatCell, formatGrowth, formatInteger, formatShare, formatValue, formatYear, text3 } from './format';
import { PublishedFigures } from './PublishedFigures';
import {
  type ExportFormat,
  exportHref,
  type Indicator,
  indicatorsQuery,
  type YearbookColumn,
  type YearbookRow,
  type YearbookTable,
  yearbookIndexQuery,
  yearbookTableQuery,
} from './queries';
import { useYearbookSearch } from './search';
import { StatChart } from './StatChart';
import { cellOf, chartData } from './tableModel';
import { useUnitLabel, useWithUnit } from './units';

/** Tables that rank by an indicator the reader picks (enterprises' returns; a top list of enterprises: sums and averages). */
const INDICATOR_TABLES = new Set(['top_zones', 'top_enterprises']);
const rankable = (table: string, i: Indicator) =>
  i.entityTypes.includes('enterprise') && (table !== 'top_enterprises' || i.aggregation === 'sum' || i.aggregation === 'average');
/** Tables whose length the reader picks. */
const TOP_TABLES = new Set(['top_zones', 'top_enterprises']);
const TOP_SIZES = [10, 20, 50, 100];
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

const chartFormat = (kind: CellKind) => (v: number, lng: Language) =>
  kind === 'share' ? formatShare(v, lng) : kind === 'growth' ? formatGrowth(v, lng) : formatValue(v, lng);

/** One standard table of the yearbook: a year, its figures with totals, a chart, the published figures, the files. */
export function YearbookTablePage() {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const { table } = useParams({ strict: false }) as { table: string };
  const [search, setSearch] = useYearbookSearch();
  const withIndicator = INDICATOR_TABLES.has(table);
  const params = { year: search.year, indicator: withIndicator ? search.indicator : undefined, n: TOP_TABLES.has(table) ? search.n : undefined };
  const q = useQuery(yearbookTableQuery(table, params));
  const index = useQuery(yearbookIndexQuery);
  const indicators = useQuery({ ...indicatorsQuery, enabled: withIndicator });
  const data = q.data;
  const published = new Map((index.data?.years ?? []).map((y) => [y.year, y.published]));
  const years = (data?.years ?? []).map((year) => ({ year, published: published.get(year) }));
  const title = data ? text3(data.title, lng) : t('table.loadingTitle');
  const indicatorCode = search.indicator ?? data?.columns.find((c) => c.indicator)?.indicator ?? null;
  const exportParams = { year: data?.year ?? search.year, indicator: params.indicator, n: params.n };
  return (
    <>
      <Text size="sm" mb="xs">
        <Anchor component={Link} to="/statistics/yearbook" search={{ year: data?.year ?? search.year } as never}>
          {t('table.back')}
        </Anchor>
      </Text>
      <PageTitle
        actions={
          <Group gap="xs" role="group" aria-label={t('export.label')}>
            {(['xlsx', 'csv', 'pdf'] as ExportFormat[]).map((f) => (
              <Button
                key={f}
                component="a"
                href={exportHref(table, f, exportParams, lng)}
                download
                variant="default"
                size="sm"
                data-testid={`yearbook-export-${f}`}
                aria-label={t(`export.${f}Long`, { title })}
              >
                {t(`export.${f}`)}
              </Button>
            ))}
          </Group>
        }
      >
        {title}
      </PageTitle>
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <YearSelect years={years} value={data?.year ?? search.year} onChange={(y) => setSearch({ year: y })} testId="yearbook-year" />
        {withIndicator && (
          <IndicatorSelect
            indicators={(indicators.data?.items ?? []).filter((i) => rankable(table, i))}
            value={indicatorCode}
            onChange={(code) => setSearch({ indicator: code })}
            testId="yearbook-indicator"
          />
        )}
        {TOP_TABLES.has(table) && (
          <Select
            label={t('controls.topN')}
            data={TOP_SIZES.map((n) => ({ value: String(n), label: formatInteger(n, lng) }))}
            value={String(search.n ?? 10)}
            onChange={(v) => v && setSearch({ n: Number(v) })}
            allowDeselect={false}
            w={120}
            data-testid="yearbook-n"
          />
        )}
        {q.isFetching && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      </Group>
      <ApiErrorAlert error={q.error} />
      {data && <TableBody data={data} />}
    </>
  );
}

function TableBody({ data }: { data: YearbookTable }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const unit = useUnitLabel();
  const withUnit = useWithUnit();
  const title = text3(data.title, lng);
  const header = (c: YearbookColumn) => {
    const u = c.kind === 'share' || c.kind === 'growth' || c.kind === 'rank' || c.kind === 'dimension' ? '' : unit(c.unit);
    return withUnit(text3(c.label, lng), u);
  };
  const chart = chartData(data);
  const caption = t('table.caption', { title, year: formatYear(data.year, lng), count: data.rows.length });
  return (
    <Stack gap="lg">
      <Group gap="xs" data-testid="yearbook-badges">
        {!data.isPublished && (
          <Badge color="orange" variant="light" tt="none" data-testid="yearbook-unpublished">
            {t('index.notPublished')}
          </Badge>
        )}
        {data.synthetic && (
          <Tooltip label={t('badges.syntheticHint')} multiline w={320}>
            <Badge color="grape" variant="light" tt="none" data-testid="yearbook-synthetic" tabIndex={0}>
              {t('badges.synthetic')}
            </Badge>
          </Tooltip>
        )}
        {data.provisional > 0 && (
          <Tooltip label={t('badges.provisionalHint')} multiline w={320}>
            <Badge color="yellow" variant="light" tt="none" data-testid="yearbook-provisional" tabIndex={0}>
              {t('badges.provisional', { count: data.provisional, n: formatInteger(data.provisional, lng) })}
            </Badge>
          </Tooltip>
        )}
        <Text size="sm" c="dimmed">
          {t('badges.records', { count: data.records, n: formatInteger(data.records, lng) })}
        </Text>
      </Group>
      {chart && (
        <Paper withBorder p="md" component="figure" m={0} aria-labelledby="yearbook-chart-title" data-testid="yearbook-chart">
          <Title order={2} size="h4" id="yearbook-chart-title" mb="sm">
            {chart.cut > 0 ? t('chart.titleTop', { column: header(chart.column), n: formatInteger(chart.rows.length, lng) }) : header(chart.column)}
          </Title>
          <StatChart
            type={data.chart.type}
            horizontal={data.chart.type === 'bar'}
            categories={chart.rows.map((r) => text3(r.row.label, lng))}
            series={[{ name: header(chart.column), values: chart.rows.map((r) => r.value) }]}
            format={chartFormat(chart.column.kind)}
            label={t('chart.label', {
              column: header(chart.column),
              title,
              first: text3(chart.rows[0].row.label, lng),
              value: chartFormat(chart.column.kind)(chart.rows[0].value, lng),
            })}
          />
          <Text size="xs" c="dimmed" component="figcaption" mt={4}>
            {t('chart.note')}
          </Text>
        </Paper>
      )}
      <ScrollTable label={caption} minWidth={Math.max(560, data.columns.length * 130)} data-testid="yearbook-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {data.columns.map((c) => (
              <Table.Th key={c.key} ta={c.kind === 'dimension' ? 'start' : 'end'} scope="col" miw={c.kind === 'dimension' ? 220 : undefined}>
                {header(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={data.columns.length}>{t('table.empty')}</Table.Td>
            </Table.Tr>
          )}
          {data.rows.map((row, i) => (
            <Row key={row.key ?? `row-${i}`} data={data} row={row} />
          ))}
        </Table.Tbody>
        {data.total && (
          <Table.Tfoot>
            <Row data={data} row={data.total} total />
          </Table.Tfoot>
        )}
      </ScrollTable>
      <PublishedFigures items={data.published} />
    </Stack>
  );
}

function Row({ data, row, total = false }: { data: YearbookTable; row: YearbookRow; total?: boolean }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  let labelled = false;
  return (
    <Table.Tr fw={total ? 700 : undefined} data-testid={total ? 'yearbook-total' : 'yearbook-row'}>
      {data.columns.map((c, i) => {
        if (c.kind === 'dimension') {
          const first = !labelled;
          labelled = true;
          return (
            <Table.Th key={c.key} scope="row" fw={total ? 700 : 500}>
              {first ? total ? t('table.total') : <Name names={row.label} /> : ''}
            </Table.Th>
          );
        }
        return (
          <Table.Td key={c.key} ta="end" style={NUM}>
            {formatCell(c.kind, cellOf(data, row, i), lng)}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
}
