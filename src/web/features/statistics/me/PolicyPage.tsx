import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_STATUSES } from '../../../../shared/contracts/me';
import { del } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { ConfirmButton } from '../../../app/components/ConfirmButton';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { GoalForm, TargetForm } from './forms';
import { IndicatorChart } from './IndicatorChart';
import { baselineLabel, scopeLabel, targetLabel, targetsLine } from '../../../../shared/me-labels';
import { formatMeNumber, formatShare, StatusBadge, TrendMark, useMeNumbers } from './parts';
import { MK, type MeGoal, type MeIndicatorProgress, type MePolicy, pick, policyQuery, reportUrl } from './queries';

/**
 * A policy's M&E: the example banner when it is the reference data's example framework, the goals as cards
 * with their status, and each indicator's actual values against the expected path to its targets, with
 * thresholds, trend and projection. Analysts add goals and indicators; everyone who reads downloads the PDF.
 */
export function PolicyPage() {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const { policyId } = useParams({ strict: false }) as { policyId: string };
  const q = useQuery(policyQuery(policyId));
  const p = q.data;
  if (!p) return <ApiErrorAlert error={q.error} />;
  return (
    <>
      <PageTitle
        actions={
          <Button component="a" href={reportUrl(p.id, lng)} download variant="default" data-testid="me-report-pdf">
            {t('policy.downloadPdf')}
          </Button>
        }
      >
        {pick(p.names, lng)}
      </PageTitle>
      <Anchor component={Link} to="/statistics/me" size="sm" mb="md" display="inline-block">
        {t('policy.back')}
      </Anchor>
      <Stack gap="lg">
        {p.example && (
          <Alert color="grape" variant="light" title={t('policy.exampleTitle')} data-testid="me-example-banner">
            <Text size="sm">{t('policy.exampleBody')}</Text>
            {p.note && (
              <Text size="sm" mt="xs">
                {pick(p.note, lng)}
              </Text>
            )}
          </Alert>
        )}
        {!p.example && p.note && <Text>{pick(p.note, lng)}</Text>}
        {p.synthetic && (
          <Alert color="yellow" variant="light" title={t('policy.syntheticTitle')} data-testid="me-synthetic-banner">
            {t('policy.syntheticBody')}
          </Alert>
        )}
        <Summary policy={p} />
        {p.source && (
          <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
            {t('policy.source', { source: p.source })}
          </Text>
        )}
        {p.goals.length === 0 && <Text>{t('policy.noGoals')}</Text>}
        {p.goals.map((g) => (
          <GoalCard key={g.id} policy={p} goal={g} />
        ))}
        {p.can.manage && <GoalForm policy={p} />}
        <Text size="sm" c="gray.7" maw={820}>
          {t('policy.method')}
        </Text>
      </Stack>
    </>
  );
}

function Summary({ policy }: { policy: MePolicy }) {
  const { t } = useTranslation('me');
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="me-summary">
      {ME_STATUSES.map((s) => (
        <Paper withBorder p="sm" key={s}>
          <StatusBadge status={s} size="sm" />
          <Text size="xl" fw={700} mt={4}>
            {policy.counts[s]}
          </Text>
          <Text size="xs" c="gray.7">
            {t('policy.goalsIndicators', { count: policy.counts[s], indicators: policy.indicatorCounts[s] })}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function GoalCard({ policy, goal }: { policy: MePolicy; goal: MeGoal }) {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const [adding, setAdding] = useState(false);
  const key = goal.key ?? goal.id;
  const titleId = `me-goal-${key}-title`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid={`me-goal-${key}`}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <div>
          {goal.area && (
            <Text size="xs" tt="uppercase" c="gray.7" fw={600}>
              {t(`areas.${goal.area}`, { defaultValue: goal.area })}
            </Text>
          )}
          <Title order={2} size="h3" id={titleId}>
            {pick(goal.names, lng)}
          </Title>
        </div>
        <StatusBadge status={goal.status} size="lg" testId={`me-goal-status-${key}`} />
      </Group>
      {goal.source && (
        <Text size="xs" c="gray.7" mb="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('policy.source', { source: goal.source })}
        </Text>
      )}
      <Stack gap="md">
        {goal.indicators.length === 0 && <Text size="sm">{t('goal.noIndicators')}</Text>}
        {goal.indicators.map((i) => (
          <IndicatorBlock key={i.id} policy={policy} goal={goal} indicator={i} />
        ))}
        {policy.can.manage &&
          (adding ? (
            <TargetForm policy={policy} goal={goal} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <Button variant="light" onClick={() => setAdding(true)} data-testid={`me-add-indicator-${key}`}>
                {t('goal.addIndicator')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}

function IndicatorBlock({ policy, goal, indicator: i }: { policy: MePolicy; goal: MeGoal; indicator: MeIndicatorProgress }) {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const qc = useQueryClient();
  const f = useMeNumbers();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => del(`/api/v1/me/targets/${i.id}`),
    onSuccess: () => {
      notify(t('forms.target.deleted'));
      void qc.invalidateQueries({ queryKey: MK.policy(policy.id) });
      void qc.invalidateQueries({ queryKey: MK.policies });
    },
  });
  if (editing) return <TargetForm policy={policy} goal={goal} existing={i} onDone={() => setEditing(false)} />;
  const name = pick(i.names, lng);
  const final = i.targets[i.targets.length - 1];
  const unit = i.unit ? t(`units.${i.unit}`, { defaultValue: i.unit }) : '';
  const titleId = `me-indicator-${i.id}-title`;
  return (
    <Paper p="sm" bg="gray.0" radius="sm" component="article" aria-labelledby={titleId} data-testid={`me-indicator-${i.indicator}`} data-status={i.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
        <div>
          <Title order={3} size="h5" id={titleId}>
            {name}
          </Title>
          <Group gap={6} mt={2}>
            <Text size="xs" c="gray.7">
              {i.indicator}
              {unit ? ` · ${unit}` : ''} · {t(`kind.${i.kind}`)} · {t(`direction.${i.direction}`)} · {scopeLabel(t, f, i.scope)}
            </Text>
            {i.example && (
              <Badge size="xs" variant="outline" color="grape.9" style={{ textTransform: 'none' }}>
                {t('indicator.exampleMark')}
              </Badge>
            )}
            {i.synthetic && (
              <Badge size="xs" variant="outline" color="#7a4d00" style={{ textTransform: 'none' }}>
                {t('indicator.syntheticMark')}
              </Badge>
            )}
          </Group>
        </div>
        <StatusBadge status={i.status} size="sm" testId={`me-indicator-status-${i.id}`} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs" mb="xs">
        <Fact label={t('indicator.baseline')} value={baselineLabel(t, f, i.baseline)} testId={`me-baseline-${i.indicator}`} />
        <Fact label={final ? t('indicator.targetIn', { year: final.year }) : t('indicator.finalTarget')} value={final ? targetLabel(t, f, final) : '—'} />
        <Fact label={t('indicator.latest')} value={i.latest ? `${formatMeNumber(i.latest.value, lng)} (${i.latest.year})` : t('indicator.noData')} />
        <Fact label={t('indicator.expected')} value={formatMeNumber(i.expectedAtLatest, lng)} />
        <Fact label={t('indicator.achievement')} value={formatShare(i.achievement, lng)} />
        <div>
          <Text size="xs" c="gray.7">
            {t('indicator.trend')}
          </Text>
          <TrendMark indicator={i} />
        </div>
      </SimpleGrid>
      <Text size="xs" mb={4} data-testid={`me-targets-${i.indicator}`}>
        {targetsLine(t, f, i.targets)}
      </Text>
      <Text size="xs" mb="xs">
        {t('indicator.thresholdsValue', { atRisk: formatShare(i.thresholds.atRisk, lng), offTrack: formatShare(i.thresholds.offTrack, lng) })}
        {' · '}
        {i.projection
          ? t('indicator.projectionValue', {
              value: formatMeNumber(i.projection.value, lng),
              year: i.projection.year,
              target: formatMeNumber(i.projection.target, lng),
              status: t(`status.${i.projection.status}`),
            })
          : t('indicator.noProjection')}
      </Text>
      {i.status === 'no_data' && (
        <Text size="sm" c="gray.8" mb="xs" data-testid={`me-no-data-${i.indicator}`}>
          {i.noDataReason === 'baseline_not_measured' ? t('indicator.noDataBaseline', { year: i.baseline.year }) : t('indicator.noDataExplain')}
        </Text>
      )}
      <IndicatorChart indicator={i} />
      {i.actual.some((x) => x.source) && (
        <Text size="xs" c="gray.7" mt="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('indicator.publishedSources', {
            sources: i.actual
              .filter((x) => x.source)
              .map((x) => `${x.year}: ${x.source}`)
              .join('; '),
          })}
        </Text>
      )}
      {policy.can.manage && (
        <Group mt="xs" gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => setEditing(true)} aria-label={t('forms.target.editAria', { name })}>
            {t('forms.target.edit')}
          </Button>
          <ConfirmButton
            size="compact-sm"
            variant="subtle"
            color="red"
            label={t('forms.target.delete')}
            ariaLabel={t('forms.target.deleteAria', { name })}
            title={t('forms.target.deleteTitle')}
            question={t('forms.target.deleteQuestion', { name })}
            confirmLabel={t('forms.target.delete')}
            onConfirm={() => remove.mutate()}
          />
        </Group>
      )}
      <ApiErrorAlert error={remove.error} />
    </Paper>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}
