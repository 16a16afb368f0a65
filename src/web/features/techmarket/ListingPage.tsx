import { Alert, Badge, Grid, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './components/ButtonLink';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { LANGUAGE_NAMES } from '../../app/language';
import { useLanguage } from '../../app/useLanguage';
import { AnchorLink } from '../registry/components/AnchorLink';
import { SyntheticBadge } from '../registry/components/SyntheticBadge';
import { PLURAL } from '../registry/entityTypes';
import { scriptAttrs } from '../registry/names';
import { useMarketAccess } from './access';
import { AccessPanel } from './AccessPanel';
import { MatchList } from './components/MatchList';
import { Script } from './components/Script';
import { StatusBadge } from './components/StatusBadge';
import { WrittenIn } from './components/WrittenIn';
import { ExpressInterestForm } from './ExpressInterestForm';
import { formatDay, formatMoney } from './format';
import { useMarketLabels } from './labels';
import { EDITABLE_STATUSES, type Listing, listingQuery } from './queries';
import { type ListingLanguage, pickListingText, writtenLanguages } from './text';

/** A listing: its texts (in each language written), facts, details behind access, suggested matches, interest. */
export function ListingPage() {
  const { t } = useTranslation('techmarket');
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery(listingQuery(id));
  const { user, canInterest } = useMarketAccess();
  if (q.isLoading) return <Loader size="sm" role="status" aria-label={t('status.loading')} />;
  if (!q.data) return <ApiErrorAlert error={q.error} />;
  const l = q.data;
  const owner = l.access === 'owner';
  return (
    <ListingView listing={l}>
      {owner && <OwnerNotes listing={l} />}
      {user && canInterest && !owner && l.status === 'published' && <ExpressInterestForm listing={l} />}
      {!user && l.status === 'published' && (
        <Alert variant="light" color="blue" data-testid="interest-sign-in">
          {t('interest.signIn')}
        </Alert>
      )}
    </ListingView>
  );
}

function ListingView({ listing: l, children }: { listing: Listing; children: React.ReactNode }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const languages = writtenLanguages(l.texts, l.languages);
  const picked = pickListingText(l.texts, l.languages, lng);
  const [chosen, setChosen] = useState<ListingLanguage | null>(null);
  const lang = chosen && l.texts[chosen] ? chosen : (picked?.lang ?? 'en');
  const text = l.texts[lang];
  useDocumentTitle(`${text?.title ?? t('listing.title')} · ${t('app.name', { ns: 'web' })}`);
  return (
    <Stack gap="lg" data-testid="listing-page" data-listing-id={l.id} data-kind={l.kind}>
      <div>
        <Group gap="xs" mb="xs" wrap="wrap">
          <Badge variant="filled" color={l.kind === 'offer' ? 'teal.9' : 'grape.9'} tt="none" data-testid="listing-kind">
            {labels.kind(l.kind)}
          </Badge>
          {l.status !== 'published' && <StatusBadge of="listing" status={l.status} testId="listing-status" />}
          {lang !== lng && <WrittenIn lang={lang} />}
          <SyntheticBadge synthetic={l.synthetic} />
        </Group>
        <Title order={1} size="h2" {...scriptAttrs(lang)} data-testid="listing-title">
          {text?.title ?? l.id}
        </Title>
      </div>
      {languages.length > 1 && (
        <Group gap="xs">
          <Text size="sm" id="listing-language-label">
            {t('listing.readIn')}
          </Text>
          <SegmentedControl
            aria-labelledby="listing-language-label"
            value={lang}
            onChange={(v) => setChosen(v as ListingLanguage)}
            data={languages.map((x) => ({ value: x, label: LANGUAGE_NAMES[x] }))}
            data-testid="listing-language"
          />
        </Group>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {text && (
              <Text size="lg" style={{ whiteSpace: 'pre-wrap' }} {...scriptAttrs(lang)} data-testid="listing-page-summary">
                {text.summary}
              </Text>
            )}
            <AccessPanel listing={l} lang={lang} />
            {children}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ListingFactsTable listing={l} />
        </Grid.Col>
      </Grid>
      <MatchList listing={l} />
    </Stack>
  );
}

function ListingFactsTable({ listing: l }: { listing: Listing }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const row = (key: string, label: string, value: React.ReactNode) => (
    <Table.Tr key={key} data-testid={`fact-${key}`}>
      <Table.Th scope="row" w="40%" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  const ownerPath = PLURAL[l.owner.type];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="listing-facts-title">
      <Title order={2} size="h4" id="listing-facts-title" mb="xs">
        {t('listing.facts')}
      </Title>
      <Table>
        <Table.Tbody>
          {row(
            'owner',
            t('facts.owner'),
            <AnchorLink to="/directory/$type/$id" params={{ type: ownerPath, id: l.owner.id }}>
              <Script>{l.owner.name}</Script>
            </AnchorLink>,
          )}
          {row('country', t('facts.country'), labels.country(l.country))}
          {row('sector', t('facts.sector'), labels.sector(l.sector))}
          {row('trl', t('facts.trlLabel'), l.trl === null ? t('facts.notStated') : t(l.kind === 'need' ? 'facts.trlAtLeast' : 'facts.trl', { trl: l.trl }))}
          {row('dealForms', t('facts.dealForms'), l.dealForms.length ? labels.dealForms(l.dealForms) : t('facts.notStated'))}
          {l.ip &&
            row(
              'ip',
              t('facts.ip'),
              <Stack gap={0}>
                <Text size="sm">{labels.ipType(l.ip.type)}</Text>
                {l.ip.number && (
                  <div>
                    <Text span size="sm" ff="monospace" dir="ltr" data-testid="listing-ip-number">
                      {l.ip.number}
                    </Text>
                  </div>
                )}
                <Text size="sm" c="dimmed">
                  {labels.ipStatus(l.ip.status)}
                </Text>
              </Stack>,
            )}
          {l.kind === 'need' && row('budget', t('facts.budgetLabel'), formatMoney(l.budget, l.currency, lng))}
          {l.kind === 'need' && row('deadline', t('facts.deadlineLabel'), formatDay(l.deadline, lng))}
          {l.keywords.length > 0 &&
            row(
              'keywords',
              t('facts.keywords'),
              <Group gap={4}>
                {l.keywords.map((k) => (
                  <Badge key={k} variant="outline" color="gray" tt="none">
                    <Script>{k}</Script>
                  </Badge>
                ))}
              </Group>,
            )}
          {row('languages', t('facts.languages'), labels.list(writtenLanguages(l.texts, l.languages).map((x) => LANGUAGE_NAMES[x])))}
          {l.publishedAt && row('published', t('facts.published'), formatDay(l.publishedAt, lng))}
          {l.expiresAt && row('expires', t('facts.expires'), formatDay(l.expiresAt, lng))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** What the owner sees of their own listing: its status, the moderator's note, the way to edit it. */
function OwnerNotes({ listing: l }: { listing: Listing }) {
  const { t } = useTranslation('techmarket');
  const editable = EDITABLE_STATUSES.includes(l.status);
  return (
    <Paper withBorder p="md" data-testid="owner-notes">
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm">{t('listing.yourListing')}</Text>
          <StatusBadge of="listing" status={l.status} />
        </Group>
        {l.moderationNote && (
          <Alert variant="light" color={l.status === 'rejected' ? 'red' : 'gray'} title={t('listing.moderationNote')} data-testid="moderation-note">
            {l.moderationNote}
          </Alert>
        )}
        <Group gap="xs">
          {editable && (
            <ButtonLink to="/market/listings/$id/edit" params={{ id: l.id }} variant="default" size="xs" data-testid="listing-edit">
              {t('actions.edit')}
            </ButtonLink>
          )}
          <ButtonLink to="/market/mine" variant="subtle" size="xs">
            {t('nav.mine')}
          </ButtonLink>
        </Group>
      </Stack>
    </Paper>
  );
}
