import { Select } from '@mantine/core';
import { sectorOptions, useMarketLabels } from '../labels';

type Props = { label: string; value: string | null; onChange: (code: string | null) => void; error?: string; testId?: string } & (
  | { required: true; placeholder?: never }
  | { required?: false; placeholder: string }
);

/** A sector of the market's taxonomy, sub-sectors under their sector; optional ones (filters) can be cleared. */
export function SectorSelect({ label, value, onChange, error, testId, required, placeholder }: Props) {
  const labels = useMarketLabels();
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={sectorOptions(labels.sectors, labels.sector)}
      value={value}
      onChange={onChange}
      searchable
      required={required}
      clearable={!required}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
