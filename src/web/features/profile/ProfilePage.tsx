import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import { useUser } from '../../app/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user) return null;
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      <Stack gap="xl" maw={560}>
        <ProfileForm user={user} />
        <ChangePasswordForm />
      </Stack>
    </>
  );
}
