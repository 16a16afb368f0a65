import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteField } from '../components/NoteField';
import { Forbidden } from '../components/Forbidden';
import { ListStatus } from '../components/ListStatus';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { Pager } from '../../../app/components/Pager';
import { fieldErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { useMarketAccess } from '../access';
import { type ContractReviewBody, contractsQuery, reviewContract, type TechContract, TM } from '../queries';
import { ContractFacts } from './ContractFacts';

const LIMIT = 20;

/** The agency's queue (transfer agents, admins): register with a certificate number, return with a note, or reject. */
export function ContractReviewPage() {
  const { t } = useTranslation('techmarket');
  const { canRegister } = useMarketAccess();
  const [offset, setOffset] = useState(0);
  const q = useQuery({ ...contractsQuery({ scope: 'agency', status: 'submitted', limit: LIMIT, offset }), enabled: canRegister });
  if (!canRegister) return <Forbidden message={t('review.forbidden')} />;
  return (
    <>
      <PageTitle>{t('review.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('review.intro')}
      </Text>
      <ListStatus query={q} empty={t('review.empty')} testId="review-empty" />
      <Stack gap="lg" maw={1100} data-testid="review-queue">
        {q.data?.items.map((c) => (
          <div key={c.id} data-testid="review-item" data-contract-id={c.id}>
            <ContractFacts contract={c} />
            <ReviewActions contract={c} />
          </div>
        ))}
      </Stack>
      {q.data && <Pager total={q.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </>
  );
}

function ReviewActions({ contract: c }: { contract: TechContract }) {
  const { t } = useTranslation('techmarket');
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: (body: ContractReviewBody) => reviewContract(c.id, body),
    onSuccess: (r) => {
      notify(
        r.status === 'registered'
          ? t('review.registered', { number: r.certificateNo ?? '' })
          : r.status === 'returned'
            ? t('review.returned')
            : t('review.rejected'),
      );
      void qc.invalidateQueries({ queryKey: TM.contracts });
      void qc.invalidateQueries({ queryKey: [...TM.all, 'stats'] });
    },
  });
  const errors = fieldErrors(m.error, ['note']);
  const n = note.trim();
  const busy = m.isPending;
  return (
    <Stack gap="xs" mt="xs" data-testid="review-actions">
      <NoteField label={t('review.note')} description={t('review.noteHint')} value={note} onChange={setNote} error={errors.note} testId="review-note" />
      <ApiErrorAlert error={m.error} fields={['note']} />
      <Group gap="xs">
        <Button
          color="teal"
          onClick={() => m.mutate({ decision: 'register', ...(n ? { note: n } : {}) })}
          loading={busy && m.variables?.decision === 'register'}
          disabled={busy}
          data-testid="review-register"
        >
          {t('review.register')}
        </Button>
        <Button
          color="orange"
          variant="light"
          onClick={() => m.mutate({ decision: 'return', note: n })}
          loading={busy && m.variables?.decision === 'return'}
          disabled={busy || !n}
          data-testid="review-return"
        >
          {t('review.return')}
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => m.mutate({ decision: 'reject', note: n })}
          loading={busy && m.variables?.decision === 'reject'}
          disabled={busy || !n}
          data-testid="review-reject"
        >
          {t('review.reject')}
        </Button>
      </Group>
      {!n && (
        <Text size="xs" c="dimmed">
          {t('review.noteNeeded')}
        </Text>
      )}
    </Stack>
  );
}
