import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../components/Name';
import { SyntheticBadge } from '../components/SyntheticBadge';
import { PLURAL } from '../entityTypes';
import { nameText } from '../names';
import type { Entity } from '../types';
import { useLabels } from '../useLabels';
import { AnchorLink } from '../components/AnchorLink';

/** The record's name as the page's one h1, its type and kind, and the way back to its list. */
export function EntityHeader({ entity, onEdit }: { entity: Entity; onEdit?: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  useDocumentTitle(`${nameText(entity.names, lng)} · ${t('app.name')}`);
  return (
    <Stack gap={6} mb="lg">
      <AnchorLink to="/directory/$type" params={{ type: PLURAL[entity.type] }} size="sm">
        {t('registry.entity.backTo', { list: labels.typePlural(entity.type) })}
      </AnchorLink>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Title order={1} size="h2" data-testid="entity-title">
          <Name names={entity.names} />
        </Title>
        {onEdit && (
          <Button onClick={onEdit} data-testid="edit-entity">
            {t('registry.edit.button')}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        <Badge variant="light" color="teal" tt="none">
          {labels.type(entity.type)}
        </Badge>
        {entity.kind && (
          <Badge variant="outline" color="gray.8" tt="none">
            {labels.kind(entity.kind)}
          </Badge>
        )}
        <SyntheticBadge synthetic={entity.synthetic} />
      </Group>
    </Stack>
  );
}
