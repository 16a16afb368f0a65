import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_KINDS } from '../../../../shared/contracts/cooperation';
import { AccountPicker, type PickedAccount } from '../components/AccountPicker';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { submitWith } from '../../techmarket/submit';
import { CountrySelect, OrgField } from '../components/OrgField';
import { type PickedPerson, PersonPicker } from '../components/PersonPicker';
import { blankOrg, emptyOffer, type OfferDraft, type OrgDraft, orgRef, textInItsLanguage, toOpportunityInput } from '../drafts';
import { useCoopLabels } from '../labels';
import { addFollowUp, COOP, createFocal, createOpportunity, type Delegation } from '../queries';
import { isoDay } from '../scorecard';

const orgOf = (o: Delegation['host']): OrgDraft =>
  o
    ? {
        entityType: o.entityType === 'enterprise' || o.entityType === 'institution' ? o.entityType : null,
        entityId: o.entityType === 'enterprise' || o.entityType === 'institution' ? o.entityId : null,
        name: o.name,
        country: o.country,
      }
    : blankOrg();

/** A focal person promised or appointed during the visit: a person (registry or typed), or an open slot. */
export function FocalForm({ d, onDone }: { d: Delegation; onDone: () => void }) {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const [country, setCountry] = useState<string>(d.hostCountry);
  const [org, setOrg] = useState<OrgDraft>(orgOf(d.host));
  const [topic, setTopic] = useState('');
  const [openSlot, setOpenSlot] = useState(false);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [personName, setPersonName] = useState('');
  const [email, setEmail] = useState('');
  const [appointedOn, setAppointedOn] = useState(d.endsOn);
  const m = useMutation({
    mutationFn: () =>
      createFocal({
        country,
        organisation: orgRef(org) ?? { name: '', country },
        topic: textInItsLanguage(topic),
        personId: openSlot ? null : (person?.id ?? null),
        personName: openSlot || person ? null : personName.trim() || null,
        contact: email.trim() && !openSlot ? { email: email.trim() } : null,
        delegationId: d.id,
        agreementId: d.agreementId,
        promisedOn: d.endsOn,
        appointedOn: openSlot ? null : appointedOn || null,
      }),
    onSuccess: () => {
      notify(t('focal.saved'));
      void qc.invalidateQueries({ queryKey: COOP.all });
      onDone();
    },
  });
  const F = ['country', 'organisation', 'topic', 'personId', 'personName', 'contact', 'appointedOn'] as const;
  const errors = fieldErrors(m.error, F);
  return (
    <Paper withBorder p="sm" component="form" noValidate onSubmit={submitWith(() => m.mutate())} data-testid="focal-form">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <CountrySelect
            label={t('focal.country')}
            value={country}
            onChange={(v) => setCountry(v ?? '')}
            required
            error={errors.country}
            testId="focal-country"
          />
          <TextInput
            label={t('focal.topic')}
            description={t('focal.topicHint')}
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
            required
            maxLength={300}
            dir="auto"
            error={errors.topic}
            data-testid="focal-topic"
          />
        </SimpleGrid>
        <OrgField label={t('focal.organisation')} value={org} onChange={setOrg} error={errors.organisation} testId="focal-org" />
        <Checkbox
          label={t('focal.openSlotCheck')}
          description={t('focal.openSlotHint')}
          checked={openSlot}
          onChange={(e) => setOpenSlot(e.currentTarget.checked)}
          data-testid="focal-open-slot"
        />
        {!openSlot && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
            <PersonPicker label={t('focal.personRegistry')} value={person} onChange={setPerson} testId="focal-person" />
            <TextInput
              label={t('focal.personName')}
              value={personName}
              onChange={(e) => setPersonName(e.currentTarget.value)}
              disabled={!!person}
              maxLength={200}
              dir="auto"
              error={errors.personName ?? errors.personId}
              data-testid="focal-person-name"
            />
            <TextInput
              type="email"
              label={t('focal.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.contact}
              dir="ltr"
              data-testid="focal-email"
            />
            <TextInput
              type="date"
              label={t('focal.appointedOnLabel')}
              value={appointedOn}
              onChange={(e) => setAppointedOn(e.currentTarget.value)}
              error={errors.appointedOn}
              data-testid="focal-appointed-on"
            />
          </SimpleGrid>
        )}
        <ApiErrorAlert error={m.error} fields={F} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={m.isPending} data-testid="focal-submit">
            {t('focal.add')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** An offer made during the visit (an internship, scholarships with places per year, …), opened on the board. */
export function OfferForm({ d, onDone }: { d: Delegation; onDone: () => void }) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const qc = useQueryClient();
  const [o, setO] = useState<OfferDraft>(() => emptyOffer(orgOf(d.host), d.guestCountry));
  const set = (patch: Partial<OfferDraft>) => setO((prev) => ({ ...prev, ...patch }));
  const m = useMutation({
    mutationFn: () => createOpportunity(toOpportunityInput(o, { delegationId: d.id, agreementId: d.agreementId })),
    onSuccess: () => {
      notify(t('opportunity.saved'));
      void qc.invalidateQueries({ queryKey: COOP.all });
      onDone();
    },
  });
  const F = ['kind', 'title', 'description', 'offeredBy', 'forCountry', 'city', 'places', 'placesPerYear', 'deadline', 'eligibility'] as const;
  const errors = fieldErrors(m.error, F);
  return (
    <Paper withBorder p="sm" component="form" noValidate onSubmit={submitWith(() => m.mutate())} data-testid="offer-form">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Select
            label={t('opportunity.kind')}
            data={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
            value={o.kind}
            onChange={(v) => v && set({ kind: v as OfferDraft['kind'] })}
            allowDeselect={false}
            error={errors.kind}
            data-testid="offer-kind"
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('opportunity.titleField')}
            value={o.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            required
            maxLength={300}
            dir="auto"
            error={errors.title}
            data-testid="offer-title"
          />
        </SimpleGrid>
        <OrgField
          label={t('opportunity.offeredByField')}
          value={o.offeredBy}
          onChange={(offeredBy) => set({ offeredBy })}
          error={errors.offeredBy}
          testId="offer-org"
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
          <CountrySelect
            label={t('opportunity.forCountryField')}
            value={o.forCountry}
            onChange={(v) => set({ forCountry: v })}
            error={errors.forCountry}
            testId="offer-for-country"
          />
          <TextInput
            label={t('opportunity.city')}
            value={o.city}
            onChange={(e) => set({ city: e.currentTarget.value })}
            maxLength={120}
            dir="auto"
            error={errors.city}
            data-testid="offer-city"
          />
          {o.kind === 'scholarship' ? (
            <NumberInput
              label={t('opportunity.placesPerYearField')}
              value={o.placesPerYear ?? ''}
              onChange={(v) => set({ placesPerYear: typeof v === 'number' ? v : null })}
              min={1}
              error={errors.placesPerYear}
              data-testid="offer-places-per-year"
            />
          ) : (
            <NumberInput
              label={t('opportunity.placesField')}
              value={o.places ?? ''}
              onChange={(v) => set({ places: typeof v === 'number' ? v : null })}
              min={1}
              error={errors.places}
              data-testid="offer-places"
            />
          )}
          <TextInput
            type="date"
            label={t('opportunity.deadlineField')}
            value={o.deadline}
            min={isoDay()}
            onChange={(e) => set({ deadline: e.currentTarget.value })}
            error={errors.deadline}
            data-testid="offer-deadline"
          />
        </SimpleGrid>
        <Textarea
          label={t('opportunity.description')}
          value={o.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={10000}
          dir="auto"
          data-testid="offer-description"
        />
        <Textarea
          label={t('opportunity.eligibility')}
          value={o.eligibility}
          onChange={(e) => set({ eligibility: e.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={5000}
          dir="auto"
          data-testid="offer-eligibility"
        />
        <ApiErrorAlert error={m.error} fields={F} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={m.isPending} data-testid="offer-submit">
            {t('opportunity.add')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A follow-up action agreed during the visit: what, who, by when. */
export function FollowUpForm({ d, onDone }: { d: Delegation; onDone: () => void }) {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const [action, setAction] = useState('');
  const [country, setCountry] = useState<string | null>(d.guestCountry);
  const [ownerName, setOwner] = useState('');
  const [account, setAccount] = useState<PickedAccount | null>(null);
  const [dueOn, setDue] = useState('');
  const m = useMutation({
    mutationFn: () =>
      addFollowUp(d.id, {
        action: textInItsLanguage(action),
        country,
        ownerName: ownerName.trim() || account?.displayName || null,
        ownerUserId: account?.id ?? null,
        dueOn: dueOn || null,
      }),
    onSuccess: () => {
      notify(t('followUps.saved'));
      void qc.invalidateQueries({ queryKey: COOP.all });
      onDone();
    },
  });
  const F = ['action', 'country', 'ownerName', 'ownerUserId', 'dueOn'] as const;
  const errors = fieldErrors(m.error, F);
  return (
    <Paper withBorder p="sm" component="form" noValidate onSubmit={submitWith(() => m.mutate())} data-testid="follow-up-form">
      <Stack gap="xs">
        <TextInput
          label={t('followUps.action')}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
          required
          maxLength={1000}
          dir="auto"
          error={errors.action}
          data-testid="follow-up-action"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <CountrySelect label={t('followUps.country')} value={country} onChange={setCountry} error={errors.country} testId="follow-up-country" />
          <AccountPicker
            label={t('followUps.account')}
            description={t('followUps.accountHint')}
            value={account}
            onChange={setAccount}
            error={errors.ownerUserId}
            testId="follow-up-account"
          />
          <TextInput
            label={t('followUps.owner')}
            description={t('followUps.ownerHint')}
            value={ownerName}
            onChange={(e) => setOwner(e.currentTarget.value)}
            maxLength={200}
            dir="auto"
            error={errors.ownerName}
            data-testid="follow-up-owner"
          />
          <TextInput
            type="date"
            label={t('followUps.dueOn')}
            value={dueOn}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={errors.dueOn}
            data-testid="follow-up-due"
          />
        </SimpleGrid>
        <ApiErrorAlert error={m.error} fields={F} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={m.isPending} disabled={!action.trim()} data-testid="follow-up-submit">
            {t('followUps.add')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
