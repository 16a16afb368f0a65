import { Button, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../app/forms';
import { notify } from '../../app/notify';
import { useLanguage } from '../../app/useLanguage';
import { type Org, OrgPicker } from './components/OrgPicker';
import { useMarketLabels } from './labels';
import { expressInterest, type Listing, listingsQuery, TM } from './queries';
import { submitWith } from './submit';
import { pickListingText } from './text';

const FIELDS = ['message', 'fromListingId', 'ownerId'] as const;

/**
 * "Express interest": a first message to the owner, optionally pointing at one of the reader's own listings
 * (the need an offer answers) and the organisation the reader acts for. Opens a thread between the two sides.
 */
export function ExpressInterestForm({ listing }: { listing: Listing }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const mine = useQuery(listingsQuery({ scope: 'mine', limit: 100 }));
  const [message, setMessage] = useState('');
  const [fromListingId, setFrom] = useState<string | null>(null);
  const [org, setOrg] = useState<Org | null>(null);
  const m = useMutation({
    mutationFn: () =>
      expressInterest(listing.id, {
        message: message.trim(),
        fromListingId,
        ...(org ? { ownerType: org.type, ownerId: org.id } : {}),
      }),
    onSuccess: (interest) => {
      notify(t('interest.sent'));
      void qc.invalidateQueries({ queryKey: TM.interests });
      void navigate({ to: '/market/interests/$id', params: { id: interest.id } });
    },
  });
  const errors = fieldErrors(m.error, FIELDS);
  // The reader's own published listings of the other kind: a need answered by this offer, or the reverse.
  const own = (mine.data?.items ?? []).filter((l) => l.id !== listing.id && l.status === 'published' && l.kind !== listing.kind);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="interest-form-title">
      <Title order={2} size="h4" id="interest-form-title" mb={4}>
        {t('interest.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('interest.intro')}
      </Text>
      <Stack gap="sm" component="form" onSubmit={submitWith(m.mutate)} data-testid="interest-form">
        <Textarea
          label={t('interest.message')}
          description={t('interest.messageHint')}
          required
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={5000}
          error={errors.message}
          data-testid="interest-message"
        />
        {own.length > 0 && (
          <Select
            label={listing.kind === 'offer' ? t('interest.fromNeed') : t('interest.fromOffer')}
            placeholder={t('interest.fromNone')}
            data={own.map((l) => ({ value: l.id, label: `${pickListingText(l.texts, l.languages, lng)?.title ?? l.id} · ${labels.kind(l.kind)}` }))}
            value={fromListingId}
            onChange={setFrom}
            clearable
            error={errors.fromListingId}
            data-testid="interest-from-listing"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <OrgPicker
          label={t('interest.onBehalfOf')}
          description={t('interest.onBehalfOfHint')}
          value={org}
          onChange={setOrg}
          error={errors.ownerId}
          testId="interest-org"
        />
        <ApiErrorAlert error={m.error} fields={FIELDS} />
        <div>
          <Button type="submit" loading={m.isPending} disabled={!message.trim()} data-testid="interest-submit">
            {t('interest.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
