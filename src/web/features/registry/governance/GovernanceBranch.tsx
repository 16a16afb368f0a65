import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { EntityLink } from '../components/EntityLink';
import { nameText } from '../names';
import type { GovernanceNode } from '../types';
import { useLabels } from '../useLabels';

/** One body and, nested under it, every body it oversees or hosts. */
export function GovernanceBranch({ node, depth }: { node: GovernanceNode; depth: number }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  return (
    <li data-testid="governance-node">
      <Group gap={6} wrap="wrap" py={2}>
        <EntityLink entity={node} />
        <Text span size="sm" c="dimmed">
          {[
            labels.type(node.type),
            labels.kind(node.kind),
            node.relation ? t(`registry.governanceRelations.${node.relation}`, { defaultValue: node.relation }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Group>
      {node.children.length > 0 && (
        <ul className="seedbed-tree" aria-label={t('registry.governance.under', { name: nameText(node.names, lng) })}>
          {node.children.map((c) => (
            <GovernanceBranch key={`${c.type}:${c.id}`} node={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
