import { Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteField } from './components/NoteField';
import { ButtonLink } from './components/ButtonLink';
import { AnchorLink } from '../registry/components/AnchorLink';
import { LISTING_STATUSES } from '../../../shared/contracts/techmarket';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { ConfirmButton } from '../../app/components/ConfirmButton';
import { EmptyRow } from '../../app/components/EmptyRow';
import { PageTitle } from '../../app/components/PageTitle';
import { ScrollTable } from '../../app/components/ScrollTable';
import { formatDateTime } from '../../app/format';
import { notify } from '../../app/notify';
import { useLanguage } from '../../app/useLanguage';
import { scriptAttrs } from '../registry/names';
import { useMarketAccess } from './access';
import { Script } from './components/Script';
import { StatusBadge } from './components/StatusBadge';
import { daysLeft, expiryOf, formatDay } from './format';
import { useMarketLabels } from './labels';
import {
  type AccessRequest,
  accessRequestsQuery,
  decideAccess,
  EDITABLE_STATUSES,
  type ListingSummary,
  listingsQuery,
  renewListing,
  submitListing,
  TM,
  withdrawListing,
} from './queries';
import { pickListingText } from './text';

type Filter = 'all' | (typeof LISTING_STATUSES)[number];

/** The owner's listings by status with what can be done to each, and the access requests waiting for a decision. */
export function MyListingsPage() {
  const { t } = useTranslation('techmarket');
  const { canList } = useMarketAccess();
  const q = useQuery(listingsQuery({ scope: 'mine', limit: 100 }));
  const [filter, setFilter] = useState<Filter>('all');
  const items = q.data?.items ?? [];
  const count = (s: Filter) => (s === 'all' ? items.length : items.filter((l) => l.status === s).length);
  const shown = filter === 'all' ? items : items.filter((l) => l.status === filter);
  return (
    <>
      <PageTitle
        actions={
          canList && (
            <Group gap="xs">
              <ButtonLink to="/market/new" search={{ kind: 'offer' }} data-testid="mine-new-offer">
                {t('mine.newOffer')}
              </ButtonLink>
              <ButtonLink to="/market/new" search={{ kind: 'need' }} variant="default" data-testid="mine-new-need">
                {t('mine.newNeed')}
              </ButtonLink>
            </Group>
          )
        }
      >
        {t('mine.title')}
      </PageTitle>
      <Stack gap="xl">
        <PendingAccess listings={items} />
        <section aria-labelledby="mine-listings-title">
          <Title order={2} size="h3" id="mine-listings-title" mb="sm">
            {t('mine.listings')}
          </Title>
          <SegmentedControl
            mb="sm"
            aria-label={t('mine.byStatus')}
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={(['all', ...LISTING_STATUSES] as Filter[]).map((s) => ({
              value: s,
              label: `${s === 'all' ? t('mine.all') : t(`statuses.${s}`)} (${count(s)})`,
            }))}
            data-testid="mine-filter"
          />
          <ApiErrorAlert error={q.error} />
          <ScrollTable label={t('mine.tableLabel')} minWidth={820}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mine.listing')}</Table.Th>
                <Table.Th scope="col">{t('mine.kind')}</Table.Th>
                <Table.Th scope="col">{t('mine.status')}</Table.Th>
                <Table.Th scope="col">{t('mine.expires')}</Table.Th>
                <Table.Th scope="col">{t('mine.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{shown.length === 0 ? <EmptyRow cols={5} loading={q.isLoading} /> : shown.map((l) => <MineRow key={l.id} listing={l} />)}</Table.Tbody>
          </ScrollTable>
        </section>
      </Stack>
    </>
  );
}

function MineRow({ listing: l }: { listing: ListingSummary }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const qc = useQueryClient();
  const shown = pickListingText(l.texts, l.languages, lng);
  const title = shown?.title ?? l.id;
  const run = useMutation({
    mutationFn: (action: 'submit' | 'withdraw' | 'renew') =>
      action === 'submit' ? submitListing(l.id) : action === 'withdraw' ? withdrawListing(l.id) : renewListing(l.id, { months: 12 }),
    onSuccess: (_r, action) => {
      notify(t(`mine.done.${action}`));
      void qc.invalidateQueries({ queryKey: TM.all });
    },
    onError: (err) => notify(err instanceof Error && err.message ? err.message : t('errors.unexpected'), 'error'),
  });
  const expiry = l.status === 'published' || l.status === 'expired' ? expiryOf(l.expiresAt) : null;
  const renewable = l.status === 'expired' || (l.status === 'published' && expiry === 'soon');
  const editable = EDITABLE_STATUSES.includes(l.status);
  const withdrawable = l.status !== 'withdrawn';
  return (
    <Table.Tr data-testid="mine-row" data-listing-id={l.id} data-status={l.status}>
      <Table.Td>
        <AnchorLink to="/market/listings/$id" params={{ id: l.id }} {...(shown ? scriptAttrs(shown.lang) : {})}>
          {title}
        </AnchorLink>
      </Table.Td>
      <Table.Td>{labels.kind(l.kind)}</Table.Td>
      <Table.Td>
        <StatusBadge of="listing" status={l.status} />
      </Table.Td>
      <Table.Td>
        {l.expiresAt && expiry ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{formatDay(l.expiresAt, lng)}</Text>
            {expiry === 'soon' && (
              <Badge color="orange" variant="light" tt="none" data-testid="mine-expires-soon">
                {t('mine.daysLeft', { count: daysLeft(l.expiresAt) })}
              </Badge>
            )}
          </Group>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {editable && (
            <ButtonLink
              to="/market/listings/$id/edit"
              params={{ id: l.id }}
              size="xs"
              variant="default"
              aria-label={t('mine.editOf', { title })}
              data-testid="mine-edit"
            >
              {t('actions.edit')}
            </ButtonLink>
          )}
          {editable && (
            <Button
              size="xs"
              onClick={() => run.mutate('submit')}
              loading={run.isPending && run.variables === 'submit'}
              aria-label={t('mine.submitOf', { title })}
              data-testid="mine-submit"
            >
              {t('mine.submit')}
            </Button>
          )}
          {renewable && (
            <Button
              size="xs"
              color="teal"
              onClick={() => run.mutate('renew')}
              loading={run.isPending && run.variables === 'renew'}
              aria-label={t('mine.renewOf', { title })}
              data-testid="mine-renew"
            >
              {t('mine.renew')}
            </Button>
          )}
          {withdrawable && (
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              label={t('mine.withdraw')}
              ariaLabel={t('mine.withdrawOf', { title })}
              title={t('mine.withdrawTitle')}
              question={t('mine.withdrawQuestion', { title })}
              confirmLabel={t('mine.withdraw')}
              onConfirm={() => run.mutate('withdraw')}
              data-testid="mine-withdraw"
            />
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Requests to read a listing's details, waiting for the owner: approve, or decline with a reason. */
function PendingAccess({ listings }: { listings: ListingSummary[] }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  // Requests come per listing; only a published listing (or one that was) has readers asking.
  const asked = listings.filter((l) => l.status === 'published' || l.status === 'expired' || l.status === 'withdrawn');
  const results = useQueries({ queries: asked.map((l) => accessRequestsQuery(l.id)) });
  const items = results.flatMap((r) => r.data?.items ?? []).filter((r) => r.status === 'pending');
  const error = results.find((r) => r.error)?.error;
  const loaded = results.every((r) => !r.isLoading);
  const titleOf = (id: string) => {
    const l = listings.find((x) => x.id === id);
    return l ? pickListingText(l.texts, l.languages, lng) : null;
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mine-access-title" data-testid="access-requests">
      <Title order={2} size="h3" id="mine-access-title" mb={4}>
        {t('mine.accessTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('mine.accessIntro')}
      </Text>
      <ApiErrorAlert error={error} />
      {loaded && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="access-requests-none">
          {t('mine.accessNone')}
        </Text>
      )}
      <Stack gap="sm">
        {items.map((r) => {
          const shown = titleOf(r.listingId);
          return <AccessRequestItem key={r.id} request={r} title={shown?.title ?? r.listingId} lang={shown?.lang} />;
        })}
      </Stack>
    </Paper>
  );
}

function AccessRequestItem({ request: r, title, lang }: { request: AccessRequest; title: string; lang?: 'en' | 'zh' | 'ur' }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const qc = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const m = useMutation({
    mutationFn: (decision: 'approve' | 'decline') =>
      decideAccess(r.id, { decision, ...(decision === 'decline' && reason.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: (_r, decision) => {
      setDeclining(false);
      notify(decision === 'approve' ? t('mine.accessApproved') : t('mine.accessDeclined'));
      void qc.invalidateQueries({ queryKey: TM.access });
    },
  });
  return (
    <Paper withBorder p="sm" data-testid="access-request" data-request-id={r.id}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">
            <Text span fw={600}>
              <Script>{r.requesterName}</Script>
            </Text>
            {r.organisationName && (
              <>
                {' · '}
                <Script>{r.organisationName}</Script>
              </>
            )}
            {' → '}
            <AnchorLink to="/market/listings/$id" params={{ id: r.listingId }} {...(lang ? scriptAttrs(lang) : {})}>
              {title}
            </AnchorLink>
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(r.createdAt, lng)}
          </Text>
        </Group>
        {r.message && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {r.message}
          </Text>
        )}
        <ApiErrorAlert error={m.error} />
        <Group gap="xs">
          <Button size="xs" color="teal" onClick={() => m.mutate('approve')} loading={m.isPending && m.variables === 'approve'} data-testid="access-approve">
            {t('mine.approve')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDeclining(true)} data-testid="access-decline">
            {t('mine.decline')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={declining} onClose={() => setDeclining(false)} title={t('mine.declineTitle')} closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Stack gap="sm">
          <NoteField label={t('mine.declineReason')} value={reason} onChange={setReason} testId="access-decline-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(false)}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" onClick={() => m.mutate('decline')} loading={m.isPending && m.variables === 'decline'} data-testid="access-decline-confirm">
              {t('mine.decline')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
