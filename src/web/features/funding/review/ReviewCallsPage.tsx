import { Anchor, Badge, Group, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { money, pickName, reviewCallsQuery } from './queries';

/** The officer's way into review: every call with links to its assignment and its ranked list. */
export function ReviewCallsPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const calls = useQuery(reviewCallsQuery);
  const items = calls.data?.items ?? [];
  return (
    <>
      <PageTitle
        actions={
          <Anchor component={Link} to="/funding/reviewers">
            {t('funding.review.pool.title')}
          </Anchor>
        }
      >
        {t('funding.review.calls.title')}
      </PageTitle>
      <ApiErrorAlert error={calls.error} />
      <ScrollTable label={t('funding.review.calls.title')} minWidth={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.review.calls.call')}</Table.Th>
            <Table.Th>{t('funding.review.calls.status')}</Table.Th>
            <Table.Th>{t('funding.review.calls.closes')}</Table.Th>
            <Table.Th>{t('funding.review.calls.budget')}</Table.Th>
            <Table.Th>{t('fields.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={5} loading={calls.isLoading} />}
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{pickName(c.names, lng)}</Table.Td>
              <Table.Td>
                <Badge variant="light">{c.status}</Badge>
              </Table.Td>
              <Table.Td>
                <DateTime value={c.closesAt} />
              </Table.Td>
              <Table.Td>{money(c.budget, c.currency, lng)}</Table.Td>
              <Table.Td>
                <Group gap="sm">
                  <Anchor component={Link} to="/funding/calls/$callId/assignment" params={{ callId: c.id } as never}>
                    {t('funding.review.calls.assignment')}
                  </Anchor>
                  <Anchor component={Link} to="/funding/calls/$callId/ranking" params={{ callId: c.id } as never}>
                    {t('funding.review.calls.ranking')}
                  </Anchor>
                  <Anchor component={Link} to="/funding/results/$callId" params={{ callId: c.id } as never}>
                    {t('funding.review.calls.results')}
                  </Anchor>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
