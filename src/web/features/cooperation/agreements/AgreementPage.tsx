import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { SyntheticBadge } from '../../registry/components/SyntheticBadge';
import { scriptAttrs } from '../../registry/names';
import { formatDay } from '../../techmarket/format';
import { useCoopAccess } from '../access';
import { OrgName } from '../components/OrgName';
import { Loading, Section, Signing } from '../components/parts';
import { ScorecardLine, StateBadge } from '../components/Scorecard';
import { NameText, Txt, TxtBlock } from '../components/Txt';
import { useCoopLabels } from '../labels';
import { pairOf } from '../pair';
import { type Agreement, agreementQuery, COOP, type Commitment, suggestionsQuery, updateAgreement } from '../queries';
import { pickText } from '../text';
import { CancelForm, DeliveryForm } from './CommitmentActions';

/** An agreement: details, commitments with their state, scorecards (agreement and parties), cross-border suggestions. */
export function AgreementPage() {
  const { t } = useTranslation('cooperation');
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(agreementQuery(id));
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ApiErrorAlert error={q.error ?? new Error(t('status.notFound'))} />;
  return <AgreementView a={q.data} />;
}

function AgreementView({ a }: { a: Agreement }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const { canManage } = useCoopAccess();
  const title = pickText(a.title, lng);
  useDocumentTitle(`${title?.text ?? t('agreement.title')} · ${t('app.name', { ns: 'web' })}`);
  const pair = pairOf(a.countries);
  const row = (key: string, label: string, value: React.ReactNode) => (
    <Table.Tr key={key} data-testid={`fact-${key}`}>
      <Table.Th scope="row" w="35%" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="lg" data-testid="agreement-page" data-agreement-id={a.id} data-status={a.status}>
      <div>
        <Group gap="xs" mb="xs" wrap="wrap">
          <Badge variant="filled" color="indigo.9" tt="none" data-testid="agreement-type">
            {labels.type(a.type)}
          </Badge>
          <Badge variant="light" color={a.status === 'published' ? 'teal' : a.status === 'draft' ? 'orange' : 'dark'} tt="none" data-testid="agreement-status">
            {labels.status(a.status)}
          </Badge>
          <SyntheticBadge synthetic={a.synthetic} />
        </Group>
        <Title order={1} size="h2" {...(title ? scriptAttrs(title.lang) : {})} data-testid="agreement-title">
          {title?.text ?? a.key ?? a.id}
        </Title>
        {pair && (
          <Text size="sm" mt={4}>
            <AnchorLink to="/cooperation/pairs/$pair" params={{ pair }} data-testid="agreement-pair-link">
              {t('agreement.pairLink', { pair: labels.pair(pair) })}
            </AnchorLink>
          </Text>
        )}
      </div>
      {canManage && a.status === 'draft' && <PublishBar a={a} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <TxtBlock texts={a.summary} testId="agreement-summary" />
            <Section id="parties" title={t('agreement.parties')} testId="agreement-parties">
              <Stack gap="xs">
                {a.parties.map((p) => {
                  const card = a.partyScorecards.find((s) => s.partyId === p.id)?.scorecard;
                  return (
                    <Paper key={p.id} withBorder p="sm" data-testid="party" data-party-id={p.id} data-country={p.org.country}>
                      <Text fw={600}>
                        <OrgName org={p.org} />
                      </Text>
                      {p.signatory && (
                        <Text size="sm">
                          {t('agreement.signatory')}: <NameText>{p.signatory}</NameText>
                        </Text>
                      )}
                      {card && (
                        <Group gap="xs" mt={4}>
                          <Text size="sm" c="dimmed">
                            {t('agreement.partyScorecard')}
                          </Text>
                          <ScorecardLine card={card} testId="party-scorecard" />
                        </Group>
                      )}
                    </Paper>
                  );
                })}
              </Stack>
            </Section>
            {a.internalNotes !== null && (
              <Alert variant="light" color="yellow" title={t('agreement.internalNotes')} data-testid="agreement-internal-notes">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {a.internalNotes || t('agreement.noNotes')}
                </Text>
              </Alert>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="agreement-facts-title">
            <Title order={2} size="h4" id="agreement-facts-title" mb="xs">
              {t('agreement.facts')}
            </Title>
            <Table>
              <Table.Tbody>
                {row('signed', t('agreement.signed'), <Signing a={a} />)}
                {row('stage', t('agreement.stage'), labels.stage(a.stage))}
                {row('areas', t('agreement.areas'), a.areas.length ? labels.list(a.areas.map(labels.area)) : t('agreement.none'))}
                {row('ways', t('agreement.ways'), a.ways.length ? labels.list(a.ways.map(labels.way)) : t('agreement.none'))}
                {row(
                  'validity',
                  t('agreement.validity'),
                  a.validFrom || a.validUntil ? `${formatDay(a.validFrom, lng)} – ${formatDay(a.validUntil, lng)}` : t('agreement.none'),
                )}
                {row('renewal', t('agreement.renewal'), labels.renewal(a.renewal))}
                {a.source && row('source', t('agreement.source'), <Text size="sm">{a.source}</Text>)}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md" mt="md" component="section" aria-labelledby="agreement-score-title" data-testid="agreement-scorecard-panel">
            <Title order={2} size="h4" id="agreement-score-title" mb="xs">
              {t('agreement.scorecard')}
            </Title>
            <ScorecardLine card={a.scorecard} testId="agreement-scorecard" />
            <Text size="xs" c="dimmed" mt={4}>
              {t('scorecard.explain')}
            </Text>
          </Paper>
        </Grid.Col>
      </Grid>
      <Commitments a={a} />
      <SuggestionsPanel a={a} />
    </Stack>
  );
}

function PublishBar({ a }: { a: Agreement }) {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => updateAgreement(a.id, { status: 'published', version: a.version }),
    onSuccess: () => {
      notify(t('agreement.published'));
      void qc.invalidateQueries({ queryKey: COOP.all });
    },
  });
  return (
    <Alert variant="light" color="orange" data-testid="agreement-draft-bar">
      <Group justify="space-between">
        <Text size="sm">{t('agreement.draftNotice')}</Text>
        <Button size="xs" onClick={() => m.mutate()} loading={m.isPending} data-testid="agreement-publish">
          {t('agreement.publish')}
        </Button>
      </Group>
      <ApiErrorAlert error={m.error} />
    </Alert>
  );
}

function Commitments({ a }: { a: Agreement }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const { canManage } = useCoopAccess();
  const [open, setOpen] = useState<{ id: string; action: 'deliver' | 'cancel' } | null>(null);
  return (
    <Section id="commitments" title={t('commitments.title')} testId="commitments">
      {a.commitments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('commitments.none')}
        </Text>
      ) : (
        <ScrollTable label={t('commitments.title')} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commitments.deliverable')}</Table.Th>
              <Table.Th>{t('commitments.owedBy')}</Table.Th>
              <Table.Th>{t('commitments.dueOn')}</Table.Th>
              <Table.Th>{t('commitments.state')}</Table.Th>
              <Table.Th>{t('commitments.evidence')}</Table.Th>
              {canManage && <Table.Th>{t('commitments.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.commitments.map((c) => (
              <CommitmentRow
                key={c.id}
                c={c}
                lng={lng}
                canManage={canManage}
                open={open?.id === c.id ? open.action : null}
                setOpen={(action) => setOpen(action ? { id: c.id, action } : null)}
              />
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Section>
  );
}

function CommitmentRow({
  c,
  lng,
  canManage,
  open,
  setOpen,
}: {
  c: Commitment;
  lng: ReturnType<typeof useLanguage>;
  canManage: boolean;
  open: 'deliver' | 'cancel' | null;
  setOpen: (a: 'deliver' | 'cancel' | null) => void;
}) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const actionable = c.status === 'open';
  return (
    <>
      <Table.Tr data-testid="commitment" data-commitment-id={c.id} data-state={c.state}>
        <Table.Td>
          <Txt texts={c.deliverable} marked />
          {c.ownerName && (
            <Text size="xs" c="dimmed">
              {t('commitments.ownerIs', { name: c.ownerName })}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <NameText>{c.owedBy.name}</NameText> ({labels.country(c.owedBy.country)})
        </Table.Td>
        <Table.Td>{formatDay(c.dueOn, lng)}</Table.Td>
        <Table.Td>
          <StateBadge state={c.state} daysLate={c.daysLate} />
          {c.deliveredOn && (
            <Text size="xs" c="dimmed">
              {t('commitments.deliveredOnDate', { date: formatDay(c.deliveredOn, lng) })}
            </Text>
          )}
        </Table.Td>
        <Table.Td data-testid="commitment-evidence">
          {c.evidence ? (
            <Stack gap={2}>
              {c.evidence.note && (
                <Text size="xs" dir="auto" data-testid="evidence-note">
                  {c.evidence.note}
                </Text>
              )}
              {c.evidence.files.length > 0 && (
                <List size="xs">
                  {c.evidence.files.map((f) => (
                    <List.Item key={f.id}>
                      <Anchor href={`/api/v1/cooperation/commitments/${c.id}/evidence/${f.id}`} data-testid="evidence-file">
                        {f.name}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
              {!c.evidence.note && c.evidence.files.length === 0 && '—'}
            </Stack>
          ) : (
            '—'
          )}
        </Table.Td>
        {canManage && (
          <Table.Td>
            {actionable && (
              <Group gap={4}>
                <Button size="compact-xs" variant="light" onClick={() => setOpen(open === 'deliver' ? null : 'deliver')} data-testid="commitment-deliver">
                  {t('commitments.markDelivered')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setOpen(open === 'cancel' ? null : 'cancel')}
                  data-testid="commitment-cancel"
                >
                  {t('commitments.cancel')}
                </Button>
              </Group>
            )}
          </Table.Td>
        )}
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={6}>
            {open === 'deliver' ? <DeliveryForm c={c} onDone={() => setOpen(null)} /> : <CancelForm c={c} onDone={() => setOpen(null)} />}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

const SUGGESTION_LINK: Record<string, string> = { enterprise: 'enterprises', institution: 'institutions', zone: 'zones' };

/** Who on each side could take the agreement further, and why (the agreement's areas, sectors, concepts). */
function SuggestionsPanel({ a }: { a: Agreement }) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const q = useQuery(suggestionsQuery(a.id));
  return (
    <Section id="suggestions" title={t('suggestions.title')} testId="suggestions">
      <Text size="sm" mb="sm" maw={820}>
        {t('suggestions.intro')}
      </Text>
      <ApiErrorAlert error={q.error} />
      {q.isLoading && <Loading />}
      <Grid gap="md">
        {q.data?.sides.map((side) => (
          <Grid.Col key={side.country} span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md" data-testid="suggestion-side" data-country={side.country}>
              <Title order={3} size="h5" mb="xs">
                {t('suggestions.side', { country: labels.country(side.country) })}
              </Title>
              {side.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('suggestions.none')}
                </Text>
              )}
              <Stack gap="xs">
                {side.items.map((s) => (
                  <div key={`${s.kind}:${s.id}`} data-testid="suggestion" data-kind={s.kind}>
                    <Text size="sm" fw={600}>
                      {SUGGESTION_LINK[s.kind] ? (
                        <AnchorLink to="/directory/$type/$id" params={{ type: SUGGESTION_LINK[s.kind], id: s.id }}>
                          <Txt texts={s.name} />
                        </AnchorLink>
                      ) : s.kind === 'offer' || s.kind === 'need' ? (
                        <AnchorLink to="/market/listings/$id" params={{ id: s.id }}>
                          <Txt texts={s.name} />
                        </AnchorLink>
                      ) : (
                        <Txt texts={s.name} />
                      )}{' '}
                      <Text span size="xs" c="dimmed">
                        · {t(`suggestions.kinds.${s.kind}`)}
                      </Text>
                    </Text>
                    <List size="xs" aria-label={t('suggestions.why')} data-testid="suggestion-reasons">
                      {s.reasons.map((r) => (
                        <List.Item key={`${r.type}:${r.key}`} data-type={r.type}>
                          {t(`suggestions.reasons.${r.type}`)} <Txt texts={r.label} fallback={r.key} />
                        </List.Item>
                      ))}
                    </List>
                  </div>
                ))}
              </Stack>
            </Paper>
          </Grid.Col>
        ))}
      </Grid>
    </Section>
  );
}
