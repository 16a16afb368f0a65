import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EntityLink } from '../components/EntityLink';
import type { Summary } from '../types';
import { useLabels } from '../useLabels';

export type RelationItem = { entity: Summary | null; note?: ReactNode };

/** A titled list of related records as links, each with its kind and an optional note (a position, a stage). */
export function RelationList({ title, items, testId, after }: { title: string; items: RelationItem[]; testId: string; after?: ReactNode }) {
  const labels = useLabels();
  const present = items.filter((i): i is RelationItem & { entity: Summary } => !!i.entity);
  if (present.length === 0 && !after) return null;
  const id = `rel-${testId}`;
  return (
    <Stack gap={4} component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {present.length > 0 && (
        <ul className="seedbed-relation-list">
          {present.map(({ entity, note }) => (
            <li key={`${entity.type}:${entity.id}`}>
              <Group gap={6} wrap="wrap">
                <EntityLink entity={entity} />
                {(entity.kind || note) && (
                  <Text span size="sm" c="dimmed">
                    {[entity.kind ? labels.kind(entity.kind) : null, note].filter(Boolean).map((x, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: at most two fixed parts
                      <span key={i}>
                        {i > 0 && ' · '}
                        {x}
                      </span>
                    ))}
                  </Text>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
      {after}
    </Stack>
  );
}
