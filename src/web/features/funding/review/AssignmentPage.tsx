import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { PageTitle } from '../../../app/components/PageTitle';
import { Pager } from '../../../app/components/Pager';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { notify } from '../../../app/notify';
import { ASSIGNMENT_PAGE, type AssignmentView, assignmentQuery, K, reviewersQuery } from './queries';

type App = AssignmentView['applications'][number];
type Pair = App['pairs'][number];

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/**
 * The officer's assignment page: run the optimiser, see every pair with the reasons for its affinity and
 * every conflict with its reason, and override a pair (audited; the rest is re-optimised around it).
 */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { callId } = useParams({ strict: false }) as { callId: string };
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q.trim(), 300);
  const [offset, setOffset] = useState(0);
  const view = useQuery(assignmentQuery(callId, { q: query, offset }));
  const done = (_data: AssignmentView) => {
    void qc.invalidateQueries({ queryKey: K.assignment(callId) });
    void qc.invalidateQueries({ queryKey: K.reviewers });
  };
  const run = useMutation({
    mutationFn: () => post<AssignmentView>(`/api/v1/funding/calls/${callId}/assignment/run`, {}),
    onSuccess: (data) => {
      done(data);
      notify(t('funding.review.assign.ran'));
    },
  });
  const v = view.data;
  return (
    <>
      <PageTitle
        actions={
          <Group>
            <Button component={Link} to="/funding/calls/$callId/ranking" params={{ callId } as never} variant="default">
              {t('funding.review.calls.ranking')}
            </Button>
            <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="run-assignment">
              {v?.run ? t('funding.review.assign.rerun') : t('funding.review.assign.run')}
            </Button>
          </Group>
        }
      >
        {t('funding.review.assign.title')}
      </PageTitle>
      <Text mb="md" maw={860}>
        {t('funding.review.assign.intro')}
      </Text>
      <ApiErrorAlert error={view.error ?? run.error} />
      {v?.run && (
        <Paper withBorder p="md" mb="lg" data-testid="run-summary">
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure label={t('funding.review.assign.k')} value={String(v.run.k)} />
            <Figure label={t('funding.review.assign.loads')} value={`${v.run.minLoad}–${v.run.maxLoad}`} />
            <Figure label={t('funding.review.assign.objective')} value={v.run.objective.toFixed(3)} />
            <Figure label={t('funding.review.assign.gap')} value={`${(v.run.gap * 100).toFixed(4)}%`} />
            <Figure
              label={t('funding.review.assign.optimal')}
              value={v.run.optimal ? t('funding.review.assign.proven') : t('funding.review.assign.repaired')}
            />
          </SimpleGrid>
          <Text size="xs" mt="xs">
            {t('funding.review.assign.ranAt')} <DateTime value={v.run.createdAt} />
            {v.run.overrides.length > 0 && ` · ${t('funding.review.assign.overrides', { count: v.run.overrides.length })}`}
          </Text>
        </Paper>
      )}
      {v && !v.run && v.applications.length > 0 && (
        <Alert color="blue" variant="light" mb="md">
          {t('funding.review.assign.notYet', { count: v.applications.length })}
        </Alert>
      )}
      {v && v.applications.length === 0 && (
        <Alert color="yellow" variant="light" mb="md">
          {t('funding.review.assign.noApplications')}
        </Alert>
      )}
      {v?.run && (
        <TextInput
          type="search"
          label={t('funding.review.assign.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
          w={360}
          mb="md"
        />
      )}
      <Stack gap="md">
        {v?.applications.map((a) => (
          <ApplicationCard key={a.id} callId={callId} app={a} onDone={done} showPairs={!!v.run} />
        ))}
      </Stack>
      {v && <Pager total={v.total} limit={ASSIGNMENT_PAGE} offset={offset} onChange={setOffset} />}
      {v?.run && v.loads.length > 0 && (
        <Paper withBorder p="md" mt="lg">
          <Title order={2} size="h4" mb="sm">
            {t('funding.review.assign.loadTable')}
          </Title>
          <ScrollTable label={t('funding.review.assign.loadTable')} minWidth={360}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('funding.review.pool.name')}</Table.Th>
                <Table.Th>{t('funding.review.pool.load')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.loads.map((l) => (
                <Table.Tr key={l.reviewerId}>
                  <Table.Td>
                    {l.name} {l.senior && <Badge color="grape">{t('funding.review.senior')}</Badge>}
                  </Table.Td>
                  <Table.Td>{l.load}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Paper>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function ApplicationCard({ callId, app, onDone, showPairs }: { callId: string; app: App; onDone: (v: AssignmentView) => void; showPairs: boolean }) {
  const { t } = useTranslation();
  const pool = useQuery(reviewersQuery);
  const [adding, setAdding] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const override = useMutation({
    mutationFn: (v: { reviewerId: string; include: boolean; reason: string }) =>
      post<AssignmentView>(`/api/v1/funding/calls/${callId}/assignment/override`, { applicationId: app.id, ...v }),
    onSuccess: (data) => {
      onDone(data);
      setAdding(null);
      setReason('');
      notify(t('funding.review.assign.overridden'));
    },
  });
  const assigned = app.pairs.filter((p) => p.status === 'assigned');
  const others = app.pairs.filter((p) => p.status !== 'assigned');
  const conflicted = new Set(app.conflicts.map((c) => c.reviewerId));
  const candidates = (pool.data?.items ?? []).filter((r) => r.active && !assigned.some((p) => p.reviewerId === r.id) && !conflicted.has(r.id));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`app-${app.id}`} data-testid={`assignment-${app.id}`}>
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={2} size="h5" id={`app-${app.id}`}>
            {app.title}
          </Title>
          <Text size="xs" c="gray.7">
            {app.enterpriseName}
          </Text>
        </div>
      </Group>
      {showPairs && (
        <ScrollTable label={`${t('funding.review.assign.reviewer')}: ${app.title}`} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('funding.review.assign.reviewer')}</Table.Th>
              <Table.Th>{t('funding.review.assign.affinity')}</Table.Th>
              <Table.Th>{t('funding.review.assign.why')}</Table.Th>
              <Table.Th>{t('fields.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...assigned, ...others].map((p) => (
              <PairRow
                key={p.id}
                pair={p}
                busy={override.isPending}
                onRemove={(r) => override.mutate({ reviewerId: p.reviewerId, include: false, reason: r })}
              />
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {app.conflicts.length > 0 && (
        <Stack gap={2} mt="xs" data-testid="conflicts">
          <Text size="sm" fw={600}>
            {t('funding.review.assign.conflicts')}
          </Text>
          {app.conflicts.map((c) => (
            <Text size="xs" key={c.reviewerId}>
              {c.reviewerName}: {c.reasons.map((r) => t(`funding.review.conflictKinds.${r.kind}`, { detail: r.detail })).join('; ')}
            </Text>
          ))}
        </Stack>
      )}
      {showPairs && (
        <Group mt="sm" align="flex-end" gap="xs">
          <Select
            size="xs"
            label={t('funding.review.assign.force')}
            data={candidates.map((r) => ({ value: r.id, label: r.name }))}
            value={adding}
            onChange={setAdding}
            w={240}
          />
          <TextInput size="xs" label={t('funding.review.assign.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={280} />
          <Button
            size="xs"
            disabled={!adding || !reason.trim()}
            loading={override.isPending}
            onClick={() => adding && override.mutate({ reviewerId: adding, include: true, reason })}
          >
            {t('funding.review.assign.forceButton')}
          </Button>
        </Group>
      )}
      <ApiErrorAlert error={override.error} />
    </Paper>
  );
}

function PairRow({ pair, onRemove, busy }: { pair: Pair; onRemove: (reason: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const r = pair.reasons;
  return (
    <Table.Tr data-status={pair.status} data-testid={`pair-${pair.reviewerId}`}>
      <Table.Td>
        <Group gap={4}>
          <Text size="sm" td={pair.status === 'assigned' ? undefined : 'line-through'}>
            {pair.reviewerName}
          </Text>
          {pair.senior && <Badge color="grape">{t('funding.review.senior')}</Badge>}
          {pair.origin !== 'optimiser' && <Badge color="orange">{t(`funding.review.origin.${pair.origin}`)}</Badge>}
          {pair.status !== 'assigned' && <Badge color="gray">{t(`funding.review.pairStatus.${pair.status}`)}</Badge>}
          {pair.scored && <Badge color="teal">{t('funding.review.assign.scored')}</Badge>}
        </Group>
        {pair.note && <Text size="xs">{pair.note}</Text>}
      </Table.Td>
      <Table.Td>{pair.affinity.toFixed(3)}</Table.Td>
      <Table.Td>
        <Text size="xs">
          {t('funding.review.assign.textSimilarity', { value: pct(r.textSimilarity) })} · {t('funding.review.assign.tagOverlap', { value: pct(r.tagOverlap) })}
        </Text>
        {r.sharedTerms.length > 0 && <Text size="xs">{t('funding.review.assign.sharedTerms', { terms: r.sharedTerms.slice(0, 6).join(', ') })}</Text>}
        {r.sharedTags.length > 0 && (
          <Text size="xs">{t('funding.review.assign.sharedTags', { tags: r.sharedTags.map((x) => t(`registry.sectors.${x}`, x)).join(', ') })}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {pair.status === 'assigned' && !pair.scored && !removing && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(true)}>
            {t('funding.review.assign.remove')}
          </Button>
        )}
        {removing && (
          <Group gap={4} align="flex-end">
            <TextInput size="xs" label={t('funding.review.assign.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button size="compact-xs" color="red" disabled={!reason.trim()} loading={busy} onClick={() => onRemove(reason)}>
              {t('funding.review.assign.removeButton')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
