import { ActionIcon, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/roles';
import { patch, post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { fieldErrors, nestedErrors } from '../../../app/forms';
import { LANGUAGE_NAMES } from '../../../app/language';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { MK, type MeGoal, type MeIndicatorProgress, type MePolicy, pick } from './queries';

type Text3 = { en: string; zh?: string; ur?: string };
const AREAS = ['basic_human_needs', 'good_governance', 'economic_development', 'quality_of_life'] as const;

/** A form's submit handler that stays on the page and runs the mutation. */
const submitWith = (run: () => void) => (e: FormEvent) => {
  e.preventDefault();
  run();
};

const clean3 = (v: Text3): Text3 => ({ en: v.en.trim(), ...(v.zh?.trim() ? { zh: v.zh.trim() } : {}), ...(v.ur?.trim() ? { ur: v.ur.trim() } : {}) });

/** A name in the three interface languages: English required, Chinese and Urdu (right to left) optional. */
export function NameFields({
  label,
  value,
  onChange,
  error,
  long,
}: {
  label: string;
  value: Text3;
  onChange: (v: Text3) => void;
  error?: string;
  long?: boolean;
}) {
  const { t } = useTranslation('me');
  const Input = long ? Textarea : TextInput;
  return (
    <Group grow align="flex-start" gap="xs" wrap="wrap">
      {(['en', 'zh', 'ur'] as const).map((l: Language) => (
        <Input
          key={l}
          label={`${label} (${LANGUAGE_NAMES[l]})`}
          lang={l === 'zh' ? 'zh-CN' : l}
          dir={l === 'ur' ? 'rtl' : 'ltr'}
          required={l === 'en'}
          description={l === 'en' ? undefined : t('forms.optionalLanguage')}
          error={l === 'en' ? error : undefined}
          value={value[l] ?? ''}
          onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
          style={{ minWidth: 200 }}
        />
      ))}
    </Group>
  );
}

/** A new policy to monitor (analysts). */
export function PolicyForm({ onCreated }: { onCreated: (p: MePolicy) => void }) {
  const { t } = useTranslation('me');
  const qc = useQueryClient();
  const [names, setNames] = useState<Text3>({ en: '' });
  const [note, setNote] = useState<Text3>({ en: '' });
  const m = useMutation({
    mutationFn: () => post<MePolicy>('/api/v1/me/policies', { names: clean3(names), ...(note.en.trim() ? { note: clean3(note) } : {}) }),
    onSuccess: (p) => {
      notify(t('forms.policy.created'));
      void qc.invalidateQueries({ queryKey: MK.policies });
      onCreated(p);
    },
  });
  const errors = fieldErrors(m.error, ['names', 'note']);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submitWith(m.mutate)} aria-labelledby="me-policy-form-title">
      <Title order={2} size="h4" id="me-policy-form-title" mb="sm">
        {t('forms.policy.title')}
      </Title>
      <Stack gap="sm">
        <NameFields label={t('forms.name')} value={names} onChange={setNames} error={errors.names} />
        <NameFields label={t('forms.policy.note')} value={note} onChange={setNote} long />
        <ApiErrorAlert error={m.error} fields={['names', 'note']} />
        <Group>
          <Button type="submit" loading={m.isPending} data-testid="me-policy-submit">
            {t('forms.policy.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A new goal of a policy (analysts). */
export function GoalForm({ policy }: { policy: MePolicy }) {
  const { t } = useTranslation('me');
  const qc = useQueryClient();
  const [names, setNames] = useState<Text3>({ en: '' });
  const [area, setArea] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: () => post<MeGoal>(`/api/v1/me/policies/${policy.id}/goals`, { names: clean3(names), ...(area ? { area } : {}) }),
    onSuccess: () => {
      notify(t('forms.goal.created'));
      setNames({ en: '' });
      setArea(null);
      void qc.invalidateQueries({ queryKey: MK.policy(policy.id) });
      void qc.invalidateQueries({ queryKey: MK.policies });
    },
  });
  const errors = fieldErrors(m.error, ['names', 'area']);
  return (
    <Paper withBorder p="md" component="form" onSubmit={submitWith(m.mutate)} aria-labelledby="me-goal-form-title" data-testid="me-goal-form">
      <Title order={2} size="h4" id="me-goal-form-title" mb="sm">
        {t('forms.goal.title')}
      </Title>
      <Stack gap="sm">
        <NameFields label={t('forms.name')} value={names} onChange={setNames} error={errors.names} />
        <Select
          label={t('forms.goal.area')}
          placeholder={t('forms.goal.noArea')}
          clearable
          data={AREAS.map((a) => ({ value: a, label: t(`areas.${a}`) }))}
          value={area}
          onChange={setArea}
          error={errors.area}
          w={320}
        />
        <ApiErrorAlert error={m.error} fields={['names', 'area']} />
        <Group>
          <Button type="submit" loading={m.isPending} data-testid="me-goal-submit">
            {t('forms.goal.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type YearRow = { year: number | ''; value: number | '' };

/**
 * An indicator of a goal with its baseline, yearly targets and thresholds (analysts): new, or an existing one
 * changed (then the page shows it in place of the indicator).
 */
export function TargetForm({ policy, goal, existing, onDone }: { policy: MePolicy; goal: MeGoal; existing?: MeIndicatorProgress; onDone?: () => void }) {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const qc = useQueryClient();
  const nextYear = new Date().getFullYear();
  const [indicator, setIndicator] = useState<string | null>(existing?.indicator ?? null);
  const [direction, setDirection] = useState<'increase' | 'decrease'>(existing?.direction ?? 'increase');
  const [baseYear, setBaseYear] = useState<number | ''>(existing?.baseline.year ?? nextYear - 1);
  const [baseValue, setBaseValue] = useState<number | ''>(existing?.baseline.value ?? '');
  const [targets, setTargets] = useState<YearRow[]>(existing?.targets.map((x) => ({ ...x })) ?? [{ year: nextYear + 1, value: '' }]);
  const [atRisk, setAtRisk] = useState<number | ''>(Math.round((existing?.thresholds.atRisk ?? 0.9) * 100));
  const [offTrack, setOffTrack] = useState<number | ''>(Math.round((existing?.thresholds.offTrack ?? 0.6) * 100));
  const num = (v: number | '') => (v === '' ? Number.NaN : v);
  const body = () => ({
    indicator: indicator ?? '',
    direction,
    baseline: { year: num(baseYear), value: num(baseValue) },
    targets: targets.map((r) => ({ year: num(r.year), value: num(r.value) })),
    thresholds: { atRisk: num(atRisk) / 100, offTrack: num(offTrack) / 100 },
  });
  const m = useMutation({
    mutationFn: () =>
      existing
        ? patch<MeIndicatorProgress>(`/api/v1/me/targets/${existing.id}`, body())
        : post<MeIndicatorProgress>(`/api/v1/me/goals/${goal.id}/targets`, { ...body(), scope: 'national' }),
    onSuccess: () => {
      notify(t(existing ? 'forms.target.saved' : 'forms.target.created'));
      void qc.invalidateQueries({ queryKey: MK.policy(policy.id) });
      void qc.invalidateQueries({ queryKey: MK.policies });
      if (!existing) {
        setIndicator(null);
        setBaseValue('');
        setTargets([{ year: nextYear + 1, value: '' }]);
      }
      onDone?.();
    },
  });
  const fields = ['indicator', 'scope', 'direction', 'baseline', 'targets', 'thresholds'];
  const errors = fieldErrors(m.error, ['indicator', 'scope', 'direction', 'baseline', 'thresholds']);
  const rowErrors = nestedErrors(m.error, 'targets');
  const prefix = `me-target-${goal.key ?? goal.id}`;
  const options = [
    { group: t('forms.target.catalogue'), items: policy.measures.filter((x) => x.kind === 'catalogue') },
    { group: t('forms.target.series'), items: policy.measures.filter((x) => x.kind === 'series') },
  ]
    .filter((g) => g.items.length)
    .map((g) => ({ group: g.group, items: g.items.map((x) => ({ value: x.code, label: `${pick(x.names, lng)} (${x.code})` })) }));
  const titleId = `${prefix}-form-title`;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submitWith(m.mutate)} aria-labelledby={titleId} data-testid={`${prefix}-form`}>
      <Title order={4} size="h5" id={titleId} mb="sm">
        {existing ? t('forms.target.editTitle', { name: pick(existing.names, lng) }) : t('forms.target.title', { goal: pick(goal.names, lng) })}
      </Title>
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('forms.target.indicator')}
            required
            searchable
            data={options}
            value={indicator}
            onChange={setIndicator}
            error={errors.indicator ?? errors.scope}
            w={380}
            data-testid={`${prefix}-indicator`}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id={`${prefix}-direction`}>
              {t('forms.target.direction')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${prefix}-direction`}
              value={direction}
              onChange={(v) => setDirection(v as 'increase' | 'decrease')}
              data={[
                { value: 'increase', label: t('direction.increase') },
                { value: 'decrease', label: t('direction.decrease') },
              ]}
            />
          </div>
        </Group>
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label={t('forms.target.baselineYear')}
            required
            value={baseYear}
            onChange={(v) => setBaseYear(typeof v === 'number' ? v : '')}
            allowDecimal={false}
            w={140}
            error={errors.baseline}
            data-testid={`${prefix}-baseline-year`}
          />
          <NumberInput
            label={t('forms.target.baselineValue')}
            required
            value={baseValue}
            onChange={(v) => setBaseValue(typeof v === 'number' ? v : '')}
            w={180}
            data-testid={`${prefix}-baseline-value`}
          />
        </Group>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={500} mb={4}>
            {t('forms.target.targets')}
          </Text>
          <Stack gap={6}>
            {targets.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
              <Group key={i} align="flex-start" wrap="nowrap">
                <NumberInput
                  aria-label={t('forms.target.targetYear', { n: i + 1 })}
                  placeholder={t('chart.year')}
                  value={r.year}
                  allowDecimal={false}
                  onChange={(v) => setTargets(targets.map((x, j) => (j === i ? { ...x, year: typeof v === 'number' ? v : '' } : x)))}
                  error={rowErrors[`targets.${i}.year`]}
                  w={140}
                  data-testid={`${prefix}-target-year-${i}`}
                />
                <NumberInput
                  aria-label={t('forms.target.targetValue', { n: i + 1 })}
                  placeholder={t('forms.target.value')}
                  value={r.value}
                  onChange={(v) => setTargets(targets.map((x, j) => (j === i ? { ...x, value: typeof v === 'number' ? v : '' } : x)))}
                  error={rowErrors[`targets.${i}.value`]}
                  w={180}
                  data-testid={`${prefix}-target-value-${i}`}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('forms.target.removeYear', { n: i + 1 })}
                  disabled={targets.length === 1}
                  onClick={() => setTargets(targets.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => {
                  const last = targets[targets.length - 1];
                  setTargets([...targets, { year: typeof last?.year === 'number' ? last.year + 1 : '', value: '' }]);
                }}
              >
                {t('forms.target.addYear')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label={t('forms.target.atRisk')}
            description={t('forms.target.atRiskHelp')}
            suffix=" %"
            value={atRisk}
            onChange={(v) => setAtRisk(typeof v === 'number' ? v : '')}
            w={260}
            error={errors.thresholds}
          />
          <NumberInput
            label={t('forms.target.offTrack')}
            description={t('forms.target.offTrackHelp')}
            suffix=" %"
            value={offTrack}
            onChange={(v) => setOffTrack(typeof v === 'number' ? v : '')}
            w={260}
          />
        </Group>
        <ApiErrorAlert error={m.error} fields={fields} />
        <Group>
          <Button type="submit" loading={m.isPending} data-testid={`${prefix}-submit`}>
            {existing ? t('forms.target.save') : t('forms.target.submit')}
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              {t('forms.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
