import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import { get } from '../../app/api';

type DemoInfo = { enabled: boolean; password?: string; accounts?: { email: string; role: Role }[] };

export const demoQuery = {
  queryKey: ['auth', 'demo'] as const,
  queryFn: () => get<DemoInfo>('/api/v1/auth/demo'),
  staleTime: Number.POSITIVE_INFINITY,
};

/** In demo mode anyone may try every role: say so, and list the accounts with their shared password. */
export function DemoBanner({ onPick }: { onPick: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  const demo = useQuery(demoQuery).data;
  if (!demo?.enabled) return null;
  const password = demo.password ?? '';
  return (
    <Alert color="yellow" variant="light" title={t('demo.title')} mb="lg" data-testid="demo-banner">
      <Text size="sm" mb="xs">
        {t('demo.intro')}
      </Text>
      {password && (
        <Text size="sm" mb="sm">
          {t('demo.password')}{' '}
          <Code dir="ltr" fz="sm">
            {password}
          </Code>
        </Text>
      )}
      <ul className="seedbed-plain-list" aria-label={t('demo.accounts')}>
        {(demo.accounts ?? []).map((a) => (
          <li key={a.email}>
            <Group justify="space-between" gap="xs" py={4} wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={700}>
                  {t(`roles.${a.role}`)}
                </Text>
                <Text size="xs" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                  {a.email}
                </Text>
              </div>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onPick(a.email, password)}
                aria-label={t('demo.useAccount', { role: t(`roles.${a.role}`) })}
              >
                {t('demo.use')}
              </Button>
            </Group>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
