import { Anchor, Group, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../app/components/DateTime';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { Pager } from '../../../app/components/Pager';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { formatValue } from './number';
import { LateBadge, Name } from './parts';
import { nameOf, periodsQuery, submissionsQuery, WARNING_TEXT } from './queries';

const LIMIT = 50;

/** The approvals inbox: returns waiting at a level I approve, oldest first as the server orders them. */
export function ReviewInboxPage() {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const periods = useQuery(periodsQuery);
  const list = useQuery(submissionsQuery({ view: 'review', periodId: periodId ?? undefined, limit: LIMIT, offset }));
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <Text mb="md" maw={760}>
        {t('inbox.intro')}
      </Text>
      <Group mb="sm">
        <Select
          label={t('fields.period')}
          placeholder={t('inbox.allPeriods')}
          data={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: nameOf(p.names, lng) }))}
          value={periodId}
          onChange={(v) => {
            setPeriodId(v);
            setOffset(0);
          }}
          clearable
          w={280}
          data-testid="review-period"
        />
      </Group>
      <ApiErrorAlert error={list.error} />
      <ScrollTable label={t('inbox.title')} minWidth={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.entity')}</Table.Th>
            <Table.Th>{t('fields.period')}</Table.Th>
            <Table.Th>{t('fields.level')}</Table.Th>
            <Table.Th>{t('fields.submittedAt')}</Table.Th>
            <Table.Th ta="end">{t('fields.errors')}</Table.Th>
            <Table.Th ta="end">{t('fields.warnings')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={6} loading={list.isLoading} />}
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="review-row" data-submission={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/statistics/survey/${s.id}` as never} data-testid="review-open">
                  <Name names={s.entity.names} />
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`entityType.${s.entityType}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Name names={s.period.names} />
              </Table.Td>
              <Table.Td>{s.level ? t(`level.${s.level}`) : ''}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <DateTime value={s.submittedAt} />
                  <LateBadge late={s.late} />
                </Group>
              </Table.Td>
              <Table.Td ta="end" c={s.errors > 0 ? 'red.8' : undefined} fw={s.errors > 0 ? 700 : undefined}>
                {formatValue(s.errors, lng)}
              </Table.Td>
              <Table.Td ta="end" c={s.warnings > 0 ? WARNING_TEXT : undefined} fw={s.warnings > 0 ? 700 : undefined}>
                {formatValue(s.warnings, lng)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <Pager total={list.data?.total ?? 0} limit={LIMIT} offset={offset} onChange={setOffset} />
    </>
  );
}
