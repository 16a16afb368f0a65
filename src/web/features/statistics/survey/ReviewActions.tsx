import { Button, Card, Group, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { API, nameOf, SK, type Submission } from './queries';

const MIN_REASON = 3;

function useSubmissionAction(s: Submission, path: string, done: (r: Submission) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => post<Submission>(`${API.submission(s.id)}/${path}`, body),
    onSuccess: (r) => {
      qc.setQueryData(SK.one(s.id), r);
      void qc.invalidateQueries({ queryKey: SK.all, predicate: (q) => q.queryKey[2] !== 'one' });
      void qc.invalidateQueries({ queryKey: SK.completeness({}).slice(0, 2) });
      notify(done(r));
    },
  });
}

/** The reviewer's decision at their level: approve (with an optional note) or return with the reason, which is required. */
export function ReviewPanel({ submission }: { submission: Submission }) {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const s = submission;
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const here = s.chain[s.step];
  const review = useSubmissionAction(s, 'review', (r) => (r.status === 'returned' ? t('review.returnedDone') : t('review.approvedDone')));
  const tooShort = reason.trim().length < MIN_REASON;
  const doReturn = () => {
    setTouched(true);
    if (tooShort) return;
    review.mutate({ decision: 'return', reason: reason.trim() });
  };
  return (
    <Card withBorder component="section" aria-labelledby="survey-review-title" data-testid="review-panel">
      <Title order={2} size="h4" id="survey-review-title">
        {t('review.title')}
      </Title>
      {here && (
        <Text size="sm" c="dimmed" mb="sm">
          {here.name
            ? t('review.atLevel', { level: t(`level.${here.level}`), scope: nameOf(here.name, lng) })
            : t('review.atLevelOnly', { level: t(`level.${here.level}`) })}
        </Text>
      )}
      <Textarea
        label={t('review.reason')}
        description={t('review.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={2000}
        error={touched && tooShort ? t('review.reasonRequired') : undefined}
        data-testid="review-reason"
      />
      <ApiErrorAlert error={review.error} />
      <Group mt="sm">
        <Button
          color="teal"
          onClick={() => review.mutate({ decision: 'approve', ...(reason.trim() ? { reason: reason.trim() } : {}) })}
          loading={review.isPending && review.variables?.decision === 'approve'}
          disabled={review.isPending}
          data-testid="review-approve"
        >
          {t('review.approve')}
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={doReturn}
          loading={review.isPending && review.variables?.decision === 'return'}
          disabled={review.isPending}
          aria-describedby={tooShort ? 'survey-return-hint' : undefined}
          data-testid="review-return"
        >
          {t('review.return')}
        </Button>
      </Group>
      {tooShort && (
        <Text size="xs" c="dimmed" mt={4} id="survey-return-hint">
          {t('review.returnHint')}
        </Text>
      )}
    </Card>
  );
}

/** An analyst reopens an approved return (a correction after approval), saying why: it goes back to the respondent. */
export function ReopenPanel({ submission }: { submission: Submission }) {
  const { t } = useTranslation('survey');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const reopen = useSubmissionAction(submission, 'reopen', () => t('reopen.done'));
  const tooShort = reason.trim().length < MIN_REASON;
  return (
    <Card withBorder component="section" aria-labelledby="survey-reopen-title" data-testid="reopen-panel">
      <Title order={2} size="h4" id="survey-reopen-title" mb={4}>
        {t('reopen.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reopen.intro')}
      </Text>
      <Textarea
        label={t('reopen.reason')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
        error={touched && tooShort ? t('review.reasonRequired') : undefined}
        data-testid="reopen-reason"
      />
      <ApiErrorAlert error={reopen.error} />
      <Button
        mt="sm"
        color="grape"
        variant="light"
        onClick={() => {
          setTouched(true);
          if (!tooShort) reopen.mutate({ reason: reason.trim() });
        }}
        loading={reopen.isPending}
        data-testid="survey-reopen"
      >
        {t('reopen.action')}
      </Button>
    </Card>
  );
}
