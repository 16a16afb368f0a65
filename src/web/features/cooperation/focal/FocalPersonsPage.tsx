import { Button, Grid, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { fieldErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { ListStatus } from '../../techmarket/components/ListStatus';
import { submitWith } from '../../techmarket/submit';
import { useCoopAccess } from '../access';
import { CountrySelect } from '../components/OrgField';
import { FocalCard } from '../components/parts';
import { type PickedPerson, PersonPicker } from '../components/PersonPicker';
import { useCoopLabels } from '../labels';
import { appointFocal, COOP, endFocal, type FocalPerson, focalQuery } from '../queries';
import type { FocalSearch } from '../routes';
import { isoDay } from '../scorecard';

type State = 'current' | 'open' | 'ended' | 'all';

/** The focal-person network by country: who is appointed, which promised slots are still open, who held a post before. */
export function FocalPersonsPage() {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const { canManage } = useCoopAccess();
  const search = useSearch({ strict: false }) as FocalSearch;
  const navigate = useNavigate();
  const [state, setState] = useState<State>('current');
  const q = useQuery(focalQuery({ country: search.country, state: state === 'all' ? undefined : state, limit: 200 }));
  const byCountry = new Map<string, FocalPerson[]>();
  for (const f of q.data?.items ?? []) byCountry.set(f.country, [...(byCountry.get(f.country) ?? []), f]);
  // Open slots first in each country: they are what needs doing.
  for (const list of byCountry.values()) list.sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open'));
  return (
    <>
      <PageTitle>{t('focal.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('focal.intro')}
      </Text>
      <Group mb="md" align="flex-end">
        <CountrySelect
          label={t('filters.country')}
          placeholder={t('filters.any')}
          value={search.country ?? null}
          onChange={(v) => void navigate({ to: '/cooperation/focal-persons', search: { country: v ?? undefined }, replace: true })}
          testId="filter-country"
        />
        <div>
          <Text size="sm" fw={500} id="focal-state-label" mb={4}>
            {t('focal.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="focal-state-label"
            value={state}
            onChange={(v) => setState(v as State)}
            data={(['current', 'open', 'ended', 'all'] as const).map((s) => ({ value: s, label: t(`focal.states.${s}`) }))}
            data-testid="focal-state"
          />
        </div>
      </Group>
      <ListStatus query={q} empty={t('focal.none')} testId="focal-empty" />
      <Stack gap="lg">
        {[...byCountry].map(([country, list]) => (
          <section key={country} aria-labelledby={`focal-${country}-title`} data-testid="focal-country" data-country={country}>
            <Title order={2} size="h3" id={`focal-${country}-title`} mb="xs">
              {labels.country(country)}{' '}
              <Text span size="sm" c="dimmed">
                {t('focal.countSummary', { count: list.length, open: list.filter((f) => f.state === 'open').length })}
              </Text>
            </Title>
            <Grid gap="sm">
              {list.map((f) => (
                <Grid.Col key={f.id} span={{ base: 12, sm: 6, lg: 4 }}>
                  <FocalCard f={f} actions={canManage && f.state !== 'ended' ? <FocalActions f={f} /> : undefined} />
                </Grid.Col>
              ))}
            </Grid>
          </section>
        ))}
      </Stack>
    </>
  );
}

/** Officers: fill an open slot, hand over to a successor, or end a term. */
function FocalActions({ f }: { f: FocalPerson }) {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [on, setOn] = useState(isoDay());
  const done = () => {
    void qc.invalidateQueries({ queryKey: COOP.all });
    setOpen(false);
  };
  const appoint = useMutation({
    mutationFn: () =>
      appointFocal(f.id, {
        personId: person?.id ?? null,
        personName: person ? null : name.trim() || null,
        contact: email.trim() ? { email: email.trim() } : null,
        appointedOn: on,
        version: f.version,
      }),
    onSuccess: () => {
      notify(t('focal.appointed'));
      done();
    },
  });
  const end = useMutation({
    mutationFn: () => endFocal(f.id, { endedOn: on, version: f.version }),
    onSuccess: () => {
      notify(t('focal.ended'));
      done();
    },
  });
  const errors = fieldErrors(appoint.error, ['personId', 'personName', 'contact', 'appointedOn']);
  if (!open)
    return (
      <Button size="compact-xs" variant="light" onClick={() => setOpen(true)} data-testid="focal-appoint-open">
        {f.state === 'open' ? t('focal.appoint') : t('focal.handOver')}
      </Button>
    );
  return (
    <Paper withBorder p="xs" component="form" noValidate onSubmit={submitWith(() => appoint.mutate())} data-testid="focal-appoint-form">
      <Stack gap={6}>
        <PersonPicker label={t('focal.personRegistry')} value={person} onChange={setPerson} testId="appoint-person" />
        <TextInput
          label={t('focal.personName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          disabled={!!person}
          maxLength={200}
          dir="auto"
          error={errors.personName ?? errors.personId}
          data-testid="appoint-name"
        />
        <TextInput type="email" label={t('focal.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} dir="ltr" error={errors.contact} />
        <TextInput
          type="date"
          label={t('focal.dateLabel')}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
          required
          error={errors.appointedOn}
          data-testid="appoint-date"
        />
        <ApiErrorAlert error={appoint.error ?? end.error} fields={['personId', 'personName', 'contact', 'appointedOn']} />
        <Group gap={4}>
          <Button type="submit" size="compact-xs" loading={appoint.isPending} disabled={!person && !name.trim()} data-testid="appoint-submit">
            {f.state === 'open' ? t('focal.appoint') : t('focal.handOver')}
          </Button>
          {f.state === 'appointed' && (
            <Button size="compact-xs" variant="light" color="red" onClick={() => end.mutate()} loading={end.isPending} data-testid="focal-end">
              {t('focal.endTerm')}
            </Button>
          )}
          <Button size="compact-xs" variant="default" onClick={() => setOpen(false)}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
