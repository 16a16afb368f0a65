import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ApplicationForm, FIELD_TYPES, type FieldType, type FormField, type FormSection } from '../../../../shared/contracts/funding';
import { Text3Fields } from './Text3Fields';

/** Facts the eligibility engine knows by name; a field may supply one (and is prefilled from the registry). */
export const KNOWN_FACTS = [
  'employees',
  'technicalStaff',
  'domesticOwnershipPct',
  'sector',
  'doesRnd',
  'incubatorInvestment',
  'tenancyStatus',
  'foundedYear',
  'certifiedHighTech',
  'country',
] as const;

const keyOf = (prefix: string, taken: Set<string>) => {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

type Props = { form: ApplicationForm; onChange: (f: ApplicationForm) => void };

/**
 * The officer's form builder: sections of fields, each with a type, labels and help in three languages,
 * required, bounds, choice options, the eligibility fact it supplies, and a condition on an earlier field.
 */
export function FormBuilder({ form, onChange }: Props) {
  const { t } = useTranslation();
  const allKeys = new Set(form.sections.flatMap((s) => s.fields.map((f) => f.key)));
  const setSection = (i: number, s: FormSection) => onChange({ sections: form.sections.map((x, j) => (j === i ? s : x)) });
  const move = <T,>(list: T[], i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= list.length) return list;
    const copy = [...list];
    [copy[i], copy[j]] = [copy[j], copy[i]];
    return copy;
  };
  return (
    <Stack>
      {form.sections.map((section, si) => {
        const earlier = form.sections.slice(0, si).flatMap((s) => s.fields);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections have no stable id while their key is being typed
          <Card withBorder key={si}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                {t('funding.calls.editor.section', { n: si + 1 })}
              </Title>
              <Group gap="xs">
                <Button size="xs" variant="subtle" onClick={() => onChange({ sections: move(form.sections, si, -1) })} disabled={si === 0}>
                  {t('funding.calls.editor.up')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => onChange({ sections: move(form.sections, si, 1) })}
                  disabled={si === form.sections.length - 1}
                >
                  {t('funding.calls.editor.down')}
                </Button>
                <Button size="xs" color="red" variant="subtle" onClick={() => onChange({ sections: form.sections.filter((_, j) => j !== si) })}>
                  {t('funding.calls.editor.removeSection')}
                </Button>
              </Group>
            </Group>
            <TextInput
              label={t('funding.calls.editor.key')}
              value={section.key}
              onChange={(e) => setSection(si, { ...section, key: e.currentTarget.value })}
              mb="xs"
              dir="ltr"
            />
            <Text3Fields
              label={t('funding.calls.editor.sectionTitle')}
              value={section.title}
              onChange={(v) => setSection(si, { ...section, title: v })}
              required
            />
            <Stack mt="sm" gap="sm">
              {section.fields.map((field, fi) => (
                <FieldEditor
                  // biome-ignore lint/suspicious/noArrayIndexKey: fields have no stable id while their key is being typed
                  key={fi}
                  field={field}
                  earlier={[...earlier, ...section.fields.slice(0, fi)]}
                  onChange={(f) => setSection(si, { ...section, fields: section.fields.map((x, j) => (j === fi ? f : x)) })}
                  onRemove={() => setSection(si, { ...section, fields: section.fields.filter((_, j) => j !== fi) })}
                  onMove={(d) => setSection(si, { ...section, fields: move(section.fields, fi, d) })}
                />
              ))}
            </Stack>
            <Button
              mt="sm"
              variant="light"
              size="xs"
              onClick={() =>
                setSection(si, {
                  ...section,
                  fields: [
                    ...section.fields,
                    { key: keyOf('field', allKeys), type: 'text', label: { en: t('funding.calls.editor.newField') }, required: false },
                  ],
                })
              }
            >
              {t('funding.calls.editor.addField')}
            </Button>
          </Card>
        );
      })}
      <Button
        variant="default"
        onClick={() =>
          onChange({
            sections: [
              ...form.sections,
              { key: keyOf('section', new Set(form.sections.map((s) => s.key))), title: { en: t('funding.calls.editor.newSection') }, fields: [] },
            ],
          })
        }
      >
        {t('funding.calls.editor.addSection')}
      </Button>
    </Stack>
  );
}

function FieldEditor({
  field,
  earlier,
  onChange,
  onRemove,
  onMove,
}: {
  field: FormField;
  earlier: FormField[];
  onChange: (f: FormField) => void;
  onRemove: () => void;
  onMove: (d: number) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<FormField>) => {
    const next = { ...field, ...patch } as FormField & Record<string, unknown>;
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const choice = field.type === 'select' || field.type === 'multiselect';
  const numeric = field.type === 'number' || field.type === 'money' || field.type === 'text' || field.type === 'longtext';
  const cond = field.visibleWhen;
  const condTarget = earlier.find((f) => f.key === cond?.field);
  const optionsText = (field.options ?? []).map((o) => [o.value, o.label.en, o.label.zh ?? '', o.label.ur ?? ''].join(' | ')).join('\n');
  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-default-hover)" data-testid="field-editor">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput label={t('funding.calls.editor.key')} value={field.key} onChange={(e) => set({ key: e.currentTarget.value })} dir="ltr" w={160} />
        <Select
          label={t('funding.calls.editor.type')}
          data={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`funding.calls.fieldType.${ft}`) }))}
          value={field.type}
          onChange={(v) => v && set({ type: v as FieldType })}
          allowDeselect={false}
          w={170}
        />
        <Checkbox label={t('funding.calls.required')} checked={field.required} onChange={(e) => set({ required: e.currentTarget.checked })} mb={8} />
        <Select
          label={t('funding.calls.editor.fact')}
          placeholder={t('funding.calls.editor.noFact')}
          data={KNOWN_FACTS.map((f) => ({ value: f, label: t(`funding.calls.facts.${f}`) }))}
          value={field.fact ?? null}
          onChange={(v) => set({ fact: v ?? undefined })}
          clearable
          w={220}
        />
        <Group gap={4} ms="auto">
          <ActionIcon variant="subtle" aria-label={t('funding.calls.editor.up')} onClick={() => onMove(-1)}>
            ↑
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label={t('funding.calls.editor.down')} onClick={() => onMove(1)}>
            ↓
          </ActionIcon>
          <Button size="xs" color="red" variant="subtle" onClick={onRemove}>
            {t('funding.calls.editor.removeField')}
          </Button>
        </Group>
      </Group>
      <Stack gap="xs" mt="xs">
        <Text3Fields label={t('funding.calls.editor.label')} value={field.label} onChange={(v) => set({ label: v })} required />
        <Text3Fields label={t('funding.calls.editor.help')} value={field.help} onChange={(v) => set({ help: v.en ? v : undefined })} long />
        {numeric && (
          <Group gap="xs">
            <NumberInput
              label={t('funding.calls.editor.min')}
              value={field.min ?? ''}
              onChange={(v) => set({ min: typeof v === 'number' ? v : undefined })}
              w={140}
            />
            <NumberInput
              label={t('funding.calls.editor.max')}
              value={field.max ?? ''}
              onChange={(v) => set({ max: typeof v === 'number' ? v : undefined })}
              w={140}
            />
          </Group>
        )}
        {field.type === 'file' && (
          <NumberInput
            label={t('funding.calls.editor.maxFiles')}
            min={1}
            max={20}
            value={field.maxFiles ?? 1}
            onChange={(v) => set({ maxFiles: typeof v === 'number' ? v : undefined })}
            w={140}
          />
        )}
        {choice && (
          <Textarea
            label={t('funding.calls.editor.options')}
            description={t('funding.calls.editor.optionsHint')}
            autosize
            minRows={2}
            dir="ltr"
            value={optionsText}
            onChange={(e) =>
              set({
                options: e.currentTarget.value
                  .split('\n')
                  .map((line) => line.split('|').map((x) => x.trim()))
                  .filter(([value]) => value)
                  .map(([value, en, zh, ur]) => ({ value, label: { en: en || value, ...(zh ? { zh } : {}), ...(ur ? { ur } : {}) } })),
              })
            }
          />
        )}
        <Group gap="xs" align="flex-end">
          <Select
            label={t('funding.calls.editor.showWhen')}
            placeholder={t('funding.calls.editor.always')}
            data={earlier.map((f) => ({ value: f.key, label: f.label.en }))}
            value={cond?.field ?? null}
            onChange={(v) => set({ visibleWhen: v ? { field: v, in: [earlier.find((f) => f.key === v)?.type === 'boolean' ? true : ''] } : undefined })}
            clearable
            w={240}
          />
          {cond && (
            <TextInput
              label={t('funding.calls.editor.equals')}
              description={condTarget?.type === 'boolean' ? t('funding.calls.editor.booleanHint') : t('funding.calls.editor.valuesHint')}
              dir="ltr"
              value={cond.in.map(String).join(', ')}
              onChange={(e) => {
                const parts = e.currentTarget.value.split(',').map((x) => x.trim());
                const values = parts.map((p) =>
                  condTarget?.type === 'boolean' ? p === 'true' : condTarget?.type === 'number' && p !== '' && !Number.isNaN(Number(p)) ? Number(p) : p,
                );
                set({ visibleWhen: { field: cond.field, in: values.length ? values : [''] } });
              }}
              w={240}
            />
          )}
        </Group>
      </Stack>
    </Card>
  );
}
