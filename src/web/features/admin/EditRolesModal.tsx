import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { nestedErrors } from '../../app/forms';
import { sessionQuery } from '../../app/session';
import { RoleGrantsEditor } from './RoleGrantsEditor';
import { type RoleGrant, type User, usersKey } from './types';
import { notify } from '../../app/notify';

export function EditRolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [roles, setRoles] = useState<RoleGrant[]>(user.roles);
  const save = useMutation({
    mutationFn: () => put<User>(`/api/v1/users/${user.id}/roles`, { roles }),
    onSuccess: () => {
      notify(t('users.rolesSaved', { name: user.displayName }));
      onClose();
      // Changing one's own roles changes what the navbar may show.
      void qc.invalidateQueries({ queryKey: sessionQuery.queryKey });
      return qc.invalidateQueries({ queryKey: usersKey });
    },
  });
  const rowErrors = nestedErrors(save.error, 'roles');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.editRolesOf', { name: user.displayName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <Stack>
        <ApiErrorAlert error={save.error} fields={Object.keys(rowErrors).length > 0 ? ['roles'] : []} />
        <RoleGrantsEditor value={roles} onChange={setRoles} errors={rowErrors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
