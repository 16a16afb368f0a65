import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteField } from './components/NoteField';
import { Forbidden } from './components/Forbidden';
import { ListStatus } from './components/ListStatus';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { PageTitle } from '../../app/components/PageTitle';
import { Pager } from '../../app/components/Pager';
import { fieldErrors } from '../../app/forms';
import { notify } from '../../app/notify';
import { useMarketAccess } from './access';
import { ListingCard } from './components/ListingCard';
import { type ListingSummary, listingsQuery, moderateListing, TM } from './queries';

const LIMIT = 20;

/** Listings waiting for a moderator (admin, transfer agent, ministry analyst): publish, or reject with a note. */
export function ModerationPage() {
  const { t } = useTranslation('techmarket');
  const { canModerate } = useMarketAccess();
  const [offset, setOffset] = useState(0);
  const q = useQuery({ ...listingsQuery({ scope: 'moderation', limit: LIMIT, offset }), enabled: canModerate });
  if (!canModerate) return <Forbidden message={t('moderation.forbidden')} />;
  return (
    <>
      <PageTitle>{t('moderation.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('moderation.intro')}
      </Text>
      <ListStatus query={q} empty={t('moderation.empty')} testId="moderation-empty" />
      <Stack gap="md" data-testid="moderation-list">
        {q.data?.items.map((l) => (
          <ListingCard key={l.id} listing={l} headingLevel={2} testId="moderation-item" extra={<ModerationActions listing={l} />} />
        ))}
      </Stack>
      {q.data && <Pager total={q.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </>
  );
}

function ModerationActions({ listing }: { listing: ListingSummary }) {
  const { t } = useTranslation('techmarket');
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: (decision: 'publish' | 'reject') => moderateListing(listing.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (_l, decision) => {
      notify(decision === 'publish' ? t('moderation.published') : t('moderation.rejected'));
      void qc.invalidateQueries({ queryKey: TM.all });
    },
  });
  const errors = fieldErrors(m.error, ['note', 'decision']);
  return (
    <Stack gap="xs" mt="xs" data-testid="moderation-actions">
      <NoteField
        label={t('moderation.note')}
        description={t('moderation.noteHint')}
        value={note}
        onChange={setNote}
        error={errors.note}
        testId="moderation-note"
      />
      <ApiErrorAlert error={m.error} fields={['note']} />
      <Group gap="xs">
        <Button
          color="teal"
          onClick={() => m.mutate('publish')}
          loading={m.isPending && m.variables === 'publish'}
          disabled={m.isPending}
          data-testid="moderation-publish"
        >
          {t('moderation.publish')}
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => m.mutate('reject')}
          loading={m.isPending && m.variables === 'reject'}
          disabled={m.isPending || !note.trim()}
          data-testid="moderation-reject"
        >
          {t('moderation.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
