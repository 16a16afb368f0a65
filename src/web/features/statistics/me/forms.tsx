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
import { scopeLabel } from '../../../../shared/me-labels';
import { useMeNumbers } from './parts';
import { BASES, BASIS_LABEL, type Basis, rowsOf, scopeChoices, targetBody, type YearRow } from './target-form';
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

/**
 * An indicator of a goal with its baseline (a value, or measured in its year), yearly targets (values, or changes
 * on the baseline) and thresholds (analysts): new, or an existing one changed (then the page shows it in place).
 */
export function TargetForm({ policy, goal, existing, onDone }: { policy: MePolicy; goal: MeGoal; existing?: MeIndicatorProgress; onDone?: () => void }) {
  const { t } = useTranslation('me');
  const lng = useLanguage();
  const qc = useQueryClient();
  const f = useMeNumbers();
  const nextYear = new Date().getFullYear();
  const choices = scopeChoices(policy);
  const [indicator, setIndicator] = useState<string | null>(existing?.indicator ?? null);
  const [scope, setScope] = useState<string>(existing?.scope ?? choices.usual);
  const [direction, setDirection] = useState<'increase' | 'decrease'>(existing?.direction ?? 'increase');
  const [measured, setMeasured] = useState<boolean>(existing?.baseline.measured ?? true);
  const [baseYear, setBaseYear] = useState<number | ''>(existing?.baseline.year ?? nextYear - 1);
  const [baseValue, setBaseValue] = useState<number | ''>(existing && !existing.baseline.measured ? (existing.baseline.value ?? '') : '');
  const [targets, setTargets] = useState<YearRow[]>(existing ? rowsOf(existing.targets) : [{ year: nextYear + 1, basis: 'change', amount: '' }]);
  const [atRisk, setAtRisk] = useState<number | ''>(Math.round((existing?.thresholds.atRisk ?? 0.9) * 100));
  const [offTrack, setOffTrack] = useState<number | ''>(Math.round((existing?.thresholds.offTrack ?? 0.6) * 100));
  const body = () => targetBody({ indicator, scope, direction, measured, baseYear, baseValue, targets, atRisk, offTrack });
  const m = useMutation({
    mutationFn: () =>
      existing
        ? patch<MeIndicatorProgress>(`/api/v1/me/targets/${existing.id}`, body())
        : post<MeIndicatorProgress>(`/api/v1/me/goals/${goal.id}/targets`, body()),
    onSuccess: () => {
      notify(t(existing ? 'forms.target.saved' : 'forms.target.created'));
      void qc.invalidateQueries({ queryKey: MK.policy(policy.id) });
      void qc.invalidateQueries({ queryKey: MK.policies });
      if (!existing) {
        setIndicator(null);
        setBaseValue('');
        setTargets([{ year: nextYear + 1, basis: 'change', amount: '' }]);
      }
      onDone?.();
    },
  });
  const fields = ['indicator', 'scope', 'direction', 'baseline', 'targets', 'thresholds'];
  const errors = fieldErrors(m.error, ['indicator', 'scope', 'direction', 'baseline', 'thresholds']);
  const rowErrors = nestedErrors(m.error, 'targets');
  const rowError = (i: number, r: YearRow) => rowErrors[`targets.${i}.${r.basis}`] ?? rowErrors[`targets.${i}.value`];
  const setRow = (i: number, change: Partial<YearRow>) => setTargets(targets.map((x, j) => (j === i ? { ...x, ...change } : x)));
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
            error={errors.indicator}
            w={380}
            data-testid={`${prefix}-indicator`}
          />
          <Select
            label={t('forms.target.scope')}
            data={choices.scopes.map((x) => ({ value: x, label: scopeLabel(t, f, x) }))}
            value={scope}
            onChange={(v) => setScope(v ?? 'national')}
            allowDeselect={false}
            error={errors.scope}
            w={280}
            data-testid={`${prefix}-scope`}
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
        <Group align="flex-end" wrap="wrap">
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
          <div>
            <Text size="sm" fw={500} mb={4} id={`${prefix}-baseline-kind`}>
              {t('forms.target.baselineKind')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${prefix}-baseline-kind`}
              value={measured ? 'measured' : 'value'}
              onChange={(v) => setMeasured(v === 'measured')}
              data={[
                { value: 'measured', label: t('forms.target.baselineMeasured') },
                { value: 'value', label: t('forms.target.baselineSet') },
              ]}
              data-testid={`${prefix}-baseline-kind`}
            />
          </div>
          {!measured && (
            <NumberInput
              label={t('forms.target.baselineValue')}
              required
              value={baseValue}
              onChange={(v) => setBaseValue(typeof v === 'number' ? v : '')}
              w={180}
              data-testid={`${prefix}-baseline-value`}
            />
          )}
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
                  onChange={(v) => setRow(i, { year: typeof v === 'number' ? v : '' })}
                  error={rowErrors[`targets.${i}.year`]}
                  w={140}
                  data-testid={`${prefix}-target-year-${i}`}
                />
                <Select
                  aria-label={t('forms.target.basis', { n: i + 1 })}
                  data={BASES.map((b) => ({ value: b, label: t(BASIS_LABEL[b]) }))}
                  value={r.basis}
                  onChange={(v) => setRow(i, { basis: (v as Basis | null) ?? 'value' })}
                  allowDeselect={false}
                  w={220}
                  data-testid={`${prefix}-target-basis-${i}`}
                />
                <NumberInput
                  aria-label={t('forms.target.targetValue', { n: i + 1 })}
                  placeholder={t(BASIS_LABEL[r.basis])}
                  value={r.amount}
                  suffix={r.basis === 'change' ? ' %' : undefined}
                  onChange={(v) => setRow(i, { amount: typeof v === 'number' ? v : '' })}
                  error={rowError(i, r)}
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
                  setTargets([...targets, { year: typeof last?.year === 'number' ? last.year + 1 : '', basis: last?.basis ?? 'change', amount: '' }]);
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
