import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_STATUSES } from '../../../../shared/contracts/me';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { useStatisticsRoles } from './access';
import { PolicyForm } from './forms';
import { StatusBadge } from './parts';
import { pick, policiesQuery, STATUS_COLOR } from './queries';

/** The policies monitored, each with how many goals are on track, at risk, off track or without data. */
export function PoliciesPage() {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const navigate = useNavigate();
  const { manager } = useStatisticsRoles();
  const [adding, setAdding] = useState(false);
  const q = useQuery(policiesQuery);
  return (
    <>
      <PageTitle
        actions={
          manager && !adding ? (
            <Button variant="default" onClick={() => setAdding(true)} data-testid="me-new-policy">
              {t('list.newPolicy')}
            </Button>
          ) : undefined
        }
      >
        {t('title')}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('intro')}
      </Text>
      <Stack gap="lg">
        {adding && <PolicyForm onCreated={(p) => void navigate({ to: '/statistics/me/$policyId', params: { policyId: p.id } })} />}
        <ApiErrorAlert error={q.error} />
        {q.data && (
          <ScrollTable label={t('list.label')} minWidth={720} data-testid="me-policies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.policy')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <Table.Th>{t('list.goals')}</Table.Th>
                {ME_STATUSES.map((s) => (
                  <Table.Th key={s}>{t(`status.${s}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3 + ME_STATUSES.length}>{t('list.empty')}</Table.Td>
                </Table.Tr>
              )}
              {q.data.items.map((p) => (
                <Table.Tr key={p.id} data-testid={`me-policy-${p.key ?? p.id}`}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to="/statistics/me/$policyId" params={{ policyId: p.id } as never}>
                        {pick(p.names, lng)}
                      </Anchor>
                      {p.example && (
                        <Badge variant="outline" color="grape.9" style={{ textTransform: 'none' }}>
                          {t('list.example')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={p.status} size="sm" />
                  </Table.Td>
                  <Table.Td>{t('list.goalsCount', { count: p.goals, indicators: p.indicators })}</Table.Td>
                  {ME_STATUSES.map((s) => (
                    <Table.Td key={s} data-testid={`me-count-${p.key ?? p.id}-${s}`}>
                      <Text span fw={p.counts[s] ? 700 : 400} c={p.counts[s] ? STATUS_COLOR[s] : undefined}>
                        {p.counts[s]}
                      </Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </>
  );
}
