import { MultiSelect, Select } from '@mantine/core';
import { useMarketLabels } from '../../techmarket/labels';
import { useCoopLabels } from '../labels';

/** The agreement areas: the cooperation taxonomy's (seeds 002, 003), then the technology market's sectors. */
export function useAreaOptions() {
  const labels = useCoopLabels();
  const market = useMarketLabels();
  const own = labels.areas.map((a) => ({ value: a.key, label: labels.area(a.key) }));
  const seen = new Set(own.map((o) => o.value));
  const sectors = market.sectors.filter((s) => !seen.has(s.code)).map((s) => ({ value: s.code, label: market.sector(s.code) }));
  return own.length || sectors.length ? [...own, ...sectors] : [];
}

export function AreaSelect({
  label,
  value,
  onChange,
  placeholder,
  testId,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  placeholder?: string;
  testId?: string;
}) {
  const data = useAreaOptions();
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      placeholder={placeholder}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function AreasInput({
  label,
  description,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  description?: string;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
  testId?: string;
}) {
  const data = useAreaOptions();
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      maxValues={30}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
