import { Alert, Button, Card, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBlocker, useParams } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Indicator } from '../../../../shared/contracts/statistics';
import { ApiError, post, put } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { ChainCard, HistoryCard } from './Chain';
import { Findings } from './Findings';
import { formatDate, formatForInput, type Parsed, parseNumber } from './number';
import { LateBadge, Name, StatusBadge, SyntheticMark } from './parts';
import { API, type Form, formQuery, nameOf, SK, type Submission, submissionQuery, type ValidationResultT } from './queries';
import { ReopenPanel, ReviewPanel } from './ReviewActions';
import { focusField, SurveyField } from './SurveyField';
import { XlsxPanel } from './XlsxPanel';

type Values = Record<string, number | null>;

/** One return: the form to fill in (or read), its checks, the approval chain and its history, and the reviewer's and analyst's actions. */
export function SubmissionPage() {
  const { t } = useTranslation('survey');
  const qc = useQueryClient();
  const { submissionId } = useParams({ strict: false }) as { submissionId: string };
  const sub = useQuery(submissionQuery(submissionId));
  const form = useQuery({ ...formQuery(sub.data?.formId ?? ''), enabled: !!sub.data });
  // Bumped when the values on the server replace what is typed (an upload saved, a stale draft reloaded).
  const [epoch, setEpoch] = useState(0);
  if (sub.error || form.error || !sub.data || !form.data) {
    return (
      <>
        <PageTitle>{t('form.titleGeneric')}</PageTitle>
        {sub.error || form.error ? <ApiErrorAlert error={sub.error ?? form.error} /> : <Text role="status">{t('loading')}</Text>}
      </>
    );
  }
  const reload = async () => {
    await qc.refetchQueries({ queryKey: SK.one(submissionId), exact: true });
    setEpoch((e) => e + 1);
  };
  return <SubmissionView key={`${sub.data.id}:${epoch}`} submission={sub.data} form={form.data} reload={reload} />;
}

/** The indicators of the form in order, grouped under the first appearance of their group. */
function groupsOf(indicators: Indicator[]): { group: string | null; items: Indicator[] }[] {
  const out: { group: string | null; items: Indicator[] }[] = [];
  for (const i of indicators) {
    const g = out.find((x) => x.group === i.group);
    if (g) g.items.push(i);
    else out.push({ group: i.group, items: [i] });
  }
  return out;
}

const same = (codes: string[], a: Values, b: Values) => codes.every((c) => (a[c] ?? null) === (b[c] ?? null));

function SubmissionView({ submission: s, form, reload }: { submission: Submission; form: Form; reload: () => Promise<void> }) {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const qc = useQueryClient();
  const codes = useMemo(() => form.indicators.map((i) => i.code), [form]);
  const byCode = useMemo(() => new Map(form.indicators.map((i) => [i.code, i])), [form]);
  const required = useMemo(() => new Set(form.required), [form]);
  const editable = s.can.edit;

  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(codes.map((c) => [c, formatForInput(s.values[c], lng)])));
  const parsed = useMemo(() => {
    const values: Values = {};
    const bad: Record<string, Extract<Parsed, { ok: false }>['reason'] | 'notInteger'> = {};
    for (const c of codes) {
      const p = parseNumber(texts[c] ?? '');
      if (p.ok && p.value !== null && byCode.get(c)?.valueType === 'integer' && !Number.isInteger(p.value)) {
        values[c] = null;
        bad[c] = 'notInteger';
      } else if (p.ok) values[c] = p.value;
      else {
        values[c] = null;
        bad[c] = p.reason;
      }
    }
    return { values, bad };
  }, [texts, codes, byCode]);
  const badCodes = Object.keys(parsed.bad);
  const dirty = editable && !same(codes, parsed.values, s.values);

  // Live checks on what is typed (not saved): debounced, and only for values the server has not checked yet.
  const [debounced] = useDebouncedValue(parsed.values, 500);
  const liveEnabled = editable && !same(codes, debounced, s.values);
  const live = useQuery({
    queryKey: ['statistics', 'survey', 'validate', s.id, debounced],
    queryFn: () => post<ValidationResultT>(`${API.submission(s.id)}/validate`, { values: debounced }),
    enabled: liveEnabled,
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
  const typing = editable && !same(codes, debounced, parsed.values);
  const checking = typing || (liveEnabled && live.isFetching);
  const [submitDetails, setSubmitDetails] = useState<{ path: string; message: string }[]>([]);
  const findings: Finding[] = useMemo(() => {
    const base = liveEnabled && live.data ? live.data.findings : s.findings;
    // A refused submission names the indicators still wrong; show them until the next change.
    const extra = submitDetails
      .filter((d) => !base.some((f) => f.severity === 'error' && f.indicators.includes(d.path) && f.message === d.message))
      .map((d) => ({
        ruleId: `submit:${d.path}`,
        kind: 'submit',
        severity: 'error' as const,
        indicators: byCode.has(d.path) ? [d.path] : [],
        message: d.message,
      }));
    return [...base, ...extra];
  }, [liveEnabled, live.data, s.findings, submitDetails, byCode]);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');

  const change = (code: string, text: string) => {
    setTexts((x) => ({ ...x, [code]: text }));
    setSubmitDetails([]);
  };
  const tidy = (code: string) => {
    const p = parseNumber(texts[code] ?? '');
    if (p.ok) setTexts((x) => ({ ...x, [code]: formatForInput(p.value, lng) }));
  };

  // Saving: the whole set of values with the version they were read at; a change made elsewhere is refused, not overwritten.
  const [stale, setStale] = useState(false);
  const store = (saved: Submission) => {
    qc.setQueryData(SK.one(s.id), saved);
    void qc.invalidateQueries({ queryKey: SK.all, predicate: (q) => q.queryKey[2] !== 'one' && q.queryKey[2] !== 'validate' });
  };
  const save = useMutation({
    mutationFn: () => put<Submission>(`${API.submission(s.id)}/values`, { values: parsed.values, version: s.version }),
    onSuccess: store,
    onError: (err) => setStale(err instanceof ApiError && err.status === 409),
  });
  const [explanation, setExplanation] = useState(s.explanation ?? '');
  const [explanationError, setExplanationError] = useState<string | null>(null);
  const explanationRef = useRef<HTMLTextAreaElement>(null);
  const submit = useMutation({
    mutationFn: () => post<Submission>(`${API.submission(s.id)}/submit`, explanation.trim() ? { explanation: explanation.trim() } : {}),
    onSuccess: (r) => {
      store(r);
      void qc.invalidateQueries({ queryKey: SK.completeness({}).slice(0, 2) });
      notify(r.chain[r.step] ? t('form.submittedTo', { level: t(`level.${r.chain[r.step].level}`) }) : t('form.submitted'));
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return;
      if (err.code === 'statistics.explanation_required') {
        setExplanationError(err.message);
        explanationRef.current?.focus();
      } else if (err.code === 'statistics.validation_failed') {
        setSubmitDetails(err.details);
        const first = err.details.find((d) => byCode.has(d.path));
        if (first) focusField(first.path);
      }
    },
  });

  const blockedBy = badCodes.length > 0 || errors.length > 0;
  const onSubmit = async () => {
    if (warnings.length > 0 && !explanation.trim()) {
      setExplanationError(t('form.explanationRequired'));
      explanationRef.current?.focus();
      return;
    }
    setExplanationError(null);
    if (dirty) {
      try {
        await save.mutateAsync();
      } catch {
        return;
      }
    }
    submit.mutate();
  };

  useBlocker({ shouldBlockFn: () => dirty && !save.isPending && !window.confirm(t('form.leaveUnsaved')), disabled: !dirty });

  const here = s.chain[s.step];
  const lastReturn = [...s.reviews].reverse().find((r) => r.decision === 'return');
  const entity = nameOf(s.entity.names, lng);
  const example = formatForInput(1234567.5, lng);
  const badMessage = (code: string) => t(`number.${parsed.bad[code]}`, { example });
  const unreadable = badCodes.map((code) => ({ code, message: badMessage(code) }));
  const fieldErrors = (code: string) => {
    const own = parsed.bad[code] ? [badMessage(code)] : [];
    return [...new Set([...own, ...errors.filter((f) => f.indicators.includes(code)).map((f) => f.message)])];
  };

  return (
    <>
      <PageTitle>{t('form.title', { entity })}</PageTitle>
      <Group gap="sm" mb="md" wrap="wrap">
        <StatusBadge status={s.status} testId="survey-status" />
        <LateBadge late={s.late} />
        <SyntheticMark synthetic={s.synthetic} />
        <Text size="sm">
          <Name names={s.period.names} /> · {t(`entityType.${s.entityType}`)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('form.due', { date: formatDate(s.period.dueOn, lng) })}
        </Text>
        {s.submittedAt && (
          <Text size="sm" c="dimmed">
            {t('fields.submittedAt')}: <DateTime value={s.submittedAt} />
          </Text>
        )}
      </Group>

      <Stack gap="md" mb="md">
        {s.status === 'returned' && (
          <Alert
            color="red"
            variant="light"
            title={t('form.returnedTitle', { level: lastReturn ? t(`level.${lastReturn.level}`, { defaultValue: lastReturn.level }) : '' })}
            role="alert"
          >
            <Text dir="auto" style={{ whiteSpace: 'pre-line' }} fw={500} data-testid="survey-returned-reason">
              {s.returnedReason ?? lastReturn?.reason ?? ''}
            </Text>
            {editable && (
              <Text size="sm" mt="xs">
                {t('form.returnedHint')}
              </Text>
            )}
          </Alert>
        )}
        {s.locked && (
          <Alert color="teal" variant="light" title={t('form.lockedTitle')} data-testid="survey-locked">
            {s.approvedAt ? t('form.lockedSince', { date: formatDate(s.approvedAt.slice(0, 10), lng) }) : null} {t('form.locked')}
          </Alert>
        )}
        {!editable && !s.locked && s.status === 'submitted' && (
          <Alert color="blue" variant="light" data-testid="survey-readonly">
            {!here
              ? t('form.readOnly')
              : here.name
                ? t('form.waiting', { level: t(`level.${here.level}`), scope: nameOf(here.name, lng) })
                : t('form.waitingAt', { level: t(`level.${here.level}`) })}
          </Alert>
        )}
        {!editable && !s.locked && s.status !== 'submitted' && (
          <Alert color="gray" variant="light" data-testid="survey-readonly">
            {t('form.readOnly')}
          </Alert>
        )}
        <ChainCard submission={s} />
        <HistoryCard submission={s} />
        <Findings findings={findings} indicators={byCode} unreadable={unreadable} checking={checking} />
        {live.error ? <ApiErrorAlert error={live.error} /> : null}
        {!editable && s.explanation && (
          <Card withBorder data-testid="survey-explanation-view">
            <Title order={2} size="h4" mb={4}>
              {t('form.explanationTitle')}
            </Title>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {s.explanation}
            </Text>
          </Card>
        )}
        {s.can.review && <ReviewPanel submission={s} />}
        {s.can.reopen && <ReopenPanel submission={s} />}
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form onSubmit={(e) => e.preventDefault()} aria-label={t('form.valuesLabel')} noValidate>
            <Stack gap="md">
              {groupsOf(form.indicators).map((g, gi) => (
                <Card withBorder key={g.group ?? `none:${gi}`} component="section" aria-labelledby={`survey-group-${gi}`}>
                  <Title order={2} size="h4" mb="sm" id={`survey-group-${gi}`}>
                    {g.group ? t(`groups.${g.group}`, { defaultValue: g.group }) : t('groups.other')}
                  </Title>
                  <Stack gap="md">
                    {g.items.map((i) => (
                      <SurveyField
                        key={i.code}
                        indicator={i}
                        text={texts[i.code] ?? ''}
                        onChange={(v) => change(i.code, v)}
                        onBlur={() => tidy(i.code)}
                        readOnly={!editable}
                        required={required.has(i.code)}
                        lastYear={s.lastYear?.[i.code]}
                        current={parsed.values[i.code] ?? null}
                        errors={fieldErrors(i.code)}
                        warnings={[...new Set(warnings.filter((f) => f.indicators.includes(i.code)).map((f) => f.message))]}
                      />
                    ))}
                  </Stack>
                </Card>
              ))}
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
            {editable && (
              <Card withBorder component="section" aria-labelledby="survey-actions-title">
                <Title order={2} size="h4" mb="xs" id="survey-actions-title">
                  {t('form.actions')}
                </Title>
                <Text size="sm" c={save.error ? 'red' : 'dimmed'} role="status" aria-live="polite" data-testid="survey-save-state" mb="sm">
                  {save.isPending
                    ? t('form.saving')
                    : save.error
                      ? t('form.saveFailed', { message: save.error instanceof ApiError && save.error.message ? save.error.message : t('networkError') })
                      : dirty
                        ? t('form.unsaved')
                        : t('form.allSaved')}
                </Text>
                {stale && (
                  <Alert color="orange" variant="light" mb="sm" data-testid="survey-stale">
                    <Text size="sm">{t('form.stale')}</Text>
                    <Button size="xs" mt="xs" variant="default" onClick={() => void reload()}>
                      {t('form.reload')}
                    </Button>
                  </Alert>
                )}
                <Stack gap="sm">
                  <Button
                    variant="default"
                    onClick={() => save.mutate()}
                    disabled={!dirty || badCodes.length > 0}
                    loading={save.isPending && !submit.isPending}
                    data-testid="survey-save"
                  >
                    {t('form.save')}
                  </Button>
                  {warnings.length > 0 && (
                    <Textarea
                      ref={explanationRef}
                      label={t('form.explanation')}
                      description={t('form.explanationHint')}
                      value={explanation}
                      onChange={(e) => {
                        setExplanation(e.currentTarget.value);
                        setExplanationError(null);
                      }}
                      autosize
                      minRows={3}
                      maxLength={2000}
                      required
                      error={explanationError}
                      data-testid="survey-explanation"
                    />
                  )}
                  <Button
                    onClick={() => void onSubmit()}
                    disabled={!s.can.submit || blockedBy || checking || save.isPending}
                    loading={submit.isPending}
                    aria-describedby="survey-submit-hint"
                    data-testid="survey-submit"
                  >
                    {s.status === 'returned' ? t('form.resubmit') : t('form.submit')}
                  </Button>
                  <Text size="xs" c="dimmed" id="survey-submit-hint">
                    {!s.can.submit
                      ? t('form.cannotSubmit')
                      : blockedBy
                        ? t('form.fixErrors')
                        : checking
                          ? t('findings.checking')
                          : warnings.length > 0
                            ? t('form.warningsHint')
                            : t('form.submitHint')}
                  </Text>
                  <ApiErrorAlert error={submit.error} fields={codes} />
                </Stack>
              </Card>
            )}
            <XlsxPanel
              submission={s}
              indicators={form.indicators}
              current={parsed.values}
              dirty={dirty}
              onSaved={async () => {
                await reload();
                notify(t('xlsx.saved'));
              }}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
