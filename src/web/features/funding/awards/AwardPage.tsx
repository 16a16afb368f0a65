import { Alert, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { money, pickName } from '../review/queries';
import { AK, type AwardDto, awardQuery, times } from './queries';

type Milestone = AwardDto['milestones'][number];

/** An award: the agreement, milestones and their disbursements, reports with outcome indicators, leverage, acceptance. */
export function AwardPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { awardId } = useParams({ strict: false }) as { awardId: string };
  const q = useQuery(awardQuery(awardId));
  const a = q.data;
  if (!a) return <ApiErrorAlert error={q.error} />;
  return (
    <>
      <PageTitle>{a.title}</PageTitle>
      <Group gap="xs" mb="md">
        <Badge variant="light">{pickName(a.callNames, lng)}</Badge>
        <Badge color={a.status === 'active' ? 'blue' : 'gray'}>{t(`funding.awards.states.${a.status}`)}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="lg">
        <Stat label={t('funding.review.results.enterprise')} value={pickName(a.enterpriseNames, lng)} />
        <Stat
          label={t('funding.awards.agreement')}
          value={`${t(`funding.awards.instruments.${a.instrument}`, a.instrument)} · ${money(a.amount, a.currency, lng)}`}
        />
        <Stat label={t('funding.awards.disbursed')} value={money(a.disbursed, a.currency, lng)} />
        <Paper withBorder p="md" data-testid="leverage-figure">
          <Text size="xs" c="gray.7">
            {t('funding.awards.leverage')}
          </Text>
          <Text size="xl" fw={700}>
            {times(a.leverage, lng)}
          </Text>
          <Text size="xs">
            {t('funding.awards.leverageExplain', { followOn: money(a.followOn, a.currency, lng), amount: money(a.amount, a.currency, lng) })}
          </Text>
        </Paper>
      </SimpleGrid>
      <Milestones award={a} />
      {a.canManage && a.status === 'active' && <AddMilestone award={a} />}
      <Acceptance award={a} />
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Paper>
  );
}

function useAwardMutation<T>(awardId: string, fn: (v: T) => Promise<AwardDto>, message: string) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(AK.award(awardId), data);
      notify(t(message));
      return qc.invalidateQueries({ queryKey: ['funding'] });
    },
  });
}

function Milestones({ award }: { award: AwardDto }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="milestones-heading">
      <Title order={2} size="h4" id="milestones-heading" mb="sm">
        {t('funding.awards.milestones')}
      </Title>
      {award.milestones.length === 0 && <Text size="sm">{t('funding.awards.noMilestones')}</Text>}
      <Stack gap="md">
        {award.milestones.map((m) => (
          <Paper key={m.id} withBorder p="sm" data-testid={`milestone-${m.seq}`}>
            <Group justify="space-between">
              <Text fw={600}>
                {m.seq}. {m.title}
              </Text>
              <Group gap="xs">
                <Text size="sm">{t('funding.awards.due', { date: m.dueOn })}</Text>
                <Text size="sm">{money(m.disbursement, award.currency, lng)}</Text>
                <Badge color={m.state === 'approved' ? 'teal' : m.state === 'rejected' ? 'red' : m.state === 'reported' ? 'yellow' : 'gray'}>
                  {t(`funding.awards.milestoneStates.${m.state}`)}
                </Badge>
              </Group>
            </Group>
            {m.report && <ReportView award={award} milestone={m} />}
            {award.canReport && (!m.report || m.report.review === 'rejected') && <ReportForm award={award} milestone={m} />}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function ReportView({ award, milestone }: { award: AwardDto; milestone: Milestone }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const r = milestone.report!;
  const [note, setNote] = useState('');
  const review = useAwardMutation(
    award.id,
    (decision: 'approved' | 'rejected') => post<AwardDto>(`/api/v1/funding/milestone-reports/${r.id}/review`, { decision, note: note || undefined }),
    'funding.awards.reviewed',
  );
  return (
    <Stack gap={4} mt="xs">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {r.narrative}
      </Text>
      <ScrollTable label={t('funding.awards.indicators')} minWidth={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.awards.revenue')}</Table.Th>
            <Table.Th>{t('funding.awards.jobs')}</Table.Th>
            <Table.Th>{t('funding.awards.ip')}</Table.Th>
            <Table.Th>{t('funding.awards.followOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{r.revenue === null ? '—' : money(r.revenue, award.currency, lng)}</Table.Td>
            <Table.Td>{r.jobs ?? '—'}</Table.Td>
            <Table.Td>{r.ipCount ?? '—'}</Table.Td>
            <Table.Td>
              {money(r.followOn, award.currency, lng)}
              {r.followOnSources && <Text size="xs">{r.followOnSources}</Text>}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </ScrollTable>
      <Text size="xs">
        {t(`funding.awards.reportReview.${r.review}`)}
        {r.reviewNote && `: ${r.reviewNote}`}
      </Text>
      {award.canManage && r.review === 'pending' && (
        <Group align="flex-end" gap="xs">
          <TextInput size="xs" label={t('funding.awards.reviewNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={320} />
          <Button size="compact-sm" onClick={() => review.mutate('approved')} loading={review.isPending} data-testid="approve-report">
            {t('funding.awards.approve')}
          </Button>
          <Button size="compact-sm" color="red" variant="default" onClick={() => review.mutate('rejected')} loading={review.isPending}>
            {t('funding.awards.reject')}
          </Button>
        </Group>
      )}
      <ApiErrorAlert error={review.error} />
    </Stack>
  );
}

function ReportForm({ award, milestone }: { award: AwardDto; milestone: Milestone }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({
    narrative: '',
    revenue: '' as number | '',
    jobs: '' as number | '',
    ipCount: '' as number | '',
    followOn: 0 as number | '',
    followOnSources: '',
  });
  const submit = useAwardMutation(
    award.id,
    () =>
      post<AwardDto>(`/api/v1/funding/awards/${award.id}/milestones/${milestone.id}/report`, {
        narrative: f.narrative,
        revenue: f.revenue === '' ? null : f.revenue,
        jobs: f.jobs === '' ? null : f.jobs,
        ipCount: f.ipCount === '' ? null : f.ipCount,
        followOn: f.followOn === '' ? 0 : f.followOn,
        followOnSources: f.followOnSources || undefined,
      }),
    'funding.awards.reported',
  );
  if (!open) {
    return (
      <Button size="compact-sm" mt="xs" onClick={() => setOpen(true)} data-testid="open-report">
        {t('funding.awards.report')}
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate(undefined);
      }}
    >
      <Stack gap="xs" mt="xs">
        <Textarea
          label={t('funding.awards.narrative')}
          required
          autosize
          minRows={3}
          value={f.narrative}
          onChange={(e) => setF({ ...f, narrative: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NumberInput
            label={t('funding.awards.revenueIn', { currency: award.currency })}
            min={0}
            value={f.revenue}
            onChange={(v) => setF({ ...f, revenue: v === '' ? '' : Number(v) })}
          />
          <NumberInput
            label={t('funding.awards.jobs')}
            min={0}
            allowDecimal={false}
            value={f.jobs}
            onChange={(v) => setF({ ...f, jobs: v === '' ? '' : Number(v) })}
          />
          <NumberInput
            label={t('funding.awards.ip')}
            min={0}
            allowDecimal={false}
            value={f.ipCount}
            onChange={(v) => setF({ ...f, ipCount: v === '' ? '' : Number(v) })}
          />
          <NumberInput
            label={t('funding.awards.followOnIn', { currency: award.currency })}
            description={t('funding.awards.followOnHint')}
            min={0}
            value={f.followOn}
            onChange={(v) => setF({ ...f, followOn: v === '' ? '' : Number(v) })}
          />
        </SimpleGrid>
        <TextInput
          label={t('funding.awards.followOnSources')}
          value={f.followOnSources}
          onChange={(e) => setF({ ...f, followOnSources: e.currentTarget.value })}
        />
        <ApiErrorAlert error={submit.error} />
        <Group>
          <Button type="submit" loading={submit.isPending} data-testid="submit-report">
            {t('funding.awards.submitReport')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddMilestone({ award }: { award: AwardDto }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ title: '', dueOn: '', disbursement: '' as number | '' });
  const add = useAwardMutation(
    award.id,
    () =>
      post<AwardDto>(`/api/v1/funding/awards/${award.id}/milestones`, {
        title: f.title,
        dueOn: f.dueOn,
        disbursement: f.disbursement === '' ? 0 : f.disbursement,
      }),
    'funding.awards.milestoneAdded',
  );
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="add-milestone">
      <Title order={2} size="h5" id="add-milestone" mb="xs">
        {t('funding.awards.addMilestone')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, { onSuccess: () => setF({ title: '', dueOn: '', disbursement: '' }) });
        }}
      >
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('funding.awards.milestoneTitle')}
            required
            value={f.title}
            onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
            w={280}
          />
          <TextInput label={t('funding.awards.dueOn')} type="date" required value={f.dueOn} onChange={(e) => setF({ ...f, dueOn: e.currentTarget.value })} />
          <NumberInput
            label={t('funding.awards.disbursementIn', { currency: award.currency })}
            min={0}
            required
            value={f.disbursement}
            onChange={(v) => setF({ ...f, disbursement: v === '' ? '' : Number(v) })}
          />
          <Button type="submit" loading={add.isPending} data-testid="add-milestone-button">
            {t('funding.awards.addMilestoneButton')}
          </Button>
        </Group>
        <ApiErrorAlert error={add.error} />
      </form>
    </Paper>
  );
}

function Acceptance({ award }: { award: AwardDto }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(award.proposal.outcome);
  const [reasons, setReasons] = useState('');
  const decide = useAwardMutation(
    award.id,
    () => post<AwardDto>(`/api/v1/funding/awards/${award.id}/acceptance`, { outcome, reasons }),
    'funding.awards.accepted',
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="acceptance-heading">
      <Title order={2} size="h4" id="acceptance-heading" mb="xs">
        {t('funding.awards.acceptance')}
      </Title>
      {award.acceptance ? (
        <Alert color={award.acceptance.outcome === 'failed' ? 'red' : 'teal'} variant="light" data-testid="acceptance-result">
          {t(`funding.awards.outcomes.${award.acceptance.outcome}`)} · {award.acceptance.decidedOn}
          <Text size="sm">{award.acceptance.reasons}</Text>
          {award.acceptance.outcome === 'failed' && <Text size="xs">{t('funding.awards.barNote')}</Text>}
        </Alert>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            {t('funding.awards.proposal', { outcome: t(`funding.awards.outcomes.${award.proposal.outcome}`) })} —{' '}
            {t(`funding.awards.proposalReason.${award.proposal.reason.key}`, award.proposal.reason.params)}
          </Text>
          {award.canManage && (
            <>
              <Select
                label={t('funding.awards.outcome')}
                data={(['passed', 'basically_passed', 'failed'] as const).map((o) => ({ value: o, label: t(`funding.awards.outcomes.${o}`) }))}
                value={outcome}
                onChange={setOutcome}
                allowDeselect={false}
                w={280}
              />
              <Textarea label={t('funding.awards.reasons')} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} maw={620} />
              <ApiErrorAlert error={decide.error} />
              <Group>
                <Button disabled={!reasons.trim()} loading={decide.isPending} onClick={() => decide.mutate(undefined)}>
                  {t('funding.awards.decideAcceptance')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}
