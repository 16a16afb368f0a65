import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { get } from './api';
import { BellIcon } from './components/icons';

type Counts = { unread: number };

export const unreadQuery = {
  queryKey: ['notifications', 'unread'] as const,
  queryFn: () => get<Counts>('/api/v1/notifications', { limit: 1, unread: true }),
  refetchInterval: 60_000,
};

export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery(unreadQuery).data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={t('notifications.bell', { count: unread })}>
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
