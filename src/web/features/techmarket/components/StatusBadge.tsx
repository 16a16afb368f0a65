import { Badge } from '@mantine/core';
import { useMarketLabels } from '../labels';

const COLORS: Record<string, string> = {
  draft: 'gray',
  pending: 'orange',
  published: 'teal',
  rejected: 'red',
  expired: 'dark',
  withdrawn: 'gray',
  submitted: 'blue',
  returned: 'orange',
  registered: 'teal',
  open: 'blue',
  accepted: 'teal',
  declined: 'red',
  approved: 'teal',
};

type Props = { of: 'listing' | 'contract' | 'interest' | 'access'; status: string; testId?: string };

/** A status in the reader's words, coloured by what it asks of them (orange: waiting, red: refused). */
export function StatusBadge({ of, status, testId }: Props) {
  const l = useMarketLabels();
  const text =
    of === 'listing' ? l.status(status) : of === 'contract' ? l.contractStatus(status) : of === 'interest' ? l.interestStatus(status) : l.accessStatus(status);
  return (
    <Badge variant="light" color={COLORS[status] ?? 'gray'} tt="none" data-testid={testId} data-status={status}>
      {text}
    </Badge>
  );
}
