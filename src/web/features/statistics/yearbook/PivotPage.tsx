import { Alert, Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS, STAGES } from '../../../../shared/contracts/registry';
import { PIVOT_DIMENSIONS, type PivotDimension, SIZE_CLASSES, STAT_ENTITY_TYPES, type StatEntityType } from '../../../../shared/contracts/statistics';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { divisionsQuery, listQuery } from '../../registry/queries';
import { IndicatorSelect } from './controls';
import { formatValue, formatYear, text3 } from './format';
import { download, pivotCsv } from './pivotCsv';
import { type Pivot, type PivotParams, indicatorsQuery, pivotQuery, yearbookIndexQuery } from './queries';
import { StaffOnly } from './StaffOnly';
import { useUnitLabel, useWithUnit } from './units';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const FIRST = 'operating_revenue';

/** The heat-map's shade: teal, from none (the smallest cell) to 55 % (the largest); text stays dark and legible. */
function shade(v: number | null, min: number, max: number): string | undefined {
  if (v === null || !Number.isFinite(v)) return undefined;
  const f = max > min ? (v - min) / (max - min) : 1;
  return `rgba(21, 170, 191, ${(0.06 + f * 0.49).toFixed(3)})`;
}

export function PivotPage() {
  return (
    <StaffOnly>
      <PivotView />
    </StaffOnly>
  );
}

type Filters = { zone?: string; province?: string; sector?: string; size?: (typeof SIZE_CLASSES)[number]; stage?: string; yearFrom?: number; yearTo?: number };

function PivotView() {
  const { t } = useTranslation(['yearbook', 'web']);
  const lng = useLanguage();
  const indicators = useQuery(indicatorsQuery);
  const index = useQuery(yearbookIndexQuery);
  const zones = useQuery(listQuery('zone', { limit: 500 }));
  const divisions = useQuery(divisionsQuery);
  const list = indicators.data?.items ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const [rows, setRows] = useState<PivotDimension>('zone');
  const [cols, setCols] = useState<PivotDimension>('year');
  const [entityType, setEntityType] = useState<StatEntityType>('enterprise');
  const [f, setF] = useState<Filters>({});
  const forType = list.filter((i) => i.entityTypes.includes(entityType));
  const code = (picked && forType.some((i) => i.code === picked) ? picked : null) ?? (forType.find((i) => i.code === FIRST) ?? forType[0])?.code ?? null;
  const same = rows === cols;
  const params: PivotParams = { indicator: code ?? '', rows, cols, entityType, ...f };
  const q = useQuery({ ...pivotQuery(params), enabled: !!code && !same });
  const dim = (d: PivotDimension) => t(`pivot.dimensions.${d}`);
  const years = [...(index.data?.years ?? [])].sort((a, b) => a.year - b.year).map((y) => ({ value: String(y.year), label: formatYear(y.year, lng) }));
  const set = (patch: Filters) => setF((old) => ({ ...old, ...patch }));
  const provinces = (divisions.data?.items ?? []).filter((d) => d.level === 'province');
  const dimensionData = PIVOT_DIMENSIONS.map((d) => ({ value: d, label: dim(d) }));
  return (
    <>
      <PageTitle>{t('pivot.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('pivot.intro')}
      </Text>
      <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="pivot-controls">
        <Title order={2} size="h4" id="pivot-controls" mb="sm">
          {t('pivot.controls')}
        </Title>
        <Group align="flex-end" gap="md" wrap="wrap" mb="md">
          <Select
            label={t('pivot.entityType')}
            data={STAT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`entityTypes.${e}`) }))}
            value={entityType}
            onChange={(v) => v && setEntityType(v as StatEntityType)}
            allowDeselect={false}
            w={200}
            data-testid="pivot-entity-type"
          />
          <IndicatorSelect indicators={forType} value={code} onChange={setPicked} testId="pivot-indicator" />
          <Select
            label={t('pivot.rows')}
            data={dimensionData}
            value={rows}
            onChange={(v) => v && setRows(v as PivotDimension)}
            allowDeselect={false}
            w={180}
            data-testid="pivot-rows"
          />
          <Select
            label={t('pivot.cols')}
            data={dimensionData}
            value={cols}
            onChange={(v) => v && setCols(v as PivotDimension)}
            allowDeselect={false}
            w={180}
            data-testid="pivot-cols"
          />
        </Group>
        <Title order={3} size="h5" mb="xs">
          {t('pivot.filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Select
            label={t('pivot.yearFrom')}
            data={years}
            value={f.yearFrom === undefined ? null : String(f.yearFrom)}
            onChange={(v) => set({ yearFrom: v ? Number(v) : undefined })}
            clearable
            placeholder={t('pivot.any')}
          />
          <Select
            label={t('pivot.yearTo')}
            data={years}
            value={f.yearTo === undefined ? null : String(f.yearTo)}
            onChange={(v) => set({ yearTo: v ? Number(v) : undefined })}
            clearable
            placeholder={t('pivot.any')}
          />
          <Select
            label={dim('zone')}
            data={(zones.data?.items ?? []).map((z) => ({ value: z.id, label: text3(z.names, lng) }))}
            value={f.zone ?? null}
            onChange={(v) => set({ zone: v ?? undefined })}
            clearable
            searchable
            placeholder={t('pivot.any')}
            nothingFoundMessage={t('controls.nothingFound')}
          />
          <Select
            label={dim('province')}
            data={provinces.map((p) => ({ value: p.code, label: text3(p.names, lng) }))}
            value={f.province ?? null}
            onChange={(v) => set({ province: v ?? undefined })}
            clearable
            searchable
            placeholder={t('pivot.any')}
            nothingFoundMessage={t('controls.nothingFound')}
          />
          <Select
            label={dim('sector')}
            data={SECTORS.map((s) => ({ value: s, label: t(`web:registry.sectors.${s}`) }))}
            value={f.sector ?? null}
            onChange={(v) => set({ sector: v ?? undefined })}
            clearable
            placeholder={t('pivot.any')}
          />
          <Select
            label={dim('size')}
            data={SIZE_CLASSES.map((s) => ({ value: s, label: t(`sizes.${s}`) }))}
            value={f.size ?? null}
            onChange={(v) => set({ size: (v ?? undefined) as Filters['size'] })}
            clearable
            placeholder={t('pivot.any')}
          />
          <Select
            label={dim('stage')}
            data={STAGES.map((s) => ({ value: s, label: t(`web:registry.stages.${s}`) }))}
            value={f.stage ?? null}
            onChange={(v) => set({ stage: v ?? undefined })}
            clearable
            placeholder={t('pivot.any')}
          />
          <Group align="flex-end">
            <Button variant="default" onClick={() => setF({})} disabled={Object.values(f).every((v) => v === undefined)}>
              {t('pivot.clear')}
            </Button>
          </Group>
        </SimpleGrid>
      </Paper>
      {same && (
        <Alert color="orange" variant="light" mb="md">
          {t('pivot.sameDimension')}
        </Alert>
      )}
      <ApiErrorAlert error={indicators.error ?? (same ? null : q.error)} />
      {(q.isFetching || indicators.isLoading) && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      {!same && q.data && <PivotTable p={q.data} rows={rows} cols={cols} />}
    </>
  );
}

function PivotTable({ p, rows, cols }: { p: Pivot; rows: PivotDimension; cols: PivotDimension }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const unit = useUnitLabel();
  const withUnit = useWithUnit();
  const indName = text3(p.indicator.names, lng);
  const u = unit(p.indicator.unit);
  const title = withUnit(indName, u);
  const values = p.cells.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  const corner = t('pivot.corner', { rows: t(`pivot.dimensions.${rows}`), cols: t(`pivot.dimensions.${cols}`) });
  const header = (h: Pivot['rows'][number]) => text3(h.label, lng);
  const caption = t('pivot.caption', { indicator: title, rows: t(`pivot.dimensions.${rows}`), cols: t(`pivot.dimensions.${cols}`) });
  const onCsv = () => download(pivotCsv(p, { corner, total: t('table.total'), header }), `pivot-${p.indicator.code}-${rows}-${cols}.csv`);
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h4">
            {title}
          </Title>
          {p.synthetic && (
            <Badge color="grape" variant="light" tt="none" title={t('badges.syntheticHint')} data-testid="pivot-synthetic">
              {t('badges.synthetic')}
            </Badge>
          )}
        </Group>
        <Button variant="default" onClick={onCsv} data-testid="pivot-csv">
          {t('pivot.csv')}
        </Button>
      </Group>
      <ScrollTable label={caption} minWidth={Math.max(560, (p.cols.length + 2) * 110)} data-testid="pivot-table" striped={false} withColumnBorders>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{corner}</Table.Th>
            {p.cols.map((c, j) => (
              <Table.Th scope="col" ta="end" key={c.key ?? `c${j}`}>
                <Name names={c.label} />
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="end">
              {t('table.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={p.cols.length + 2}>{t('table.empty')}</Table.Td>
            </Table.Tr>
          )}
          {p.rows.map((r, i) => (
            <Table.Tr key={r.key ?? `r${i}`} data-testid="pivot-row">
              <Table.Th scope="row" fw={500}>
                <Name names={r.label} />
              </Table.Th>
              {p.cols.map((c, j) => {
                const v = p.cells[i]?.[j] ?? null;
                return (
                  <Table.Td key={c.key ?? `c${j}`} ta="end" style={{ ...NUM, background: shade(v, min, max) }}>
                    {formatValue(v, lng)}
                  </Table.Td>
                );
              })}
              <Table.Td ta="end" style={NUM} fw={700}>
                {formatValue(p.rowTotals[i] ?? null, lng)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="pivot-total">
            <Table.Th scope="row">{t('table.total')}</Table.Th>
            {p.cols.map((c, j) => (
              <Table.Td key={c.key ?? `c${j}`} ta="end" style={NUM}>
                {formatValue(p.colTotals[j] ?? null, lng)}
              </Table.Td>
            ))}
            <Table.Td ta="end" style={NUM}>
              {formatValue(p.total, lng)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </ScrollTable>
      <Text size="xs" c="dimmed">
        {t('pivot.shadeNote')}
      </Text>
    </Stack>
  );
}
