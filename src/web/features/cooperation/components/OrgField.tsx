import { Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { nameText } from '../../registry/names';
import { countriesQuery } from '../../registry/queries';
import { type Org, OrgPicker } from '../../techmarket/components/OrgPicker';
import type { OrgDraft } from '../drafts';

/** A country of the registry's geography (ISO 3166 alpha-2). */
export function CountrySelect({
  label,
  value,
  onChange,
  required,
  disabled,
  error,
  placeholder,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  placeholder?: string;
  testId?: string;
}) {
  const lng = useLanguage();
  const countries = useQuery(countriesQuery).data?.items ?? [];
  const data = countries.map((c) => ({ value: c.code, label: `${nameText(c.names, lng)} (${c.code})` }));
  if (value && !countries.some((c) => c.code === value)) data.push({ value, label: value });
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={onChange}
      searchable
      clearable={!required}
      required={required}
      disabled={disabled}
      error={error}
      placeholder={placeholder}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * An organisation: picked from the registry (its name and country follow) or, for one the registry does not
 * hold, typed by name with its country. Reuses the technology market's registry picker.
 */
export function OrgField({
  label,
  value,
  onChange,
  error,
  testId,
  compact,
}: {
  label: string;
  value: OrgDraft;
  onChange: (o: OrgDraft) => void;
  error?: string;
  testId?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const picked: Org | null =
    value.entityType && value.entityId ? { type: value.entityType, id: value.entityId, names: { en: value.name }, country: value.country } : null;
  return (
    <Paper withBorder={!compact} p={compact ? 0 : 'sm'} data-testid={testId}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <OrgPicker
          label={label}
          description={t('form.orgHint')}
          value={picked}
          onChange={(o) =>
            onChange(
              o ? { entityType: o.type, entityId: o.id, name: nameText(o.names, lng), country: o.country } : { ...value, entityType: null, entityId: null },
            )
          }
          error={error}
          testId={testId ? `${testId}-registry` : undefined}
        />
        <TextInput
          label={t('form.orgName')}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
          disabled={!!picked}
          maxLength={300}
          dir="auto"
          data-testid={testId ? `${testId}-name` : undefined}
        />
        <CountrySelect
          label={t('form.country')}
          value={value.country}
          onChange={(c) => onChange({ ...value, country: c ?? '' })}
          disabled={!!picked}
          testId={testId ? `${testId}-country` : undefined}
        />
      </SimpleGrid>
      {picked && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('form.fromRegistry')}
        </Text>
      )}
    </Paper>
  );
}
