import { AppShell, Box, Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../features/registry/search/SearchBox';
import { AppNavbar } from './AppNavbar';
import { SproutIcon } from './components/icons';
import { LanguageMenu } from './LanguageMenu';
import { NotificationBell } from './NotificationBell';
import { useUser } from './session';
import { UserMenu } from './UserMenu';

/** Header (with the directory's search), navbar and main: the three landmarks of every page. */
export function Shell() {
  const { t } = useTranslation();
  const user = useUser();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="seedbed-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.close') : t('nav.open')} aria-expanded={opened} />
            <UnstyledButton component={Link} to="/" className="seedbed-brand" aria-label={t('app.homeLink')}>
              <Group gap={6} wrap="nowrap" c="teal.9">
                <SproutIcon />
                <Text component="span" fw={700} size="xl" c="gray.9" data-testid="app-name">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Box visibleFrom="md">
              <SearchBox compact />
            </Box>
            <LanguageMenu />
            {user && <NotificationBell />}
            {user && <UserMenu user={user} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
        <AppNavbar user={user} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
