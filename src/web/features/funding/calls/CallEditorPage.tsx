import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationForm,
  type CallInput,
  INSTRUMENT_KINDS,
  type Instrument,
  type InstrumentKind,
  type Rubric,
} from '../../../../shared/contracts/funding';
import { ApiError, patch, post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { FormBuilder } from './FormBuilder';
import { type Call, CK, callQuery, programsQuery, type Rule, ruleTemplatesQuery, t3 } from './queries';
import { Text3Fields } from './Text3Fields';
import { fromZonedInput, toZonedInput } from './zoned-time';

type Draft = Omit<CallInput, 'eligibilityRules' | 'form'> & { eligibilityRules: Rule[]; form: ApplicationForm };

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC', 'Asia/Shanghai', 'Asia/Karachi'];

function blankCall(programId: string, rules: Rule[]): Draft {
  const now = new Date();
  return {
    programId,
    names: { en: '' },
    opensAt: new Date(now.getTime() + 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 61 * 86_400_000).toISOString(),
    timeZone: 'Asia/Shanghai',
    budget: 1_000_000,
    currency: 'USD',
    instruments: [{ kind: 'grant', min: 150_000, max: 250_000 }],
    eligibilityRules: rules,
    form: {
      sections: [
        {
          key: 'project',
          title: { en: 'The project' },
          fields: [{ key: 'title', type: 'text', label: { en: 'Project title' }, required: true }],
        },
      ],
    },
    rubric: {
      scaleMin: 0,
      scaleMax: 10,
      criteria: [
        { key: 'innovation', name: { en: 'Innovation' }, weight: 50 },
        { key: 'market', name: { en: 'Market potential' }, weight: 50 },
      ],
    },
    reviewersPerApplication: 3,
    reviewerLoadMin: 0,
    reviewerLoadMax: 15,
    blindReview: false,
    seniorReviewerRequired: false,
  };
}

function fromCall(c: Call): Draft {
  return {
    programId: c.program.id,
    key: c.key ?? undefined,
    names: c.names,
    description: c.description ?? undefined,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    timeZone: c.timeZone,
    budget: c.budget,
    currency: c.currency,
    instruments: c.instruments,
    eligibilityRules: c.eligibilityRules as Rule[],
    form: c.form,
    rubric: c.rubric,
    reviewersPerApplication: c.reviewersPerApplication,
    reviewerLoadMin: c.reviewerLoadMin,
    reviewerLoadMax: c.reviewerLoadMax,
    blindReview: c.blindReview,
    seniorReviewerRequired: c.seniorReviewerRequired,
  };
}

/** The officer's call editor: window, money, instruments, eligibility rules, the application form and the rubric. */
export function CallEditorPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { callId } = useParams({ strict: false }) as { callId?: string };
  const existing = useQuery({ ...callQuery(callId ?? ''), enabled: !!callId });
  const programs = useQuery(programsQuery);
  const templates = useQuery(ruleTemplatesQuery);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [newProgram, setNewProgram] = useState('');

  useEffect(() => {
    if (draft) return;
    if (callId && existing.data) setDraft(fromCall(existing.data));
    if (!callId && programs.data && templates.data) setDraft(blankCall(programs.data.items[0]?.id ?? '', templates.data.defaults));
  }, [callId, existing.data, programs.data, templates.data, draft]);

  const save = useMutation({
    mutationFn: async (d: Draft) => {
      if (callId) {
        const { programId: _p, ...rest } = d;
        return patch<Call>(`/api/v1/funding/calls/${callId}`, rest);
      }
      return post<Call>('/api/v1/funding/calls', d);
    },
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: CK.all });
      notify(t('funding.calls.editor.saved'));
      if (!callId) void navigate({ to: `/funding/calls/${c.id}/edit` as never });
    },
  });
  const status = useMutation({
    mutationFn: (s: 'open' | 'closed' | 'cancelled') => post<Call>(`/api/v1/funding/calls/${callId}/status`, { status: s }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: CK.all });
      notify(t('funding.calls.editor.statusChanged'));
    },
  });
  const addProgram = useMutation({
    mutationFn: () => post<{ id: string }>('/api/v1/funding/programs', { names: { en: newProgram } }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: CK.programs });
      setNewProgram('');
      setDraft((d) => (d ? { ...d, programId: p.id } : d));
    },
  });

  const rulePool = useMemo(() => {
    const pool = [...(templates.data?.defaults ?? []), ...(templates.data?.templates ?? [])];
    for (const r of draft?.eligibilityRules ?? []) if (!pool.some((p) => p.id === r.id)) pool.push(r);
    return pool;
  }, [templates.data, draft?.eligibilityRules]);

  if (existing.error) return <ApiErrorAlert error={existing.error} />;
  if (!draft) return <Text>{t('status.loading')}</Text>;
  const set = (p: Partial<Draft>) => setDraft({ ...draft, ...p });
  const errorAt = (path: string) =>
    save.error instanceof ApiError ? save.error.details.find((d) => d.path === path || d.path.startsWith(`${path}.`))?.message : undefined;
  const instrumentOf = (kind: InstrumentKind) => draft.instruments.find((i) => i.kind === kind);
  const setInstrument = (kind: InstrumentKind, value: Instrument | null) =>
    set({ instruments: INSTRUMENT_KINDS.map((k) => (k === kind ? value : (instrumentOf(k) ?? null))).filter((x): x is Instrument => x !== null) });
  const setRubric = (r: Partial<Rubric>) => set({ rubric: { ...draft.rubric, ...r } as Rubric });
  const c = existing.data;

  return (
    <>
      <PageTitle
        actions={
          c ? (
            <Group>
              {c.status === 'draft' && (
                <Button color="teal" onClick={() => status.mutate('open')} loading={status.isPending}>
                  {t('funding.calls.editor.open')}
                </Button>
              )}
              {c.status === 'open' && (
                <Button variant="default" onClick={() => status.mutate('closed')} loading={status.isPending}>
                  {t('funding.calls.editor.close')}
                </Button>
              )}
              {(c.status === 'draft' || c.status === 'open') && (
                <Button color="red" variant="subtle" onClick={() => status.mutate('cancelled')}>
                  {t('funding.calls.editor.cancelCall')}
                </Button>
              )}
            </Group>
          ) : undefined
        }
      >
        {callId ? t('funding.calls.editor.editTitle', { name: t3(draft.names, lng) }) : t('funding.calls.editor.newTitle')}
      </PageTitle>
      {c && (
        <Text mb="sm" c="dimmed">
          {t('funding.calls.editor.currentStatus', { status: t(`funding.calls.status.${c.status}`) })}
        </Text>
      )}
      <ApiErrorAlert error={status.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <Tabs defaultValue="call" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="call">{t('funding.calls.editor.tabCall')}</Tabs.Tab>
            <Tabs.Tab value="rules">{t('funding.calls.eligibility')}</Tabs.Tab>
            <Tabs.Tab value="form">{t('funding.calls.form')}</Tabs.Tab>
            <Tabs.Tab value="rubric">{t('funding.calls.rubric')}</Tabs.Tab>
          </Tabs.List>

          <Tabs.Panel value="call">
            <Stack>
              <Group align="flex-end">
                <Select
                  label={t('funding.calls.program')}
                  data={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: t3(p.names, lng) }))}
                  value={draft.programId || null}
                  onChange={(v) => v && set({ programId: v })}
                  disabled={!!callId}
                  allowDeselect={false}
                  w={360}
                  error={errorAt('programId')}
                />
                {!callId && (
                  <>
                    <TextInput label={t('funding.calls.editor.newProgram')} value={newProgram} onChange={(e) => setNewProgram(e.currentTarget.value)} />
                    <Button variant="default" disabled={!newProgram.trim()} onClick={() => addProgram.mutate()} loading={addProgram.isPending}>
                      {t('funding.calls.editor.addProgram')}
                    </Button>
                  </>
                )}
              </Group>
              <ApiErrorAlert error={addProgram.error} />
              <Text3Fields label={t('funding.calls.editor.name')} value={draft.names} onChange={(v) => set({ names: v })} required error={errorAt('names')} />
              <Text3Fields label={t('funding.calls.editor.description')} value={draft.description} onChange={(v) => set({ description: v })} long />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Autocomplete
                  label={t('funding.calls.editor.timeZone')}
                  data={ZONES}
                  limit={20}
                  value={draft.timeZone}
                  onChange={(v) => set({ timeZone: v })}
                  error={errorAt('timeZone')}
                  dir="ltr"
                />
                <TextInput
                  type="datetime-local"
                  label={t('funding.calls.opens')}
                  description={t('funding.calls.editor.inZone', { zone: draft.timeZone })}
                  value={toZonedInput(draft.opensAt, draft.timeZone)}
                  onChange={(e) => {
                    const iso = fromZonedInput(e.currentTarget.value, draft.timeZone);
                    if (iso) set({ opensAt: iso });
                  }}
                  error={errorAt('opensAt')}
                />
                <TextInput
                  type="datetime-local"
                  label={t('funding.calls.closes')}
                  description={t('funding.calls.editor.inZone', { zone: draft.timeZone })}
                  value={toZonedInput(draft.closesAt, draft.timeZone)}
                  onChange={(e) => {
                    const iso = fromZonedInput(e.currentTarget.value, draft.timeZone);
                    if (iso) set({ closesAt: iso });
                  }}
                  error={errorAt('closesAt')}
                />
              </SimpleGrid>
              <Group>
                <NumberInput
                  label={t('funding.calls.budget')}
                  value={draft.budget}
                  min={0}
                  thousandSeparator=","
                  onChange={(v) => set({ budget: Number(v) || 0 })}
                  w={220}
                />
                <TextInput
                  label={t('funding.calls.editor.currency')}
                  value={draft.currency}
                  maxLength={3}
                  onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })}
                  w={100}
                  error={errorAt('currency')}
                  dir="ltr"
                />
              </Group>
              <Divider label={t('funding.calls.instruments')} labelPosition="left" />
              {INSTRUMENT_KINDS.map((kind) => {
                const ins = instrumentOf(kind);
                return (
                  <Group key={kind} align="flex-end">
                    <Checkbox
                      label={t(`funding.calls.instrument.${kind}`)}
                      checked={!!ins}
                      onChange={(e) => setInstrument(kind, e.currentTarget.checked ? { kind } : null)}
                      w={240}
                      mb={8}
                    />
                    {ins && (
                      <>
                        <NumberInput
                          label={t('funding.calls.editor.min')}
                          value={ins.min ?? ''}
                          thousandSeparator=","
                          onChange={(v) => setInstrument(kind, { ...ins, min: typeof v === 'number' ? v : undefined })}
                          w={180}
                        />
                        <NumberInput
                          label={t('funding.calls.editor.max')}
                          value={ins.max ?? ''}
                          thousandSeparator=","
                          onChange={(v) => setInstrument(kind, { ...ins, max: typeof v === 'number' ? v : undefined })}
                          w={180}
                        />
                      </>
                    )}
                  </Group>
                );
              })}
              <Divider label={t('funding.calls.editor.review')} labelPosition="left" />
              <Group>
                <NumberInput
                  label={t('funding.calls.editor.k')}
                  min={1}
                  max={15}
                  value={draft.reviewersPerApplication}
                  onChange={(v) => set({ reviewersPerApplication: Number(v) || 1 })}
                  w={220}
                />
                <NumberInput
                  label={t('funding.calls.editor.loadMin')}
                  min={0}
                  value={draft.reviewerLoadMin}
                  onChange={(v) => set({ reviewerLoadMin: Number(v) || 0 })}
                  w={180}
                />
                <NumberInput
                  label={t('funding.calls.editor.loadMax')}
                  min={1}
                  value={draft.reviewerLoadMax}
                  onChange={(v) => set({ reviewerLoadMax: Number(v) || 1 })}
                  w={180}
                  error={errorAt('reviewerLoadMax')}
                />
              </Group>
              <Switch label={t('funding.calls.editor.blind')} checked={draft.blindReview} onChange={(e) => set({ blindReview: e.currentTarget.checked })} />
              <Switch
                label={t('funding.calls.editor.senior')}
                checked={!!draft.seniorReviewerRequired}
                onChange={(e) => set({ seniorReviewerRequired: e.currentTarget.checked })}
              />
            </Stack>
          </Tabs.Panel>

          <Tabs.Panel value="rules">
            <Text size="sm" c="dimmed" mb="sm">
              {t('funding.calls.editor.rulesIntro')}
            </Text>
            <Stack gap="xs">
              {rulePool.map((rule) => {
                const chosen = draft.eligibilityRules.find((r) => r.id === rule.id);
                const simple = chosen && ['lt', 'lte', 'gt', 'gte'].includes(chosen.test.op) && 'value' in chosen.test;
                return (
                  <Card key={rule.id} withBorder padding="sm">
                    <Group justify="space-between" align="flex-start">
                      <Checkbox
                        label={rule.label[lng] ?? rule.label.en}
                        description={`${t('funding.calls.source')}: ${rule.source}`}
                        checked={!!chosen}
                        onChange={(e) =>
                          set({
                            eligibilityRules: e.currentTarget.checked
                              ? [...draft.eligibilityRules, rule]
                              : draft.eligibilityRules.filter((r) => r.id !== rule.id),
                          })
                        }
                      />
                      {simple && chosen && 'value' in chosen.test && (
                        <NumberInput
                          label={t('funding.calls.editor.threshold')}
                          value={chosen.test.value as number}
                          step={chosen.test.op.length && 'ratio' in chosen.test ? 0.05 : 1}
                          onChange={(v) =>
                            set({
                              eligibilityRules: draft.eligibilityRules.map((r) =>
                                r.id === rule.id ? ({ ...r, test: { ...r.test, value: Number(v) } } as Rule) : r,
                              ),
                            })
                          }
                          w={140}
                        />
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          </Tabs.Panel>

          <Tabs.Panel value="form">
            <FormBuilder form={draft.form} onChange={(form) => set({ form })} />
          </Tabs.Panel>

          <Tabs.Panel value="rubric">
            <Group mb="sm">
              <NumberInput
                label={t('funding.calls.editor.scaleMin')}
                value={draft.rubric.scaleMin}
                min={0}
                onChange={(v) => setRubric({ scaleMin: Number(v) || 0 })}
                w={140}
              />
              <NumberInput
                label={t('funding.calls.editor.scaleMax')}
                value={draft.rubric.scaleMax}
                min={1}
                onChange={(v) => setRubric({ scaleMax: Number(v) || 1 })}
                w={140}
                error={errorAt('rubric.scaleMax')}
              />
            </Group>
            <Stack gap="sm">
              {draft.rubric.criteria.map((cr, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no stable id while their key is being typed
                <Card key={i} withBorder padding="sm">
                  <Group align="flex-end" mb="xs">
                    <TextInput
                      label={t('funding.calls.editor.key')}
                      value={cr.key}
                      dir="ltr"
                      onChange={(e) => setRubric({ criteria: draft.rubric.criteria.map((x, j) => (j === i ? { ...x, key: e.currentTarget.value } : x)) })}
                    />
                    <NumberInput
                      label={t('funding.calls.weight')}
                      value={cr.weight}
                      min={0}
                      onChange={(v) => setRubric({ criteria: draft.rubric.criteria.map((x, j) => (j === i ? { ...x, weight: Number(v) || 0 } : x)) })}
                      w={120}
                    />
                    <Button color="red" variant="subtle" onClick={() => setRubric({ criteria: draft.rubric.criteria.filter((_, j) => j !== i) })}>
                      {t('funding.calls.editor.removeCriterion')}
                    </Button>
                  </Group>
                  <Text3Fields
                    label={t('funding.calls.criterion')}
                    value={cr.name}
                    required
                    onChange={(v) => setRubric({ criteria: draft.rubric.criteria.map((x, j) => (j === i ? { ...x, name: v } : x)) })}
                  />
                </Card>
              ))}
              <Button
                variant="default"
                onClick={() =>
                  setRubric({ criteria: [...draft.rubric.criteria, { key: `criterion${draft.rubric.criteria.length + 1}`, name: { en: '' }, weight: 10 }] })
                }
              >
                {t('funding.calls.editor.addCriterion')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('funding.calls.editor.weightTotal', { total: draft.rubric.criteria.reduce((s, x) => s + x.weight, 0) })}
              </Text>
            </Stack>
          </Tabs.Panel>
        </Tabs>
        <Divider my="lg" />
        {save.error instanceof ApiError && save.error.details.length > 0 && (
          <Alert color="red" mb="sm" title={save.error.message}>
            {save.error.details.slice(0, 12).map((d) => (
              <Text key={`${d.path}${d.message}`} size="sm" dir="ltr">
                {d.path}: {d.message}
              </Text>
            ))}
          </Alert>
        )}
        {save.error && !(save.error instanceof ApiError && save.error.details.length > 0) && <ApiErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
          {callId && (
            <Button variant="subtle" onClick={() => navigate({ to: `/funding/calls/${callId}` as never })}>
              {t('funding.calls.editor.view')}
            </Button>
          )}
        </Group>
        <Title order={2} size="h6" mt="md" c="dimmed">
          {t('funding.calls.editor.frozenNote')}
        </Title>
      </form>
    </>
  );
}
