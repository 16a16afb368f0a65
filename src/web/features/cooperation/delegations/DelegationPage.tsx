import '../print.css';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { LANGUAGE_NAMES } from '../../../app/language';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { SyntheticBadge } from '../../registry/components/SyntheticBadge';
import { scriptAttrs } from '../../registry/names';
import { formatDay } from '../../techmarket/format';
import { useCoopAccess } from '../access';
import { OrgName } from '../components/OrgName';
import { Empty, FocalCard, Loading, OpportunityCard, Section } from '../components/parts';
import { RouteMap } from '../components/RouteMap';
import { NameText, Txt, TxtBlock } from '../components/Txt';
import { useCoopLabels } from '../labels';
import { COOP, type Delegation, delegationQuery, type FollowUp, reportPdfUrl, updateFollowUp } from '../queries';
import { isoDay } from '../scorecard';
import { LANGS, pickText } from '../text';
import { FocalForm, FollowUpForm, OfferForm } from './OutcomeForms';

/** A delegation: its days in order, the route on a map, members by side, and what came of it. */
export function DelegationPage() {
  const { t } = useTranslation('cooperation');
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(delegationQuery(id));
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ApiErrorAlert error={q.error ?? new Error(t('status.notFound'))} />;
  return <DelegationView d={q.data} />;
}

function DelegationView({ d }: { d: Delegation }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const title = pickText(d.title, lng);
  useDocumentTitle(`${title?.text ?? t('delegation.title')} · ${t('app.name', { ns: 'web' })}`);
  const pair = `${d.guestCountry}-${d.hostCountry}`;
  return (
    <Stack gap="lg" className="coop-print-page" data-testid="delegation-page" data-delegation-id={d.id}>
      <div>
        <Group gap="xs" mb="xs" wrap="wrap">
          <Badge variant="light" color="cyan" tt="none">
            {t('delegation.direction', { guest: labels.country(d.guestCountry), host: labels.country(d.hostCountry) })}
          </Badge>
          {d.status === 'draft' && (
            <Badge variant="light" color="orange" tt="none">
              {labels.status('draft')}
            </Badge>
          )}
          <SyntheticBadge synthetic={d.synthetic} />
        </Group>
        <Title order={1} size="h2" {...(title ? scriptAttrs(title.lang) : {})} data-testid="delegation-title">
          {title?.text ?? d.key ?? d.id}
        </Title>
        <Text mt={4}>
          {formatDay(d.startsOn, lng)} – {formatDay(d.endsOn, lng)}
          {d.guest && (
            <>
              {' · '}
              <OrgName org={d.guest} />
            </>
          )}
          {d.host && (
            <>
              {' → '}
              <OrgName org={d.host} />
            </>
          )}
        </Text>
        <Group gap="md" mt="xs" className="coop-no-print" data-testid="delegation-report-links">
          <Button size="xs" variant="default" onClick={() => window.print()} data-testid="delegation-print">
            {t('delegation.print')}
          </Button>
          {LANGS.map((l) => (
            <Anchor key={l} href={reportPdfUrl(d.id, l)} size="sm" data-testid={`delegation-pdf-${l}`} hrefLang={l}>
              {t('delegation.pdf')} (<span {...scriptAttrs(l)}>{LANGUAGE_NAMES[l]}</span>)
            </Anchor>
          ))}
          <AnchorLink to="/cooperation/pairs/$pair" params={{ pair }} size="sm">
            {t('agreement.pairLink', { pair: labels.pair(pair) })}
          </AnchorLink>
          {d.agreementId && (
            <AnchorLink to="/cooperation/agreements/$id" params={{ id: d.agreementId }} size="sm">
              {t('delegation.agreement')}
            </AnchorLink>
          )}
        </Group>
      </div>
      <TxtBlock texts={d.purpose} testId="delegation-purpose" />
      {d.internalNotes !== null && d.internalNotes !== '' && (
        <Alert variant="light" color="yellow" title={t('agreement.internalNotes')} data-testid="delegation-internal-notes">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {d.internalNotes}
          </Text>
        </Alert>
      )}
      {d.source && (
        <Text size="xs" c="dimmed">
          {t('agreement.source')}: {d.source}
        </Text>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section id="timeline" title={t('delegation.timeline')} testId="delegation-timeline">
            {d.itinerary.length === 0 ? (
              <Empty>{t('delegation.noItinerary')}</Empty>
            ) : (
              <ol className="coop-timeline">
                {d.itinerary.map((s, i) => (
                  <li key={s.id} className="coop-day" data-testid="timeline-day" data-day={s.day} data-city={s.city}>
                    <Title order={3} size="h5">
                      {t('delegation.dayN', { n: i + 1 })} · {formatDay(s.day, lng)} · <NameText>{s.city}</NameText>
                    </Title>
                    {s.visited.length > 0 && (
                      <Text size="sm">
                        {t('delegation.visited')}:{' '}
                        {s.visited.map((o, k) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a list read in its order, a name may come twice
                          <span key={`${o.name}-${k}`}>
                            {k > 0 && ' · '}
                            <OrgName org={o} withCountry={false} />
                          </span>
                        ))}
                      </Text>
                    )}
                    {s.meetings.map((m, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: meetings have no id
                      <Text key={k} size="sm" dir="auto" data-testid="timeline-meeting">
                        <NameText>{m.title}</NameText>
                        {m.with.length > 0 && (
                          <>
                            {' — '}
                            {m.with.map((w, j) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: a list read in its order, a name may come twice
                              <span key={`${w}-${j}`}>
                                {j > 0 && ', '}
                                <NameText>{w}</NameText>
                              </span>
                            ))}
                          </>
                        )}
                        {m.notes && (
                          <Text span size="xs" c="dimmed" dir="auto">
                            {' '}
                            ({m.notes})
                          </Text>
                        )}
                      </Text>
                    ))}
                  </li>
                ))}
              </ol>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section id="route" title={t('delegation.route')} testId="delegation-route">
            <RouteMap stops={d.itinerary} countries={[d.guestCountry, d.hostCountry]} label={title?.text ?? ''} />
          </Section>
        </Grid.Col>
      </Grid>
      <Members d={d} />
      <Outcomes d={d} />
    </Stack>
  );
}

function Members({ d }: { d: Delegation }) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  return (
    <Section id="members" title={t('delegation.membersTitle')} testId="delegation-members">
      <Grid gap="md">
        {(['guest', 'host'] as const).map((side) => {
          const list = d.members.filter((m) => m.side === side);
          const country = side === 'guest' ? d.guestCountry : d.hostCountry;
          return (
            <Grid.Col key={side} span={{ base: 12, md: 6 }}>
              <Paper withBorder p="sm" data-testid="members-side" data-side={side}>
                <Title order={3} size="h5" mb={4}>
                  {t('delegation.sideTitle', { side: labels.side(side), country: labels.country(country) })}
                </Title>
                {list.length === 0 ? (
                  <Empty>{t('delegation.noMembers')}</Empty>
                ) : (
                  <ul className="seedbed-plain-list">
                    {list.map((m) => (
                      <li key={m.id} data-testid="member">
                        <NameText>{m.name}</NameText>
                        <Text span size="sm" c="dimmed">
                          {' '}
                          · {labels.role(m.role)}
                          {m.organisation && (
                            <>
                              {' · '}
                              <OrgName org={m.organisation} withCountry={false} />
                            </>
                          )}
                        </Text>
                      </li>
                    ))}
                  </ul>
                )}
              </Paper>
            </Grid.Col>
          );
        })}
      </Grid>
    </Section>
  );
}

function Outcomes({ d }: { d: Delegation }) {
  const { t } = useTranslation('cooperation');
  const { canManage } = useCoopAccess();
  const [form, setForm] = useState<'focal' | 'offer' | 'follow' | null>(null);
  const add = (which: 'focal' | 'offer' | 'follow', label: string, testId: string) =>
    canManage && (
      <Button size="xs" variant="light" className="coop-no-print" onClick={() => setForm(form === which ? null : which)} data-testid={testId}>
        {label}
      </Button>
    );
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('delegation.outcomes')}
      </Title>
      <Section id="focal" title={t('delegation.focalPersons')} actions={add('focal', t('focal.add'), 'delegation-add-focal')} testId="delegation-focal">
        {form === 'focal' && <FocalForm d={d} onDone={() => setForm(null)} />}
        {d.focalPersons.length === 0 && <Empty>{t('focal.none')}</Empty>}
        <Grid gap="sm" mt="xs">
          {d.focalPersons.map((f) => (
            <Grid.Col key={f.id} span={{ base: 12, sm: 6, lg: 4 }}>
              <FocalCard f={f} />
            </Grid.Col>
          ))}
        </Grid>
      </Section>
      <Section id="offers" title={t('delegation.offers')} actions={add('offer', t('opportunity.add'), 'delegation-add-offer')} testId="delegation-offers">
        {form === 'offer' && <OfferForm d={d} onDone={() => setForm(null)} />}
        {d.offers.length === 0 && <Empty>{t('opportunities.none')}</Empty>}
        <Stack gap="sm" mt="xs">
          {d.offers.map((o) => (
            <OpportunityCard key={o.id} o={o} />
          ))}
        </Stack>
      </Section>
      <Section
        id="follow-ups"
        title={t('followUps.title')}
        actions={add('follow', t('followUps.add'), 'delegation-add-follow-up')}
        testId="delegation-follow-ups"
      >
        {form === 'follow' && <FollowUpForm d={d} onDone={() => setForm(null)} />}
        {d.followUps.length === 0 ? <Empty>{t('followUps.none')}</Empty> : <FollowUps items={d.followUps} canManage={canManage} />}
      </Section>
    </Stack>
  );
}

function FollowUps({ items, canManage }: { items: FollowUp[]; canManage: boolean }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const qc = useQueryClient();
  const done = useMutation({
    mutationFn: (f: FollowUp) => updateFollowUp(f.id, { status: 'done', doneOn: isoDay(), version: f.version }),
    onSuccess: () => {
      notify(t('followUps.doneSaved'));
      void qc.invalidateQueries({ queryKey: COOP.all });
    },
  });
  return (
    <>
      <ApiErrorAlert error={done.error} />
      <ScrollTable label={t('followUps.title')} minWidth={640} mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('followUps.action')}</Table.Th>
            <Table.Th>{t('followUps.owner')}</Table.Th>
            <Table.Th>{t('followUps.dueOn')}</Table.Th>
            <Table.Th>{t('followUps.status')}</Table.Th>
            {canManage && <Table.Th className="coop-no-print">{t('commitments.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={f.id} data-testid="follow-up" data-status={f.status} data-overdue={f.overdue}>
              <Table.Td>
                <Txt texts={f.action} />
              </Table.Td>
              <Table.Td>
                <NameText>{f.ownerName}</NameText>
                {f.country && ` (${labels.country(f.country)})`}
              </Table.Td>
              <Table.Td>{formatDay(f.dueOn, lng)}</Table.Td>
              <Table.Td>
                {f.overdue ? (
                  <Badge color="red.9" variant="filled" tt="none" data-testid="follow-up-overdue">
                    {t('followUps.overdue')}
                  </Badge>
                ) : (
                  <Badge color={f.status === 'done' ? 'teal' : 'blue'} variant="light" tt="none">
                    {labels.followStatus(f.status)}
                  </Badge>
                )}
                {f.doneOn && (
                  <Text size="xs" c="dimmed">
                    {formatDay(f.doneOn, lng)}
                  </Text>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td className="coop-no-print">
                  {f.status === 'open' && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => done.mutate(f)}
                      loading={done.isPending && done.variables?.id === f.id}
                      data-testid="follow-up-done"
                    >
                      {t('followUps.markDone')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
