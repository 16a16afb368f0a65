import { ActionIcon, Alert, Badge, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Slider, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { languageTag } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { YearSelect } from './controls';
import { formatInteger, formatShare, formatValue, formatYear, text3 } from './format';
import { type Indicator, indicatorsQuery, rankingQuery, yearbookIndexQuery } from './queries';
import { StaffOnly } from './StaffOnly';
import { StatChart } from './StatChart';

/** The indicators the composite starts with (those of them the catalogue has). */
const STARTING = ['operating_revenue', 'rd_intensity', 'exports', 'valid_invention_patents', 'employees_degree'];
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const LIMIT = 50;
const CHART_ROWS = 15;
/** The API's score and parts run 0–1; the page shows points out of 100. */
const points = (v: number | null | undefined, lng: Parameters<typeof formatValue>[1]) =>
  v === null || v === undefined
    ? formatValue(null, lng)
    : new Intl.NumberFormat(languageTag(lng), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v * 100);

export function RankingPage() {
  return (
    <StaffOnly>
      <RankingView />
    </StaffOnly>
  );
}

function RankingView() {
  const indicators = useQuery(indicatorsQuery);
  const { t } = useTranslation('yearbook');
  if (indicators.error) return <ApiErrorAlert error={indicators.error} />;
  if (!indicators.data) return <Loader size="sm" role="status" aria-label={t('status.loading')} />;
  return <RankingBody catalogue={indicators.data.items} />;
}

function RankingBody({ catalogue }: { catalogue: Indicator[] }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const zoneIndicators = catalogue.filter((i) => i.entityTypes.includes('enterprise') || i.entityTypes.includes('zone'));
  const [weights, setWeights] = useState<Record<string, number>>(() => {
    const start = STARTING.filter((c) => byCode.has(c));
    const codes = start.length ? start : zoneIndicators.slice(0, 5).map((i) => i.code);
    return Object.fromEntries(codes.map((c) => [c, 20]));
  });
  const [year, setYear] = useState<number | undefined>(undefined);
  const [debounced] = useDebouncedValue(weights, 300);
  const valid = Object.values(debounced).some((w) => w > 0);
  const index = useQuery(yearbookIndexQuery);
  const q = useQuery({ ...rankingQuery({ year, weights: debounced, limit: LIMIT }), enabled: valid });
  const codes = Object.keys(weights);
  const sum = codes.reduce((a, c) => a + (weights[c] ?? 0), 0);
  const name = (code: string) => {
    const i = byCode.get(code);
    return i ? text3(i.names, lng) : code;
  };
  const addable = zoneIndicators.filter((i) => !(i.code in weights));
  const data = q.data;
  const rows = data?.rows ?? [];
  const top = rows.slice(0, CHART_ROWS);
  const used = Object.keys(data?.weights ?? {}).filter((c) => (data?.weights[c] ?? 0) > 0);
  return (
    <>
      <PageTitle>{t('ranking.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('ranking.intro')}
      </Text>
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <YearSelect years={index.data?.years ?? []} value={year ?? data?.year} onChange={setYear} testId="ranking-year" />
        {q.isFetching && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
        {data?.synthetic && (
          <Badge color="grape" variant="light" tt="none" title={t('badges.syntheticHint')}>
            {t('badges.synthetic')}
          </Badge>
        )}
      </Group>
      <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="ranking-weights">
        <Title order={2} size="h4" id="ranking-weights" mb="xs">
          {t('ranking.weights')}
        </Title>
        <Text size="sm" mb="sm">
          {t('ranking.weightsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {codes.map((code) => (
            <Stack key={code} gap={4} data-testid="ranking-weight" data-indicator={code}>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <NumberInput
                  label={name(code)}
                  value={weights[code]}
                  onChange={(v) => setWeights((w) => ({ ...w, [code]: Math.min(100, Math.max(0, Number(v) || 0)) }))}
                  min={0}
                  max={100}
                  step={5}
                  clampBehavior="strict"
                  allowDecimal={false}
                  w="100%"
                  description={sum > 0 ? t('ranking.share', { share: formatShare((weights[code] ?? 0) / sum, lng) }) : undefined}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mb={sum > 0 ? 0 : 2}
                  aria-label={t('ranking.remove', { name: name(code) })}
                  onClick={() =>
                    setWeights((w) => {
                      const { [code]: _, ...rest } = w;
                      return rest;
                    })
                  }
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              </Group>
              <Slider
                value={weights[code]}
                onChange={(v) => setWeights((w) => ({ ...w, [code]: v }))}
                min={0}
                max={100}
                step={5}
                thumbLabel={t('ranking.weightOf', { name: name(code) })}
                label={(v) => formatInteger(v, lng)}
              />
            </Stack>
          ))}
        </SimpleGrid>
        {addable.length > 0 && (
          <Select
            mt="md"
            label={t('ranking.add')}
            placeholder={t('ranking.addPlaceholder')}
            data={addable.map((i) => ({ value: i.code, label: text3(i.names, lng) }))}
            value={null}
            onChange={(v) => v && setWeights((w) => ({ ...w, [v]: 10 }))}
            searchable
            w={340}
            nothingFoundMessage={t('controls.nothingFound')}
            data-testid="ranking-add"
          />
        )}
      </Paper>
      {!valid && (
        <Alert color="orange" variant="light" mb="md" data-testid="ranking-invalid">
          {t('ranking.needWeight')}
        </Alert>
      )}
      <ApiErrorAlert error={valid ? q.error : null} />
      {valid && data && (
        <Stack gap="lg">
          {top.length > 0 && (
            <Paper withBorder p="md" component="figure" m={0} aria-labelledby="ranking-chart-title">
              <Title order={2} size="h4" id="ranking-chart-title" mb="sm">
                {t('ranking.chartTitle', { n: formatInteger(top.length, lng) })}
              </Title>
              <StatChart
                type="bar"
                horizontal
                stacked
                categories={top.map((r) => text3(r.zone.names, lng))}
                series={used.map((c) => ({ name: name(c), values: top.map((r) => ((r.parts[c] ?? null) === null ? null : (r.parts[c] as number) * 100)) }))}
                label={t('ranking.chartLabel', { first: text3(top[0].zone.names, lng), score: points(top[0].score, lng) })}
                testId="ranking-chart"
              />
            </Paper>
          )}
          <section aria-labelledby="ranking-table-title">
            <Title order={2} size="h4" id="ranking-table-title" mb="sm">
              {t('ranking.tableTitle', { year: formatYear(data.year, lng) })}
            </Title>
            <ScrollTable label={t('ranking.caption', { n: formatInteger(rows.length, lng) })} minWidth={640 + codes.length * 110} data-testid="ranking-table">
              <Table.Caption>{t('ranking.caption', { n: formatInteger(rows.length, lng) })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" ta="end">
                    {t('ranking.rank')}
                  </Table.Th>
                  <Table.Th scope="col">{t('ranking.zone')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('ranking.score')}
                  </Table.Th>
                  {used.map((c) => (
                    <Table.Th scope="col" ta="end" key={c}>
                      {name(c)}
                      <Text size="xs" c="dimmed" fw={400}>
                        {t('ranking.weightShare', { share: formatShare(data.weights[c], lng) })}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={3 + used.length}>{t('table.empty')}</Table.Td>
                  </Table.Tr>
                )}
                {rows.map((r) => (
                  <Table.Tr key={r.zone.id} data-testid="ranking-row">
                    <Table.Td ta="end" style={NUM}>
                      {formatInteger(r.rank, lng)}
                    </Table.Td>
                    <Table.Th scope="row" fw={500}>
                      <Name names={r.zone.names} />
                    </Table.Th>
                    <Table.Td ta="end" style={NUM} fw={700} data-testid="ranking-score">
                      {points(r.score, lng)}
                    </Table.Td>
                    {used.map((c) => (
                      <Table.Td ta="end" style={NUM} key={c}>
                        {points(r.parts[c], lng)}
                        <Text size="xs" c="dimmed">
                          {formatValue(r.values[c] ?? null, lng)}
                        </Text>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Text size="xs" c="dimmed" mt={4}>
              {t('ranking.partsNote')}
            </Text>
          </section>
        </Stack>
      )}
    </>
  );
}
