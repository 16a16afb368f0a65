import { Badge, Button, Group, NativeSelect, Progress, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { DateTime } from '../../app/components/DateTime';
import { EmptyRow } from '../../app/components/EmptyRow';
import { PageTitle } from '../../app/components/PageTitle';
import { Pager } from '../../app/components/Pager';
import { ScrollTable } from '../../app/components/ScrollTable';
import type { Job, JobStatus } from '../../../shared/contracts/jobs';
import { ConfirmButton } from '../../app/components/ConfirmButton';
import type { Paged } from './types';
import { notify } from '../../app/notify';

/** Exhaustive over the contract's statuses: a new status fails the type check until it has a colour (and a label). */
const STATUS_COLOR: Record<JobStatus, string> = { queued: 'gray', running: 'blue', succeeded: 'teal', failed: 'red', cancelled: 'orange' };
const STATUSES = Object.keys(STATUS_COLOR) as JobStatus[];
const RETRYABLE = new Set<JobStatus>(['failed', 'cancelled']);
const CANCELLABLE = new Set<JobStatus>(['queued', 'running']);
const LIMIT = 25;

function percent(j: Job): number | null {
  if (j.status === 'succeeded') return 100;
  if (!j.progressTotal) return null;
  return Math.min(100, Math.round((j.progressDone / j.progressTotal) * 100));
}

export function JobsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['admin', 'jobs', { status, offset }],
    queryFn: () => get<Paged<Job>>('/api/v1/jobs', { status, limit: LIMIT, offset }),
    placeholderData: keepPreviousData,
    // Progress moves while a job runs.
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'running' || j.status === 'queued') ? 3000 : false),
  });
  const retry = useMutation({
    mutationFn: (id: string) => post(`/api/v1/jobs/${id}/retry`),
    onSuccess: () => {
      notify(t('jobs.retried'));
      return qc.invalidateQueries({ queryKey: ['admin', 'jobs'] });
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => post(`/api/v1/jobs/${id}/cancel`),
    onSuccess: () => {
      notify(t('jobs.cancelledToast'));
      return qc.invalidateQueries({ queryKey: ['admin', 'jobs'] });
    },
  });
  const items = list.data?.items ?? [];
  const statusLabel = (s: string) => t(`jobs.status.${s}`, { defaultValue: s });

  return (
    <>
      <PageTitle>{t('jobs.title')}</PageTitle>
      <Group mb="md">
        <NativeSelect
          label={t('fields.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setOffset(0);
          }}
          data={[{ value: '', label: t('filters.all') }, ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
        />
      </Group>
      <ApiErrorAlert error={list.error ?? retry.error ?? cancel.error} />
      <ScrollTable label={t('jobs.title')} minWidth={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('jobs.type')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th w={220}>{t('jobs.progress')}</Table.Th>
            <Table.Th>{t('jobs.attempts')}</Table.Th>
            <Table.Th>{t('fields.createdAt')}</Table.Th>
            <Table.Th>{t('jobs.finishedAt')}</Table.Th>
            <Table.Th>{t('fields.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={7} loading={list.isLoading} />}
          {items.map((j) => {
            const pct = percent(j);
            return (
              <Table.Tr key={j.id}>
                <Table.Td dir="ltr">
                  <code>{j.type}</code>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLOR[j.status]}>
                    {statusLabel(j.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Progress.Root size="lg" aria-hidden={pct === null}>
                    <Progress.Section
                      value={pct ?? 0}
                      color={j.status === 'failed' ? 'red' : 'teal'}
                      aria-label={t('jobs.progressOf', { type: j.type })}
                      animated={j.status === 'running'}
                    />
                  </Progress.Root>
                  <Text size="xs" mt={2}>
                    {j.progressTotal ? t('jobs.progressCount', { done: j.progressDone, total: j.progressTotal }) : ''}
                    {j.progressMessage ? ` · ${j.progressMessage}` : ''}
                  </Text>
                  {j.lastError && (
                    <Text size="xs" c="red.9" mt={2}>
                      {j.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t('jobs.attemptsOf', { attempts: j.attempts, max: j.maxAttempts })}</Table.Td>
                <Table.Td>
                  <DateTime value={j.createdAt} />
                </Table.Td>
                <Table.Td>
                  <DateTime value={j.finishedAt} />
                </Table.Td>
                <Table.Td>
                  {RETRYABLE.has(j.status) && (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      onClick={() => retry.mutate(j.id)}
                      loading={retry.isPending && retry.variables === j.id}
                      aria-label={t('jobs.retryNamed', { type: j.type })}
                    >
                      {t('jobs.retry')}
                    </Button>
                  )}
                  {CANCELLABLE.has(j.status) && (
                    <ConfirmButton
                      size="compact-sm"
                      variant="outline"
                      color="red"
                      label={t('jobs.cancel')}
                      ariaLabel={t('jobs.cancelNamed', { type: j.type })}
                      title={t('jobs.cancelTitle')}
                      question={t('jobs.cancelQuestion', { type: j.type })}
                      confirmLabel={t('jobs.cancel')}
                      onConfirm={() => cancel.mutate(j.id)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </>
  );
}
