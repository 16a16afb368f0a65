import { Alert, Badge, Button, Card, Code, Grid, Group, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Attachment, EligibilityResult, InstrumentKind, Receipt } from '../../../../shared/contracts/funding';
import { allFields } from '../../../../shared/funding-form';
import { ApiError, del, post, put, upload } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { type Call, CK, callQuery, inCallZone, money, t3 } from '../calls/queries';
import { AnswersView } from './AnswersView';
import { EligibilityPanel } from './EligibilityPanel';
import { type Answers, FormRenderer } from './FormRenderer';
import { AK, type Application, applicationQuery, STATUS_COLOR } from './queries';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string; stale?: boolean };

/** The applicant's page of one application: the live form while it is a draft, then its receipt and history. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  const app = useQuery(applicationQuery(applicationId));
  const call = useQuery({ ...callQuery(app.data?.call.id ?? ''), enabled: !!app.data });
  if (app.error) return <ApiErrorAlert error={app.error} />;
  if (!app.data || !call.data) return <Text>{t('status.loading')}</Text>;
  return app.data.status === 'draft' ? (
    <DraftEditor key={app.data.id} application={app.data} call={call.data} />
  ) : (
    <SubmittedView application={app.data} call={call.data} />
  );
}

function Header({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <>
      <PageTitle>{t3(call.names, lng)}</PageTitle>
      <Group mb="md" gap="sm">
        <Badge color={STATUS_COLOR[application.status]}>{t(`funding.applications.status.${application.status}`)}</Badge>
        {application.enterprise && <Text fw={600}>{t3(application.enterprise.names, lng)}</Text>}
        <Text size="sm" c="dimmed">
          {t('funding.applications.deadline', { deadline: inCallZone(call.closesAt, call.timeZone, lng) })}
        </Text>
      </Group>
    </>
  );
}

function DraftEditor({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(application.answers as Answers);
  const [instrument, setInstrument] = useState<InstrumentKind | null>(application.instrument);
  const [amount, setAmount] = useState<number | null>(application.requestedAmount);
  const [attachments, setAttachments] = useState<Attachment[]>(application.attachments);
  const [dirty, setDirty] = useState(0);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [prefilled, setPrefilled] = useState<Set<string>>(new Set());
  const [uploading, setUploading] = useState<string | null>(null);
  const version = useRef(application.version);
  // Debounce stable objects (a new object each render would restart the timers for ever).
  const draftNow = useMemo(() => ({ answers, instrument, amount, dirty }), [answers, instrument, amount, dirty]);
  const factsNow = useMemo(() => ({ answers, instrument, amount }), [answers, instrument, amount]);
  const [debounced] = useDebouncedValue(draftNow, 800);
  const [forEligibility] = useDebouncedValue(factsNow, 400);
  const ended = call.phase === 'ended';

  // Autosave: the whole draft, with the version it was read at; a change elsewhere is refused, not overwritten.
  useEffect(() => {
    if (debounced.dirty === 0 || ended) return;
    let live = true;
    setSave({ kind: 'saving' });
    put<Application>(`/api/v1/funding/applications/${application.id}/draft`, {
      answers: debounced.answers,
      instrument: debounced.instrument,
      requestedAmount: debounced.amount,
      version: version.current,
    })
      .then((saved) => {
        version.current = saved.version;
        if (live) setSave({ kind: 'saved', at: saved.updatedAt });
      })
      .catch((err: unknown) => {
        if (!live) return;
        const e = err instanceof ApiError ? err : null;
        setSave({ kind: 'error', message: e?.message || t('errors.network'), stale: e?.code === 'funding.applications.stale_draft' });
      });
    return () => {
      live = false;
    };
  }, [debounced, application.id, ended, t]);

  // Live eligibility on what is typed, prefilled from the registry profile.
  const eligibility = useQuery({
    queryKey: ['funding', 'eligibility', application.id, forEligibility],
    queryFn: () =>
      post<EligibilityResult>(`/api/v1/funding/calls/${call.id}/eligibility`, {
        applicationId: application.id,
        answers: forEligibility.answers,
        instrument: forEligibility.instrument,
        requestedAmount: forEligibility.amount,
      }),
    placeholderData: (prev) => prev,
  });

  // Prefill once: empty fields that supply a fact the registry knows.
  const prefillDone = useRef(false);
  useEffect(() => {
    const r = eligibility.data;
    if (!r || prefillDone.current) return;
    prefillDone.current = true;
    const fill: Answers = {};
    for (const f of allFields(call.form)) {
      if (!f.fact || !r.fromRegistry.includes(f.fact)) continue;
      const current = answers[f.key];
      if (current !== undefined && current !== null && current !== '') continue;
      fill[f.key] = r.facts[f.fact] as AnswerValue;
    }
    if (Object.keys(fill).length) {
      setAnswers((a) => ({ ...a, ...fill }));
      setPrefilled(new Set(Object.keys(fill)));
      setDirty((d) => d + 1);
    }
  }, [eligibility.data, call.form, answers]);

  const change = (key: string, value: AnswerValue | undefined) => {
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
    setPrefilled((p) => {
      if (!p.has(key)) return p;
      const n = new Set(p);
      n.delete(key);
      return n;
    });
    setDirty((d) => d + 1);
  };

  const submit = useMutation({
    mutationFn: () => post<{ receipt: Receipt; replayed: boolean }>(`/api/v1/funding/applications/${application.id}/submit`),
    onSuccess: () => {
      notify(t('funding.applications.submitted'));
      void qc.invalidateQueries({ queryKey: AK.all });
      void qc.invalidateQueries({ queryKey: CK.all });
    },
  });
  const flushAndSubmit = async () => {
    // Save what is on screen first, so the submission is exactly what the applicant sees.
    try {
      const saved = await put<Application>(`/api/v1/funding/applications/${application.id}/draft`, {
        answers,
        instrument,
        requestedAmount: amount,
        version: version.current,
      });
      version.current = saved.version;
      setSave({ kind: 'saved', at: saved.updatedAt });
    } catch (err) {
      setSave({ kind: 'error', message: err instanceof ApiError ? err.message : t('errors.network') });
      return;
    }
    submit.mutate();
  };

  const onUpload = async (fieldKey: string, file: File) => {
    setUploading(fieldKey);
    try {
      const form = new FormData();
      form.append('file', file);
      const stored = await upload<{ id: string }>('/api/v1/files', form);
      const att = await post<Attachment>(`/api/v1/funding/applications/${application.id}/attachments`, { fieldKey, fileId: stored.id });
      setAttachments((a) => [...a, att]);
      version.current += 1;
    } catch (err) {
      notify(err instanceof ApiError && err.message ? err.message : t('errors.network'), 'error');
    } finally {
      setUploading(null);
    }
  };
  const onRemoveAttachment = async (id: string) => {
    try {
      await del(`/api/v1/funding/applications/${application.id}/attachments/${id}`);
      setAttachments((a) => a.filter((x) => x.id !== id));
      version.current += 1;
    } catch (err) {
      notify(err instanceof ApiError && err.message ? err.message : t('errors.network'), 'error');
    }
  };

  const submitErrors: Record<string, string> = {};
  if (submit.error instanceof ApiError) for (const d of submit.error.details) submitErrors[d.path] ??= d.message;

  if (submit.data) return <ReceiptCard receipt={submit.data.receipt} call={call} application={application} />;

  return (
    <>
      <Header application={application} call={call} />
      {ended && (
        <Alert color="red" mb="md" role="alert">
          {t('funding.applications.deadlinePassed', { deadline: inCallZone(call.closesAt, call.timeZone, lng) })}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Group justify="space-between" mb="sm">
            <Text size="sm" c={save.kind === 'error' ? 'red' : 'dimmed'} role="status" aria-live="polite" data-testid="autosave">
              {save.kind === 'saving' && t('funding.applications.autosave.saving')}
              {save.kind === 'saved' && t('funding.applications.autosave.saved', { time: new Date(save.at).toLocaleTimeString(lng) })}
              {save.kind === 'idle' && t('funding.applications.autosave.idle')}
              {save.kind === 'error' && t('funding.applications.autosave.failed', { message: save.message })}
            </Text>
            {save.kind === 'error' && save.stale && (
              <Button size="xs" variant="default" onClick={() => window.location.reload()}>
                {t('funding.applications.autosave.reload')}
              </Button>
            )}
          </Group>
          <FormRenderer
            form={call.form}
            answers={answers}
            onChange={change}
            lng={lng}
            currency={call.currency}
            errors={submitErrors}
            attachments={attachments}
            onUpload={onUpload}
            onRemoveAttachment={onRemoveAttachment}
            uploading={uploading}
            applicationId={application.id}
            prefilled={prefilled}
          />
          <Card withBorder mt="lg" component="fieldset">
            <Title order={2} size="h4" mb="sm" component="legend">
              {t('funding.applications.request')}
            </Title>
            <Group align="flex-start">
              <Select
                label={t('funding.applications.instrument')}
                required
                data={call.instruments.map((i) => ({
                  value: i.kind,
                  label: `${t(`funding.calls.instrument.${i.kind}`)} (${money(i.min, call.currency, lng)} – ${money(i.max, call.currency, lng)})`,
                }))}
                value={instrument}
                onChange={(v) => {
                  setInstrument(v as InstrumentKind | null);
                  setDirty((d) => d + 1);
                }}
                error={submitErrors.instrument}
                w={360}
              />
              <NumberInput
                label={t('funding.applications.amount', { currency: call.currency })}
                required
                min={0}
                thousandSeparator=","
                value={amount ?? ''}
                onChange={(v) => {
                  setAmount(typeof v === 'number' ? v : null);
                  setDirty((d) => d + 1);
                }}
                error={submitErrors.requestedAmount}
                w={220}
              />
            </Group>
          </Card>
          {submit.error && (
            <Alert color="red" mt="md" role="alert" title={submit.error instanceof ApiError ? submit.error.message : t('errors.unexpected')}>
              {submit.error instanceof ApiError &&
                submit.error.details
                  .filter((d) => d.path.startsWith('eligibility.'))
                  .map((d) => (
                    <Text key={d.path} size="sm">
                      {d.message}
                    </Text>
                  ))}
            </Alert>
          )}
          <Group mt="lg">
            <Button size="md" onClick={flushAndSubmit} loading={submit.isPending} disabled={ended || submit.isPending}>
              {t('funding.applications.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('funding.applications.submitHint')}
            </Text>
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <div style={{ position: 'sticky', top: 80 }}>
            <EligibilityPanel result={eligibility.data} loading={eligibility.isFetching && !eligibility.data} live />
            <ApiErrorAlert error={eligibility.error} />
          </div>
        </Grid.Col>
      </Grid>
    </>
  );
}

function ReceiptCard({ receipt, call, application }: { receipt: Receipt; call: Call; application: Application }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <>
      <PageTitle>{t('funding.applications.receipt.title')}</PageTitle>
      <Card withBorder data-testid="receipt">
        <Text mb="sm">
          {t('funding.applications.receipt.intro', {
            call: t3(call.names, lng),
            enterprise: application.enterprise ? t3(application.enterprise.names, lng) : '',
          })}
        </Text>
        <Stack gap={4}>
          <Text>
            {t('funding.applications.receipt.id')}: <Code>{receipt.receiptId}</Code>
          </Text>
          <Text>
            {t('funding.applications.receipt.time')}: <DateTime value={receipt.submittedAt} /> ({inCallZone(receipt.submittedAt, call.timeZone, lng)})
          </Text>
          <Text>
            {t('funding.applications.receipt.hash')}: <Code style={{ wordBreak: 'break-all' }}>{receipt.contentHash}</Code>
          </Text>
        </Stack>
        <Text size="sm" c="dimmed" mt="sm">
          {t('funding.applications.receipt.hashHint')}
        </Text>
        <Button mt="md" variant="default" onClick={() => window.location.reload()}>
          {t('funding.applications.receipt.view')}
        </Button>
      </Card>
    </>
  );
}

function SubmittedView({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const qc = useQueryClient();
  const [message, setMessage] = useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: AK.all });
  const withdraw = useMutation({ mutationFn: () => post(`/api/v1/funding/applications/${application.id}/withdraw`), onSuccess: refresh });
  const respond = useMutation({ mutationFn: () => post(`/api/v1/funding/applications/${application.id}/info-response`, { message }), onSuccess: refresh });
  const openRequest = [...application.screening].reverse().find((s) => s.kind === 'request_info' && !s.respondedAt);
  const canWithdraw = (application.status === 'submitted' || application.status === 'info_requested') && call.phase === 'accepting';
  return (
    <>
      <Header application={application} call={call} />
      {application.receipt && (
        <Card withBorder mb="md" data-testid="receipt">
          <Title order={2} size="h4" mb="xs">
            {t('funding.applications.receipt.title')}
          </Title>
          <Text size="sm">
            {t('funding.applications.receipt.id')}: <Code>{application.receipt.receiptId}</Code>
          </Text>
          <Text size="sm">
            {t('funding.applications.receipt.time')}: <DateTime value={application.receipt.submittedAt} />
          </Text>
          <Text size="sm">
            {t('funding.applications.receipt.hash')}: <Code style={{ wordBreak: 'break-all' }}>{application.receipt.contentHash}</Code>
          </Text>
        </Card>
      )}
      {openRequest && (
        <Card withBorder mb="md" bg="var(--mantine-color-orange-light)">
          <Title order={2} size="h4">
            {t('funding.applications.infoRequest.title')}
          </Title>
          <Text my="xs" style={{ whiteSpace: 'pre-line' }} dir="auto">
            {openRequest.reason}
          </Text>
          <Textarea
            label={t('funding.applications.infoRequest.answer')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            autosize
            minRows={3}
            required
          />
          <ApiErrorAlert error={respond.error} />
          <Button mt="sm" onClick={() => respond.mutate()} disabled={!message.trim()} loading={respond.isPending}>
            {t('funding.applications.infoRequest.send')}
          </Button>
        </Card>
      )}
      <ScreeningHistory application={application} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AnswersView application={application} call={call} lng={lng} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <EligibilityPanel result={application.eligibility} />
        </Grid.Col>
      </Grid>
      {canWithdraw && (
        <>
          <ApiErrorAlert error={withdraw.error} />
          <Button
            mt="lg"
            color="red"
            variant="light"
            onClick={() => window.confirm(t('funding.applications.withdrawConfirm')) && withdraw.mutate()}
            loading={withdraw.isPending}
          >
            {t('funding.applications.withdraw')}
          </Button>
        </>
      )}
    </>
  );
}

export function ScreeningHistory({ application }: { application: Application }) {
  const { t } = useTranslation();
  if (!application.screening.length) return null;
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="xs">
        {t('funding.applications.screening.history')}
      </Title>
      <Stack gap="xs">
        {application.screening.map((s) => (
          <div key={s.id}>
            <Text size="sm" fw={600}>
              {t(`funding.applications.screening.kind.${s.kind}`)} · <DateTime value={s.createdAt} />
              {s.decidedBy ? ` · ${s.decidedBy}` : ''}
            </Text>
            {s.reason && (
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {s.reason}
              </Text>
            )}
            {s.response && (
              <Text size="sm" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {t('funding.applications.screening.response')}: {s.response}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
