import { PLURAL } from '../entityTypes';
import type { Summary } from '../types';
import { Name } from './Name';
import { AnchorLink } from './AnchorLink';

/** A link to a record's page, named in the reader's language (or English). */
export function EntityLink({ entity, testId }: { entity: Pick<Summary, 'type' | 'id' | 'names'>; testId?: string }) {
  return (
    <AnchorLink to="/directory/$type/$id" params={{ type: PLURAL[entity.type], id: entity.id }} data-testid={testId}>
      <Name names={entity.names} />
    </AnchorLink>
  );
}
