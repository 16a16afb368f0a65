import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/roles';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { hasRole, useUser } from '../../../app/session';
import { useLanguage } from '../../../app/useLanguage';
import { type Call, callQuery, inCallZone, money, PHASE_COLOR, type Rule, t3, text3 } from './queries';

/** A call as the public sees it: window, money, instruments, eligibility rules with their sources, form and rubric. */
export function CallPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { callId } = useParams({ strict: false }) as { callId: string };
  const user = useUser();
  const call = useQuery(callQuery(callId));
  if (call.error) return <ApiErrorAlert error={call.error} />;
  if (!call.data) return <Text>{t('status.loading')}</Text>;
  const c = call.data;
  const officer = hasRole(user, 'program_officer') || hasRole(user, 'admin');
  const applicant = hasRole(user, 'enterprise_member');
  const name = text3(c.names, lng);
  return (
    <>
      <PageTitle
        actions={
          <Group>
            {officer && (
              <Button variant="default" component={Link} to={`/funding/calls/${callId}/edit` as never}>
                {t('funding.calls.edit')}
              </Button>
            )}
            {c.phase === 'accepting' && applicant && (
              <Button component={Link} to={`/funding/calls/${callId}/apply` as never}>
                {t('funding.calls.apply')}
              </Button>
            )}
            {c.phase === 'accepting' && !user && (
              <Button component={Link} to="/sign-in" search={{ redirect: `/funding/calls/${callId}` } as never}>
                {t('funding.calls.signInToApply')}
              </Button>
            )}
          </Group>
        }
      >
        {name.text}
      </PageTitle>
      <Group mb="md" gap="xs">
        <Badge color={PHASE_COLOR[c.phase]}>{c.status === 'draft' ? t('funding.calls.status.draft') : t(`funding.calls.phases.${c.phase}`)}</Badge>
        <Text size="sm" c="dimmed">
          {text3(c.program.names, lng).text}
        </Text>
      </Group>
      {c.description && (
        <Text mb="md" lang={text3(c.description, lng).lang} style={{ whiteSpace: 'pre-line' }}>
          {text3(c.description, lng).text}
        </Text>
      )}
      {c.phase === 'ended' && (
        <Alert color="gray" mb="md">
          {t('funding.calls.endedNote', { deadline: inCallZone(c.closesAt, c.timeZone, lng) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('funding.calls.opens')}
          </Text>
          <Text fw={600}>{inCallZone(c.opensAt, c.timeZone, lng)}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('funding.calls.closes')}
          </Text>
          <Text fw={600}>{inCallZone(c.closesAt, c.timeZone, lng)}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('funding.calls.budget')}
          </Text>
          <Text fw={600}>{money(c.budget, c.currency, lng)}</Text>
        </Card>
      </SimpleGrid>

      <Title order={2} size="h3" mb="xs">
        {t('funding.calls.instruments')}
      </Title>
      <List mb="lg">
        {c.instruments.map((i) => (
          <List.Item key={i.kind}>
            <strong>{t(`funding.calls.instrument.${i.kind}`)}</strong>
            {(i.min !== undefined || i.max !== undefined) && ` — ${money(i.min, c.currency, lng)} – ${money(i.max, c.currency, lng)}`}
            {i.note && ` (${t3(i.note, lng)})`}
          </List.Item>
        ))}
      </List>

      <Title order={2} size="h3" mb="xs">
        {t('funding.calls.eligibility')}
      </Title>
      <RuleList rules={c.eligibilityRules as Rule[]} lng={lng} />

      <Title order={2} size="h3" mt="lg" mb="xs">
        {t('funding.calls.form')}
      </Title>
      <FormOutline call={c} lng={lng} />

      <Title order={2} size="h3" mt="lg" mb="xs">
        {t('funding.calls.rubric')}
      </Title>
      <ScrollTable label={t('funding.calls.rubric')} minWidth={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.calls.criterion')}</Table.Th>
            <Table.Th>{t('funding.calls.weight')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.rubric.criteria.map((cr) => (
            <Table.Tr key={cr.key}>
              <Table.Td>{t3(cr.name, lng)}</Table.Td>
              <Table.Td>{cr.weight}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <Text size="sm" c="dimmed" mt="xs">
        {t('funding.calls.reviewSettings', { k: c.reviewersPerApplication, min: c.rubric.scaleMin, max: c.rubric.scaleMax })}
        {c.blindReview ? ` ${t('funding.calls.blind')}` : ''}
      </Text>
      {c.source && (
        <Text size="xs" c="dimmed" mt="md">
          {t('funding.calls.source')}: {c.source}
        </Text>
      )}
      <Anchor component={Link} to="/funding/calls" mt="md" display="block">
        {t('funding.calls.back')}
      </Anchor>
    </>
  );
}

/** The rules in words: label, and where each comes from. */
export function RuleList({ rules, lng }: { rules: Rule[]; lng: Language }) {
  const { t } = useTranslation();
  if (!rules.length) return <Text c="dimmed">{t('funding.calls.noRules')}</Text>;
  return (
    <Stack gap="xs">
      {rules.map((r) => (
        <Card key={r.id} withBorder padding="sm">
          <Text fw={600}>{r.label[lng] ?? r.label.en}</Text>
          <Text size="xs" c="dimmed" dir="ltr">
            {t('funding.calls.source')}: {r.source}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function FormOutline({ call, lng }: { call: Call; lng: Language }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {call.form.sections.map((s) => (
        <div key={s.key}>
          <Text fw={600}>{t3(s.title, lng)}</Text>
          <List size="sm">
            {s.fields.map((f) => (
              <List.Item key={f.key}>
                {t3(f.label, lng)} — {t(`funding.calls.fieldType.${f.type}`)}
                {f.required ? ` · ${t('funding.calls.required')}` : ''}
                {f.visibleWhen ? ` · ${t('funding.calls.conditional')}` : ''}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}
