import { Box, Group, Progress, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAT_ENTITY_TYPES } from '../../../../shared/contracts/statistics';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { formatDate, formatPercent, formatValue } from './number';
import { Name, SyntheticMark } from './parts';
import { type CompletenessRowT, completenessQuery, nameOf, type Period, periodsQuery, type StatEntityType } from './queries';

/** The period a reader most likely wants: the latest open one, else the latest. */
function defaultPeriod(items: Period[]): string | null {
  const sorted = [...items].sort((a, b) => b.year - a.year || b.dueOn.localeCompare(a.dueOn));
  return (sorted.find((p) => p.status === 'open') ?? sorted[0])?.id ?? null;
}

function Share({ value, label }: { value: number; label: string }) {
  const lng = useLanguage();
  const pct = Math.max(0, Math.min(1, value));
  return (
    <Group gap={8} wrap="nowrap" justify="flex-end">
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatPercent(value, lng)}
      </Text>
      <Box w={80} aria-hidden="true">
        <Progress value={pct * 100} size="sm" color={pct >= 0.9 ? 'teal' : pct >= 0.5 ? 'yellow.7' : 'red'} aria-label={label} />
      </Box>
    </Group>
  );
}

/** Completeness and timeliness of the survey: expected, started, submitted, approved and on time, per zone or province. */
export function CompletenessPage() {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const periods = useQuery(periodsQuery);
  const [chosen, setChosen] = useState<string | null>(null);
  const periodId = chosen ?? defaultPeriod(periods.data?.items ?? []);
  const [entityType, setEntityType] = useState<StatEntityType>('enterprise');
  const [by, setBy] = useState<'zone' | 'province'>('zone');
  const data = useQuery({ ...completenessQuery({ periodId: periodId ?? '', entityType, by }), enabled: !!periodId });
  const rows = data.data?.rows ?? [];
  const num = (n: number) => formatValue(n, lng);
  const cells = (r: CompletenessRowT) => (
    <>
      <Table.Td ta="end">{num(r.expected)}</Table.Td>
      <Table.Td ta="end">{num(r.started)}</Table.Td>
      <Table.Td ta="end">{num(r.submitted)}</Table.Td>
      <Table.Td ta="end">{num(r.approved)}</Table.Td>
      <Table.Td ta="end">{num(r.onTime)}</Table.Td>
      <Table.Td>
        <Share value={r.completeness} label={t('completeness.completeness')} />
      </Table.Td>
      <Table.Td>
        <Share value={r.timeliness} label={t('completeness.timeliness')} />
      </Table.Td>
    </>
  );
  const period = data.data?.period;
  return (
    <>
      <PageTitle>{t('completeness.title')}</PageTitle>
      <Text mb="md" maw={760}>
        {t('completeness.intro')}
      </Text>
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('fields.period')}
          data={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: nameOf(p.names, lng) }))}
          value={periodId}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          w={280}
          data-testid="completeness-period"
        />
        <Select
          label={t('fields.entityType')}
          data={STAT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`entityType.${e}`) }))}
          value={entityType}
          onChange={(v) => v && setEntityType(v as StatEntityType)}
          allowDeselect={false}
          w={200}
          data-testid="completeness-entity-type"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="completeness-by-label">
            {t('completeness.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="completeness-by-label"
            value={by}
            onChange={(v) => setBy(v as 'zone' | 'province')}
            data={[
              { value: 'zone', label: t('completeness.byZone') },
              { value: 'province', label: t('completeness.byProvince') },
            ]}
            data-testid="completeness-by"
          />
        </Stack>
      </Group>
      {period && (
        <Group gap="sm" mb="sm">
          <Text size="sm" c="dimmed">
            {t('form.due', { date: formatDate(period.dueOn, lng) })}
          </Text>
          <SyntheticMark synthetic={period.synthetic} />
        </Group>
      )}
      <ApiErrorAlert error={periods.error ?? data.error} />
      {periods.data && periods.data.items.length === 0 && <Text>{t('completeness.noPeriods')}</Text>}
      <ScrollTable label={t('completeness.title')} minWidth={960} data-testid="completeness-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{by === 'zone' ? t('completeness.zone') : t('completeness.province')}</Table.Th>
            <Table.Th ta="end">{t('completeness.expected')}</Table.Th>
            <Table.Th ta="end">{t('completeness.started')}</Table.Th>
            <Table.Th ta="end">{t('completeness.submitted')}</Table.Th>
            <Table.Th ta="end">{t('completeness.approved')}</Table.Th>
            <Table.Th ta="end">{t('completeness.onTime')}</Table.Th>
            <Table.Th ta="end">{t('completeness.completeness')}</Table.Th>
            <Table.Th ta="end">{t('completeness.timeliness')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && <EmptyRow cols={8} loading={data.isLoading || periods.isLoading} />}
          {rows.map((r) => (
            <Table.Tr key={r.key ?? 'none'} data-testid="completeness-row" data-key={r.key ?? ''}>
              <Table.Th scope="row" fw={400}>
                {r.key === null && !r.names.en ? t('completeness.unassigned') : <Name names={r.names} />}
              </Table.Th>
              {cells(r)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {data.data && rows.length > 0 && (
          <Table.Tfoot>
            <Table.Tr fw={700} data-testid="completeness-total">
              <Table.Th scope="row">{t('completeness.total')}</Table.Th>
              {cells(data.data.total)}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </ScrollTable>
    </>
  );
}
