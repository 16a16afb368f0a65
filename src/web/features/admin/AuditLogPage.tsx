import { Button, Code, Group, NativeSelect, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/contracts/audit';
import { get } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { DateTime } from '../../app/components/DateTime';
import { EmptyRow } from '../../app/components/EmptyRow';
import { PageTitle } from '../../app/components/PageTitle';
import { Pager } from '../../app/components/Pager';
import { ScrollTable } from '../../app/components/ScrollTable';
import { AuditChange } from './AuditChange';
import { AuditFilterForm } from './AuditFilterForm';
import { type AuditFilters, NO_FILTERS, toQuery } from './auditFilters';
import type { Paged } from './types';

const LIMIT = 25;

export function AuditLogPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [sort, setSort] = useState<'-createdAt' | 'createdAt'>('-createdAt');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const list = useQuery({
    queryKey: ['admin', 'audit', { filters, sort, offset }],
    queryFn: () => get<Paged<AuditEvent>>('/api/v1/audit-events', { ...toQuery(filters), sort, limit: LIMIT, offset }),
    placeholderData: keepPreviousData,
  });
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const items = list.data?.items ?? [];

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <AuditFilterForm
        onApply={(f) => {
          setFilters(f);
          setOffset(0);
        }}
      />
      <Group mb="sm">
        <NativeSelect
          label={t('audit.order')}
          value={sort}
          onChange={(e) => {
            setSort(e.currentTarget.value as typeof sort);
            setOffset(0);
          }}
          data={[
            { value: '-createdAt', label: t('audit.newestFirst') },
            { value: 'createdAt', label: t('audit.oldestFirst') },
          ]}
        />
      </Group>
      <ApiErrorAlert error={list.error} />
      <ScrollTable label={t('audit.title')} minWidth={760} striped={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.when')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={5} loading={list.isLoading} />}
          {items.map((ev) => {
            const expanded = open.has(ev.id);
            const detailsId = `audit-event-${ev.id}`;
            return (
              <Fragment key={ev.id}>
                <Table.Tr data-testid="audit-row">
                  <Table.Td>
                    <DateTime value={ev.createdAt} />
                  </Table.Td>
                  <Table.Td>{ev.actorLabel}</Table.Td>
                  <Table.Td dir="ltr">
                    <Code>{ev.action}</Code>
                  </Table.Td>
                  <Table.Td dir="ltr">
                    {ev.entityType}
                    {ev.entityId && <Code ms={6}>{ev.entityId.length > 12 ? `${ev.entityId.slice(0, 8)}…` : ev.entityId}</Code>}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      onClick={() => toggle(ev.id)}
                    >
                      {expanded ? t('audit.hide') : t('audit.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={5}>
                      <AuditChange id={ev.id} before={ev.before} after={ev.after} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </>
  );
}
