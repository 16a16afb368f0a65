import { Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/ButtonLink';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { CONTRACT_STATUSES, type ContractStatus } from '../../../../shared/contracts/techmarket';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { Pager } from '../../../app/components/Pager';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { useMarketAccess } from '../access';
import { Script } from '../components/Script';
import { StatusBadge } from '../components/StatusBadge';
import { formatDay, formatMoney } from '../format';
import { useMarketLabels } from '../labels';
import { contractsQuery } from '../queries';

const LIMIT = 50;
const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The contracts I submitted, with their status and certificate number once registered. */
export function ContractsPage() {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const { canSubmitContract, canRegister } = useMarketAccess();
  const [status, setStatus] = useState<ContractStatus | 'all'>('all');
  const [offset, setOffset] = useState(0);
  const q = useQuery(contractsQuery({ scope: 'mine', status: status === 'all' ? undefined : status, limit: LIMIT, offset }));
  const items = q.data?.items ?? [];
  return (
    <>
      <PageTitle
        actions={
          <Group gap="xs">
            {canRegister && (
              <ButtonLink to="/market/contracts/review" variant="default" data-testid="contracts-review-link">
                {t('contracts.reviewQueue')}
              </ButtonLink>
            )}
            {canSubmitContract && (
              <ButtonLink to="/market/contracts/new" data-testid="contracts-new">
                {t('contracts.new')}
              </ButtonLink>
            )}
          </Group>
        }
      >
        {t('contracts.title')}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('contracts.intro')}
      </Text>
      <SegmentedControl
        mb="sm"
        aria-label={t('contracts.byStatus')}
        value={status}
        onChange={(v) => {
          setStatus(v as ContractStatus | 'all');
          setOffset(0);
        }}
        data={[{ value: 'all', label: t('mine.all') }, ...CONTRACT_STATUSES.map((s) => ({ value: s, label: labels.contractStatus(s) }))]}
        data-testid="contracts-filter"
      />
      <ApiErrorAlert error={q.error} />
      <ScrollTable label={t('contracts.title')} minWidth={960}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('contracts.titleCol')}</Table.Th>
            <Table.Th scope="col">{t('contracts.kind')}</Table.Th>
            <Table.Th scope="col">{t('contracts.parties')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('contracts.amount')}
            </Table.Th>
            <Table.Th scope="col">{t('contracts.signedOn')}</Table.Th>
            <Table.Th scope="col">{t('contracts.status')}</Table.Th>
            <Table.Th scope="col">{t('contracts.certificate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="contracts-list">
          {items.length === 0 ? (
            <EmptyRow cols={7} loading={q.isLoading} />
          ) : (
            items.map((c) => (
              <Table.Tr key={c.id} data-testid="contract-row" data-contract-id={c.id} data-status={c.status}>
                <Table.Td>
                  <AnchorLink to="/market/contracts/$id" params={{ id: c.id }} dir="auto">
                    {c.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  {labels.contractKind(c.kind)}
                  <Text size="xs" c="dimmed">
                    {labels.subtype(c.subtype)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.parties
                    .filter((p) => p.role !== 'intermediary')
                    .map((p) => (
                      <Text key={`${p.role}-${p.name}`} size="sm">
                        {labels.partyRole(p.role)}: <Script>{p.name}</Script> ({p.country})
                      </Text>
                    ))}
                </Table.Td>
                <Table.Td ta="end" style={NUM}>
                  {formatMoney(c.amount, c.currency, lng)}
                </Table.Td>
                <Table.Td style={NUM}>{formatDay(c.signedOn, lng)}</Table.Td>
                <Table.Td>
                  <StatusBadge of="contract" status={c.status} />
                </Table.Td>
                <Table.Td>
                  {c.certificateNo ? (
                    <Text span ff="monospace" size="sm" dir="ltr" data-testid="contract-certificate">
                      {c.certificateNo}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </ScrollTable>
      {q.data && <Pager total={q.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </>
  );
}
