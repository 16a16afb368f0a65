import { Avatar, Button, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/contracts/accounts';
import { post } from './api';
import { ChevronIcon } from './components/icons';
import { sessionQuery } from './session';

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    try {
      await post('/api/v1/auth/logout');
    } finally {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await qc.fetchQuery({ ...sessionQuery, staleTime: 0 });
      await navigate({ to: '/sign-in' });
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<Avatar size="sm" color="teal" name={user.displayName} aria-hidden />}
          rightSection={<ChevronIcon />}
          aria-label={t('userMenu.label', { name: user.displayName })}
          data-testid="user-menu"
        >
          <span className="seedbed-user-name">{user.displayName}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/tokens">
          {t('nav.tokens')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()} data-testid="sign-out">
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
