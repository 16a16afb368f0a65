import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/contracts/accounts';
import { LANGUAGES, type Language } from '../../../shared/roles';
import { patch } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../app/forms';
import { LANGUAGE_NAMES, storeLanguage } from '../../app/language';
import { storeUser } from '../../app/session';
import { notify } from '../../app/notify';

const FIELDS = ['displayName', 'locale'] as const;

export function ProfileForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { displayName: user.displayName, locale: user.locale as Language },
    validate: { displayName: (v) => (v.trim() ? null : t('form.required')) },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the saved locale unless the user is editing it
  useEffect(() => {
    if (!form.isDirty('locale')) {
      form.setFieldValue('locale', user.locale);
      form.resetDirty({ ...form.getValues(), locale: user.locale });
    }
  }, [user.locale]);
  const save = useMutation({
    // Only what this form changed: the header's language switch may have changed the locale meanwhile.
    mutationFn: (v: typeof form.values) =>
      patch<User>('/api/v1/me', {
        displayName: v.displayName.trim(),
        ...(form.isDirty('locale') ? { locale: v.locale } : {}),
      }),
    onSuccess: async (saved) => {
      storeUser(qc, saved);
      form.resetDirty({ displayName: saved.displayName, locale: saved.locale });
      if (saved.locale !== i18n.language) {
        storeLanguage(saved.locale);
        await i18n.changeLanguage(saved.locale);
      }
      notify(t('profile.saved'));
    },
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-details">
      <Title order={2} size="h4" mb="md" id="profile-details">
        {t('profile.details')}
      </Title>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={save.error} fields={FIELDS} />
          <TextInput label={t('fields.email')} value={user.email} readOnly dir="ltr" description={t('profile.emailFixed')} />
          <TextInput label={t('fields.displayName')} autoComplete="name" required name="displayName" {...form.getInputProps('displayName')} />
          <NativeSelect
            label={t('fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            name="locale"
            {...form.getInputProps('locale')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
