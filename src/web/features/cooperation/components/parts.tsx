import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { SyntheticBadge } from '../../registry/components/SyntheticBadge';
import { formatDay } from '../../techmarket/format';
import { useCoopLabels } from '../labels';
import type { AgreementSummary, DelegationSummary, FocalPerson, Opportunity } from '../queries';
import { OrgName } from './OrgName';
import { ScorecardLine } from './Scorecard';
import { NameText, Txt } from './Txt';

export function Loading() {
  const { t } = useTranslation('cooperation');
  return <Loader size="sm" role="status" aria-label={t('status.loading')} />;
}

/** A titled section of a page: its heading names it for screen readers. */
export function Section({ id, title, actions, children, testId }: { id: string; title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id={`${id}-title`}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </section>
  );
}

export function Empty({ children, testId }: { children: string; testId?: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}

/** Where and when an agreement was signed: a date and a place, or "virtually". */
export function Signing({ a }: { a: Pick<AgreementSummary, 'signedOn' | 'signedYear' | 'signedPlace' | 'signedVirtually'> }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  if (!a.signedOn && !a.signedYear && !a.signedPlace && !a.signedVirtually) return <>{t('agreement.notSigned')}</>;
  const where = a.signedVirtually ? t('agreement.virtual') : a.signedPlace;
  return (
    <span data-testid="agreement-signing">
      {a.signedOn ? formatDay(a.signedOn, lng) : a.signedYear ? String(a.signedYear) : t('agreement.dateUnknown')}
      {where && (
        <>
          {' · '}
          {a.signedVirtually ? where : <NameText>{where}</NameText>}
        </>
      )}
    </span>
  );
}

/** An agreement in a list: type, title, parties with countries, signing, areas, stage and its scorecard. */
export function AgreementCard({ a, headingLevel = 3 }: { a: AgreementSummary; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const titleId = `agreement-${a.id}-title`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="agreement-card" data-agreement-id={a.id} data-type={a.type}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="filled" color="indigo.9" tt="none" data-testid="agreement-type">
            {labels.type(a.type)}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {t('agreement.stageIs', { stage: labels.stage(a.stage) })}
          </Badge>
          {a.status !== 'published' && (
            <Badge variant="light" color={a.status === 'draft' ? 'orange' : 'dark'} tt="none" data-testid="agreement-status">
              {labels.status(a.status)}
            </Badge>
          )}
          <SyntheticBadge synthetic={a.synthetic} />
        </Group>
        <Title order={headingLevel} size="h4" id={titleId}>
          <AnchorLink to="/cooperation/agreements/$id" params={{ id: a.id }} inherit data-testid="agreement-link">
            <Txt texts={a.title} fallback={a.key ?? a.id} />
          </AnchorLink>
        </Title>
        <Text size="sm" data-testid="agreement-parties">
          {a.parties.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ' · '}
              <OrgName org={p.org} />
            </span>
          ))}
        </Text>
        <Text size="sm" c="dimmed">
          {t('agreement.signed')}: <Signing a={a} />
        </Text>
        {a.areas.length > 0 && (
          <Group gap={4} data-testid="agreement-areas">
            {a.areas.map((k) => (
              <Badge key={k} variant="outline" color="gray" tt="none">
                {labels.area(k)}
              </Badge>
            ))}
          </Group>
        )}
        <ScorecardLine card={a.scorecard} />
      </Stack>
    </Paper>
  );
}

/** A delegation in a list: title, who visited whom, dates, cities. */
export function DelegationCard({ d }: { d: DelegationSummary }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const titleId = `delegation-${d.id}-title`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="delegation-card" data-delegation-id={d.id}>
      <Stack gap={4}>
        <Group gap="xs">
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
        <Title order={3} size="h4" id={titleId}>
          <AnchorLink to="/cooperation/delegations/$id" params={{ id: d.id }} inherit data-testid="delegation-link">
            <Txt texts={d.title} fallback={d.key ?? d.id} />
          </AnchorLink>
        </Title>
        <Text size="sm">
          {formatDay(d.startsOn, lng)} – {formatDay(d.endsOn, lng)} · {t('delegation.members', { count: d.memberCount })}
        </Text>
        {d.cities.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="delegation-cities">
            {d.cities.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list read in its order, a name may come twice
              <span key={`${c}-${i}`}>
                {i > 0 && ' → '}
                <NameText>{c}</NameText>
              </span>
            ))}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** A focal person, or an open slot (promised, nobody appointed yet) highlighted. */
export function FocalCard({ f, actions }: { f: FocalPerson; actions?: ReactNode }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const open = f.state === 'open';
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="focal-card"
      data-focal-id={f.id}
      data-state={f.state}
      style={open ? { borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2, background: 'var(--mantine-color-orange-0)' } : undefined}
    >
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={600} data-testid="focal-name">
            {open ? t('focal.openSlot') : <NameText>{f.personName}</NameText>}
          </Text>
          <Badge variant={open ? 'filled' : 'light'} color={open ? 'red.9' : f.state === 'ended' ? 'gray' : 'teal'} tt="none">
            {labels.focalState(f.state)}
          </Badge>
        </Group>
        <Text size="sm">
          <Txt texts={f.topic} /> · <OrgName org={f.organisation} />
        </Text>
        <Text size="xs" c="dimmed">
          {f.appointedOn && t('focal.appointedOn', { date: formatDay(f.appointedOn, lng) })}
          {!f.appointedOn && f.promisedOn && t('focal.promisedOn', { date: formatDay(f.promisedOn, lng) })}
          {f.endedOn && ` · ${t('focal.endedOn', { date: formatDay(f.endedOn, lng) })}`}
        </Text>
        {f.contact && (f.contact.email || f.contact.phone) && (
          <Text size="xs" data-testid="focal-contact">
            {[f.contact.email, f.contact.phone].filter(Boolean).join(' · ')}
          </Text>
        )}
        {f.delegation && (
          <Text size="xs">
            {t('focal.fromDelegation')}{' '}
            <AnchorLink to="/cooperation/delegations/$id" params={{ id: f.delegation.id }}>
              <Txt texts={f.delegation.title} />
            </AnchorLink>
          </Text>
        )}
        {f.history.length > 0 && (
          <details>
            <summary className="seedbed-summary">{t('focal.history', { count: f.history.length })}</summary>
            <ul data-testid="focal-history">
              {f.history.map((h) => (
                <li key={h.id}>
                  <NameText>{h.personName ?? t('focal.openSlot')}</NameText> ({formatDay(h.appointedOn, lng)} – {formatDay(h.endedOn, lng)})
                </li>
              ))}
            </ul>
          </details>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}

/** An opportunity on the board: kind, title, who offers it, for whom, places, deadline, eligibility. */
export function OpportunityCard({ o, actions }: { o: Opportunity; actions?: ReactNode }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const titleId = `opportunity-${o.id}-title`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="opportunity-card" data-opportunity-id={o.id} data-kind={o.kind}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="filled" color="grape.9" tt="none" data-testid="opportunity-kind">
            {labels.kind(o.kind)}
          </Badge>
          {!o.accepting && (
            <Badge variant="light" color="gray" tt="none">
              {o.status === 'draft' ? labels.status('draft') : t('opportunity.closed')}
            </Badge>
          )}
          {o.mine && (
            <Badge variant="light" color="teal" tt="none" data-testid="opportunity-mine">
              {t('opportunity.youApplied', { status: labels.appStatus(o.mine.status) })}
            </Badge>
          )}
          <SyntheticBadge synthetic={o.synthetic} />
        </Group>
        <Title order={3} size="h4" id={titleId}>
          <AnchorLink to="/cooperation/opportunities/$id" params={{ id: o.id }} inherit data-testid="opportunity-link">
            <Txt texts={o.title} fallback={o.key ?? o.id} />
          </AnchorLink>
        </Title>
        <Text size="sm">
          {t('opportunity.offeredBy')} <OrgName org={o.offeredBy} />
          {o.forCountry && ` · ${t('opportunity.forCountry', { country: labels.country(o.forCountry) })}`}
          {o.city && (
            <>
              {' · '}
              <NameText>{o.city}</NameText>
            </>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {o.placesPerYear !== null
            ? t('opportunity.placesPerYear', { count: o.placesPerYear })
            : o.places !== null
              ? t('opportunity.places', { count: o.places })
              : null}
          {(o.places !== null || o.placesPerYear !== null) && ' · '}
          {o.deadline ? t('opportunity.deadline', { date: formatDay(o.deadline, lng) }) : t('opportunity.noDeadline')}
        </Text>
        {Object.values(o.eligibility).some(Boolean) && (
          <Text size="sm" data-testid="opportunity-eligibility">
            {t('opportunity.eligibility')}: <Txt texts={o.eligibility} />
          </Text>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}
