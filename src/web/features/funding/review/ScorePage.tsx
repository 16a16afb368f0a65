import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, put } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { K, money, pickName, reviewQuery } from './queries';

type Entry = { score: number | ''; comment: string };

/** One assigned application: what the applicant wrote (anonymous when the review is blind) and the rubric to score. */
export function ScorePage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { assignmentId } = useParams({ strict: false }) as { assignmentId: string };
  const detail = useQuery(reviewQuery(assignmentId));
  const d = detail.data;
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [comment, setComment] = useState('');
  const [declining, setDeclining] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  useEffect(() => {
    if (!d) return;
    const init: Record<string, Entry> = {};
    for (const c of d.rubric.criteria) {
      const s = d.score?.scores.find((x) => x.criterionId === c.key);
      init[c.key] = { score: s?.score ?? '', comment: s?.comment ?? '' };
    }
    setEntries(init);
    setComment(d.score?.comment ?? '');
  }, [d]);
  const submitted = d?.score?.status === 'submitted';
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      put(`/api/v1/funding/review/assignments/${assignmentId}/score`, {
        scores: Object.entries(entries)
          .filter(([, e]) => e.score !== '')
          .map(([criterionId, e]) => ({ criterionId, score: Number(e.score), comment: e.comment || undefined })),
        comment: comment || undefined,
        submit,
      }),
    onSuccess: (_r, submit) => {
      notify(t(submit ? 'funding.review.score.submitted' : 'funding.review.score.saved'));
      void qc.invalidateQueries({ queryKey: K.inbox });
      return qc.invalidateQueries({ queryKey: K.review(assignmentId) });
    },
  });
  const decline = useMutation({
    mutationFn: () => post(`/api/v1/funding/review/assignments/${assignmentId}/decline`, { reason: declineReason }),
    onSuccess: () => {
      notify(t('funding.review.score.declined'));
      void qc.invalidateQueries({ queryKey: K.inbox });
      return navigate({ to: '/funding/review' });
    },
  });
  if (!d) return <ApiErrorAlert error={detail.error} />;
  const a = d.application;
  return (
    <>
      <PageTitle>{a.title}</PageTitle>
      <Group gap="xs" mb="md">
        <Badge variant="light">{pickName(d.call.names, lng)}</Badge>
        {d.call.blind && <Badge color="gray">{t('funding.review.blind')}</Badge>}
        {submitted && <Badge color="teal">{t('funding.review.inbox.states.submitted')}</Badge>}
      </Group>
      <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="app-heading">
        <Title order={2} size="h4" id="app-heading" mb="xs">
          {t('funding.review.score.application')}
        </Title>
        <Text size="sm" mb="xs" data-testid="applicant">
          {a.enterprise ? `${pickName(a.enterprise.names, lng)} · ${a.applicantName ?? ''}` : t('funding.review.score.hidden')}
        </Text>
        {a.requestedAmount !== null && (
          <Text size="sm" mb="xs">
            {t('funding.review.score.requested', { amount: money(a.requestedAmount, a.currency, lng) })}
          </Text>
        )}
        <Stack gap="xs">
          {a.answers.map((x) => (
            <div key={x.key}>
              <Text size="xs" fw={600}>
                {pickName(x.label, lng)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {Array.isArray(x.value) ? x.value.join(', ') : String(x.value)}
              </Text>
            </div>
          ))}
        </Stack>
        <Text size="xs" mt="sm" c="gray.7">
          {t('funding.review.score.whyYou', { terms: d.reasons.sharedTerms.slice(0, 5).join(', ') || '—', affinity: d.affinity.toFixed(2) })}
        </Text>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="rubric-heading">
        <Title order={2} size="h4" id="rubric-heading" mb="xs">
          {t('funding.review.score.rubric', { min: d.rubric.scaleMin, max: d.rubric.scaleMax })}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(true);
          }}
        >
          <Stack gap="md">
            {d.rubric.criteria.map((c) => (
              <Group key={c.key} align="flex-start" grow wrap="wrap">
                <NumberInput
                  label={`${pickName(c.name, lng)} (${t('funding.review.score.weight', { weight: c.weight })})`}
                  description={c.description ? pickName(c.description, lng) : undefined}
                  min={d.rubric.scaleMin}
                  max={d.rubric.scaleMax}
                  step={0.5}
                  decimalScale={2}
                  disabled={submitted}
                  value={entries[c.key]?.score ?? ''}
                  onChange={(v) => setEntries({ ...entries, [c.key]: { ...entries[c.key], score: v === '' ? '' : Number(v) } })}
                  data-testid={`score-${c.key}`}
                />
                <Textarea
                  label={t('funding.review.score.comment')}
                  autosize
                  minRows={1}
                  disabled={submitted}
                  value={entries[c.key]?.comment ?? ''}
                  onChange={(e) => setEntries({ ...entries, [c.key]: { ...entries[c.key], comment: e.currentTarget.value } })}
                />
              </Group>
            ))}
            <Textarea
              label={t('funding.review.score.overall')}
              autosize
              minRows={2}
              disabled={submitted}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {d.score?.total !== null && d.score?.total !== undefined && (
              <Alert color="teal" variant="light" data-testid="score-total">
                {t('funding.review.score.total', { total: d.score.total.toFixed(2), percent: d.score.percent?.toFixed(0) })}
              </Alert>
            )}
            <ApiErrorAlert error={save.error} />
            {!submitted && (
              <Group>
                <Button variant="default" onClick={() => save.mutate(false)} loading={save.isPending && save.variables === false}>
                  {t('funding.review.score.saveDraft')}
                </Button>
                <Button type="submit" loading={save.isPending && save.variables === true}>
                  {t('funding.review.score.submit')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>

      {!submitted && (
        <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="decline-heading">
          <Title order={2} size="h5" id="decline-heading" mb="xs">
            {t('funding.review.score.declineTitle')}
          </Title>
          {!declining ? (
            <Button variant="subtle" color="red" onClick={() => setDeclining(true)}>
              {t('funding.review.score.decline')}
            </Button>
          ) : (
            <Stack gap="xs">
              <Textarea label={t('funding.review.score.declineReason')} value={declineReason} onChange={(e) => setDeclineReason(e.currentTarget.value)} />
              <ApiErrorAlert error={decline.error} />
              <Group>
                <Button color="red" disabled={!declineReason.trim()} loading={decline.isPending} onClick={() => decline.mutate()}>
                  {t('funding.review.score.declineButton')}
                </Button>
                <Button variant="default" onClick={() => setDeclining(false)}>
                  {t('actions.cancel')}
                </Button>
              </Group>
            </Stack>
          )}
        </Paper>
      )}
    </>
  );
}
