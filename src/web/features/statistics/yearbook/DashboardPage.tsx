import { Alert, Badge, Group, Loader, Paper, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { directionOf } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { listQuery } from '../../registry/queries';
import { YearSelect } from './controls';
import { DistributionKey, DistributionStrip } from './DistributionStrip';
import { DASH, formatGrowth, formatInteger, formatPercentile, formatShare, formatValue, formatYear, text3 } from './format';
import { type Dashboard, dashboardQuery } from './queries';
import { StaffOnly } from './StaffOnly';
import { scopedZoneIds, staffWide, useStatisticsAccess } from './staff';
import { StatChart } from './StatChart';
import { useUnitLabel } from './units';

type Item = Dashboard['items'][number];

/** The statistics dashboard: a zone against the national distribution (zone managers), the country (analysts). */
export function DashboardPage() {
  return (
    <StaffOnly>
      <DashboardView />
    </StaffOnly>
  );
}

function DashboardView() {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const { user } = useStatisticsAccess();
  const own = scopedZoneIds(user);
  const [zoneId, setZoneId] = useState<string | null>(own[0] ?? null);
  const [year, setYear] = useState<number | undefined>(undefined);
  const zones = useQuery(listQuery('zone', { limit: 500 }));
  const q = useQuery(dashboardQuery({ year, zoneId: zoneId ?? undefined }));
  const data = q.data;
  // A zone manager signed in after the page opened (or their grants arrived late): start at their zone.
  const firstOwn = own[0];
  useEffect(() => {
    if (firstOwn) setZoneId((z) => z ?? firstOwn);
  }, [firstOwn]);
  const zoneItems = zones.data?.items ?? [];
  // A zone manager scoped to zones sees only theirs (the API answers 403 for any other).
  const scoped = own.length > 0 && !staffWide(user);
  const zoneOptions = [
    { group: t('dashboard.yourZones'), items: zoneItems.filter((z) => own.includes(z.id)).map((z) => ({ value: z.id, label: text3(z.names, lng) })) },
    ...(scoped
      ? []
      : [{ group: t('dashboard.allZones'), items: zoneItems.filter((z) => !own.includes(z.id)).map((z) => ({ value: z.id, label: text3(z.names, lng) })) }]),
  ].filter((g) => g.items.length > 0);
  const zoneName = data?.zone ? text3(data.zone.names, lng) : undefined;
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {data?.zone ? t('dashboard.introZone') : t('dashboard.introNational')}
      </Text>
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <Select
          label={t('dashboard.zone')}
          placeholder={t('dashboard.national')}
          data={zoneOptions}
          value={zoneId}
          onChange={setZoneId}
          searchable
          clearable={!scoped}
          allowDeselect={!scoped}
          w={340}
          nothingFoundMessage={t('controls.nothingFound')}
          data-testid="dashboard-zone"
        />
        <YearSelect years={(data?.years ?? []).map((y) => ({ year: y }))} value={year ?? data?.year} onChange={setYear} testId="dashboard-year" />
        {q.isFetching && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
        {data?.synthetic && (
          <Badge color="grape" variant="light" tt="none" title={t('badges.syntheticHint')} data-testid="dashboard-synthetic">
            {t('badges.synthetic')}
          </Badge>
        )}
      </Group>
      <ApiErrorAlert error={q.error ?? zones.error} />
      {data && (
        <Stack gap="lg">
          {data.zone && (
            <Title order={2} size="h3" data-testid="dashboard-zone-title">
              <Name names={data.zone.names} /> · {formatYear(data.year, lng)}
            </Title>
          )}
          {data.zone && data.items.length > 0 && data.items.every((it) => it.zone === null) && (
            <Alert color="gray" variant="light" data-testid="dashboard-zone-empty">
              {t('dashboard.zoneNoData', { year: formatYear(data.year, lng) })}
            </Alert>
          )}
          {data.completeness && <CompletenessCard c={data.completeness} year={data.year} />}
          <section aria-labelledby="dashboard-indicators">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} size="h3" id="dashboard-indicators">
                {t('dashboard.indicators')}
              </Title>
              <DistributionKey withZone={!!data.zone} />
            </Group>
            {data.items.length === 0 && <Text>{t('dashboard.noItems')}</Text>}
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {data.items.map((it) => (
                <IndicatorCard key={it.indicator.code} item={it} zoneName={zoneName} year={data.year} />
              ))}
            </SimpleGrid>
          </section>
        </Stack>
      )}
    </>
  );
}

function CompletenessCard({ c, year }: { c: NonNullable<Dashboard['completeness']>; year: number }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const submitted = c.expected > 0 ? c.submitted / c.expected : 0;
  const approved = c.expected > 0 ? c.approved / c.expected : 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dashboard-completeness" data-testid="dashboard-completeness">
      <Title order={2} size="h4" id="dashboard-completeness" mb="xs">
        {t('dashboard.completeness', { year: formatYear(year, lng) })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('dashboard.expected')} value={formatInteger(c.expected, lng)} />
        <Figure label={t('dashboard.submitted')} value={`${formatInteger(c.submitted, lng)} · ${formatShare(submitted, lng)}`} />
        <Figure label={t('dashboard.approved')} value={`${formatInteger(c.approved, lng)} · ${formatShare(approved, lng)}`} />
      </SimpleGrid>
      <Progress.Root size="lg" mt="sm" aria-hidden="true">
        <Progress.Section value={approved * 100} color="teal" />
        <Progress.Section value={Math.max(0, submitted - approved) * 100} color="blue" />
      </Progress.Root>
    </Paper>
  );
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="lg" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && <Text size="xs">{hint}</Text>}
    </div>
  );
}

function IndicatorCard({ item, zoneName, year }: { item: Item; zoneName?: string; year: number }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const unit = useUnitLabel();
  const rtl = directionOf(lng) === 'rtl';
  const ind = item.indicator;
  const name = text3(ind.names, lng);
  const id = `dash-${ind.code}`;
  const u = unit(ind.unit);
  const withZone = zoneName !== undefined;
  const zoneHasData = withZone && item.trend.some((p) => p.zone !== null);
  // Sums of one zone are a small part of the country's: their own axis. Ratios and averages share one.
  const ownAxis = ind.aggregation === 'sum' || ind.aggregation === 'count';
  const trend = [...item.trend].sort((a, b) => a.year - b.year);
  const series = [
    { name: t('dashboard.nationalSeries'), values: trend.map((p) => p.national) },
    ...(zoneHasData ? [{ name: zoneName as string, values: trend.map((p) => p.zone), axis: ownAxis ? (1 as const) : (0 as const) }] : []),
  ];
  const n = item.distribution?.n;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid="dashboard-item" data-indicator={ind.code}>
      <Title order={3} size="h5" id={id}>
        {name}
        {u && (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            {t('unitOnly', { unit: u })}
          </Text>
        )}
      </Title>
      <SimpleGrid cols={withZone ? 3 : 2} mt="xs" mb="sm">
        <Figure
          label={t('dashboard.nationalValue', { year: formatYear(year, lng) })}
          value={formatValue(item.national, lng)}
          hint={item.growth === null ? undefined : t('dashboard.growth', { growth: formatGrowth(item.growth, lng) })}
          testId="dashboard-national"
        />
        {withZone && <Figure label={t('dashboard.zoneValue')} value={formatValue(item.zone, lng)} testId="dashboard-zone-value" />}
        {withZone ? (
          <Figure
            label={t('dashboard.rank')}
            value={
              item.rank === null
                ? DASH
                : n
                  ? t('dashboard.rankOf', { rank: formatInteger(item.rank, lng), n: formatInteger(n, lng) })
                  : formatInteger(item.rank, lng)
            }
            hint={item.percentile === null ? undefined : t('dashboard.percentile', { p: formatPercentile(item.percentile, lng) })}
            testId="dashboard-rank"
          />
        ) : (
          <Figure label={t('dashboard.previous')} value={formatValue(item.nationalPrevious, lng)} />
        )}
      </SimpleGrid>
      {item.distribution && <DistributionStrip d={item.distribution} value={withZone ? item.zone : null} zoneName={zoneName} />}
      {trend.length >= 2 && (
        <StatChart
          type="line"
          categories={trend.map((p) => formatYear(p.year, lng))}
          series={series}
          height={200}
          label={t('dashboard.trendLabel', { name, from: formatYear(trend[0].year, lng), to: formatYear(trend[trend.length - 1].year, lng) })}
          testId="dashboard-trend"
        />
      )}
      {trend.length >= 2 && zoneHasData && ownAxis && (
        <Text size="xs" c="dimmed">
          {t(rtl ? 'dashboard.twoAxesRtl' : 'dashboard.twoAxes')}
        </Text>
      )}
    </Paper>
  );
}
