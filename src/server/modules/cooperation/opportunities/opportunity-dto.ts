import type { Opportunity } from '../../../../shared/contracts/cooperation';
import type { coopOpportunities, Texts } from '../cooperation.tables';
import { isAccepting, isoDay } from './opportunity-rules';

export type OpportunityRow = typeof coopOpportunities.$inferSelect;

/**
 * Who reads: the public (and any signed-in person) sees the board; `staff` (cooperation.read) and the `offering`
 * side (officers, the opportunity's managers) see how many applied.
 */
export type OpportunityReader = 'public' | 'staff' | 'offering';

export type OpportunityDtoOptions = {
  reader: OpportunityReader;
  applicationCount?: number | null;
  mine?: Opportunity['mine'];
  delegationTitle?: Texts | null;
  /** The day `accepting` is computed for (YYYY-MM-DD, or a Date); today when omitted. */
  today?: string | Date;
};

const clean = (t: Texts | null | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(t ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0));

export function toOpportunity(row: OpportunityRow, opts: OpportunityDtoOptions): Opportunity {
  const today = opts.today === undefined ? isoDay() : typeof opts.today === 'string' ? opts.today : isoDay(opts.today);
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as Opportunity['kind'],
    title: clean(row.title),
    description: clean(row.description),
    offeredBy: {
      entityType: row.offeredBy.entityType ?? null,
      entityId: row.offeredBy.entityId ?? null,
      name: row.offeredBy.name,
      country: row.offeredBy.country,
    },
    forCountry: row.forCountry,
    city: row.city,
    places: row.places,
    placesPerYear: row.placesPerYear,
    opensOn: row.opensOn,
    deadline: row.deadline,
    eligibility: clean(row.eligibility),
    status: row.status as Opportunity['status'],
    accepting: isAccepting(row, today),
    delegation: row.delegationId && opts.delegationTitle ? { id: row.delegationId, title: clean(opts.delegationTitle) } : null,
    agreementId: row.agreementId,
    mine: opts.mine ?? null,
    applicationCount: opts.reader === 'public' ? null : (opts.applicationCount ?? 0),
    source: row.source,
    synthetic: row.synthetic,
    version: row.version,
  };
}
