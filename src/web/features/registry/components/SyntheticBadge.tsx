import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Generated demo or benchmark data, never to be taken for a real record. */
export function SyntheticBadge({ synthetic }: { synthetic: boolean }) {
  const { t } = useTranslation();
  if (!synthetic) return null;
  return (
    <Badge variant="light" color="grape" size="sm" tt="none" title={t('registry.syntheticHint')} data-testid="synthetic-badge">
      {t('registry.synthetic')}
    </Badge>
  );
}
