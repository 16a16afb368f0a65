import { Badge, Button, Card, Code, Grid, Group, SegmentedControl, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningKind } from '../../../../shared/contracts/funding';
import { post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { callQuery, t3 } from '../calls/queries';
import { ScreeningHistory } from './ApplicationPage';
import { AnswersView } from './AnswersView';
import { EligibilityPanel } from './EligibilityPanel';
import { AK, type Application, applicationQuery, STATUS_COLOR } from './queries';

/** The officer screens one submitted application: the answers, the verdict kept at submission, and a decision. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const qc = useQueryClient();
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  const app = useQuery(applicationQuery(applicationId));
  const call = useQuery({ ...callQuery(app.data?.call.id ?? ''), enabled: !!app.data });
  const [kind, setKind] = useState<ScreeningKind>('accept');
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () => post<Application>(`/api/v1/funding/applications/${applicationId}/screening`, { kind, ...(reason.trim() ? { reason } : {}) }),
    onSuccess: () => {
      setReason('');
      notify(t('funding.applications.screening.done'));
      void qc.invalidateQueries({ queryKey: AK.all });
    },
  });
  if (app.error) return <ApiErrorAlert error={app.error} />;
  if (!app.data || !call.data) return <Text>{t('status.loading')}</Text>;
  const a = app.data;
  const open = a.status === 'submitted' || a.status === 'info_requested';
  return (
    <>
      <PageTitle>{a.enterprise ? t3(a.enterprise.names, lng) : a.id}</PageTitle>
      <Group mb="md" gap="sm">
        <Badge color={STATUS_COLOR[a.status]}>{t(`funding.applications.status.${a.status}`)}</Badge>
        <Text>{t3(call.data.names, lng)}</Text>
        {a.applicant && <Text c="dimmed">{a.applicant.displayName}</Text>}
        {a.receipt && (
          <Text size="xs" c="dimmed">
            <DateTime value={a.receipt.submittedAt} /> · <Code>{a.receipt.contentHash.slice(0, 16)}…</Code>
          </Text>
        )}
      </Group>
      <ScreeningHistory application={a} />
      {open && (
        <Card withBorder mb="md">
          <Title order={2} size="h4" mb="sm">
            {t('funding.applications.screening.decide')}
          </Title>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as ScreeningKind)}
            data={(['accept', 'request_info', 'reject'] as const)
              .filter((k) => k !== 'request_info' || a.status === 'submitted')
              .map((k) => ({ value: k, label: t(`funding.applications.screening.kind.${k}`) }))}
            mb="sm"
          />
          <Textarea
            label={kind === 'request_info' ? t('funding.applications.screening.question') : t('funding.applications.screening.reason')}
            required={kind !== 'accept'}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ApiErrorAlert error={decide.error} />
          <Button
            mt="sm"
            onClick={() => decide.mutate()}
            loading={decide.isPending}
            disabled={kind !== 'accept' && !reason.trim()}
            color={kind === 'reject' ? 'red' : undefined}
          >
            {t('funding.applications.screening.confirm')}
          </Button>
        </Card>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AnswersView application={a} call={call.data} lng={lng} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <EligibilityPanel result={a.eligibility} />
        </Grid.Col>
      </Grid>
    </>
  );
}
