import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationList } from '../../../shared/contracts/notifications';
import { get, post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { DateTime } from '../../app/components/DateTime';
import { PageTitle } from '../../app/components/PageTitle';
import { Pager } from '../../app/components/Pager';

const LIMIT = 20;

export function NotificationsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [offset, setOffset] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useQuery({
    queryKey: ['notifications', 'list', { offset, unreadOnly }],
    queryFn: () => get<NotificationList>('/api/v1/notifications', { limit: LIMIT, offset, unread: unreadOnly || undefined }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => post(`/api/v1/notifications/${id}/read`), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => post('/api/v1/notifications/read-all'), onSuccess: refresh });
  const data = list.data;

  return (
    <>
      <PageTitle
        actions={
          <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!data?.unread}>
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        {t('notifications.title')}
      </PageTitle>
      <Group mb="md">
        <Switch
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.currentTarget.checked);
            setOffset(0);
          }}
        />
        {data && <Text size="sm">{t('notifications.unreadCount', { count: data.unread })}</Text>}
      </Group>
      <ApiErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
      <Stack component="ul" className="seedbed-plain-list" gap="sm" aria-label={t('notifications.title')}>
        {data?.items.length === 0 && (
          <li>
            <Text>{t('notifications.none')}</Text>
          </li>
        )}
        {data?.items.map((n) => (
          <Paper component="li" key={n.id} withBorder p="md" bg={n.readAt ? undefined : 'teal.0'}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Group gap="xs" mb={4}>
                  {!n.readAt && (
                    <Badge size="sm" color="teal.9">
                      {t('notifications.new')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    <DateTime value={n.createdAt} />
                  </Text>
                </Group>
                <Text>{n.message}</Text>
                {n.link &&
                  (n.link.startsWith('/') ? (
                    <Anchor component={Link} to={n.link} size="sm">
                      {t('notifications.open')}
                    </Anchor>
                  ) : (
                    <Anchor href={n.link} size="sm">
                      {t('notifications.open')}
                    </Anchor>
                  ))}
              </div>
              {!n.readAt && (
                <Button
                  size="compact-sm"
                  variant="outline"
                  onClick={() => markRead.mutate(n.id)}
                  aria-label={t('notifications.markReadNamed', { message: n.message })}
                >
                  {t('notifications.markRead')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {data && <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </>
  );
}
