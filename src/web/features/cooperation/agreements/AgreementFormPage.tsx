import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STAGES, AGREEMENT_TYPES, COOPERATION_WAYS, RENEWALS } from '../../../../shared/contracts/cooperation';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { fieldErrors, nestedErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { Forbidden } from '../../techmarket/components/Forbidden';
import { submitWith } from '../../techmarket/submit';
import { useCoopAccess } from '../access';
import { AccountPicker } from '../components/AccountPicker';
import { AreasInput } from '../components/AreaSelect';
import { OrgField } from '../components/OrgField';
import { Texts3Fields } from '../components/Texts3Fields';
import { type AgreementDraft, blankCommitment, blankOrg, emptyAgreement, toAgreementInput } from '../drafts';
import { useCoopLabels } from '../labels';
import { COOP, createAgreement } from '../queries';

const FIELDS = [
  'type',
  'title',
  'summary',
  'parties',
  'signedOn',
  'signedPlace',
  'signedVirtually',
  'areas',
  'stage',
  'ways',
  'validFrom',
  'validUntil',
  'renewal',
  'internalNotes',
  'commitments',
  'publish',
] as const;

/** A cooperation officer records an agreement: its parties from the registry, signing, areas, ways, commitments. */
export function NewAgreementPage() {
  const { t } = useTranslation('cooperation');
  const { canManage } = useCoopAccess();
  if (!canManage) return <Forbidden message={t('form.notAllowed')} />;
  return (
    <>
      <PageTitle>{t('agreementForm.title')}</PageTitle>
      <AgreementForm />
    </>
  );
}

function AgreementForm() {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [d, setD] = useState<AgreementDraft>(emptyAgreement);
  const set = (patch: Partial<AgreementDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const m = useMutation({
    mutationFn: () => createAgreement(toAgreementInput(d)),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: COOP.all });
      notify(t('agreementForm.saved'));
      void navigate({ to: '/cooperation/agreements/$id', params: { id: a.id } });
    },
  });
  const errors = fieldErrors(m.error, FIELDS);
  const partyErrors = nestedErrors(m.error, 'parties');
  const commitmentErrors = nestedErrors(m.error, 'commitments');
  const partyName = (i: number) => d.parties[i]?.org.name || t('agreementForm.partyN', { n: i + 1 });
  return (
    <Paper withBorder p="md" component="form" noValidate onSubmit={submitWith(() => m.mutate())} maw={1100} data-testid="agreement-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('agreementForm.type')}
            data={AGREEMENT_TYPES.map((x) => ({ value: x, label: labels.type(x) }))}
            value={d.type}
            onChange={(v) => v && set({ type: v as AgreementDraft['type'] })}
            allowDeselect={false}
            required
            error={errors.type}
            data-testid="agreement-type"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('agreementForm.stage')}
            description={t('agreementForm.stageHint')}
            data={AGREEMENT_STAGES.map((x) => ({ value: x, label: labels.stage(x) }))}
            value={d.stage}
            onChange={(v) => v && set({ stage: v as AgreementDraft['stage'] })}
            allowDeselect={false}
            error={errors.stage}
            data-testid="agreement-stage"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Texts3Fields
          legend={t('agreementForm.titleField')}
          value={d.title}
          onChange={(title) => set({ title })}
          error={errors.title}
          maxLength={300}
          testId="agreement-title"
        />
        <Texts3Fields
          legend={t('agreementForm.summary')}
          value={d.summary}
          onChange={(summary) => set({ summary })}
          error={errors.summary}
          maxLength={5000}
          multiline
          testId="agreement-summary"
        />

        <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="agreement-parties">
          <Text component="legend" fw={600} size="sm">
            {t('agreementForm.parties')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('agreementForm.partiesHint')}
          </Text>
          {errors.parties && !Object.keys(partyErrors).length && (
            <Text size="sm" c="red.9" role="alert">
              {errors.parties}
            </Text>
          )}
          <Stack gap="xs">
            {d.parties.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              <Stack key={i} gap={4} data-testid="agreement-party">
                <OrgField
                  label={t('agreementForm.partyN', { n: i + 1 })}
                  value={p.org}
                  onChange={(org) => set({ parties: d.parties.map((x, j) => (j === i ? { ...x, org } : x)) })}
                  error={partyErrors[`parties.${i}.org`] ?? Object.entries(partyErrors).find(([k]) => k.startsWith(`parties.${i}.`))?.[1]}
                  testId={`agreement-party-${i}`}
                />
                <Group align="flex-end" gap="xs">
                  <TextInput
                    label={t('agreementForm.signatory')}
                    value={p.signatory}
                    onChange={(e) => set({ parties: d.parties.map((x, j) => (j === i ? { ...x, signatory: e.currentTarget.value } : x)) })}
                    maxLength={300}
                    dir="auto"
                    style={{ flex: 1 }}
                    data-testid={`agreement-party-${i}-signatory`}
                  />
                  {d.parties.length > 2 && (
                    <Button variant="subtle" color="red" onClick={() => set({ parties: d.parties.filter((_, j) => j !== i) })}>
                      {t('agreementForm.removeParty', { n: i + 1 })}
                    </Button>
                  )}
                </Group>
              </Stack>
            ))}
          </Stack>
          <Button
            variant="subtle"
            mt="xs"
            onClick={() => set({ parties: [...d.parties, { org: blankOrg(), signatory: '' }] })}
            disabled={d.parties.length >= 20}
            data-testid="agreement-add-party"
          >
            {t('agreementForm.addParty')}
          </Button>
        </fieldset>

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label={t('agreementForm.signedOn')}
            value={d.signedOn}
            onChange={(e) => set({ signedOn: e.currentTarget.value })}
            error={errors.signedOn}
            data-testid="agreement-signed-on"
          />
          <TextInput
            label={t('agreementForm.signedPlace')}
            value={d.signedPlace}
            onChange={(e) => set({ signedPlace: e.currentTarget.value })}
            disabled={d.signedVirtually}
            maxLength={200}
            dir="auto"
            error={errors.signedPlace}
            data-testid="agreement-signed-place"
          />
          <Checkbox
            mt={28}
            label={t('agreementForm.virtual')}
            checked={d.signedVirtually}
            onChange={(e) => set({ signedVirtually: e.currentTarget.checked })}
            data-testid="agreement-virtual"
          />
        </SimpleGrid>
        <AreasInput
          label={t('agreementForm.areas')}
          description={t('agreementForm.areasHint')}
          value={d.areas}
          onChange={(areas) => set({ areas })}
          error={errors.areas}
          testId="agreement-areas"
        />
        <Checkbox.Group
          label={t('agreementForm.ways')}
          description={t('agreementForm.waysHint')}
          value={d.ways}
          onChange={(v) => set({ ways: v as AgreementDraft['ways'] })}
          error={errors.ways}
          data-testid="agreement-ways"
        >
          <Group mt={6} gap="md">
            {COOPERATION_WAYS.map((w) => (
              <Checkbox key={w} value={w} label={labels.way(w)} data-testid={`agreement-way-${w}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label={t('agreementForm.validFrom')}
            value={d.validFrom}
            onChange={(e) => set({ validFrom: e.currentTarget.value })}
            error={errors.validFrom}
            data-testid="agreement-valid-from"
          />
          <TextInput
            type="date"
            label={t('agreementForm.validUntil')}
            value={d.validUntil}
            onChange={(e) => set({ validUntil: e.currentTarget.value })}
            error={errors.validUntil}
            data-testid="agreement-valid-until"
          />
          <Select
            label={t('agreementForm.renewal')}
            data={RENEWALS.map((x) => ({ value: x, label: labels.renewal(x) }))}
            value={d.renewal}
            onChange={(v) => v && set({ renewal: v as AgreementDraft['renewal'] })}
            allowDeselect={false}
            error={errors.renewal}
            data-testid="agreement-renewal"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>

        <section aria-labelledby="commitments-form-title" data-testid="agreement-commitments">
          <Title order={2} size="h4" id="commitments-form-title">
            {t('agreementForm.commitments')}
          </Title>
          <Text size="xs" c="dimmed" mb={4}>
            {t('agreementForm.commitmentsHint')}
          </Text>
          {errors.commitments && !Object.keys(commitmentErrors).length && (
            <Text size="sm" c="red.9" role="alert">
              {errors.commitments}
            </Text>
          )}
          <Stack gap="xs">
            {d.commitments.map((c, i) => {
              const setC = (patch: Partial<typeof c>) => set({ commitments: d.commitments.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              const err = (f: string) =>
                commitmentErrors[`commitments.${i}.${f}`] ?? Object.entries(commitmentErrors).find(([k]) => k.startsWith(`commitments.${i}.${f}`))?.[1];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <Paper key={i} withBorder p="sm" data-testid="commitment-row">
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                    <TextInput
                      label={t('agreementForm.deliverable', { n: i + 1 })}
                      description={t('agreementForm.deliverableHint')}
                      value={c.deliverable}
                      onChange={(e) => setC({ deliverable: e.currentTarget.value })}
                      maxLength={1000}
                      dir="auto"
                      required
                      error={err('deliverable')}
                      data-testid="commitment-deliverable"
                    />
                    <Select
                      label={t('agreementForm.owedBy')}
                      data={d.parties.map((_, j) => ({ value: String(j), label: partyName(j) }))}
                      value={String(c.owedBy)}
                      onChange={(v) => v !== null && setC({ owedBy: Number(v) })}
                      allowDeselect={false}
                      error={err('owedBy')}
                      data-testid="commitment-owed-by"
                      comboboxProps={{ withinPortal: true }}
                    />
                    <TextInput
                      type="date"
                      label={t('agreementForm.dueOn')}
                      value={c.dueOn}
                      onChange={(e) => setC({ dueOn: e.currentTarget.value })}
                      required
                      error={err('dueOn')}
                      data-testid="commitment-due-on"
                    />
                    <AccountPicker
                      label={t('agreementForm.owner')}
                      description={t('agreementForm.ownerHint')}
                      value={c.owner}
                      onChange={(owner) => setC({ owner })}
                      error={err('ownerUserId')}
                      testId="commitment-owner"
                    />
                  </SimpleGrid>
                  <Group justify="flex-end" mt={4}>
                    <Button size="xs" variant="subtle" color="red" onClick={() => set({ commitments: d.commitments.filter((_, j) => j !== i) })}>
                      {t('agreementForm.removeCommitment', { n: i + 1 })}
                    </Button>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
          <Button
            variant="subtle"
            mt="xs"
            onClick={() => set({ commitments: [...d.commitments, blankCommitment()] })}
            disabled={d.commitments.length >= 100}
            data-testid="agreement-add-commitment"
          >
            {t('agreementForm.addCommitment')}
          </Button>
        </section>

        <Textarea
          label={t('agreementForm.internalNotes')}
          description={t('agreementForm.internalNotesHint')}
          value={d.internalNotes}
          onChange={(e) => set({ internalNotes: e.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={10000}
          dir="auto"
          error={errors.internalNotes}
          data-testid="agreement-internal-notes"
        />
        <Checkbox
          label={t('agreementForm.publish')}
          description={t('agreementForm.publishHint')}
          checked={d.publish}
          onChange={(e) => set({ publish: e.currentTarget.checked })}
          data-testid="agreement-publish"
        />
        <ApiErrorAlert error={m.error} fields={FIELDS} />
        <Group>
          <Button type="submit" loading={m.isPending} data-testid="agreement-submit">
            {d.publish ? t('agreementForm.savePublish') : t('agreementForm.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
