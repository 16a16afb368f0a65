import { Alert, Badge, Button, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectorSelect } from '../components/SectorSelect';
import { CONTRACT_KINDS, CURRENCIES, type ContractKind } from '../../../../shared/contracts/techmarket';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { fieldErrors, nestedErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { AgencySelect } from '../components/OrgPicker';
import { useMarketLabels } from '../labels';
import { correctContract, submitContract, type TechContract, TM } from '../queries';
import { submitWith } from '../submit';
import { type ContractDraft, contractProblems, isCrossBorder, subtypesOf, toContractInput, withKind } from './contractDraft';
import { PartiesEditor } from './PartiesEditor';

const FIELDS = [
  'kind',
  'subtype',
  'title',
  'parties',
  'sector',
  'amount',
  'currency',
  'techIncome',
  'signedOn',
  'startsOn',
  'endsOn',
  'agencyId',
  'listingId',
  'interestId',
  'version',
] as const;

/**
 * A technology contract for registration: the kind and its sub-type, parties with their countries, amount and
 * the technology-income part in the contract's currency, dates, sector, and the agency asked to register it.
 * With `existing` (a returned contract) the same form corrects and resubmits it.
 */
export function ContractForm({ initial, existing }: { initial: ContractDraft; existing?: TechContract }) {
  const { t } = useTranslation('techmarket');
  const labels = useMarketLabels();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [d, setD] = useState<ContractDraft>(initial);
  const set = (patch: Partial<ContractDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const m = useMutation({
    mutationFn: () => (existing ? correctContract(existing.id, { ...toContractInput(d), version: existing.version }) : submitContract(toContractInput(d))),
    onSuccess: (c) => {
      notify(existing ? t('contracts.form.resubmitted') : t('contracts.form.submitted'));
      void qc.invalidateQueries({ queryKey: TM.contracts });
      void navigate({ to: '/market/contracts/$id', params: { id: c.id } });
    },
  });
  const errors = fieldErrors(m.error, FIELDS);
  const partyErrors = nestedErrors(m.error, 'parties');
  const problems = contractProblems(d);
  const cross = isCrossBorder(d.parties);
  const subs = subtypesOf(d.kind);
  return (
    <Paper withBorder p="md" component="form" noValidate onSubmit={submitWith(m.mutate)} maw={1100} data-testid="contract-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('contracts.form.kind')}
            data={CONTRACT_KINDS.map((k) => ({ value: k, label: labels.contractKind(k) }))}
            value={d.kind}
            onChange={(v) => v && setD((prev) => withKind(prev, v as ContractKind))}
            required
            allowDeselect={false}
            error={errors.kind}
            data-testid="contract-kind"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('contracts.form.subtype')}
            data={subs.map((s) => ({ value: s, label: labels.subtype(s) }))}
            value={d.subtype}
            onChange={(v) => set({ subtype: v })}
            disabled={!d.kind}
            required
            placeholder={d.kind ? undefined : t('contracts.form.kindFirst')}
            error={errors.subtype}
            data-testid="contract-subtype"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <TextInput
          label={t('contracts.form.title')}
          value={d.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          required
          maxLength={300}
          dir="auto"
          error={errors.title}
          data-testid="contract-title"
        />
        <PartiesEditor
          parties={d.parties}
          onChange={(parties) => set({ parties })}
          errors={partyErrors}
          error={errors.parties && !Object.keys(partyErrors).length ? errors.parties : undefined}
        />
        {cross !== null && (
          <Group gap="xs">
            <Badge color={cross ? 'blue' : 'gray'} variant="light" tt="none" data-testid="contract-cross-border" data-cross-border={String(cross)}>
              {cross ? t('contracts.crossBorder') : t('contracts.domestic')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('contracts.form.crossBorderHint')}
            </Text>
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label={t('contracts.form.amount')}
            value={d.amount ?? ''}
            onChange={(v) => set({ amount: typeof v === 'number' ? v : null })}
            min={0}
            thousandSeparator=","
            required
            error={errors.amount}
            data-testid="contract-amount"
          />
          <Select
            label={t('contracts.form.currency')}
            data={[...CURRENCIES]}
            value={d.currency}
            onChange={(v) => set({ currency: v as ContractDraft['currency'] })}
            required
            error={errors.currency}
            data-testid="contract-currency"
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('contracts.form.techIncome')}
            description={t('contracts.form.techIncomeHint')}
            value={d.techIncome ?? ''}
            onChange={(v) => set({ techIncome: typeof v === 'number' ? v : null })}
            min={0}
            thousandSeparator=","
            required
            error={errors.techIncome ?? (problems.includes('techIncomeAboveAmount') ? t('contracts.problems.techIncomeAboveAmount') : undefined)}
            data-testid="contract-tech-income"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label={t('contracts.form.signedOn')}
            value={d.signedOn}
            onChange={(e) => set({ signedOn: e.currentTarget.value })}
            required
            error={errors.signedOn}
            data-testid="contract-signed-on"
          />
          <TextInput
            type="date"
            label={t('contracts.form.startsOn')}
            value={d.startsOn}
            onChange={(e) => set({ startsOn: e.currentTarget.value })}
            error={errors.startsOn}
            data-testid="contract-starts-on"
          />
          <TextInput
            type="date"
            label={t('contracts.form.endsOn')}
            value={d.endsOn}
            onChange={(e) => set({ endsOn: e.currentTarget.value })}
            error={errors.endsOn ?? (problems.includes('endsBeforeStart') ? t('contracts.problems.endsBeforeStart') : undefined)}
            data-testid="contract-ends-on"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <SectorSelect
            label={t('contracts.form.sector')}
            value={d.sector}
            onChange={(v) => set({ sector: v })}
            required
            error={errors.sector}
            testId="contract-sector"
          />
          <AgencySelect value={d.agencyId} onChange={(v) => set({ agencyId: v })} error={errors.agencyId} testId="contract-agency" />
        </SimpleGrid>
        {(d.listingId || d.interestId) && (
          <Text size="sm" c="dimmed" data-testid="contract-linked">
            {t('contracts.form.linked')}
          </Text>
        )}
        {problems.some((p) => p === 'noSeller' || p === 'noBuyer') && (
          <Alert color="orange" variant="light" data-testid="contract-problems">
            <List size="sm">
              {problems
                .filter((p) => p === 'noSeller' || p === 'noBuyer')
                .map((p) => (
                  <List.Item key={p}>{t(`contracts.problems.${p}`)}</List.Item>
                ))}
            </List>
          </Alert>
        )}
        <ApiErrorAlert error={m.error} fields={[...FIELDS]} />
        <Group>
          <Button type="submit" loading={m.isPending} data-testid="contract-submit">
            {existing ? t('contracts.form.resubmit') : t('contracts.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
