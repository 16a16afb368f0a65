import { Badge, Button, Group, Table, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { ConfirmButton } from '../../app/components/ConfirmButton';
import { DateTime } from '../../app/components/DateTime';
import { EmptyRow } from '../../app/components/EmptyRow';
import { PageTitle } from '../../app/components/PageTitle';
import { Pager } from '../../app/components/Pager';
import { ScrollTable } from '../../app/components/ScrollTable';
import { useUser } from '../../app/session';
import { CreateUserModal } from './CreateUserModal';
import { EditRolesModal } from './EditRolesModal';
import { type Paged, type User, usersKey } from './types';
import { notify } from '../../app/notify';

const LIMIT = 25;

export function UsersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useUser();
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q.trim(), 300);
  const [offset, setOffset] = useState(0);
  const [creating, create] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  const list = useQuery({
    queryKey: [...usersKey, { query, offset }],
    queryFn: () => get<Paged<User>>('/api/v1/users', { q: query, limit: LIMIT, offset, sort: 'displayName' }),
    placeholderData: keepPreviousData,
  });
  const setStatus = useMutation({
    mutationFn: (v: { user: User; status: User['status'] }) => patch<User>(`/api/v1/users/${v.user.id}`, { status: v.status }),
    onSuccess: (u) => {
      notify(t(u.status === 'active' ? 'users.enabled' : 'users.disabled', { name: u.displayName }));
      return qc.invalidateQueries({ queryKey: usersKey });
    },
  });
  const items = list.data?.items ?? [];

  return (
    <>
      <PageTitle actions={<Button onClick={create.open}>{t('users.create')}</Button>}>{t('users.title')}</PageTitle>
      <Group mb="md">
        <TextInput
          type="search"
          label={t('users.search')}
          description={t('users.searchHint')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
          w={360}
        />
      </Group>
      <ApiErrorAlert error={list.error ?? setStatus.error} />
      <ScrollTable label={t('users.title')} minWidth={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.displayName')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('users.roles')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>{t('fields.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={6} loading={list.isLoading} />}
          {items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td dir="ltr">{u.email}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((g) => (
                    <Badge key={`${g.role}:${g.scopeType}:${g.scopeId}`} variant="outline" color="gray.8" tt="none" size="sm">
                      {t(`roles.${g.role}`)}
                      {g.scopeId && ` · ${g.scopeId}`}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={u.status === 'active' ? 'teal' : 'gray'}>
                  {t(`users.status.${u.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{u.lastLoginAt ? <DateTime value={u.lastLoginAt} /> : t('users.never')}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button size="compact-sm" variant="outline" onClick={() => setEditing(u)} aria-label={t('users.editRolesOf', { name: u.displayName })}>
                    {t('users.editRoles')}
                  </Button>
                  {u.status === 'active' ? (
                    u.id !== me?.id && (
                      <ConfirmButton
                        size="compact-sm"
                        variant="outline"
                        color="red"
                        label={t('users.disable')}
                        ariaLabel={t('users.disableNamed', { name: u.displayName })}
                        title={t('users.disableTitle')}
                        question={t('users.disableQuestion', { name: u.displayName })}
                        confirmLabel={t('users.disable')}
                        onConfirm={() => setStatus.mutate({ user: u, status: 'disabled' })}
                      />
                    )
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      onClick={() => setStatus.mutate({ user: u, status: 'active' })}
                      aria-label={t('users.enableNamed', { name: u.displayName })}
                    >
                      {t('users.enable')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      <CreateUserModal opened={creating} onClose={create.close} />
      {editing && <EditRolesModal user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
