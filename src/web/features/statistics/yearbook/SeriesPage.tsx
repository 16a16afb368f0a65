import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { Citation } from './Citation';
import { formatInteger, formatValue, formatYear, text3 } from './format';
import { type Series, seriesQuery } from './queries';
import { StatChart } from './StatChart';
import { keyOf, useUnitLabel } from './units';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Which scope a series speaks for, as an i18n key: "region:east" → region, "zone:jinan" → zone. */
const scopeGroup = (scope: string) => (scope.startsWith('region:') ? 'region' : scope.startsWith('zone:') ? 'zone' : keyOf(scope));
const SCOPE_ORDER = ['national', 'nhz', 'region', 'zone'];

/** The national figures the source documents publish, each point with its year, qualifier and citation. */
export function SeriesPage() {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const q = useQuery(seriesQuery);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const items = (q.data?.items ?? []).filter(
    (s) => !needle || [s.names.en, s.names.zh ?? '', s.names.ur ?? '', s.code].some((n) => n.toLowerCase().includes(needle)),
  );
  const groups = new Map<string, Series[]>();
  for (const s of items) groups.set(scopeGroup(s.scope), [...(groups.get(scopeGroup(s.scope)) ?? []), s]);
  const ordered = [...groups].sort(([a], [b]) => (SCOPE_ORDER.indexOf(a) + 1 || 99) - (SCOPE_ORDER.indexOf(b) + 1 || 99));
  return (
    <>
      <PageTitle>{t('series.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('series.intro')}
      </Text>
      <TextInput
        label={t('series.filter')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        w={360}
        mb="md"
        type="search"
        data-testid="series-filter"
        description={q.data ? t('series.count', { count: items.length, n: formatInteger(items.length, lng) }) : undefined}
      />
      <ApiErrorAlert error={q.error} />
      {q.isLoading && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      {q.data && items.length === 0 && <Text>{t('series.none')}</Text>}
      <Stack gap="xl" data-testid="series-list">
        {ordered.map(([group, list]) => (
          <section key={group} aria-labelledby={`series-group-${group}`}>
            <Title order={2} size="h3" id={`series-group-${group}`} mb="sm">
              {t(`scopes.${group}`, { defaultValue: group })}
            </Title>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              {list.map((s) => (
                <SeriesCard key={s.code} series={s} />
              ))}
            </SimpleGrid>
          </section>
        ))}
      </Stack>
    </>
  );
}

function SeriesCard({ series: s }: { series: Series }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const unit = useUnitLabel();
  const id = `series-${s.code}`;
  // The chart draws one point a year (the first published for it; the table lists every figure and source).
  const byYear = new Map<number, number>();
  for (const p of s.points) if (p.year !== null && !byYear.has(p.year)) byYear.set(p.year, p.value);
  const dated = [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
  const name = text3(s.names, lng);
  /** "about 60,000", "60,000 以上"…: the qualifier's place around the figure is the language's. */
  const figure = (value: number, q: string | undefined) => {
    const v = formatValue(value, lng);
    return q ? t(`qualifiers.${keyOf(q)}`, { value: v, defaultValue: `${q} ${v}` }) : v;
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid="series" data-series={s.code}>
      <Title order={3} size="h4" id={id}>
        <Name names={s.names} />
      </Title>
      <Group gap="xs" mt={4} mb="sm">
        {unit(s.unit) && (
          <Badge variant="light" color="gray" tt="none">
            {t('series.unit', { unit: unit(s.unit) })}
          </Badge>
        )}
        {s.scope.includes(':') && (
          <Badge variant="light" color="blue" tt="none">
            {t(`scopes.${keyOf(s.scope)}`, { defaultValue: s.scope })}
          </Badge>
        )}
      </Group>
      <Stack gap="sm">
        {dated.length >= 2 && (
          <StatChart
            type={dated.length >= 3 ? 'line' : 'bar'}
            categories={dated.map((p) => formatYear(p.year, lng))}
            series={[{ name, values: dated.map((p) => p.value) }]}
            height={200}
            label={t('series.chartLabel', {
              name,
              from: formatYear(dated[0].year, lng),
              to: formatYear(dated[dated.length - 1].year, lng),
              first: formatValue(dated[0].value, lng),
              last: formatValue(dated[dated.length - 1].value, lng),
            })}
            testId="series-chart"
          />
        )}
        <ScrollTable label={t('series.caption', { name })} minWidth={480}>
          <Table.Caption>{t('series.caption', { name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('series.year')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('series.value')}
              </Table.Th>
              <Table.Th scope="col">{t('series.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.points.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: points keep the published order
              <Table.Tr key={i} data-testid="series-point">
                <Table.Th scope="row" fw={500} style={NUM}>
                  {p.year === null ? t('series.undated') : formatYear(p.year, lng)}
                </Table.Th>
                <Table.Td ta="end" style={NUM} data-qualifier={p.qualifier ?? ''}>
                  {figure(p.value, p.qualifier)}
                </Table.Td>
                <Table.Td>
                  <Citation source={p.source} quote={p.quote} testId="series-citation" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </Stack>
    </Paper>
  );
}
