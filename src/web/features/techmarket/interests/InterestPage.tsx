import { Alert, Button, Grid, Group, Loader, Paper, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/ButtonLink';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { ConfirmButton } from '../../../app/components/ConfirmButton';
import { PageTitle } from '../../../app/components/PageTitle';
import { fieldErrors } from '../../../app/forms';
import { formatDateTime } from '../../../app/format';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { scriptAttrs } from '../../registry/names';
import { useMarketAccess } from '../access';
import { Script } from '../components/Script';
import { StatusBadge } from '../components/StatusBadge';
import { useMarketLabels } from '../labels';
import { answerInterest, type Interest, type InterestAnswerBody, interestQuery, postMessage, TM, withdrawInterest } from '../queries';
import { submitWith } from '../submit';
import { pickListingText } from '../text';
import { DeclineForm } from './DeclineForm';

/** One expression of interest: the thread between the two sides, and the owner's answer. */
export function InterestPage() {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(interestQuery(id));
  if (q.isLoading) return <Loader size="sm" role="status" aria-label={t('status.loading')} />;
  if (!q.data) return <ApiErrorAlert error={q.error} />;
  const i = q.data;
  const shown = pickListingText(i.listing.texts, Object.keys(i.listing.texts), lng);
  const title = shown?.title ?? i.listing.id;
  return (
    <>
      <PageTitle actions={<StatusBadge of="interest" status={i.status} testId="interest-status" />}>{t('thread.title')}</PageTitle>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Text>
              {t('thread.about')}{' '}
              <AnchorLink to="/market/listings/$id" params={{ id: i.listing.id }} {...(shown ? scriptAttrs(shown.lang) : {})} data-testid="thread-listing">
                {title}
              </AnchorLink>
            </Text>
            {i.status === 'declined' && i.declineReason && <DeclinedNote interest={i} />}
            <Thread interest={i} />
            {(i.status === 'open' || i.status === 'accepted') && i.side !== 'moderator' && <MessageForm interest={i} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Sides interest={i} />
            {i.side === 'owner' && i.status === 'open' && <OwnerAnswer interest={i} />}
            {i.status === 'accepted' && <NextStep interest={i} />}
            {i.side === 'interested' && (i.status === 'open' || i.status === 'accepted') && <WithdrawInterest interest={i} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Sides({ interest: i }: { interest: Interest }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  return (
    <Paper withBorder p="md" data-testid="thread-sides">
      <Stack gap={4}>
        <Text size="sm">
          <Text span fw={600}>
            {t('thread.interested')}
          </Text>{' '}
          <Script>{i.fromName}</Script>
          {i.fromCountry && ` · ${labels.country(i.fromCountry)}`}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('thread.owner')}
          </Text>{' '}
          <Script>{i.listing.ownerName}</Script>
        </Text>
        <Text size="xs" c="dimmed">
          {t('thread.opened', { date: formatDateTime(i.createdAt, lng) })}
        </Text>
        {i.fromListingId && (
          <AnchorLink to="/market/listings/$id" params={{ id: i.fromListingId }} size="sm" data-testid="thread-from-listing">
            {t('thread.fromListing')}
          </AnchorLink>
        )}
      </Stack>
    </Paper>
  );
}

/** The messages in the order written; each says which side wrote it. */
function Thread({ interest: i }: { interest: Interest }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  return (
    <section aria-labelledby="thread-title">
      <Title order={2} size="h4" id="thread-title" mb="xs">
        {t('thread.messages')}
      </Title>
      <Stack gap="sm" component="ol" className="seedbed-plain-list" data-testid="interest-thread">
        {i.messages.map((m) => {
          const mine = m.side === i.side;
          return (
            <Paper
              key={m.id}
              component="li"
              withBorder
              p="sm"
              bg={m.side === 'owner' ? 'gray.0' : undefined}
              style={{ marginInlineStart: mine ? 48 : 0, marginInlineEnd: mine ? 0 : 48 }}
              data-testid="thread-message"
              data-side={m.side}
            >
              <Group justify="space-between" gap="xs" mb={4}>
                <Text size="sm" fw={600}>
                  <Script>{m.authorName}</Script>{' '}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {m.side === 'owner' ? t('thread.sideOwner') : t('thread.sideInterested')}
                  </Text>
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(m.createdAt, lng)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {m.body}
              </Text>
            </Paper>
          );
        })}
      </Stack>
    </section>
  );
}

function MessageForm({ interest: i }: { interest: Interest }) {
  const { t } = useTranslation('techmarket');
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const m = useMutation({
    mutationFn: () => postMessage(i.id, { body: body.trim() }),
    onSuccess: () => {
      setBody('');
      void qc.invalidateQueries({ queryKey: TM.interests });
    },
  });
  const errors = fieldErrors(m.error, ['body']);
  return (
    <Stack gap="xs" component="form" onSubmit={submitWith(m.mutate)} data-testid="thread-message-form">
      <Textarea
        label={t('thread.reply')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={5000}
        required
        error={errors.body}
        data-testid="thread-message-input"
      />
      <ApiErrorAlert error={m.error} fields={['body']} />
      <div>
        <Button type="submit" loading={m.isPending} disabled={!body.trim()} data-testid="thread-message-submit">
          {t('thread.send')}
        </Button>
      </div>
    </Stack>
  );
}

/** The owner accepts (the two sides go on to a contract) or declines with a reason. */
function OwnerAnswer({ interest: i }: { interest: Interest }) {
  const { t } = useTranslation('techmarket');
  const qc = useQueryClient();
  const [message, setMessage] = useState('');
  const m = useMutation({
    mutationFn: (body: InterestAnswerBody) => answerInterest(i.id, body),
    onSuccess: (_r, body) => {
      notify(body.decision === 'accept' ? t('thread.accepted') : t('thread.declined'));
      void qc.invalidateQueries({ queryKey: TM.interests });
    },
  });
  const errors = fieldErrors(m.error, ['reason', 'note', 'message']);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="answer-title" data-testid="interest-answer">
      <Title order={2} size="h4" id="answer-title" mb="xs">
        {t('thread.answer')}
      </Title>
      <ApiErrorAlert error={m.error} fields={['reason', 'note', 'message']} />
      <Tabs defaultValue="accept" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="accept" data-testid="answer-tab-accept">
            {t('thread.accept')}
          </Tabs.Tab>
          <Tabs.Tab value="decline" data-testid="answer-tab-decline">
            {t('thread.decline')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accept">
          <Stack
            gap="sm"
            component="form"
            onSubmit={submitWith(() => m.mutate({ decision: 'accept', ...(message.trim() ? { message: message.trim() } : {}) }))}
            data-testid="accept-form"
          >
            <Textarea
              label={t('thread.acceptMessage')}
              description={t('thread.acceptHint')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
              error={errors.message}
              data-testid="accept-message"
            />
            <div>
              <Button type="submit" color="teal" loading={m.isPending && m.variables?.decision === 'accept'} data-testid="accept-submit">
                {t('thread.accept')}
              </Button>
            </div>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="decline">
          <DeclineForm
            pending={m.isPending && m.variables?.decision === 'decline'}
            errors={errors}
            onDecline={(reason, note) => m.mutate({ decision: 'decline', reason, ...(note ? { note } : {}) })}
          />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

function DeclinedNote({ interest: i }: { interest: Interest }) {
  const { t } = useTranslation('techmarket');
  const labels = useMarketLabels();
  return (
    <Alert color="red" variant="light" title={t('thread.declinedTitle')} data-testid="thread-declined" data-reason={i.declineReason ?? ''}>
      {labels.declineReason(i.declineReason ?? '')}
      {i.declineNote && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {i.declineNote}
        </Text>
      )}
    </Alert>
  );
}

/** Once accepted, the deal is written up as a technology contract and registered with an agency. */
function NextStep({ interest: i }: { interest: Interest }) {
  const { t } = useTranslation('techmarket');
  const { canSubmitContract } = useMarketAccess();
  return (
    <Paper withBorder p="md" data-testid="thread-next-step">
      <Text size="sm" mb="xs">
        {t('thread.nextStep')}
      </Text>
      {canSubmitContract && (
        <ButtonLink to="/market/contracts/new" search={{ interestId: i.id, listingId: i.listing.id }} size="sm" data-testid="thread-register-contract">
          {t('thread.registerContract')}
        </ButtonLink>
      )}
    </Paper>
  );
}

/** The interested side ends the conversation (the owner is told). */
function WithdrawInterest({ interest: i }: { interest: Interest }) {
  const { t } = useTranslation('techmarket');
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => withdrawInterest(i.id),
    onSuccess: () => {
      notify(t('thread.withdrawn'));
      void qc.invalidateQueries({ queryKey: TM.interests });
    },
  });
  return (
    <Stack gap="xs">
      <ApiErrorAlert error={m.error} />
      <div>
        <ConfirmButton
          variant="subtle"
          color="red"
          size="xs"
          label={t('thread.withdraw')}
          title={t('thread.withdrawTitle')}
          question={t('thread.withdrawQuestion')}
          confirmLabel={t('thread.withdraw')}
          onConfirm={() => m.mutate()}
          loading={m.isPending}
          data-testid="thread-withdraw"
        />
      </div>
    </Stack>
  );
}
