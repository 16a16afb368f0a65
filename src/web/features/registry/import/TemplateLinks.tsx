import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../types';

/** The empty file to fill in, with the columns the import reads (XLSX adds a sheet of allowed values). */
export function TemplateLinks({ type }: { type: EntityType }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" mb={6}>
        {t('registry.import.templateHint')}
      </Text>
      <Group gap="xs">
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            component="a"
            href={`/api/v1/imports/${type}/template?format=${format}`}
            download
            variant="default"
            data-testid={`template-${format}`}
          >
            {t(`registry.import.template.${format}`)}
          </Button>
        ))}
      </Group>
    </div>
  );
}
