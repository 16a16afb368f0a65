import { Anchor, Badge, Button, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { money, t3 } from '../calls/queries';
import { myApplicationsQuery, STATUS_COLOR } from './queries';

/** The applicant's applications, drafts first in time of change. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const list = useQuery(myApplicationsQuery());
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle
        actions={
          <Button component={Link} to={'/funding/calls' as never} variant="default">
            {t('funding.applications.mine.findCall')}
          </Button>
        }
      >
        {t('funding.applications.mine.title')}
      </PageTitle>
      <ApiErrorAlert error={list.error} />
      <ScrollTable label={t('funding.applications.mine.title')} minWidth={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.calls.call')}</Table.Th>
            <Table.Th>{t('funding.applications.enterprise')}</Table.Th>
            <Table.Th>{t('funding.applications.statusLabel')}</Table.Th>
            <Table.Th>{t('funding.applications.request')}</Table.Th>
            <Table.Th>{t('funding.applications.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={5} loading={list.isLoading} />}
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/funding/applications/${a.id}` as never}>
                  {t3(a.callNames, lng)}
                </Anchor>
              </Table.Td>
              <Table.Td>{a.enterprise ? t3(a.enterprise.names, lng) : ''}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[a.status]} variant="light">
                  {t(`funding.applications.status.${a.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{a.instrument ? `${t(`funding.calls.instrument.${a.instrument}`)} ${money(a.requestedAmount, a.currency, lng)}` : ''}</Table.Td>
              <Table.Td>
                <DateTime value={a.submittedAt ?? a.updatedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
