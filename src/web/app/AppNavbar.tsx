import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/contracts/accounts';
import { type Destination, destinationsFor, isActive } from './destinations';

const SECTIONS: Destination['section'][] = ['directory', 'funding', 'market', 'cooperation', 'statistics', 'personal', 'administration'];

export function AppNavbar({ user, onNavigate }: { user: User | null; onNavigate: () => void }) {
  const { t } = useTranslation();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const mine = destinationsFor(user);
  return (
    <Stack gap="md">
      <NavLink component={Link} to="/" label={t('nav.home')} active={path === '/'} aria-current={path === '/' ? 'page' : undefined} onClick={onNavigate} />
      {SECTIONS.map((section) => {
        const items = mine.filter((d) => d.section === section);
        if (items.length === 0) return null;
        const labelId = `nav-section-${section}`;
        return (
          <div key={section}>
            <Text id={labelId} size="xs" fw={700} tt="uppercase" c="gray.7" px="sm" mb={4}>
              {t(`nav.sections.${section}`)}
            </Text>
            <ul aria-labelledby={labelId} className="seedbed-plain-list">
              {items.map((d) => {
                const active = isActive(d, path);
                return (
                  <li key={d.to}>
                    <NavLink
                      component={Link}
                      to={d.to}
                      activeOptions={{ exact: true }}
                      label={t(d.labelKey)}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={onNavigate}
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </Stack>
  );
}
