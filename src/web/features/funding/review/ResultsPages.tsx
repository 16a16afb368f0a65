import { Alert, Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { callResultsQuery, money, pickName, resultsListQuery } from './queries';

/** Every call's published results: public, no sign-in. */
export function ResultsListPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const list = useQuery(resultsListQuery);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('funding.review.results.listTitle')}</PageTitle>
      <ApiErrorAlert error={list.error} />
      <ScrollTable label={t('funding.review.results.listTitle')} minWidth={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.review.calls.call')}</Table.Th>
            <Table.Th>{t('funding.review.results.state')}</Table.Th>
            <Table.Th>{t('funding.review.results.funded')}</Table.Th>
            <Table.Th>{t('funding.review.results.publishedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={4} loading={list.isLoading} />}
          {items.map((r) => (
            <Table.Tr key={r.callId}>
              <Table.Td>
                <Anchor component={Link} to="/funding/results/$callId" params={{ callId: r.callId } as never}>
                  {pickName(r.callNames, lng)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge color={r.status === 'final' ? 'teal' : 'blue'}>{t(`funding.review.rank.status.${r.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {r.funded} · {money(r.fundedAmount, r.currency, lng)}
              </Table.Td>
              <Table.Td>
                <DateTime value={r.publishedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}

/** One call's published results: the ranked decisions, the objection period, then final. */
export function CallResultsPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { callId } = useParams({ strict: false }) as { callId: string };
  const res = useQuery(callResultsQuery(callId));
  const r = res.data;
  if (!r) return <ApiErrorAlert error={res.error} />;
  return (
    <>
      <PageTitle>{t('funding.review.results.title', { call: pickName(r.callNames, lng) })}</PageTitle>
      <Text mb="xs">{pickName(r.programNames, lng)}</Text>
      <Alert color={r.status === 'final' ? 'teal' : 'blue'} variant="light" mb="md" data-testid="results-status">
        {r.status === 'final' ? (
          <>
            {t('funding.review.results.final')} <DateTime value={r.finalisedAt} />
          </>
        ) : (
          <>
            {t('funding.review.results.objectionsUntil')} <DateTime value={r.objectionsUntil} />
          </>
        )}
      </Alert>
      <ScrollTable label={t('funding.review.results.title', { call: pickName(r.callNames, lng) })} minWidth={860} data-testid="published-results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.review.rank.rank')}</Table.Th>
            <Table.Th>{t('funding.review.results.project')}</Table.Th>
            <Table.Th>{t('funding.review.results.enterprise')}</Table.Th>
            <Table.Th>{t('funding.review.results.sector')}</Table.Th>
            <Table.Th>{t('funding.review.rank.score')}</Table.Th>
            <Table.Th>{t('funding.review.rank.decision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.entries.map((e) => (
            <Table.Tr key={e.applicationId}>
              <Table.Td>{e.rank ?? '—'}</Table.Td>
              <Table.Td>{e.projectTitle}</Table.Td>
              <Table.Td>{pickName(e.enterpriseNames, lng)}</Table.Td>
              <Table.Td>{e.sector ? t(`registry.sectors.${e.sector}`, e.sector) : ''}</Table.Td>
              <Table.Td>{e.score === null ? '—' : e.score.toFixed(2)}</Table.Td>
              <Table.Td>
                <Badge color={e.decision === 'fund' ? 'teal' : e.decision === 'reserve' ? 'yellow' : 'red'}>
                  {t(`funding.review.decisions.${e.decision}`)}
                  {e.amount !== null && ` · ${money(e.amount, r.currency, lng)}`}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
