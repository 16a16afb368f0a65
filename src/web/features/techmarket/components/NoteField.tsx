import { Textarea } from '@mantine/core';

type Props = {
  label: string;
  description?: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  required?: boolean;
  testId?: string;
};

/** A note to the other side (a moderator's, an agency's, a decline's): a few lines, 2,000 characters at most. */
export function NoteField({ label, description, value, onChange, error, required, testId }: Props) {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autosize
      minRows={2}
      maxLength={2000}
      required={required}
      error={error}
      dir="auto"
      data-testid={testId}
    />
  );
}
