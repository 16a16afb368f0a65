import { Anchor, Badge, Group, Select, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, VERDICTS } from '../../../../shared/contracts/funding';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { callsQuery, money, t3 } from '../calls/queries';
import { screeningQuery, STATUS_COLOR, VERDICT_COLOR } from './queries';

/** The officer's list of submitted applications with their eligibility verdicts, to screen. */
export function ScreeningListPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [callId, setCallId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>('submitted');
  const [verdict, setVerdict] = useState<string | null>(null);
  const calls = useQuery(callsQuery());
  const list = useQuery(screeningQuery({ callId: callId ?? undefined, status: status ?? undefined, verdict: verdict ?? undefined }));
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('funding.applications.screening.title')}</PageTitle>
      <Group mb="md" align="flex-end">
        <Select
          label={t('funding.calls.call')}
          data={(calls.data?.items ?? []).map((c) => ({ value: c.id, label: t3(c.names, lng) }))}
          value={callId}
          onChange={setCallId}
          clearable
          placeholder={t('funding.applications.screening.allCalls')}
          w={320}
        />
        <Select
          label={t('funding.applications.statusLabel')}
          data={APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`funding.applications.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={220}
        />
        <Select
          label={t('funding.applications.verdict')}
          data={VERDICTS.map((v) => ({ value: v, label: t(`funding.applications.verdicts.${v}`) }))}
          value={verdict}
          onChange={setVerdict}
          clearable
          w={200}
        />
      </Group>
      <ApiErrorAlert error={list.error} />
      <ScrollTable label={t('funding.applications.screening.title')} minWidth={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.applications.enterprise')}</Table.Th>
            <Table.Th>{t('funding.calls.call')}</Table.Th>
            <Table.Th>{t('funding.applications.verdict')}</Table.Th>
            <Table.Th>{t('funding.applications.statusLabel')}</Table.Th>
            <Table.Th>{t('funding.applications.request')}</Table.Th>
            <Table.Th>{t('funding.applications.submittedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={6} loading={list.isLoading} />}
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/funding/screening/${a.id}` as never}>
                  {a.enterprise ? t3(a.enterprise.names, lng) : a.id}
                </Anchor>
              </Table.Td>
              <Table.Td>{t3(a.callNames, lng)}</Table.Td>
              <Table.Td>
                {a.verdict && (
                  <Badge color={VERDICT_COLOR[a.verdict]} variant="light">
                    {t(`funding.applications.verdicts.${a.verdict}`)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[a.status]} variant="light">
                  {t(`funding.applications.status.${a.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{a.instrument ? `${t(`funding.calls.instrument.${a.instrument}`)} ${money(a.requestedAmount, a.currency, lng)}` : ''}</Table.Td>
              <Table.Td>
                <DateTime value={a.submittedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
