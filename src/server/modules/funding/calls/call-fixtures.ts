import type { CallInput } from '../../../../shared/contracts/funding';
import { demoCallInput } from './demo-call';

/**
 * Test and bench fixtures: a call like the demo call with a window around `now`, and answers that
 * pass the seeds' rules. Not used by the application itself.
 */
export function fixtureCall(programId: string, opts: { opensAt: Date; closesAt: Date; key?: string; withCallRules?: boolean }): CallInput {
  const base = demoCallInput(programId, opts.opensAt);
  return {
    ...base,
    key: opts.key,
    opensAt: opts.opensAt.toISOString(),
    closesAt: opts.closesAt.toISOString(),
  };
}

export const eligibleAnswers = () => ({
  employees: 120,
  technicalStaff: 48,
  domesticOwnershipPct: 80,
  sector: 'new_materials',
  doesRnd: true,
  title: 'Graphene coatings for battery electrodes',
  summary: 'We will take our graphene coating process from pilot line to a first production line for battery makers in the zone.',
  startDate: '2027-03-01',
  ipHeld: false,
  projectBudget: 600_000,
  hasCofunding: false,
});

/** The smallest valid PDF: enough for the content sniffer. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
