import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post, put } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { K, money, objectionsQuery, type Ranking, rankingQuery } from './queries';

type Item = Ranking['items'][number];

/** The ranked list with the funding line the budget allows, the panel's decisions, publication and objections. */
export function RankingPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { callId } = useParams({ strict: false }) as { callId: string };
  const qc = useQueryClient();
  const [normalise, setNormalise] = useState(false);
  const ranking = useQuery(rankingQuery(callId, normalise));
  const r = ranking.data;
  const [days, setDays] = useState<number | ''>(7);
  const refresh = () => qc.invalidateQueries({ queryKey: ['funding'] });
  const publish = useMutation({
    mutationFn: () => post(`/api/v1/funding/calls/${callId}/results/publish`, { objectionDays: Number(days || 0), normalised: normalise }),
    onSuccess: () => {
      notify(t('funding.review.rank.published'));
      return refresh();
    },
  });
  const finalise = useMutation({
    mutationFn: () => post(`/api/v1/funding/calls/${callId}/results/finalise`),
    onSuccess: () => {
      notify(t('funding.review.rank.finalised'));
      return refresh();
    },
  });
  const locked = !!r && r.resultsStatus !== 'unpublished';
  return (
    <>
      <PageTitle
        actions={
          <Group>
            <Button component={Link} to="/funding/calls/$callId/assignment" params={{ callId } as never} variant="default">
              {t('funding.review.calls.assignment')}
            </Button>
            {locked && (
              <Button component={Link} to="/funding/results/$callId" params={{ callId } as never} variant="default">
                {t('funding.review.calls.results')}
              </Button>
            )}
          </Group>
        }
      >
        {t('funding.review.rank.title')}
      </PageTitle>
      <ApiErrorAlert error={ranking.error} />
      {r && (
        <>
          <Group mb="md" gap="xl" wrap="wrap">
            <Text data-testid="budget-line">
              {t('funding.review.rank.budget', {
                budget: money(r.budget, r.currency, lng),
                committed: money(r.committed, r.currency, lng),
                remaining: money(r.remaining, r.currency, lng),
              })}
            </Text>
            <Switch label={t('funding.review.rank.normalise')} checked={normalise} onChange={(e) => setNormalise(e.currentTarget.checked)} />
            <Badge color={r.resultsStatus === 'final' ? 'teal' : r.resultsStatus === 'published' ? 'blue' : 'gray'}>
              {t(`funding.review.rank.status.${r.resultsStatus}`)}
            </Badge>
          </Group>
          {normalise && (
            <Text size="sm" mb="sm" maw={820}>
              {t('funding.review.rank.normaliseHint')}
            </Text>
          )}
          {r.incomplete > 0 && (
            <Alert color="yellow" variant="light" mb="md">
              {t('funding.review.rank.incomplete', { count: r.incomplete, k: r.reviewsRequired })}
            </Alert>
          )}
          <ScrollTable label={t('funding.review.rank.title')} minWidth={1100} data-testid="ranking">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('funding.review.rank.rank')}</Table.Th>
                <Table.Th>{t('funding.review.inbox.application')}</Table.Th>
                <Table.Th>{t('funding.review.rank.score')}</Table.Th>
                <Table.Th>{t('funding.review.rank.requested')}</Table.Th>
                <Table.Th>{t('funding.review.rank.cumulative')}</Table.Th>
                <Table.Th>{t('funding.review.rank.decision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.items.length === 0 && <EmptyRow cols={6} loading={ranking.isLoading} />}
              {r.items.map((item) => (
                <Fragment key={item.applicationId}>
                  <RankRow callId={callId} item={item} currency={r.currency} locked={locked} />
                  {item.rank === r.lineAfterRank && (
                    <Table.Tr data-testid="funding-line">
                      <Table.Td colSpan={6} style={{ borderTop: '3px solid var(--mantine-color-red-6)' }}>
                        <Text size="xs" fw={700} c="red.8">
                          {t('funding.review.rank.line', { remaining: money(r.remaining, r.currency, lng) })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <Text size="sm" mt="xs">
            {t('funding.review.rank.decided', { amount: money(r.decidedTotal, r.currency, lng) })}
          </Text>

          {r.resultsStatus === 'unpublished' && (
            <Paper withBorder p="md" mt="lg" maw={620}>
              <Title order={2} size="h4" mb="xs">
                {t('funding.review.rank.publishTitle')}
              </Title>
              <Text size="sm" mb="sm">
                {t('funding.review.rank.publishHint')}
              </Text>
              <Group align="flex-end">
                <NumberInput
                  label={t('funding.review.rank.objectionDays')}
                  min={0}
                  max={90}
                  value={days}
                  onChange={(v) => setDays(v === '' ? '' : Number(v))}
                  w={200}
                />
                <Button onClick={() => publish.mutate()} loading={publish.isPending} data-testid="publish-results">
                  {t('funding.review.rank.publish')}
                </Button>
              </Group>
              <ApiErrorAlert error={publish.error} />
            </Paper>
          )}
          {r.resultsStatus === 'published' && (
            <Paper withBorder p="md" mt="lg">
              <Objections callId={callId} />
              <Group mt="md">
                <Button onClick={() => finalise.mutate()} loading={finalise.isPending} data-testid="finalise-results">
                  {t('funding.review.rank.finalise')}
                </Button>
              </Group>
              <ApiErrorAlert error={finalise.error} />
            </Paper>
          )}
        </>
      )}
    </>
  );
}

function RankRow({ callId, item, currency, locked }: { callId: string; item: Item; currency: string; locked: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<string | null>(item.decision?.decision ?? (item.aboveLine ? 'fund' : 'reserve'));
  const [amount, setAmount] = useState<number | ''>(item.decision?.amount ?? item.requested);
  const [reasons, setReasons] = useState(item.decision?.reasons ?? '');
  const save = useMutation({
    mutationFn: () =>
      put(`/api/v1/funding/calls/${callId}/decisions/${item.applicationId}`, { decision, amount: decision === 'fund' ? Number(amount) : undefined, reasons }),
    onSuccess: () => {
      setOpen(false);
      return qc.invalidateQueries({ queryKey: ['funding', 'ranking', callId] });
    },
  });
  return (
    <Table.Tr data-testid={`rank-${item.applicationId}`} data-above-line={item.aboveLine}>
      <Table.Td>{item.rank}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {item.title}
        </Text>
        <Text size="xs">{item.enterpriseName}</Text>
      </Table.Td>
      <Table.Td>
        {item.score === null ? '—' : item.score.toFixed(2)}
        <Text size="xs" c="gray.7">
          {t('funding.review.rank.reviews', { count: item.reviews })}
          {item.spread && ` · ${item.spread.min.toFixed(1)}–${item.spread.max.toFixed(1)}`}
        </Text>
      </Table.Td>
      <Table.Td>{money(item.requested, currency, lng)}</Table.Td>
      <Table.Td>{money(item.cumulative, currency, lng)}</Table.Td>
      <Table.Td miw={280}>
        {item.decision && !open && (
          <Stack gap={2}>
            <Badge color={item.decision.decision === 'fund' ? 'teal' : item.decision.decision === 'reserve' ? 'yellow' : 'red'}>
              {t(`funding.review.decisions.${item.decision.decision}`)}
              {item.decision.amount !== null && ` · ${money(item.decision.amount, currency, lng)}`}
            </Badge>
            <Text size="xs">{item.decision.reasons}</Text>
          </Stack>
        )}
        {!locked && !open && (
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)} data-testid="decide">
            {item.decision ? t('funding.review.rank.change') : t('funding.review.rank.decide')}
          </Button>
        )}
        {open && (
          <Stack gap={4}>
            <Select
              size="xs"
              label={t('funding.review.rank.decision')}
              data={(['fund', 'reserve', 'reject'] as const).map((d) => ({ value: d, label: t(`funding.review.decisions.${d}`) }))}
              value={decision}
              onChange={setDecision}
              allowDeselect={false}
            />
            {decision === 'fund' && (
              <NumberInput
                size="xs"
                label={t('funding.review.rank.amount', { currency })}
                min={1}
                value={amount}
                onChange={(v) => setAmount(v === '' ? '' : Number(v))}
              />
            )}
            <Textarea size="xs" label={t('funding.review.rank.reasons')} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
            <ApiErrorAlert error={save.error} />
            <Group gap={4}>
              <Button size="compact-xs" loading={save.isPending} disabled={!reasons.trim()} onClick={() => save.mutate()} data-testid="save-decision">
                {t('actions.save')}
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setOpen(false)}>
                {t('actions.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Objections({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery(objectionsQuery(callId));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const answer = useMutation({
    mutationFn: (v: { id: string; status: 'upheld' | 'dismissed' }) =>
      patch(`/api/v1/funding/result-objections/${v.id}`, { status: v.status, response: answers[v.id] }),
    onSuccess: () => qc.invalidateQueries({ queryKey: K.objections(callId) }),
  });
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('funding.review.rank.objections', { count: items.length })}
      </Title>
      {items.map((o) => (
        <Paper key={o.id} withBorder p="sm">
          <Text size="sm">{o.text}</Text>
          {o.status !== 'open' ? (
            <Text size="xs" mt={4}>
              {t(`funding.review.rank.objectionStatus.${o.status}`)}: {o.response}
            </Text>
          ) : (
            <Group align="flex-end" gap="xs" mt="xs">
              <Textarea
                size="xs"
                label={t('funding.review.rank.response')}
                value={answers[o.id] ?? ''}
                onChange={(e) => setAnswers({ ...answers, [o.id]: e.currentTarget.value })}
                w={360}
              />
              <Button size="compact-xs" disabled={!answers[o.id]?.trim()} onClick={() => answer.mutate({ id: o.id, status: 'upheld' })}>
                {t('funding.review.rank.uphold')}
              </Button>
              <Button size="compact-xs" variant="default" disabled={!answers[o.id]?.trim()} onClick={() => answer.mutate({ id: o.id, status: 'dismissed' })}>
                {t('funding.review.rank.dismiss')}
              </Button>
            </Group>
          )}
        </Paper>
      ))}
      <ApiErrorAlert error={list.error ?? answer.error} />
    </Stack>
  );
}
