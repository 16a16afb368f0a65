import { Button, CloseButton, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, SCOPE_TYPES, type ScopeType } from '../../../shared/roles';
import type { RoleGrant } from './types';

type Props = { value: RoleGrant[]; onChange: (v: RoleGrant[]) => void; errors?: Record<string, string> };

/** Roles with an optional scope (a zone manager of zone X). */
export function RoleGrantsEditor({ value, onChange, errors = {} }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<RoleGrant>) => onChange(value.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <Stack gap="xs">
      {value.length === 0 && <Text size="sm">{t('users.noRoles')}</Text>}
      {value.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <Paper key={i} withBorder p="xs">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('users.role')}
              value={g.role}
              onChange={(e) => set(i, { role: e.currentTarget.value as Role })}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              error={errors[`roles.${i}.role`]}
              style={{ flex: '1 1 180px' }}
            />
            <NativeSelect
              label={t('users.scopeType')}
              value={g.scopeType ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value as ScopeType | '';
                set(i, v ? { scopeType: v } : { scopeType: null, scopeId: null });
              }}
              data={[{ value: '', label: t('users.noScope') }, ...SCOPE_TYPES.map((s) => ({ value: s, label: t(`scopes.${s}`) }))]}
              error={errors[`roles.${i}.scopeType`]}
              style={{ flex: '1 1 140px' }}
            />
            <TextInput
              label={t('users.scopeId')}
              value={g.scopeId ?? ''}
              disabled={!g.scopeType}
              onChange={(e) => set(i, { scopeId: e.currentTarget.value || null })}
              error={errors[`roles.${i}.scopeId`]}
              style={{ flex: '1 1 140px' }}
            />
            <CloseButton aria-label={t('users.removeRole', { role: t(`roles.${g.role}`) })} onClick={() => onChange(value.filter((_, j) => j !== i))} mb={4} />
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="default" size="compact-sm" onClick={() => onChange([...value, { role: 'enterprise_member', scopeType: null, scopeId: null }])}>
          {t('users.addRole')}
        </Button>
      </Group>
    </Stack>
  );
}
