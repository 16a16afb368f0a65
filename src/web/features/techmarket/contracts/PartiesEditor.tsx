import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { nameText } from '../../registry/names';
import { countriesQuery } from '../../registry/queries';
import { type Org, OrgPicker } from '../components/OrgPicker';
import { useMarketLabels } from '../labels';
import { blankParty, type PartyDraft, type PartyRole } from './contractDraft';

const ROLES: PartyRole[] = ['seller', 'buyer', 'intermediary'];

type Props = {
  parties: PartyDraft[];
  onChange: (parties: PartyDraft[]) => void;
  /** The API's messages by full path (parties.1.country). */
  errors: Record<string, string>;
  error?: string;
};

/**
 * The contract's parties: seller, buyer and any intermediary, each picked from the registry (its name and
 * country follow) or typed in, as for a party abroad the registry does not hold.
 */
export function PartiesEditor({ parties, onChange, errors, error }: Props) {
  const { t } = useTranslation('techmarket');
  const set = (i: number, p: PartyDraft) => onChange(parties.map((x, j) => (j === i ? p : x)));
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="contract-parties">
      <Text component="legend" fw={600} mb={4}>
        {t('contracts.form.parties')}
      </Text>
      <Text size="sm" mb="xs">
        {t('contracts.form.partiesHint')}
      </Text>
      {error && (
        <Text size="sm" c="red.9" role="alert" mb="xs">
          {error}
        </Text>
      )}
      <Stack gap="sm">
        {parties.map((p, i) => (
          <PartyRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their order is the list's
            key={i}
            index={i}
            party={p}
            onChange={(np) => set(i, np)}
            onRemove={parties.length > 2 ? () => onChange(parties.filter((_, j) => j !== i)) : undefined}
            errors={errors}
          />
        ))}
      </Stack>
      <Button
        variant="subtle"
        mt="xs"
        onClick={() => onChange([...parties, blankParty('intermediary')])}
        disabled={parties.length >= 10}
        data-testid="contract-add-party"
      >
        {t('contracts.form.addParty')}
      </Button>
    </fieldset>
  );
}

function PartyRow({
  index: i,
  party: p,
  onChange,
  onRemove,
  errors,
}: {
  index: number;
  party: PartyDraft;
  onChange: (p: PartyDraft) => void;
  onRemove?: () => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  const countries = useQuery(countriesQuery).data?.items ?? [];
  const err = (f: string) => errors[`parties.${i}.${f}`];
  const org: Org | null = p.ownerId && p.ownerType ? { type: p.ownerType, id: p.ownerId, names: { en: p.name }, country: p.country } : null;
  const n = i + 1;
  const countryOptions = countries.map((c) => ({ value: c.code, label: `${nameText(c.names, lng)} (${c.code})` }));
  if (p.country && !countries.some((c) => c.code === p.country)) countryOptions.push({ value: p.country, label: labels.country(p.country) });
  return (
    <Paper withBorder p="sm" data-testid="contract-party" data-role={p.role}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Select
          label={t('contracts.form.partyRole', { n })}
          data={ROLES.map((r) => ({ value: r, label: labels.partyRole(r) }))}
          value={p.role}
          onChange={(v) => v && onChange({ ...p, role: v as PartyRole })}
          allowDeselect={false}
          error={err('role')}
          data-testid="contract-party-role"
          comboboxProps={{ withinPortal: true }}
        />
        <OrgPicker
          label={t('contracts.form.partyRegistry', { n })}
          description={t('contracts.form.partyRegistryHint')}
          value={org}
          onChange={(o) =>
            onChange(
              o ? { ...p, ownerType: o.type, ownerId: o.id, name: nameText(o.names, lng), country: o.country } : { ...p, ownerType: null, ownerId: null },
            )
          }
          error={err('ownerId')}
          testId="contract-party-org"
        />
        <TextInput
          label={t('contracts.form.partyName', { n })}
          value={p.name}
          onChange={(e) => onChange({ ...p, name: e.currentTarget.value })}
          required
          maxLength={300}
          dir="auto"
          error={err('name')}
          data-testid="contract-party-name"
        />
        <Select
          label={t('contracts.form.partyCountry', { n })}
          data={countryOptions}
          value={p.country || null}
          onChange={(v) => onChange({ ...p, country: v ?? '' })}
          searchable
          required
          disabled={!!p.ownerId}
          error={err('country')}
          data-testid="contract-party-country"
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {onRemove && (
        <Group justify="flex-end" mt={4}>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove} data-testid="contract-remove-party">
            {t('contracts.form.removeParty', { n })}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
