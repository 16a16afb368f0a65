import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { formatDay } from '../../techmarket/format';
import { Empty, Loading, OpportunityCard, Section } from '../components/parts';
import { NameText, Txt, TxtBlock } from '../components/Txt';
import { useCoopLabels } from '../labels';
import { type Application, applicationsQuery, COOP, decideApplication, type Opportunity, opportunityQuery } from '../queries';
import { pickText } from '../text';
import { ApplyActions } from './ApplyForm';

/** An opportunity; the offering side (and officers) see who applied and decide. */
export function OpportunityPage() {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(opportunityQuery(id));
  useDocumentTitle(`${(q.data && pickText(q.data.title, lng)?.text) || t('opportunity.title')} · ${t('app.name', { ns: 'web' })}`);
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ApiErrorAlert error={q.error ?? new Error(t('status.notFound'))} />;
  const o = q.data;
  return (
    <Stack gap="lg" data-testid="opportunity-page" data-opportunity-id={o.id}>
      <Title order={1} size="h2">
        {t('opportunity.title')}
      </Title>
      <OpportunityCard o={o} actions={<ApplyActions o={o} />} />
      <TxtBlock texts={o.description} testId="opportunity-description" />
      {o.applicationCount !== null && <Applications o={o} />}
    </Stack>
  );
}

function Applications({ o }: { o: Opportunity }) {
  const { t } = useTranslation('cooperation');
  const q = useQuery({ ...applicationsQuery(o.id), retry: false });
  // Staff who are not the offering side see how many applied, not who (the API answers 403).
  const forbidden = q.error instanceof ApiError && q.error.status === 403;
  return (
    <Section id="applications" title={t('applications.received', { count: o.applicationCount ?? 0 })} testId="opportunity-applications">
      {!forbidden && <ApiErrorAlert error={q.error} />}
      {q.isLoading && <Loading />}
      {q.data?.items.length === 0 && <Empty>{t('applications.noneReceived')}</Empty>}
      <Stack gap="sm">
        {q.data?.items.map((a) => (
          <ApplicationItem key={a.id} a={a} />
        ))}
      </Stack>
    </Section>
  );
}

const STATUS_COLORS: Record<string, string> = { submitted: 'blue', shortlisted: 'orange', accepted: 'teal', declined: 'red', withdrawn: 'gray' };

export function ApplicationStatus({ a }: { a: Pick<Application, 'status'> }) {
  const labels = useCoopLabels();
  return (
    <Badge variant="light" color={STATUS_COLORS[a.status] ?? 'gray'} tt="none" data-testid="application-status" data-status={a.status}>
      {labels.appStatus(a.status)}
    </Badge>
  );
}

function ApplicationItem({ a }: { a: Application }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: (status: 'shortlisted' | 'accepted' | 'declined') => decideApplication(a.id, { status, note: note.trim() || undefined, version: a.version }),
    onSuccess: () => {
      notify(t('applications.decided'));
      void qc.invalidateQueries({ queryKey: COOP.all });
    },
  });
  const open = a.status === 'submitted' || a.status === 'shortlisted';
  return (
    <Paper withBorder p="sm" data-testid="application" data-application-id={a.id} data-status={a.status}>
      <Group justify="space-between" wrap="wrap">
        <Text fw={600} data-testid="application-applicant">
          <NameText>{a.applicantName}</NameText>
        </Text>
        <Group gap="xs">
          <Badge variant="outline" color="gray" tt="none">
            {labels.appKind(a.kind)}
          </Badge>
          <ApplicationStatus a={a} />
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {formatDay(a.createdAt, lng)}
      </Text>
      {a.statement && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} dir="auto" data-testid="application-statement">
          {a.statement}
        </Text>
      )}
      {a.decisionNote && (
        <Text size="sm" mt={4} c="dimmed" dir="auto">
          {t('applications.note')}: {a.decisionNote}
        </Text>
      )}
      {open && (
        <Group mt="xs" align="flex-end" gap="xs">
          <TextInput
            label={t('applications.decisionNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            dir="auto"
            size="xs"
            style={{ flex: 1 }}
            data-testid="decision-note"
          />
          {a.status === 'submitted' && (
            <Button
              size="xs"
              variant="light"
              onClick={() => m.mutate('shortlisted')}
              loading={m.isPending && m.variables === 'shortlisted'}
              data-testid="decide-shortlist"
            >
              {t('applications.shortlist')}
            </Button>
          )}
          <Button size="xs" color="teal" onClick={() => m.mutate('accepted')} loading={m.isPending && m.variables === 'accepted'} data-testid="decide-accept">
            {t('applications.accept')}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => m.mutate('declined')}
            loading={m.isPending && m.variables === 'declined'}
            data-testid="decide-decline"
          >
            {t('applications.decline')}
          </Button>
        </Group>
      )}
      <ApiErrorAlert error={m.error} />
    </Paper>
  );
}

/** My applications as a table (used by the applications page). */
export function ApplicationsTable({ items, onWithdraw, pending }: { items: Application[]; onWithdraw: (a: Application) => void; pending?: string | null }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  return (
    <ScrollTable label={t('applications.mine')} data-testid="my-applications">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('applications.opportunity')}</Table.Th>
          <Table.Th>{t('applications.kind')}</Table.Th>
          <Table.Th>{t('applications.sent')}</Table.Th>
          <Table.Th>{t('applications.status')}</Table.Th>
          <Table.Th>{t('commitments.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((a) => (
          <Table.Tr key={a.id} data-testid="my-application" data-application-id={a.id} data-status={a.status}>
            <Table.Td>
              <ApplicationTitle a={a} />
            </Table.Td>
            <Table.Td>{labels.appKind(a.kind)}</Table.Td>
            <Table.Td>{formatDay(a.createdAt, lng)}</Table.Td>
            <Table.Td>
              <ApplicationStatus a={a} />
              {a.decisionNote && (
                <Text size="xs" dir="auto">
                  {a.decisionNote}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {(a.status === 'submitted' || a.status === 'shortlisted') && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onWithdraw(a)}
                  loading={pending === a.id}
                  data-testid="application-withdraw"
                >
                  {t('applications.withdraw')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function ApplicationTitle({ a }: { a: Application }) {
  return (
    <AnchorLink to="/cooperation/opportunities/$id" params={{ id: a.opportunityId }}>
      <Txt texts={a.opportunityTitle} />
    </AnchorLink>
  );
}
