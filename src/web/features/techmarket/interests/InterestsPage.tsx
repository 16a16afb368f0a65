import { Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { formatDateTime } from '../../../app/format';
import { useLanguage } from '../../../app/useLanguage';
import { scriptAttrs } from '../../registry/names';
import { Script } from '../components/Script';
import { StatusBadge } from '../components/StatusBadge';
import { useMarketLabels } from '../labels';
import { type Interest, interestsQuery } from '../queries';
import { pickListingText } from '../text';

type Box = 'received' | 'sent';

/** The interests received on my listings and those I sent, each opening its thread. */
export function InterestsPage() {
  const { t } = useTranslation('techmarket');
  const [box, setBox] = useState<Box>('received');
  return (
    <>
      <PageTitle>{t('interests.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('interests.intro')}
      </Text>
      <Tabs value={box} onChange={(v) => setBox(v === 'sent' ? 'sent' : 'received')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="received" data-testid="interests-tab-received">
            {t('interests.received')}
          </Tabs.Tab>
          <Tabs.Tab value="sent" data-testid="interests-tab-sent">
            {t('interests.sent')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="received">
          <InterestTable box="received" />
        </Tabs.Panel>
        <Tabs.Panel value="sent">
          <InterestTable box="sent" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function InterestTable({ box }: { box: Box }) {
  const { t } = useTranslation('techmarket');
  const q = useQuery(interestsQuery(box));
  const items = q.data?.items ?? [];
  const caption = box === 'received' ? t('interests.received') : t('interests.sent');
  return (
    <>
      <ApiErrorAlert error={q.error} />
      <ScrollTable label={caption} minWidth={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('interests.listing')}</Table.Th>
            <Table.Th scope="col">{box === 'received' ? t('interests.from') : t('interests.owner')}</Table.Th>
            <Table.Th scope="col">{t('interests.status')}</Table.Th>
            <Table.Th scope="col">{t('interests.messages')}</Table.Th>
            <Table.Th scope="col">{t('interests.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid={`interests-${box}`}>
          {items.length === 0 ? <EmptyRow cols={5} loading={q.isLoading} /> : items.map((i) => <InterestRow key={i.id} interest={i} box={box} />)}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}

function InterestRow({ interest: i, box }: { interest: Interest; box: Box }) {
  const lng = useLanguage();
  const labels = useMarketLabels();
  const shown = pickListingText(i.listing.texts, Object.keys(i.listing.texts), lng);
  return (
    <Table.Tr data-testid="interest-row" data-interest-id={i.id} data-status={i.status}>
      <Table.Td>
        <AnchorLink to="/market/interests/$id" params={{ id: i.id }} data-testid="interest-link">
          <span {...(shown ? scriptAttrs(shown.lang) : {})}>{shown?.title ?? i.listing.id}</span>
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {labels.kind(i.listing.kind)}
        </Text>
      </Table.Td>
      <Table.Td>
        {box === 'received' ? (
          <>
            <Script>{i.fromName}</Script>
            {i.fromCountry && (
              <Text span size="xs" c="dimmed">
                {' · '}
                {labels.country(i.fromCountry)}
              </Text>
            )}
          </>
        ) : (
          <Script>{i.listing.ownerName}</Script>
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge of="interest" status={i.status} />
      </Table.Td>
      <Table.Td>{i.messages.length}</Table.Td>
      <Table.Td>{formatDateTime(i.updatedAt, lng)}</Table.Td>
    </Table.Tr>
  );
}
