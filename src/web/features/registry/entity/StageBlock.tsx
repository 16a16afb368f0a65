import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import type { Entity, StageReason } from '../types';
import { explainStage } from './stageReason';

/** The enterprise's lifecycle stage, derived from its data, and the rule that put it there. */
export function StageBlock({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const stage = typeof entity.stage === 'string' ? entity.stage : null;
  if (!stage) return null;
  return (
    <Alert variant="light" color="teal" title={t('registry.entity.stage')} data-testid="stage">
      <Text size="sm" data-testid="stage-reason">
        {explainStage(stage, entity.stageReason as StageReason | null, lng, t)}
      </Text>
    </Alert>
  );
}
