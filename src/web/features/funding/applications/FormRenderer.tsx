import { Anchor, Button, Card, FileButton, Group, MultiSelect, NumberInput, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, ApplicationForm, Attachment, FormField } from '../../../../shared/contracts/funding';
import type { Language } from '../../../../shared/roles';
import { visibleFieldKeys } from '../../../../shared/funding-form';
import { t3, text3 } from '../calls/queries';

export type Answers = Record<string, AnswerValue>;

type Props = {
  form: ApplicationForm;
  answers: Answers;
  onChange: (key: string, value: AnswerValue | undefined) => void;
  lng: Language;
  currency: string;
  errors: Record<string, string>;
  attachments: Attachment[];
  onUpload: (fieldKey: string, file: File) => void;
  onRemoveAttachment: (id: string) => void;
  uploading: string | null;
  applicationId: string;
  /** Fields whose value came from the registry profile (marked so the applicant checks them). */
  prefilled: Set<string>;
};

/** The call's form, rendered from its definition: conditional fields appear as their condition holds. */
export function FormRenderer(props: Props) {
  const { form, answers } = props;
  const visible = visibleFieldKeys(form, answers);
  return (
    <Stack gap="lg">
      {form.sections.map((section) => {
        const fields = section.fields.filter((f) => visible.has(f.key));
        if (!fields.length) return null;
        return (
          <Card withBorder key={section.key} component="fieldset" style={{ border: undefined }}>
            <Title order={2} size="h4" mb={4} component="legend">
              {t3(section.title, props.lng)}
            </Title>
            {section.description && (
              <Text size="sm" c="dimmed" mb="sm">
                {t3(section.description, props.lng)}
              </Text>
            )}
            <Stack gap="sm">
              {fields.map((f) => (
                <FieldInput key={f.key} field={f} {...props} />
              ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

function FieldInput({
  field,
  answers,
  onChange,
  lng,
  currency,
  errors,
  attachments,
  onUpload,
  onRemoveAttachment,
  uploading,
  applicationId,
  prefilled,
}: Props & { field: FormField }) {
  const { t } = useTranslation();
  const label = text3(field.label, lng);
  const help = field.help ? t3(field.help, lng) : undefined;
  const description = [help, prefilled.has(field.key) ? t('funding.applications.form.prefilled') : ''].filter(Boolean).join(' ');
  const common = {
    label: label.text,
    description: description || undefined,
    required: field.required,
    error: errors[`answers.${field.key}`],
    id: `field-${field.key}`,
  };
  const value = answers[field.key];
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          maxLength={field.max}
          onChange={(e) => onChange(field.key, e.currentTarget.value)}
        />
      );
    case 'longtext':
      return (
        <Textarea
          {...common}
          autosize
          minRows={4}
          value={typeof value === 'string' ? value : ''}
          maxLength={field.max}
          onChange={(e) => onChange(field.key, e.currentTarget.value)}
        />
      );
    case 'number':
    case 'money':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          min={field.min ?? (field.type === 'money' ? 0 : undefined)}
          max={field.max}
          thousandSeparator=","
          leftSection={field.type === 'money' ? <Text size="xs">{currency}</Text> : undefined}
          leftSectionWidth={field.type === 'money' ? 44 : undefined}
          onChange={(v) => onChange(field.key, typeof v === 'number' ? v : null)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(field.key, e.currentTarget.value || null)}
        />
      );
    case 'boolean':
      return (
        <Radio.Group {...common} value={typeof value === 'boolean' ? String(value) : ''} onChange={(v) => onChange(field.key, v === 'true')}>
          <Group mt={4}>
            <Radio value="true" label={t('funding.applications.form.yes')} />
            <Radio value="false" label={t('funding.applications.form.no')} />
          </Group>
        </Radio.Group>
      );
    case 'select':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: t3(o.label, lng) }))}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(field.key, v)}
          clearable={!field.required}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: t3(o.label, lng) }))}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(field.key, v)}
        />
      );
    case 'file': {
      const mine = attachments.filter((a) => a.fieldKey === field.key);
      const full = mine.length >= (field.maxFiles ?? 1);
      return (
        <div>
          <Text size="sm" fw={500} id={`label-${field.key}`}>
            {label.text}
            {field.required && (
              <Text span c="red">
                {' *'}
              </Text>
            )}
          </Text>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
          <Stack gap={4} mt={4}>
            {mine.map((a) => (
              <Group key={a.id} gap="xs">
                <Anchor href={`/api/v1/funding/applications/${applicationId}/attachments/${a.id}/content`} size="sm" dir="auto">
                  {a.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {Math.ceil(a.sizeBytes / 1024)} KB
                </Text>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemoveAttachment(a.id)}>
                  {t('funding.applications.form.removeFile')}
                </Button>
              </Group>
            ))}
          </Stack>
          {!full && (
            <FileButton onChange={(file) => file && onUpload(field.key, file)} accept="application/pdf,image/png,image/jpeg,image/webp,image/gif,.xlsx">
              {(p) => (
                <Button {...p} mt={4} size="xs" variant="light" loading={uploading === field.key} aria-describedby={`label-${field.key}`}>
                  {t('funding.applications.form.chooseFile')}
                </Button>
              )}
            </FileButton>
          )}
          {errors[`answers.${field.key}`] && (
            <Text size="xs" c="red" mt={4}>
              {errors[`answers.${field.key}`]}
            </Text>
          )}
        </div>
      );
    }
  }
}
