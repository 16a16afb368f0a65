import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES } from '../../../../shared/contracts/cooperation';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { fieldErrors, nestedErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { Forbidden } from '../../techmarket/components/Forbidden';
import { submitWith } from '../../techmarket/submit';
import { useCoopAccess } from '../access';
import { CountrySelect, OrgField } from '../components/OrgField';
import { PersonPicker } from '../components/PersonPicker';
import { Texts3Fields } from '../components/Texts3Fields';
import {
  blankMember,
  blankOrg,
  blankStop,
  type DelegationDraft,
  emptyDelegation,
  type MemberDraft,
  nextDay,
  type StopDraft,
  toDelegationInput,
} from '../drafts';
import { useCoopLabels } from '../labels';
import { agreementsQuery, COOP, createDelegation } from '../queries';
import { pickText } from '../text';

const FIELDS = [
  'title',
  'purpose',
  'hostCountry',
  'guestCountry',
  'host',
  'guest',
  'agreementId',
  'startsOn',
  'endsOn',
  'members',
  'itinerary',
  'internalNotes',
  'publish',
] as const;

/** A cooperation officer logs a delegation visit: the two sides, members, and the itinerary day by day. */
export function NewDelegationPage() {
  const { t } = useTranslation('cooperation');
  const { canManage } = useCoopAccess();
  if (!canManage) return <Forbidden message={t('form.notAllowed')} />;
  return (
    <>
      <PageTitle>{t('delegationForm.title')}</PageTitle>
      <DelegationForm />
    </>
  );
}

function DelegationForm() {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [d, setD] = useState<DelegationDraft>(emptyDelegation);
  const set = (patch: Partial<DelegationDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const agreements = useQuery(agreementsQuery({ limit: 100 }));
  const m = useMutation({
    mutationFn: () => createDelegation(toDelegationInput(d)),
    onSuccess: (x) => {
      void qc.invalidateQueries({ queryKey: COOP.all });
      notify(t('delegationForm.saved'));
      void navigate({ to: '/cooperation/delegations/$id', params: { id: x.id } });
    },
  });
  const errors = fieldErrors(m.error, FIELDS);
  const memberErrors = nestedErrors(m.error, 'members');
  const stopErrors = nestedErrors(m.error, 'itinerary');
  const firstError = (all: Record<string, string>, prefix: string) => Object.entries(all).find(([k]) => k.startsWith(prefix))?.[1];
  const setMember = (i: number, patch: Partial<MemberDraft>) => set({ members: d.members.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setStop = (i: number, patch: Partial<StopDraft>) => set({ itinerary: d.itinerary.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <Paper withBorder p="md" component="form" noValidate onSubmit={submitWith(() => m.mutate())} maw={1100} data-testid="delegation-form">
      <Stack gap="md">
        <Texts3Fields
          legend={t('delegationForm.titleField')}
          value={d.title}
          onChange={(title) => set({ title })}
          error={errors.title}
          maxLength={300}
          testId="delegation-title"
        />
        <Texts3Fields
          legend={t('delegationForm.purpose')}
          value={d.purpose}
          onChange={(purpose) => set({ purpose })}
          error={errors.purpose}
          maxLength={5000}
          multiline
          testId="delegation-purpose"
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <CountrySelect
            label={t('delegationForm.guestCountry')}
            value={d.guestCountry}
            onChange={(v) => set({ guestCountry: v ?? '' })}
            required
            error={errors.guestCountry}
            testId="delegation-guest-country"
          />
          <CountrySelect
            label={t('delegationForm.hostCountry')}
            value={d.hostCountry}
            onChange={(v) => set({ hostCountry: v ?? '' })}
            required
            error={errors.hostCountry}
            testId="delegation-host-country"
          />
          <TextInput
            type="date"
            label={t('delegationForm.startsOn')}
            value={d.startsOn}
            onChange={(e) => {
              const startsOn = e.currentTarget.value;
              set({ startsOn, itinerary: d.itinerary.map((s, i) => (i === 0 && !s.day ? { ...s, day: startsOn } : s)) });
            }}
            required
            error={errors.startsOn}
            data-testid="delegation-starts-on"
          />
          <TextInput
            type="date"
            label={t('delegationForm.endsOn')}
            value={d.endsOn}
            onChange={(e) => set({ endsOn: e.currentTarget.value })}
            required
            error={errors.endsOn}
            data-testid="delegation-ends-on"
          />
        </SimpleGrid>
        <OrgField label={t('delegationForm.guest')} value={d.guest} onChange={(guest) => set({ guest })} error={errors.guest} testId="delegation-guest" />
        <OrgField label={t('delegationForm.host')} value={d.host} onChange={(host) => set({ host })} error={errors.host} testId="delegation-host" />
        <Select
          label={t('delegationForm.agreement')}
          placeholder={t('delegationForm.agreementNone')}
          data={(agreements.data?.items ?? []).map((a) => ({ value: a.id, label: pickText(a.title, lng)?.text ?? a.id }))}
          value={d.agreementId}
          onChange={(v) => set({ agreementId: v })}
          clearable
          searchable
          data-testid="delegation-agreement"
          comboboxProps={{ withinPortal: true }}
        />

        <section aria-labelledby="members-form-title" data-testid="delegation-members">
          <Title order={2} size="h4" id="members-form-title">
            {t('delegationForm.members')}
          </Title>
          <Text size="xs" c="dimmed" mb={4}>
            {t('delegationForm.membersHint')}
          </Text>
          <Stack gap="xs">
            {d.members.map((mem, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <Paper key={i} withBorder p="sm" data-testid="member-row">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                  <PersonPicker
                    label={t('delegationForm.memberRegistry', { n: i + 1 })}
                    value={mem.personId ? { id: mem.personId, name: mem.name, country: '' } : null}
                    onChange={(p) => setMember(i, p ? { personId: p.id, name: p.name } : { personId: null })}
                    testId="member-person"
                  />
                  <TextInput
                    label={t('delegationForm.memberName', { n: i + 1 })}
                    value={mem.name}
                    onChange={(e) => setMember(i, { name: e.currentTarget.value })}
                    disabled={!!mem.personId}
                    maxLength={200}
                    dir="auto"
                    error={firstError(memberErrors, `members.${i}.`)}
                    data-testid="member-name"
                  />
                  <Select
                    label={t('delegationForm.side')}
                    data={(['guest', 'host'] as const).map((s) => ({ value: s, label: labels.side(s) }))}
                    value={mem.side}
                    onChange={(v) => v && setMember(i, { side: v as MemberDraft['side'] })}
                    allowDeselect={false}
                    data-testid="member-side"
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Select
                    label={t('delegationForm.role')}
                    data={MEMBER_ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
                    value={mem.role}
                    onChange={(v) => v && setMember(i, { role: v as MemberDraft['role'] })}
                    allowDeselect={false}
                    data-testid="member-role"
                    comboboxProps={{ withinPortal: true }}
                  />
                </SimpleGrid>
                <Group justify="flex-end" mt={4}>
                  <Button size="xs" variant="subtle" color="red" onClick={() => set({ members: d.members.filter((_, j) => j !== i) })}>
                    {t('delegationForm.removeMember', { n: i + 1 })}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
          <Group gap="xs" mt="xs">
            <Button variant="subtle" onClick={() => set({ members: [...d.members, blankMember('guest')] })} data-testid="delegation-add-guest">
              {t('delegationForm.addGuest')}
            </Button>
            <Button variant="subtle" onClick={() => set({ members: [...d.members, blankMember('host')] })} data-testid="delegation-add-host">
              {t('delegationForm.addHost')}
            </Button>
          </Group>
        </section>

        <section aria-labelledby="itinerary-form-title" data-testid="delegation-itinerary">
          <Title order={2} size="h4" id="itinerary-form-title">
            {t('delegationForm.itinerary')}
          </Title>
          <Text size="xs" c="dimmed" mb={4}>
            {t('delegationForm.itineraryHint')}
          </Text>
          <Stack gap="xs">
            {d.itinerary.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <Paper key={i} withBorder p="sm" data-testid="stop-row">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    type="date"
                    label={t('delegationForm.day', { n: i + 1 })}
                    value={s.day}
                    onChange={(e) => setStop(i, { day: e.currentTarget.value })}
                    required
                    error={stopErrors[`itinerary.${i}.day`]}
                    data-testid="stop-day"
                  />
                  <TextInput
                    label={t('delegationForm.city')}
                    description={t('delegationForm.cityHint')}
                    value={s.city}
                    onChange={(e) => setStop(i, { city: e.currentTarget.value })}
                    required
                    maxLength={120}
                    dir="auto"
                    error={stopErrors[`itinerary.${i}.city`]}
                    data-testid="stop-city"
                  />
                </SimpleGrid>
                <Stack gap={4} mt="xs">
                  <Text size="sm" fw={500}>
                    {t('delegationForm.visited')}
                  </Text>
                  {s.visited.map((o, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                    <Group key={k} align="flex-end" gap="xs" wrap="nowrap">
                      <div style={{ flex: 1 }}>
                        <OrgField
                          compact
                          label={t('delegationForm.visitedN', { n: k + 1 })}
                          value={o}
                          onChange={(org) => setStop(i, { visited: s.visited.map((x, j) => (j === k ? org : x)) })}
                          testId="stop-visited"
                        />
                      </div>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setStop(i, { visited: s.visited.filter((_, j) => j !== k) })}>
                        {t('delegationForm.remove')}
                      </Button>
                    </Group>
                  ))}
                  <div>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setStop(i, { visited: [...s.visited, blankOrg(d.hostCountry)] })}
                      data-testid="stop-add-visited"
                    >
                      {t('delegationForm.addVisited')}
                    </Button>
                  </div>
                  <Text size="sm" fw={500}>
                    {t('delegationForm.meetings')}
                  </Text>
                  {s.meetings.map((mt, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                    <SimpleGrid key={k} cols={{ base: 1, sm: 2 }} spacing="xs">
                      <TextInput
                        label={t('delegationForm.meetingTitle', { n: k + 1 })}
                        value={mt.title}
                        onChange={(e) => setStop(i, { meetings: s.meetings.map((x, j) => (j === k ? { ...x, title: e.currentTarget.value } : x)) })}
                        maxLength={300}
                        dir="auto"
                        data-testid="stop-meeting-title"
                      />
                      <TagsInput
                        label={t('delegationForm.meetingWith')}
                        value={mt.with}
                        onChange={(v) => setStop(i, { meetings: s.meetings.map((x, j) => (j === k ? { ...x, with: v } : x)) })}
                        maxTags={30}
                        splitChars={[',', '，', '،', ';']}
                        data-testid="stop-meeting-with"
                      />
                    </SimpleGrid>
                  ))}
                  <div>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setStop(i, { meetings: [...s.meetings, { title: '', with: [] }] })}
                      data-testid="stop-add-meeting"
                    >
                      {t('delegationForm.addMeeting')}
                    </Button>
                  </div>
                </Stack>
                <Group justify="flex-end" mt={4}>
                  <Button size="xs" variant="subtle" color="red" onClick={() => set({ itinerary: d.itinerary.filter((_, j) => j !== i) })}>
                    {t('delegationForm.removeDay', { n: i + 1 })}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
          <Button
            variant="subtle"
            mt="xs"
            onClick={() => set({ itinerary: [...d.itinerary, blankStop(nextDay(d.itinerary.at(-1)?.day || d.startsOn))] })}
            disabled={d.itinerary.length >= 100}
            data-testid="delegation-add-stop"
          >
            {t('delegationForm.addDay')}
          </Button>
        </section>
        <Textarea
          label={t('delegationForm.internalNotes')}
          description={t('agreementForm.internalNotesHint')}
          value={d.internalNotes}
          onChange={(e) => set({ internalNotes: e.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={10000}
          dir="auto"
          data-testid="delegation-internal-notes"
        />
        <Checkbox
          label={t('delegationForm.publish')}
          description={t('delegationForm.publishHint')}
          checked={d.publish}
          onChange={(e) => set({ publish: e.currentTarget.checked })}
          data-testid="delegation-publish"
        />
        <ApiErrorAlert error={m.error} fields={FIELDS} />
        <Group>
          <Button type="submit" loading={m.isPending} data-testid="delegation-submit">
            {t('delegationForm.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
