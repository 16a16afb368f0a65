import { Badge, Grid, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { mapPointsQuery } from '../../registry/queries';
import { IndicatorSelect, YearSelect } from './controls';
import { formatInteger, formatValue, formatYear, text3 } from './format';
import { indicatorsQuery, mapQuery, yearbookIndexQuery } from './queries';
import { quantileClasses } from './scale';
import { StaffOnly } from './StaffOnly';
import { useUnitLabel, useWithUnit } from './units';
import { ValueLegend, ValueMap } from './ValueMap';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
/** The indicator the map opens on, when the catalogue has it. */
const FIRST = 'operating_revenue';

export function StatsMapPage() {
  return (
    <StaffOnly>
      <StatsMap />
    </StaffOnly>
  );
}

function StatsMap() {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const unit = useUnitLabel();
  const withUnit = useWithUnit();
  const indicators = useQuery(indicatorsQuery);
  const index = useQuery(yearbookIndexQuery);
  const list = indicators.data?.items ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const code = picked ?? (list.find((i) => i.code === FIRST) ?? list[0])?.code ?? null;
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useQuery({ ...mapQuery({ indicator: code ?? '', year }), enabled: !!code });
  const data = q.data;
  const zones = data?.zones ?? [];
  const classes = quantileClasses(zones.map((z) => z.value));
  const ind = data?.indicator ?? list.find((i) => i.code === code);
  const u = ind ? unit(ind.unit) : '';
  const indName = ind ? text3(ind.names, lng) : '';
  const nameWithUnit = withUnit(indName, u);
  const provinces = [...(data?.provinces ?? [])].sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY));
  const sortedZones = [...zones].sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY));
  // The survey's zones may lack coordinates; the registry's map points place them (city centres: approximate).
  const registryPoints = useQuery(mapPointsQuery({ synthetic: 'include' }));
  const positions = useMemo(
    () =>
      new Map((registryPoints.data?.items ?? []).filter((p) => p.type === 'zone').map((p) => [p.id, { lat: p.lat, lon: p.lon, approximate: p.approximate }])),
    [registryPoints.data],
  );
  const located = (z: (typeof zones)[number]) =>
    z.lat !== null && z.lon !== null ? 'exact' : positions.has(z.id) ? (positions.get(z.id)?.approximate ? 'approximate' : 'exact') : null;
  const unplaced = zones.filter((z) => located(z) === null).length;
  const approximate = zones.filter((z) => located(z) === 'approximate').length;
  const withValue = zones.filter((z) => z.value !== null).length;
  return (
    <>
      <PageTitle>{t('map.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('map.intro')}
      </Text>
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <IndicatorSelect indicators={list} value={code} onChange={setPicked} testId="stats-map-indicator" />
        <YearSelect years={index.data?.years ?? []} value={year ?? data?.year} onChange={setYear} testId="stats-map-year" />
        {(q.isFetching || indicators.isLoading) && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      </Group>
      <ApiErrorAlert error={indicators.error ?? q.error} />
      {data && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="xs">
              <ValueMap
                zones={zones}
                positions={positions}
                classes={classes}
                label={t('map.label', {
                  indicator: nameWithUnit,
                  year: formatYear(data.year, lng),
                  n: formatInteger(withValue, lng),
                  total: formatInteger(zones.length, lng),
                })}
              />
              <ValueLegend
                classes={classes}
                approximate={approximate}
                title={t('map.legendTitle', { indicator: nameWithUnit, year: formatYear(data.year, lng) })}
              />
              {unplaced > 0 && (
                <Text size="sm" c="dimmed">
                  {t('map.unplaced', { count: unplaced, n: formatInteger(unplaced, lng) })}
                </Text>
              )}
              <details>
                <summary className="seedbed-summary">{t('map.zoneTable')}</summary>
                <ScrollTable label={t('map.zoneTable')} minWidth={360} data-testid="stats-map-zones">
                  <Table.Caption>{t('map.zoneCaption', { indicator: nameWithUnit, year: formatYear(data.year, lng) })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('map.zone')}</Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('map.value')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sortedZones.map((z) => (
                      <Table.Tr key={z.id}>
                        <Table.Th scope="row" fw={500}>
                          <Name names={z.names} />
                        </Table.Th>
                        <Table.Td ta="end" style={NUM}>
                          {formatValue(z.value, lng)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollTable>
              </details>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="stats-map-provinces">
              <Title order={2} size="h4" id="stats-map-provinces" mb="sm">
                {t('map.provinces')}
              </Title>
              <ScrollTable
                label={t('map.provinceCaption', { indicator: nameWithUnit, year: formatYear(data.year, lng) })}
                minWidth={280}
                data-testid="stats-map-provinces"
              >
                <Table.Caption>{t('map.provinceCaption', { indicator: nameWithUnit, year: formatYear(data.year, lng) })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('map.province')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('map.value')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {provinces.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={2}>{t('table.empty')}</Table.Td>
                    </Table.Tr>
                  )}
                  {provinces.map((p) => (
                    <Table.Tr key={p.code}>
                      <Table.Th scope="row" fw={500}>
                        <Name names={p.names} />
                      </Table.Th>
                      <Table.Td ta="end" style={NUM}>
                        {formatValue(p.value, lng)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              {u && (
                <Badge mt="xs" variant="light" color="gray" tt="none">
                  {t('series.unit', { unit: u })}
                </Badge>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
