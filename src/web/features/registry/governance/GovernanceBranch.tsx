import { ActionIcon, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronIcon } from '../../../app/components/icons';
import { useLanguage } from '../../../app/useLanguage';
import { EntityLink } from '../components/EntityLink';
import { nameText } from '../names';
import type { GovernanceNode } from '../types';
import { useLabels } from '../useLabels';

/** Branches open at first: the top of each chain, and any short list. */
const openAtFirst = (node: GovernanceNode, depth: number) => depth < 2 || node.children.length <= 5;

/** One body and, nested under it (folded when long), every body it oversees or hosts. */
export function GovernanceBranch({ node, depth }: { node: GovernanceNode; depth: number }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const [open, setOpen] = useState(() => openAtFirst(node, depth));
  const name = nameText(node.names, lng);
  const listId = `gov-${depth}-${node.type}-${node.id}`;
  return (
    <li data-testid="governance-node">
      <Group gap={6} wrap="wrap" py={2}>
        {node.children.length > 0 && (
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={listId}
            aria-label={t(open ? 'registry.governance.fold' : 'registry.governance.unfold', { name, count: node.children.length })}
          >
            <span style={{ display: 'inline-flex', transform: open ? undefined : 'rotate(var(--seedbed-fold-turn, -90deg))' }} className="seedbed-fold">
              <ChevronIcon />
            </span>
          </ActionIcon>
        )}
        <EntityLink entity={node} />
        <Text span size="sm" c="dimmed">
          {[
            labels.type(node.type),
            labels.kind(node.kind),
            node.relation ? t(`registry.governanceRelations.${node.relation}`, { defaultValue: node.relation }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
          {node.children.length > 0 && !open && ` · ${t('registry.governance.folded', { count: node.children.length })}`}
        </Text>
      </Group>
      {node.children.length > 0 && open && (
        <ul className="seedbed-tree" id={listId} aria-label={t('registry.governance.under', { name })}>
          {node.children.map((c) => (
            <GovernanceBranch key={`${c.type}:${c.id}`} node={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
