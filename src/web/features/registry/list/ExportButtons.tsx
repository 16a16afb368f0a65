import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../../app/api';
import { exportHref } from '../queries';
import type { EntityType } from '../types';

/** Downloads of the list as it is filtered now, in the columns of the import template. */
export function ExportButtons({ type, query }: { type: EntityType; query: Query }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} component="a" href={exportHref(type, format, query)} download variant="default" size="sm" data-testid={`export-${format}`}>
          {t(`registry.list.export.${format}`)}
        </Button>
      ))}
    </Group>
  );
}
