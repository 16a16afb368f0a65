import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../registry/components/AnchorLink';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../app/forms';
import { notify } from '../../app/notify';
import { useUser } from '../../app/session';
import { scriptAttrs } from '../registry/names';
import { StatusBadge } from './components/StatusBadge';
import { type Listing, requestAccess, TM } from './queries';
import { submitWith } from './submit';
import type { ListingLanguage } from './text';

// 'public' is a visitor who is not signed in: details stay behind the access request.
const OPEN = new Set(['owner', 'moderator', 'approved']);

/**
 * The listing's details: shown to the owner, moderators and approved requesters; everyone else sees what
 * their request is waiting for, or may ask for access (visitors are sent to sign in first).
 */
export function AccessPanel({ listing, lang }: { listing: Listing; lang: ListingLanguage }) {
  const { t } = useTranslation('techmarket');
  const user = useUser();
  const href = useRouterState({ select: (s) => s.location.href });
  const detail = listing.details?.[lang] ?? Object.values(listing.details ?? {})[0];
  const detailLang = listing.details?.[lang] ? lang : ((Object.keys(listing.details ?? {})[0] as ListingLanguage | undefined) ?? lang);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="listing-details-title" data-testid="listing-access" data-access={listing.access}>
      <Title order={2} size="h4" id="listing-details-title" mb="xs">
        {t('listing.details')}
      </Title>
      {OPEN.has(listing.access) ? (
        detail ? (
          <Text style={{ whiteSpace: 'pre-wrap' }} {...scriptAttrs(detailLang)} data-testid="listing-details">
            {detail}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('listing.noDetails')}
          </Text>
        )
      ) : !user || listing.access === 'public' ? (
        <Text size="sm">
          {t('listing.detailsBehindAccess')}{' '}
          <AnchorLink to="/sign-in" search={{ redirect: href }} data-testid="access-sign-in">
            {t('listing.signInToRequest')}
          </AnchorLink>
        </Text>
      ) : listing.access === 'none' ? (
        <RequestAccess listing={listing} />
      ) : (
        <Stack gap="xs">
          <StatusBadge of="access" status={listing.access} testId="access-status" />
          <Text size="sm">{listing.access === 'pending' ? t('listing.accessPending') : t('listing.accessDeclined')}</Text>
        </Stack>
      )}
    </Paper>
  );
}

function RequestAccess({ listing }: { listing: Listing }) {
  const { t } = useTranslation('techmarket');
  const qc = useQueryClient();
  const [message, setMessage] = useState('');
  const m = useMutation({
    mutationFn: () => requestAccess(listing.id, message.trim() ? { message: message.trim() } : {}),
    onSuccess: () => {
      notify(t('listing.accessRequested'));
      void qc.invalidateQueries({ queryKey: TM.listing(listing.id) });
    },
  });
  const errors = fieldErrors(m.error, ['message']);
  return (
    <Stack gap="xs" component="form" onSubmit={submitWith(m.mutate)} data-testid="access-request-form">
      <Text size="sm">{t('listing.detailsBehindAccess')}</Text>
      <Textarea
        label={t('listing.accessMessage')}
        description={t('listing.accessMessageHint')}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
        error={errors.message}
        data-testid="access-message"
      />
      <ApiErrorAlert error={m.error} fields={['message']} />
      <div>
        <Button type="submit" loading={m.isPending} data-testid="access-request">
          {t('listing.requestAccess')}
        </Button>
      </div>
      {m.isSuccess && (
        <Alert color="teal" variant="light">
          {t('listing.accessRequested')}
        </Alert>
      )}
    </Stack>
  );
}
