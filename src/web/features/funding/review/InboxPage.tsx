import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { MyExpertise } from './MyExpertise';
import { inboxQuery, pickName } from './queries';

/** The reviewer's inbox: only the applications assigned to them. */
export function InboxPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const inbox = useQuery(inboxQuery);
  const items = inbox.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('funding.review.inbox.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('funding.review.inbox.intro')}
      </Text>
      <ApiErrorAlert error={inbox.error} />
      <ScrollTable label={t('funding.review.inbox.title')} minWidth={720} data-testid="review-inbox">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.review.inbox.application')}</Table.Th>
            <Table.Th>{t('funding.review.calls.call')}</Table.Th>
            <Table.Th>{t('funding.review.inbox.applicant')}</Table.Th>
            <Table.Th>{t('funding.review.inbox.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={4} loading={inbox.isLoading} />}
          {items.map((i) => (
            <Table.Tr key={i.assignmentId}>
              <Table.Td>
                <Anchor component={Link} to="/funding/review/$assignmentId" params={{ assignmentId: i.assignmentId } as never}>
                  {i.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{pickName(i.callNames, lng)}</Table.Td>
              <Table.Td>{i.blind ? <Badge color="gray">{t('funding.review.blind')}</Badge> : i.enterpriseName}</Table.Td>
              <Table.Td>
                <Badge color={i.status === 'submitted' ? 'teal' : i.status === 'draft' ? 'yellow' : 'blue'}>
                  {t(`funding.review.inbox.states.${i.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <MyExpertise />
    </>
  );
}
