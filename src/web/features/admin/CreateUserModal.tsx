import { Button, Fieldset, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/roles';
import { post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { PasswordField } from '../../app/components/PasswordField';
import { fieldErrors, nestedErrors } from '../../app/forms';
import { LANGUAGE_NAMES } from '../../app/language';
import { MIN_PASSWORD, passwordRule } from '../auth/passwordRule';
import { RoleGrantsEditor } from './RoleGrantsEditor';
import { type RoleGrant, type User, usersKey } from './types';
import { notify } from '../../app/notify';

const FIELDS = ['email', 'displayName', 'password', 'locale', 'roles'] as const;

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { email: '', displayName: '', password: '', locale: 'en' as Language, roles: [] as RoleGrant[] },
    validate: {
      email: (v) => (v.trim() ? null : t('form.required')),
      displayName: (v) => (v.trim() ? null : t('form.required')),
      password: passwordRule(t),
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) => post<User>('/api/v1/users', { ...v, email: v.email.trim(), displayName: v.displayName.trim() }),
    onSuccess: (user) => {
      notify(t('users.created', { name: user.displayName }));
      form.reset();
      create.reset();
      onClose();
      return qc.invalidateQueries({ queryKey: usersKey });
    },
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('users.create')} size="lg" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={create.error} fields={FIELDS} />
          <TextInput label={t('fields.displayName')} required name="displayName" {...form.getInputProps('displayName')} />
          <TextInput label={t('fields.email')} type="email" dir="ltr" required name="email" {...form.getInputProps('email')} />
          <PasswordField
            label={t('users.initialPassword')}
            description={t('form.passwordHint', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            name="password"
            {...form.getInputProps('password')}
          />
          <NativeSelect
            label={t('fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            name="locale"
            {...form.getInputProps('locale')}
          />
          <Fieldset legend={t('users.roles')} variant="unstyled" p={0}>
            <RoleGrantsEditor value={form.values.roles} onChange={(roles) => form.setFieldValue('roles', roles)} errors={nestedErrors(create.error, 'roles')} />
            {form.errors.roles && (
              <Text c="red.9" size="sm" mt={4}>
                {form.errors.roles}
              </Text>
            )}
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
