import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = TableProps & { label: string; minWidth?: number; children: ReactNode };

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is focusable and named, so
 * keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, minWidth = 640, children, ...tableProps }: Props) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table striped highlightOnHover {...tableProps}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
