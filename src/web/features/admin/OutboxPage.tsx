import { Anchor, Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { DateTime } from '../../app/components/DateTime';
import { EmptyRow } from '../../app/components/EmptyRow';
import { PageTitle } from '../../app/components/PageTitle';
import { Pager } from '../../app/components/Pager';
import { ScrollTable } from '../../app/components/ScrollTable';
import type { OutboxEmail } from '../../../shared/contracts/notifications';
import type { Paged } from './types';

/** Mail is plain text; its links (a password reset, say) are made clickable for the admin reading it. */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/[^\s]+)/g).map((part, i) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
          <Anchor key={i} href={part} dir="ltr">
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Exhaustive over the contract's statuses: a new status fails the type check until it has a colour (and a label). */
const STATUS_COLOR: Record<OutboxEmail['status'], string> = { pending: 'gray', held: 'yellow', sent: 'teal', failed: 'red' };
const STATUSES = Object.keys(STATUS_COLOR) as OutboxEmail['status'][];
const LIMIT = 25;

export function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [reading, setReading] = useState<OutboxEmail | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'outbox', { status, offset }],
    queryFn: () => get<Paged<OutboxEmail>>('/api/v1/email-outbox', { status, limit: LIMIT, offset }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const statusLabel = (s: string) => t(`outbox.status.${s}`, { defaultValue: s });

  return (
    <>
      <PageTitle>{t('outbox.title')}</PageTitle>
      <Text mb="md" maw={720}>
        {t('outbox.intro')}
      </Text>
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
      <ApiErrorAlert error={list.error} />
      <ScrollTable label={t('outbox.title')} minWidth={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('outbox.to')}</Table.Th>
            <Table.Th>{t('outbox.subject')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('fields.createdAt')}</Table.Th>
            <Table.Th>{t('outbox.sentAt')}</Table.Th>
            <Table.Th>{t('fields.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={6} loading={list.isLoading} />}
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td dir="ltr">{m.toAddress}</Table.Td>
              <Table.Td>{m.subject}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[m.status]}>
                  {statusLabel(m.status)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DateTime value={m.createdAt} />
              </Table.Td>
              <Table.Td>
                <DateTime value={m.sentAt} />
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="outline" onClick={() => setReading(m)} aria-label={t('outbox.readNamed', { subject: m.subject })}>
                  {t('outbox.read')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      <Modal
        opened={!!reading}
        onClose={() => setReading(null)}
        title={reading?.subject ?? ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('actions.close') }}
      >
        {reading && (
          <Stack gap="xs">
            <Text size="sm">
              <strong>{t('outbox.to')}:</strong> <span dir="ltr">{reading.toAddress}</span>
            </Text>
            <Text size="sm">
              <strong>{t('fields.status')}:</strong> {statusLabel(reading.status)} · {t('outbox.attempts', { count: reading.attempts })}
            </Text>
            {reading.lastError && (
              <Text size="sm" c="red.9">
                {reading.lastError}
              </Text>
            )}
            <Text component="div" className="seedbed-mail-body" p="sm" bg="gray.0" style={{ borderRadius: 8 }} data-testid="mail-body" dir="auto">
              <Linkified text={reading.bodyText} />
            </Text>
          </Stack>
        )}
      </Modal>
    </>
  );
}
