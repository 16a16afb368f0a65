import { Anchor, Badge, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { money, pickName } from '../review/queries';
import { awardsQuery, times } from './queries';

/** Awards: officers and analysts see all, an enterprise its own. */
export function AwardsListPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const list = useQuery(awardsQuery);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('funding.awards.title')}</PageTitle>
      <ApiErrorAlert error={list.error} />
      <ScrollTable label={t('funding.awards.title')} minWidth={860} data-testid="awards">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.awards.project')}</Table.Th>
            <Table.Th>{t('funding.review.results.enterprise')}</Table.Th>
            <Table.Th>{t('funding.awards.amount')}</Table.Th>
            <Table.Th>{t('funding.awards.leverage')}</Table.Th>
            <Table.Th>{t('funding.awards.status')}</Table.Th>
            <Table.Th>{t('funding.awards.awardedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={6} loading={list.isLoading} />}
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to="/funding/awards/$awardId" params={{ awardId: a.id } as never}>
                  {a.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{pickName(a.enterpriseNames, lng)}</Table.Td>
              <Table.Td>{money(a.amount, a.currency, lng)}</Table.Td>
              <Table.Td>{times(a.leverage, lng)}</Table.Td>
              <Table.Td>
                <Badge color={a.status === 'active' ? 'blue' : 'gray'}>{t(`funding.awards.states.${a.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <DateTime value={a.awardedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
