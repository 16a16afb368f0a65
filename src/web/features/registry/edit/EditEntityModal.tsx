import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/roles';
import { patch } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../../app/forms';
import { LANGUAGE_NAMES, languageTag } from '../../../app/language';
import { notify } from '../../../app/notify';
import { Inserted, SLOT } from '../components/Inserted';
import { entityApiPath } from '../entityTypes';
import { scriptAttrs } from '../names';
import { registryKey } from '../queries';
import type { Entity } from '../types';
import { changesOf, type FormField, formFieldsOf, toFormValues } from './formFields';

/** Changes a record's fields; only what changed is sent. The API checks the user's scope. */
export function EditEntityModal({ entity, onClose }: { entity: Entity; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fields = formFieldsOf(entity.type);
  const initial = toFormValues(entity.type, entity);
  const form = useForm({
    initialValues: initial,
    validate: { name_en: (v) => (String(v).trim() ? null : t('form.required')) },
  });
  const save = useMutation({
    mutationFn: (v: typeof initial) => patch<Entity>(entityApiPath(entity.type, entity.id), changesOf(entity.type, initial, v)),
    onSuccess: () => {
      notify(t('registry.edit.saved'));
      onClose();
      return qc.invalidateQueries({ queryKey: registryKey });
    },
    onError: (err) => {
      const errors = fieldErrors(err, [...fields.map((f) => f.field), 'names', 'description']);
      const { names, description, ...rest } = errors;
      form.setErrors({ ...rest, ...(names ? { name_en: names } : {}), ...(description ? { description_en: description } : {}) });
    },
  });
  const input = (f: FormField) => {
    const label = t(`registry.fields.${f.field}`);
    const props = { ...form.getInputProps(f.field), label, name: f.field, required: f.required };
    switch (f.input) {
      case 'boolean':
        return <Checkbox {...form.getInputProps(f.field, { type: 'checkbox' })} key={f.field} label={label} name={f.field} mt="lg" />;
      case 'choice':
        return (
          <NativeSelect
            key={f.field}
            {...props}
            data={[
              ...(f.required ? [] : [{ value: '', label: t('registry.edit.none') }]),
              ...(f.options ?? []).map((o) => ({ value: o, label: t(`registry.${f.group}.${o}`) })),
            ]}
          />
        );
      case 'date':
        return <TextInput key={f.field} {...props} dir="ltr" description={t('registry.edit.dateHint')} />;
      case 'number':
      case 'integer':
        return <TextInput key={f.field} {...props} dir="ltr" inputMode={f.input === 'integer' ? 'numeric' : 'decimal'} />;
      case 'ltr':
        return <TextInput key={f.field} {...props} dir="ltr" />;
      default:
        return <TextInput key={f.field} {...props} />;
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('registry.edit.title')} size="xl" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="edit-entity-form">
        <Stack>
          <ApiErrorAlert error={save.error} fields={[...fields.map((f) => f.field), 'names', 'description']} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {LANGUAGES.map((l) => (
              <TextInput
                key={l}
                label={<Inserted text={t('registry.edit.nameIn', { language: SLOT })}>{<span lang={languageTag(l)}>{LANGUAGE_NAMES[l]}</span>}</Inserted>}
                required={l === 'en'}
                name={`name_${l}`}
                attributes={{ input: scriptAttrs(l) }}
                {...form.getInputProps(`name_${l}`)}
              />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{fields.map(input)}</SimpleGrid>
          {LANGUAGES.map((l) => (
            <Textarea
              key={l}
              label={<Inserted text={t('registry.edit.descriptionIn', { language: SLOT })}>{<span lang={languageTag(l)}>{LANGUAGE_NAMES[l]}</span>}</Inserted>}
              autosize
              minRows={2}
              name={`description_${l}`}
              attributes={{ input: scriptAttrs(l) }}
              {...form.getInputProps(`description_${l}`)}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
